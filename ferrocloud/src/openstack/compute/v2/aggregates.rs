//! Host aggregates, their hosts and metadata, and image caching.

crate::operations! {
    service: "compute";
}
