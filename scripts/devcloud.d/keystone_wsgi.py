"""Keystone WSGI entry point for gunicorn: keystone parses sys.argv with oslo.config when it
is imported, so gunicorn's own flags are hidden from it."""
import sys

sys.argv = sys.argv[:1]
from keystone.wsgi.api import application  # noqa: E402,F401
