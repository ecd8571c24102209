"""WSGI entry point (gunicorn ccfd_community.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

from ccfd_community.collector import freeze_loaded

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccfd_community.settings")

application = get_wsgi_application()
freeze_loaded()
