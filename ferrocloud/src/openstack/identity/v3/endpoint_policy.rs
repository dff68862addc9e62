//! Policies associated with endpoints, services and regions (OS-ENDPOINT-POLICY).

crate::operations! {
    service: "identity";
}
