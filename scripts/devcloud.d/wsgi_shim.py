"""WSGI entry point for gunicorn, for services whose WSGI module reads its configuration
from the command line of the process it runs in (under gunicorn, gunicorn's own).

    DEVCLOUD_WSGI_CONF  the devcloud's configuration file of the service
    DEVCLOUD_WSGI_APP   module:attribute of the application, or module:function() to call

The shim gives the service a command line naming only that file, then loads the
application: Heat (heat.wsgi.api:application), Manila (manila.wsgi.api:application),
Octavia (octavia.api.app:setup_app(), which parses the command line when called)."""
import importlib
import os
import sys

_spec = os.environ["DEVCLOUD_WSGI_APP"]
_module, _attr = _spec.split(":")
sys.argv = [_module.split(".")[0], "--config-file", os.environ["DEVCLOUD_WSGI_CONF"]]

_target = getattr(importlib.import_module(_module), _attr.removesuffix("()"))
application = _target() if _attr.endswith("()") else _target
