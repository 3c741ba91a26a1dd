"""WSGI entry point for deployments behind a TLS proxy."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nocontact.web.settings")
application = get_wsgi_application()
