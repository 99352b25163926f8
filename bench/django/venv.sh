#!/bin/sh
# Makes bench/django/.venv with Django (5.2 by default) and gunicorn for the Django case of the benchmark, and
# prints the Python to pass as BENCH_PYTHON:
#
#   BENCH_PYTHON=$(bench/django/venv.sh) BENCH_ONLY=django BENCH_PLATFORMS=fastify npm run bench
#
# pip installs from its own configuration (pip.conf, PIP_INDEX_URL); progress goes to stderr, only
# the Python's path to stdout. The venv is made with BENCH_VENV_PYTHON (default /usr/bin/python3,
# the interpreter Debian's python3-django runs on, so both Django versions run on the same Python).
# Running it again installs only what the venv lacks; delete bench/django/.venv to start afresh.
# BENCH_DJANGO picks the release, as a pip version (default 5.2.*, the newest LTS release; this
# project's machines can install no other): BENCH_DJANGO='4.2.*' where pip's index has 4.2.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
venv="$here/.venv"
python=${BENCH_VENV_PYTHON:-/usr/bin/python3}

if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv" >&2
fi
"$venv/bin/python" -m pip install --disable-pip-version-check "django==${BENCH_DJANGO:-5.2.*}" gunicorn >&2
"$venv/bin/python" -c 'import django, gunicorn; print("Django", django.get_version(), "gunicorn", gunicorn.__version__)' >&2
echo "$venv/bin/python"
