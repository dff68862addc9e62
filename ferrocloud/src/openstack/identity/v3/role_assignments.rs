//! Role assignments, with every filter.

crate::operations! {
    service: "identity";
}
