//! Domain-specific configuration (`/domains/{domain_id}/config`).

crate::operations! {
    service: "identity";
}
