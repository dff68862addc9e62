//! Server actions (`POST /servers/{server_id}/action`): reboot, rebuild, resize, start/stop, pause, suspend, lock, rescue, shelve, migrate, evacuate, images and backups, passwords, console output, reset state, crash dumps, security groups, fixed and floating IPs.

crate::operations! {
    service: "compute";
}
