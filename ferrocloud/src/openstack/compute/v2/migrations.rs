//! Migrations of all servers (os-migrations).

crate::operations! {
    service: "compute";
}
