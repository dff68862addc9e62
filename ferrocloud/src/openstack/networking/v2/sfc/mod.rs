//! WIP

crate::resources! {
    nested;
}
