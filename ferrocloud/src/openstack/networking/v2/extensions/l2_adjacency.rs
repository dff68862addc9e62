//! `l2_adjacency`: whether all of a network's ports share one layer-2 domain (read only).

super::attributes! {
    /// Layer-2 adjacency of a network.
    L2Adjacency {
        /// False for routed networks (segments that do not reach each other).
        "l2_adjacency" => l2_adjacency: bool,
    }
}
