"""No-op Cinder volume driver for scripts/devcloud.

cinder.tests.fake_driver.FakeLoggingVolumeDriver (shipped in the cinder wheel; needs the
`fixtures` package) covers create/delete/snapshot/clone/attach; this adds no-op
extend/revert/retype/manage.
"""
from cinder.tests import fake_driver


class NoopVolumeDriver(fake_driver.FakeLoggingVolumeDriver):
    def extend_volume(self, volume, new_size):
        pass

    def revert_to_snapshot(self, context, volume, snapshot):
        pass

    def retype(self, context, volume, new_type, diff, host):
        return True, None

    def manage_existing(self, volume, existing_ref):
        return None

    def manage_existing_get_size(self, volume, existing_ref):
        return 1
