//! Hosts (os-hosts, until microversion 2.42).

crate::operations! {
    service: "compute";
}
