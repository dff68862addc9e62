"""Run a Swift server/daemon with swift.conf read from $DEVCLOUD_SWIFT_CONF (not /etc/swift).

    python swift_launcher.py swift.proxy.server /path/proxy-server.conf -v
    python swift_launcher.py container-updater-loop /path/container-server.conf

Swift reads storage policies and [swift-constraints] at import time from the hard-coded
/etc/swift/swift.conf; this re-points it before the servers load it, so nothing goes to /etc.
"""
import importlib
import os
import sys

import swift.common.utils as utils

utils.SWIFT_CONF_FILE = os.environ["DEVCLOUD_SWIFT_CONF"]
from swift.common import constraints, storage_policy  # noqa: E402

storage_policy.reload_storage_policies()
constraints.reload_constraints()
module = sys.argv[1]
if module == "container-updater-loop":
    # The stock container-updater daemon forks a child for every sweep (~1 s of CPU each);
    # calling run_once() in a loop costs ~0.04 s per sweep.
    import time
    from swift.common.utils import get_logger, readconf
    from swift.container.updater import ContainerUpdater
    conf = readconf(sys.argv[2], "container-updater")
    updater = ContainerUpdater(conf, logger=get_logger(
        conf, log_route="container-updater", log_to_console=True))
    while True:
        updater.run_once()
        time.sleep(float(conf.get("interval", 2)))
sys.argv = [module] + sys.argv[2:]
sys.exit(importlib.import_module(module).main())
