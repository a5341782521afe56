"""WSGI entry point (gunicorn network.wsgi)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings.dev")
application = get_wsgi_application()

# What is loaded by now (Django, Wagtail, every app's models) lives as long as the worker.
# Frozen, it is left out of the garbage collector's full collections, which would otherwise
# walk all of it and hold up a request for about a tenth of a second every few hundred.
gc.collect()
gc.freeze()
