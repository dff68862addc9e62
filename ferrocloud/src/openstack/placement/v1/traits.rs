//! Traits (1.6): qualitative facts about resource providers (`HW_CPU_X86_AVX2`,
//! `STORAGE_DISK_SSD`, `CUSTOM_…`). The standard ones come with Placement; custom ones
//! are created. A provider's traits are replaced as a whole, naming its generation.
//!
//! ```no_run
//! # async fn demo(placement: ferrocloud::ServiceClient, rp: &str) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::placement::v1::traits::{self, ListOpts};
//! traits::create(&placement, "CUSTOM_GOLD").await.extract()?;
//! let current = traits::list_for_provider(&placement, rp).await.extract()?;
//! let mut wanted = current.traits.clone();
//! wanted.push("CUSTOM_GOLD".into());
//! traits::set_for_provider(&placement, rp, &wanted, current.resource_provider_generation).await.extract()?;
//! let custom = ListOpts { name: Some("startswith:CUSTOM_".into()), ..Default::default() };
//! println!("{:?}", traits::list(&placement, &custom).all().await?);
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::check_custom_name;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "placement";
    /// List traits.
    LIST = GET "/traits" since("1.6") list("traits", String);
    /// Whether a trait exists (`204`).
    GET = GET "/traits/{name}" since("1.6");
    /// Create a custom trait (`201`, or `204` when it exists).
    CREATE = PUT "/traits/{name}" since("1.6");
    /// Delete a custom trait.
    DELETE = DELETE "/traits/{name}" since("1.6");
    /// List a provider's traits.
    LIST_FOR_PROVIDER = GET "/resource_providers/{uuid}/traits" since("1.6") response(ProviderTraits);
    /// Replace a provider's traits.
    SET_FOR_PROVIDER = PUT "/resource_providers/{uuid}/traits" since("1.6") request(ProviderTraits) response(ProviderTraits);
    /// Remove every trait of a provider.
    DELETE_FOR_PROVIDER = DELETE "/resource_providers/{uuid}/traits" since("1.6");
}

/// What [`list`] filters on.
///
/// ```
/// use ferrocloud::openstack::placement::v1::traits::ListOpts;
/// let opts = ListOpts { name: Some("in:HW_CPU_X86_AVX,CUSTOM_GOLD".into()), associated: Some(true) };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&opts).unwrap()),
///     "name=in%3AHW_CPU_X86_AVX%2CCUSTOM_GOLD&associated=true");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListOpts {
    /// `in:A,B` (these traits) or `startswith:PREFIX`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Only traits some provider has (`true`) or none has (`false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub associated: Option<bool>,
}

/// A provider's traits with its generation; also what [`set_for_provider`] sends.
///
/// ```
/// use ferrocloud::openstack::placement::v1::traits::ProviderTraits;
/// let t = ProviderTraits { traits: vec!["CUSTOM_GOLD".into()], resource_provider_generation: 0 };
/// assert_eq!(serde_json::to_value(&t).unwrap(),
///     serde_json::json!({"traits": ["CUSTOM_GOLD"], "resource_provider_generation": 0}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderTraits {
    /// The traits.
    pub traits: Vec<String>,
    /// The provider's generation.
    pub resource_provider_generation: u64,
}

impl Validate for ProviderTraits {}

/// Lists traits, standard and custom (one page).
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<String> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

/// Checks that a trait exists (`204`; `404` when it does not).
pub async fn get(client: &ServiceClient, name: &str) -> ApiResult<()> {
    client.request(&GET, &[name]).ok_codes(&[204]).send().await
}

/// Whether a trait exists.
///
/// ```no_run
/// # async fn demo(placement: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::placement::v1::traits;
/// assert!(traits::exists(&placement, "HW_CPU_X86_AVX2").await?);
/// # Ok(()) }
/// ```
pub async fn exists(client: &ServiceClient, name: &str) -> Result<bool> {
    match get(client, name).await.extract() {
        Ok(()) => Ok(true),
        Err(e) if e.is_not_found() => Ok(false),
        Err(e) => Err(e),
    }
}

/// Creates a custom trait (`CUSTOM_…`, refused before sending otherwise); `201`, or
/// `204` when it exists.
pub async fn create(client: &ServiceClient, name: &str) -> ApiResult<()> {
    if let Err(e) = check_custom_name("trait", name) {
        return ApiResult::from_error(e);
    }
    client.request(&CREATE, &[name]).send().await
}

/// Deletes a custom trait (`409` while a provider has it; standard traits are `400`).
pub async fn delete(client: &ServiceClient, name: &str) -> ApiResult<()> {
    client.request(&DELETE, &[name]).send().await
}

/// Lists a provider's traits.
pub async fn list_for_provider(client: &ServiceClient, uuid: &str) -> ApiResult<ProviderTraits> {
    client.request(&LIST_FOR_PROVIDER, &[uuid]).send().await
}

/// Replaces a provider's traits with `traits` (each must exist), computed from the
/// provider's `generation`.
pub async fn set_for_provider(
    client: &ServiceClient,
    uuid: &str,
    traits: &[String],
    generation: u64,
) -> ApiResult<ProviderTraits> {
    let opts = ProviderTraits {
        traits: traits.to_vec(),
        resource_provider_generation: generation,
    };
    client
        .request(&SET_FOR_PROVIDER, &[uuid])
        .body(&opts)
        .send()
        .await
}

/// Removes every trait of a provider.
pub async fn delete_for_provider(client: &ServiceClient, uuid: &str) -> ApiResult<()> {
    client.request(&DELETE_FOR_PROVIDER, &[uuid]).send().await
}
