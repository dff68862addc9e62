//! The functions that the resources of Neutron's service plugins (FWaaS v2, VPNaaS,
//! networking-sfc) share: the usual operations of a Neutron resource without bulk
//! creation and without `If-Match` updates, which their API references do not document.

/// Declares `list` (following `<resources>_links`), `extract_<resources>`, `get`,
/// `create`, `update`, `delete` and `find` for a service plugin's resource. The module
/// declares the operations `LIST`, `GET`, `CREATE`, `UPDATE`, `DELETE` and the types
/// `ListOpts` (with a `name` filter), `CreateOpts` and `UpdateOpts` (both
/// [`Extensible`](crate::request::Extensible)); the item type implements
/// [`Named`](crate::find::Named).
///
/// ```ignore
/// crate::openstack::networking::v2::plugin_crud::plugin_functions! {
///     FirewallRule, "firewall rule", "firewall rules", "firewall_rules", extract_rules
/// }
/// ```
macro_rules! plugin_functions {
    ($item:ty, $noun:literal, $nouns:literal, $plural:literal, $extract:ident) => {
        #[doc = concat!("Lists ", $nouns, " (`", $plural, "`), following `", $plural, "_links` from page to page.")]
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
            #[doc = concat!("The ", $nouns, " of a page.")]
            $extract, $item
        }

        #[doc = concat!("Shows one ", $noun, ".")]
        pub async fn get(
            client: &$crate::ServiceClient,
            id: &str,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&GET, &[id]).send().await
        }

        #[doc = concat!("Creates one ", $noun, ": [`CreateOpts`], or [`CreateOpts`] joined with extension types.")]
        pub async fn create<O: $crate::request::Extensible<Base = CreateOpts>>(
            client: &$crate::ServiceClient,
            opts: &O,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&CREATE, &[]).body(opts).send().await
        }

        #[doc = concat!("Updates one ", $noun, ": [`UpdateOpts`], or [`UpdateOpts`] joined with extension types.")]
        pub async fn update<O: $crate::request::Extensible<Base = UpdateOpts>>(
            client: &$crate::ServiceClient,
            id: &str,
            opts: &O,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&UPDATE, &[id]).body(opts).send().await
        }

        #[doc = concat!("Deletes one ", $noun, ".")]
        pub async fn delete(
            client: &$crate::ServiceClient,
            id: &str,
        ) -> $crate::request::ApiResult<()> {
            client.request(&DELETE, &[id]).send().await
        }

        #[doc = concat!("Finds one ", $noun, " by ID, or by name when exactly one has it.")]
        pub async fn find(client: &$crate::ServiceClient, name_or_id: &str) -> $crate::Result<$item> {
            let by_name = ListOpts {
                name: Some(name_or_id.to_string()),
                ..ListOpts::default()
            };
            $crate::find::find($noun, name_or_id, get(client, name_or_id), list(client, &by_name)).await
        }

        impl $crate::request::Extensible for CreateOpts {
            type Base = CreateOpts;
        }

        impl $crate::request::Extensible for UpdateOpts {
            type Base = UpdateOpts;
        }
    };
}
pub(crate) use plugin_functions;

/// Implements [`Named`](crate::find::Named) for resource types with `id` and `name`.
macro_rules! named {
    ($($item:ty),+) => {
        $(impl $crate::find::Named for $item {
            fn id(&self) -> &str {
                &self.id
            }
            fn name(&self) -> &str {
                &self.name
            }
        })+
    };
}
pub(crate) use named;
