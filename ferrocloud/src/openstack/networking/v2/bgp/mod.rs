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

/// The functions of a Neutron plugin resource that has list, show, create, update and
/// delete but neither bulk creation nor revision numbers (BGP speakers and peers,
/// BGP VPNs, tap services, flows and mirrors): `list` (following `<resources>_links`),
/// `extract_<resources>`, `get`, `create`, `update`, `delete` and `find`. The module
/// declares the operations `LIST`, `GET`, `CREATE`, `UPDATE`, `DELETE` and the types
/// `ListOpts` (with a `name` filter), `CreateOpts` and `UpdateOpts`.
macro_rules! plugin_resource_functions {
    ($item:ty, $noun:literal, $plural:literal, $extract:ident) => {
        #[doc = concat!("Lists ", $plural, ", following `", $plural, "_links` from page to page.")]
        pub fn list(
            client: &$crate::ServiceClient,
            opts: &ListOpts,
        ) -> $crate::pagination::Pager<$item> {
            client
                .request(&LIST, &[])
                .query(opts)
                .paged($crate::pagination::PageStyle::Links(concat!($plural, "_links")))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("The ", $plural, " of a page.")]
            $extract, $item
        }

        #[doc = concat!("Shows a ", $noun, ".")]
        pub async fn get(
            client: &$crate::ServiceClient,
            id: &str,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&GET, &[id]).send().await
        }

        #[doc = concat!("Creates a ", $noun, ".")]
        pub async fn create(
            client: &$crate::ServiceClient,
            opts: &CreateOpts,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&CREATE, &[]).body(opts).send().await
        }

        #[doc = concat!("Updates a ", $noun, ".")]
        pub async fn update(
            client: &$crate::ServiceClient,
            id: &str,
            opts: &UpdateOpts,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&UPDATE, &[id]).body(opts).send().await
        }

        #[doc = concat!("Deletes a ", $noun, ".")]
        pub async fn delete(
            client: &$crate::ServiceClient,
            id: &str,
        ) -> $crate::request::ApiResult<()> {
            client.request(&DELETE, &[id]).send().await
        }

        #[doc = concat!("Finds a ", $noun, " by ID, or by name when exactly one has it.")]
        pub async fn find(client: &$crate::ServiceClient, name_or_id: &str) -> $crate::Result<$item> {
            let by_name = ListOpts {
                name: Some(name_or_id.to_string()),
                ..ListOpts::default()
            };
            $crate::find::find($noun, name_or_id, get(client, name_or_id), list(client, &by_name)).await
        }

        impl $crate::find::Named for $item {
            fn id(&self) -> &str {
                &self.id
            }
            fn name(&self) -> &str {
                &self.name
            }
        }
    };
}
pub(crate) use plugin_resource_functions;
