//! What Cyborg's resources share: the microversion check and the functions every
//! resource declares the same way (list in one page, get, delete).
//!
//! ```
//! use ferrocloud::openstack::accelerator::v2::common::is_uuid;
//! assert!(is_uuid("5518a925-1c2c-49a2-a8bf-0927d9456f3e"));
//! assert!(!is_uuid("fpga-dp1"));
//! ```

use crate::microversion::{Microversion, at_least};
use crate::{Error, Result, ServiceClient};

/// Refuses, before sending, what needs Cyborg microversion `2.minor` on a client pinned
/// lower (or not pinned: Cyborg answers in 2.0).
pub(crate) fn need(client: &ServiceClient, what: &str, minor: u32) -> Result<()> {
    if at_least(client, Microversion::new(2, minor)) {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "{what} needs accelerator microversion 2.{minor} or later; this client uses {}",
            client.microversion().unwrap_or("the base version (2.0)")
        )))
    }
}

/// Whether `s` is written as a UUID (32 hex digits, with or without the four dashes),
/// as Cyborg tells a UUID from a name.
pub fn is_uuid(s: &str) -> bool {
    let hex: String = s.chars().filter(|c| *c != '-').collect();
    let dashed = s.len() == 36
        && s.char_indices()
            .all(|(i, c)| matches!(i, 8 | 13 | 18 | 23) == (c == '-'));
    hex.len() == 32 && hex.chars().all(|c| c.is_ascii_hexdigit()) && (dashed || s.len() == 32)
}

/// The functions of a Cyborg resource, declared once; the module names the ones it
/// has after the `;`:
///
/// - `list`: one page (Cyborg does not page), with the module's `ListOpts`, and the
///   `$extract` function;
/// - `get` and `delete` by UUID.
///
/// ```ignore
/// cyborg_functions! { Device, "device", extract_devices; list get }
/// ```
macro_rules! cyborg_functions {
    ($item:ty, $noun:literal, $extract:ident; $($f:ident)+) => {
        $(
            $crate::openstack::accelerator::v2::common::cyborg_functions! {
                @$f $item, $noun, $extract
            }
        )+
    };
    (@list $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Lists every ", $noun, " (one page).")]
        pub fn list(client: &$crate::ServiceClient, opts: &ListOpts) -> $crate::pagination::Pager<$item> {
            client
                .request(&LIST, &[])
                .query(opts)
                .paged($crate::pagination::PageStyle::Single)
        }

        $crate::operation::extract_fn! {
            #[doc = concat!("Each ", $noun, " of a page (or of all pages).")]
            $extract, $item
        }
    };
    (@get $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Shows a ", $noun, " by UUID.")]
        pub async fn get(client: &$crate::ServiceClient, uuid: &str) -> $crate::request::ApiResult<$item> {
            client.request(&GET, &[uuid]).send().await
        }
    };
    (@delete $item:ty, $noun:literal, $extract:ident) => {
        #[doc = concat!("Deletes a ", $noun, " by UUID (`204`).")]
        pub async fn delete(client: &$crate::ServiceClient, uuid: &str) -> $crate::request::ApiResult<()> {
            client.request(&DELETE, &[uuid]).send().await
        }
    };
}
pub(crate) use cyborg_functions;
