"""Production-like settings: DEBUG off, no middleware beyond what a list page needs."""
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
SECRET_KEY = 'bench-only'
DEBUG = False
ALLOWED_HOSTS = ['127.0.0.1']
INSTALLED_APPS = ['benchsite']
MIDDLEWARE = []
ROOT_URLCONF = 'benchsite.urls'
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
