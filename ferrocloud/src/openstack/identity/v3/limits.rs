//! Project limits (unified limits).

crate::operations! {
    service: "identity";
}
