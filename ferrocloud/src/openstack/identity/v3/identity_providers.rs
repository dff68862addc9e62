//! Federated identity providers and their protocols (OS-FEDERATION).

crate::operations! {
    service: "identity";
}
