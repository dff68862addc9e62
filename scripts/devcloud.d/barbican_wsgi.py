"""Barbican API entry point for gunicorn. Barbican parses its configuration from fixed
places (/etc/barbican) when its modules are imported (the API's, and again each crypto
and secret store plugin's own), and its WSGI script loads the paste file from
/etc/barbican: this makes every one of those parses read $DEVCLOUD_BARBICAN_CONF, and
loads $DEVCLOUD_BARBICAN_PASTE, so nothing goes to /etc."""
import os
import sys

sys.argv = sys.argv[:1]
CONF_FILE = os.environ["DEVCLOUD_BARBICAN_CONF"]

from barbican.common import config  # noqa: E402

_parse_args = config.parse_args


def parse_args(conf, args=None, usage=None, default_config_files=None):
    _parse_args(conf, args, usage, default_config_files or [CONF_FILE])


config.parse_args = parse_args
config.CONF(args=[], project="barbican", default_config_files=[CONF_FILE])

from paste import deploy  # noqa: E402

application = deploy.loadapp("config:" + os.environ["DEVCLOUD_BARBICAN_PASTE"])
