"""No-op Cinder volume driver for scripts/devcloud.

cinder.tests.fake_driver.FakeLoggingVolumeDriver (shipped in the cinder wheel; needs the
`fixtures` package) covers create/delete/snapshot/clone/attach; this adds no-op
extend/revert/retype/manage.

So that cinder-backup can work without root, every volume and snapshot also has a small
sparse file as its device (DEVICE_BYTES, whatever the volume's size), under
<state_path>/devices, and connections are os-brick "local" ones naming that file: the
backup service reads it to back up and writes it to restore. Clones and volumes from
snapshots copy their source's file. The file is made on first use, so volumes created
before (or by another driver) work too.
"""
import os
import shutil

from oslo_config import cfg

from cinder.tests import fake_driver

DEVICE_BYTES = 1024 * 1024


class NoopVolumeDriver(fake_driver.FakeLoggingVolumeDriver):
    def _device(self, kind, obj_id):
        d = os.path.join(cfg.CONF.state_path, "devices")
        os.makedirs(d, exist_ok=True)
        return os.path.join(d, "%s-%s" % (kind, obj_id))

    def _ensure_device(self, kind, obj_id, source=None):
        path = self._device(kind, obj_id)
        if not os.path.exists(path):
            if source and os.path.exists(source):
                shutil.copyfile(source, path)
            else:
                with open(path, "wb") as f:
                    f.truncate(DEVICE_BYTES)
        return path

    def _remove_device(self, kind, obj_id):
        try:
            os.unlink(self._device(kind, obj_id))
        except FileNotFoundError:
            pass

    def create_volume(self, volume):
        update = super().create_volume(volume)
        self._ensure_device("volume", volume.id)
        return update

    def delete_volume(self, volume):
        self._remove_device("volume", volume["id"])

    def create_cloned_volume(self, volume, src_vol):
        self._ensure_device("volume", volume.id, self._device("volume", src_vol.id))

    def create_snapshot(self, snapshot):
        self._ensure_device("snapshot", snapshot.id,
                            self._device("volume", snapshot.volume_id))

    def delete_snapshot(self, snapshot):
        self._remove_device("snapshot", snapshot.id)

    def create_volume_from_snapshot(self, volume, snapshot):
        self._ensure_device("volume", volume.id, self._device("snapshot", snapshot.id))

    def validate_connector(self, connector):
        pass  # the LVM parent wants an iSCSI initiator

    def initialize_connection(self, volume, connector):
        conn = super().initialize_connection(volume, connector)
        conn["driver_volume_type"] = "local"
        conn["data"]["device_path"] = self._ensure_device("volume", volume["id"])
        return conn

    def initialize_connection_snapshot(self, snapshot, connector):
        return {"driver_volume_type": "local",
                "data": {"device_path": self._ensure_device("snapshot", snapshot.id)}}

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

    # Consistency groups (the legacy API, on groups of Cinder's default_cgsnapshot_type
    # group type): done at once, with devices for the volumes and snapshots they make.
    def create_consistencygroup(self, context, group):
        return {"status": "available"}

    def create_consistencygroup_from_src(self, context, group, volumes, cgsnapshot=None,
                                         snapshots=None, source_cg=None, source_vols=None):
        sources = ([self._device("snapshot", s.id) for s in snapshots or []]
                   or [self._device("volume", v.id) for v in source_vols or []])
        for i, volume in enumerate(volumes):
            self._ensure_device("volume", volume.id, sources[i] if i < len(sources) else None)
        return None, None

    def update_consistencygroup(self, context, group, add_volumes=None, remove_volumes=None):
        return None, None, None

    def delete_consistencygroup(self, context, group, volumes):
        for volume in volumes:
            self._remove_device("volume", volume.id)
        return ({"status": "deleted"},
                [{"id": volume.id, "status": "deleted"} for volume in volumes])

    def create_cgsnapshot(self, context, cgsnapshot, snapshots):
        for s in snapshots:
            self._ensure_device("snapshot", s.id, self._device("volume", s.volume_id))
        return ({"status": "available"},
                [{"id": s.id, "status": "available"} for s in snapshots])

    def delete_cgsnapshot(self, context, cgsnapshot, snapshots):
        for s in snapshots:
            self._remove_device("snapshot", s.id)
        return ({"status": "deleted"},
                [{"id": s.id, "status": "deleted"} for s in snapshots])
