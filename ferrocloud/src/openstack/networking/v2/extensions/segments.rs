//! `segment` and `subnet-segmentid-writable`: the network segment a subnet belongs to
//! (routed networks).

super::attributes! {
    /// The segment of a subnet.
    SegmentId {
        /// The segment's ID (`null`: the whole network).
        "segment_id" => segment_id: String,
    }
}
