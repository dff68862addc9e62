//! BGP dynamic routing (the `neutron-dynamic-routing` plugin, extension alias `bgp`):
//! BGP speakers that advertise a project's prefixes and floating IPs to BGP peers, and
//! their scheduling on BGP dynamic routing agents (`bgp_dragent_scheduler`).
//!
//! A speaker carries the routes of the networks it is bound to (their routers' gateway
//! networks) to the peers added to it; the agent hosting it speaks BGP. Both resources
//! are admin-only by default.
//!
//! ```no_run
//! # async fn demo(network: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::networking::v2::bgp::{peers, speakers};
//!
//! let speaker = speakers::create(&network, &speakers::CreateOpts::new("edge", 64512, 4)).await.extract()?;
//! let peer = peers::create(&network, &peers::CreateOpts::new("upstream", "192.0.2.1", 64513)
//!     .md5("s3cret")).await.extract()?;
//! speakers::add_bgp_peer(&network, &speaker.id, &peer.id).await.extract()?;
//! for route in speakers::get_advertised_routes(&network, &speaker.id).await.extract()? {
//!     println!("{} via {}", route.destination, route.next_hop);
//! }
//! # Ok(()) }
//! ```

crate::resources! {
    nested;
    /// Scheduling BGP speakers on dynamic routing agents.
    pub mod dragent_scheduler;
    /// BGP peers: the routers a speaker talks to.
    pub mod peers;
    /// BGP speakers: what is advertised, and to which peers.
    pub mod speakers;
}

/// An AS number, which the plugin's samples write as a number or as text.
pub(crate) fn as_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    use serde::de::Error as _;
    match <serde_json::Value as serde::Deserialize>::deserialize(d)? {
        serde_json::Value::Number(n) => n
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| D::Error::custom("an AS number between 0 and 4294967295")),
        serde_json::Value::String(s) => s
            .trim()
            .parse()
            .map_err(|_| D::Error::custom("an AS number between 0 and 4294967295")),
        _ => Err(D::Error::custom("an AS number")),
    }
}

/// Checks an AS number: 1 to 4294967295 (above 65535 needs the `bgp_4byte_asn`
/// extension).
pub(crate) fn check_as(field: &str, value: u32) -> crate::Result<()> {
    if value == 0 {
        return Err(crate::Error::invalid_input(format!(
            "{field} must be between 1 and 4294967295"
        )));
    }
    Ok(())
}
