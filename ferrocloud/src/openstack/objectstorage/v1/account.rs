//! The account: its figures and metadata (`get`, a `HEAD`), metadata and TempURL key
//! changes (`update`), and its deletion (`delete`, for reseller admins). Its containers
//! are listed by
//! [`crate::openstack::objectstorage::v1::containers::list`].
//!
//! ```no_run
//! # async fn demo(swift: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::objectstorage::v1::account::{self, UpdateOpts};
//! use ferrocloud::openstack::objectstorage::v1::common::MetadataChanges;
//!
//! let acct = account::get(&swift).await.extract()?;
//! println!("{} objects in {} containers", acct.object_count, acct.container_count);
//! let opts = UpdateOpts {
//!     metadata: MetadataChanges::default().set("owner", "ops").remove("old"),
//!     ..UpdateOpts::default()
//! };
//! account::update(&swift, &opts).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use http::HeaderMap;
use secrecy::{ExposeSecret, SecretString};

use super::common::{self, MetadataChanges};
use crate::dates::Timestamp;
use crate::request::{ApiResult, FromResponse, Response};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "object-store";
    /// Show account metadata.
    GET = HEAD "/";
    /// Create, update, or delete account metadata.
    UPDATE = POST "/";
    /// Delete the account (reseller admins).
    DELETE = DELETE "/";
}

/// An account's figures and metadata, read from the headers of a `HEAD`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Account {
    /// Containers (`X-Account-Container-Count`).
    pub container_count: u64,
    /// Objects (`X-Account-Object-Count`).
    pub object_count: u64,
    /// Bytes stored (`X-Account-Bytes-Used`).
    pub bytes_used: u64,
    /// The quota set by a reseller admin (`X-Account-Meta-Quota-Bytes`).
    pub quota_bytes: Option<u64>,
    /// User metadata (`X-Account-Meta-*`, names in lower case; the TempURL keys apart).
    pub metadata: BTreeMap<String, String>,
    /// The first TempURL key (a secret).
    pub temp_url_key: Option<SecretString>,
    /// The second TempURL key (a secret).
    pub temp_url_key_2: Option<SecretString>,
    /// When the account was created (`X-Timestamp`).
    pub created: Option<Timestamp>,
    /// Usage per storage policy (`X-Account-Storage-Policy-<name>-*`), by policy name in
    /// lower case.
    pub policies: BTreeMap<String, PolicyUsage>,
}

/// An account's usage of one storage policy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PolicyUsage {
    /// Containers of the policy.
    pub container_count: u64,
    /// Objects.
    pub object_count: u64,
    /// Bytes.
    pub bytes_used: u64,
}

impl FromResponse for Account {
    fn from_response(resp: &Response, _envelope: Option<&str>) -> Result<Self> {
        let h = resp.headers();
        let mut policies: BTreeMap<String, PolicyUsage> = BTreeMap::new();
        for name in h.keys() {
            let Some(rest) = name.as_str().strip_prefix("x-account-storage-policy-") else {
                continue;
            };
            for (suffix, field) in [
                ("-container-count", 0),
                ("-object-count", 1),
                ("-bytes-used", 2),
            ] {
                if let Some(policy) = rest.strip_suffix(suffix) {
                    let n = common::required_number(h, name.as_str())?;
                    let usage = policies.entry(policy.to_string()).or_default();
                    match field {
                        0 => usage.container_count = n,
                        1 => usage.object_count = n,
                        _ => usage.bytes_used = n,
                    }
                }
            }
        }
        Ok(Account {
            container_count: common::required_number(h, "x-account-container-count")?,
            object_count: common::required_number(h, "x-account-object-count")?,
            bytes_used: common::required_number(h, "x-account-bytes-used")?,
            quota_bytes: common::number(h, "x-account-meta-quota-bytes")?,
            metadata: common::metadata(h, "x-account-meta-"),
            temp_url_key: common::secret(h, "x-account-meta-temp-url-key"),
            temp_url_key_2: common::secret(h, "x-account-meta-temp-url-key-2"),
            created: common::time(h, "x-timestamp")?,
            policies,
        })
    }
}

/// What [`update`] changes. A key set to `Some("")` is removed too.
#[derive(Debug, Clone, Default)]
pub struct UpdateOpts {
    /// Metadata to set and to remove.
    pub metadata: MetadataChanges,
    /// A new first TempURL key.
    pub temp_url_key: Option<SecretString>,
    /// A new second TempURL key (to rotate keys without breaking issued URLs).
    pub temp_url_key_2: Option<SecretString>,
    /// Remove the first TempURL key.
    pub remove_temp_url_key: bool,
    /// Remove the second TempURL key.
    pub remove_temp_url_key_2: bool,
}

impl UpdateOpts {
    fn to_headers(&self) -> Result<HeaderMap> {
        let mut h = HeaderMap::new();
        self.metadata.write("Account", &mut h)?;
        temp_url_keys(
            "Account",
            [
                (&self.temp_url_key, self.remove_temp_url_key, ""),
                (&self.temp_url_key_2, self.remove_temp_url_key_2, "-2"),
            ],
            &mut h,
        )?;
        Ok(h)
    }
}

/// Writes `kind`'s TempURL key headers: each key set, or removed.
pub(crate) fn temp_url_keys(
    kind: &str,
    keys: [(&Option<SecretString>, bool, &str); 2],
    h: &mut HeaderMap,
) -> Result<()> {
    for (key, remove, suffix) in keys {
        if let Some(key) = key {
            common::put(h, &format!("X-{kind}-Meta-Temp-URL-Key{suffix}"), key.expose_secret())
                .map_err(|_| {
                    crate::Error::invalid_input("a TempURL key has a control character")
                })?;
        }
        if remove {
            common::put(h, &format!("X-Remove-{kind}-Meta-Temp-URL-Key{suffix}"), "x")?;
        }
    }
    Ok(())
}

/// The account's figures and metadata (`204`).
pub async fn get(client: &ServiceClient) -> ApiResult<Account> {
    client.request(&GET, &[]).typed().send().await
}

/// Sets and removes account metadata and TempURL keys (`204`).
pub async fn update(client: &ServiceClient, opts: &UpdateOpts) -> ApiResult<()> {
    client
        .request(&UPDATE, &[])
        .headers(opts.to_headers())
        .send()
        .await
}

/// Deletes the account (reseller admins, on clusters that allow it: `204`; others get
/// `403` or `405`).
pub async fn delete(client: &ServiceClient) -> ApiResult<()> {
    client.request(&DELETE, &[]).send().await
}
