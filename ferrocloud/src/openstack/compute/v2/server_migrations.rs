//! Migrations of one server: list, show, force complete, abort.

crate::operations! {
    service: "compute";
}
