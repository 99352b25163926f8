"""Production-like settings: DEBUG off, no middleware beyond what a list page needs.

The same file runs on Django 3.2 and 5.2: every setting here means the same on both.
"""
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
SECRET_KEY = 'bench-only'
DEBUG = False
ALLOWED_HOSTS = ['127.0.0.1']
INSTALLED_APPS = ['benchsite']
MIDDLEWARE = []
ROOT_URLCONF = 'benchsite.urls'
# Django 3.2's implicit default, named so that neither version warns (models.W042).
DEFAULT_AUTO_FIELD = 'django.db.models.AutoField'
DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.environ['BENCH_DJANGO_DB']}}
TEMPLATES = [
    {
        'BACKEND': 'django.template.backends.django.DjangoTemplates',
        'DIRS': [HERE / 'templates'],
        'OPTIONS': {
            'loaders': [('django.template.loaders.cached.Loader', ['django.template.loaders.filesystem.Loader'])],
        },
    }
]
USE_TZ = True
# Localized formatting, as Django 4.0+ always does (5.0 removed the setting and ignores it) and as
# 3.2's startproject settings do; 3.2's own default is False.
USE_L10N = True
