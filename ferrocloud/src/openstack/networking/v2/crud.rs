//! The functions of Neutron resources that have some of the usual operations only (no
//! bulk creation, no update…): each function declared once, picked by name.
//!
//! ```ignore
//! crate::openstack::networking::v2::crud::crud! {
//!     MeteringLabel, "metering label", "metering labels", extract_metering_labels;
//!     list, get, create, delete, find
//! }
//! ```
//!
//! The module declares the operations the picked functions use (`LIST`, `GET`, `CREATE`,
//! `UPDATE`, `DELETE`) and the types `ListOpts` (with a `name` filter for `find`),
//! `CreateOpts` and `UpdateOpts` (both [`Validate`](crate::request::Validate)).
//! Listings follow `<collection>_links` (`$links`).

macro_rules! crud {
    ($item:ty, $noun:literal, $plural:literal, $links:literal, $extract:ident; $($f:ident),+ $(,)?) => {
        $($crate::openstack::networking::v2::crud::crud!(@ $f $item, $noun, $plural, $links, $extract);)+
    };
    (@ list $item:ty, $noun:literal, $plural:literal, $links:literal, $extract:ident) => {
        #[doc = concat!("Lists ", $plural, ", following `", $links, "` from page to page.")]
        pub fn list(
            client: &$crate::ServiceClient,
            opts: &ListOpts,
        ) -> $crate::pagination::Pager<$item> {
            client
                .request(&LIST, &[])
                .query(opts)
                .paged($crate::pagination::PageStyle::Links($links))
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("The ", $plural, " of a page.")]
            $extract, $item
        }
    };
    (@ get $item:ty, $noun:literal, $plural:literal, $links:literal, $extract:ident) => {
        #[doc = concat!("Shows a ", $noun, ".")]
        pub async fn get(
            client: &$crate::ServiceClient,
            id: &str,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&GET, &[id]).send().await
        }
    };
    (@ create $item:ty, $noun:literal, $plural:literal, $links:literal, $extract:ident) => {
        #[doc = concat!("Creates a ", $noun, ".")]
        pub async fn create(
            client: &$crate::ServiceClient,
            opts: &CreateOpts,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&CREATE, &[]).body(opts).send().await
        }
    };
    (@ update $item:ty, $noun:literal, $plural:literal, $links:literal, $extract:ident) => {
        #[doc = concat!("Updates a ", $noun, "; unset fields are left as they are.")]
        pub async fn update(
            client: &$crate::ServiceClient,
            id: &str,
            opts: &UpdateOpts,
        ) -> $crate::request::ApiResult<$item> {
            client.request(&UPDATE, &[id]).body(opts).send().await
        }
    };
    (@ delete $item:ty, $noun:literal, $plural:literal, $links:literal, $extract:ident) => {
        #[doc = concat!("Deletes a ", $noun, ".")]
        pub async fn delete(
            client: &$crate::ServiceClient,
            id: &str,
        ) -> $crate::request::ApiResult<()> {
            client.request(&DELETE, &[id]).send().await
        }
    };
    (@ find $item:ty, $noun:literal, $plural:literal, $links:literal, $extract:ident) => {
        #[doc = concat!("Finds a ", $noun, " by ID, or by name when exactly one has it.")]
        pub async fn find(client: &$crate::ServiceClient, name_or_id: &str) -> $crate::Result<$item> {
            let by_name = ListOpts {
                name: Some(name_or_id.to_string()),
                ..ListOpts::default()
            };
            $crate::find::find($noun, name_or_id, get(client, name_or_id), list(client, &by_name)).await
        }
    };
}
pub(crate) use crud;
