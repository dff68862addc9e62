"""Heat API entry point for gunicorn. Heat's WSGI module parses its configuration from
the command line of the process it runs in, which under gunicorn is gunicorn's own: this
gives it the devcloud's configuration file, $DEVCLOUD_HEAT_CONF, instead (the paste file
is named in it)."""
import os
import sys

sys.argv = ["heat-api", "--config-file", os.environ["DEVCLOUD_HEAT_CONF"]]

from heat.wsgi.api import application  # noqa: E402,F401
