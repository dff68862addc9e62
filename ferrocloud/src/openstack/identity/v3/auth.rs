//! What a token may be scoped to, and its catalog (`/auth/catalog`, `/auth/projects`, `/auth/domains`, `/auth/system`).

crate::operations! {
    service: "identity";
}
