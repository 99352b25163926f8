"""
The Django reference of the list case: `python3 serve.py` seeds BOOKS rows into a fresh
SQLite file, serves Django's ListView under gunicorn (one worker, one thread; the gthread
worker, which keeps connections alive as the Node servers do) on 127.0.0.1, prints `READY <port>` and answers `cpu` on stdin with the CPU time (µs) of
the master and its worker so far, as bench/server.ts does.

It runs unchanged on Debian's Django 3.2 with gunicorn 20.1 and on Django 5.2 with gunicorn 26
(bench/django/venv.sh); the Python that runs it decides which.
"""
import os
import socket
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'benchsite.settings')
database = tempfile.NamedTemporaryFile(prefix='bench-django-', suffix='.sqlite3', delete=False)
database.close()
os.environ['BENCH_DJANGO_DB'] = database.name

import django  # noqa: E402

django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.db import connection  # noqa: E402
from gunicorn.app.base import BaseApplication  # noqa: E402

from benchsite.models import Book  # noqa: E402

BOOKS = int(os.environ.get('BENCH_BOOKS', '10000'))
with connection.schema_editor() as editor:
    editor.create_model(Book)
Book.objects.bulk_create([Book(title=f'Book {i}') for i in range(1, BOOKS + 1)], batch_size=500)
connection.close()

with socket.socket() as probe:
    probe.bind(('127.0.0.1', 0))
    port = probe.getsockname()[1]

TICKS = os.sysconf('SC_CLK_TCK')


def cpu_micros():
    """utime + stime of this process and its children (the worker), from /proc."""
    me = os.getpid()
    total = 0
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            with open(f'/proc/{pid}/stat') as stat:
                fields = stat.read().rsplit(')', 1)[1].split()
        except OSError:
            continue
        if int(pid) == me or int(fields[1]) == me:
            total += int(fields[11]) + int(fields[12])
    return total * 1_000_000 // TICKS


def answer():
    for line in sys.stdin:
        if line.strip() == 'cpu':
            print(f'CPU {cpu_micros()}', flush=True)


class Server(BaseApplication):
    def load_config(self):
        self.cfg.set('bind', f'127.0.0.1:{port}')
        self.cfg.set('workers', 1)
        self.cfg.set('worker_class', 'gthread')
        self.cfg.set('threads', 1)
        self.cfg.set('keepalive', 30)
        self.cfg.set('loglevel', 'warning')
        # gunicorn 25.1+ opens a control socket under $HOME by default (a thread in the master);
        # a bench server needs none, and two servers at once would try the same path.
        if 'control_socket_disable' in self.cfg.settings:
            self.cfg.set('control_socket_disable', True)

    def load(self):
        return get_wsgi_application()


def when_ready(_server):
    print(f'READY {port}', flush=True)
    threading.Thread(target=answer, daemon=True).start()


master = os.getpid()
try:
    app = Server()
    app.cfg.set('when_ready', when_ready)
    app.run()
finally:
    if os.getpid() == master and os.path.exists(database.name):
        os.unlink(database.name)
