//! Project endpoint associations and endpoint groups (OS-EP-FILTER).

crate::operations! {
    service: "identity";
}
