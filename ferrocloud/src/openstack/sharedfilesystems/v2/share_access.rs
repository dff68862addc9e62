//! Access rules of shares: grant (`allow_access`), revoke (`deny_access`), list them
//! (`GET /share-access-rules`, 2.45; the `access_list` action before), show and
//! update one (2.45, 2.88), and their metadata (2.45). A rule is applied
//! asynchronously: wait until it is `active` with [`wait_for_active`](crate::openstack::sharedfilesystems::v2::share_access::wait_for_active).
//!
//! A rule's `access_key` (a CephX secret) is a [`SecretString`](crate::SecretString): it never prints.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::share_access::{self, GrantOpts};
//! use ferrocloud::wait::WaitOpts;
//! let manila = manila.with_microversion("2.45");
//! let rule = share_access::grant(&manila, "011d21e2", &GrantOpts::new("ip", "10.0.0.0/24", "rw")).await.extract()?;
//! share_access::wait_for_active(&manila, &rule.id, &WaitOpts::default()).await?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::common::{self, need};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Null, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "shared-file-system";
    /// Grant access to a share.
    GRANT = POST "/shares/{share_id}/action" request("allow_access", GrantOpts) response("access", AccessRule);
    /// Revoke an access rule.
    REVOKE = POST "/shares/{share_id}/action" request("deny_access", RevokeOpts);
    /// List a share's access rules (before 2.45).
    LIST_ACTION = POST "/shares/{share_id}/action" until("2.44") request("access_list", Null) list("access_list", AccessRule);
    /// List a share's access rules (2.45).
    LIST = GET "/share-access-rules" since("2.45") list("access_list", AccessRule);
    /// Show an access rule (2.45).
    GET = GET "/share-access-rules/{access_id}" since("2.45") response("access", AccessRule);
    /// Change an access rule's level (2.88).
    UPDATE = PUT "/share-access-rules/{access_id}" since("2.88") request("update_access", UpdateOpts) response("access", AccessRule);
    /// Set metadata items of an access rule (2.45).
    SET_METADATA = PUT "/share-access-rules/{access_id}/metadata" since("2.45") request("metadata", crate::metadata::MetadataOpts) response("metadata", crate::metadata::Metadata);
    /// Delete a metadata item of an access rule (2.45).
    DELETE_METADATA = DELETE "/share-access-rules/{access_id}/metadata/{key}" since("2.45");
}

common::status_enum! {
    /// The state of an access rule.
    AccessState {
        /// Waiting to be applied.
        QueuedToApply = "queued_to_apply",
        /// Being applied.
        Applying = "applying",
        /// Applied.
        Active = "active",
        /// Applying or denying failed.
        Error = "error",
        /// Waiting to be removed.
        QueuedToDeny = "queued_to_deny",
        /// Being removed.
        Denying = "denying",
        /// Being updated (2.88).
        QueuedToUpdate = "queued_to_update",
        /// Being updated.
        Updating = "updating",
    }
}

/// An access rule.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AccessRule {
    /// The ID.
    pub id: String,
    /// `ip`, `cert`, `user` or `cephx`.
    pub access_type: String,
    /// Who is granted access (an address, a certificate name, a user).
    pub access_to: String,
    /// `rw` or `ro`.
    pub access_level: String,
    /// The state (absent in the answer to a grant on older releases).
    #[serde(default)]
    pub state: Option<AccessState>,
    /// The CephX secret (2.21); never printed.
    #[serde(default, with = "crate::de::secret::option")]
    pub access_key: Option<SecretString>,
    /// The share (absent in listings).
    #[serde(default)]
    pub share_id: Option<String>,
    /// When it was created (absent from the pre-2.45 listing).
    #[serde(default, with = "crate::dates::option")]
    pub created_at: Option<Timestamp>,
    /// When it was last updated.
    #[serde(default, with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
    /// Metadata (2.45).
    #[serde(default)]
    pub metadata: BTreeMap<String, String>,
    /// Whether the access target is hidden from other users (2.82).
    #[serde(default)]
    pub lock_visibility: Option<bool>,
    /// Whether deleting the rule is locked (2.82).
    #[serde(default)]
    pub lock_deletion: Option<bool>,
}

/// What [`grant`] sends.
///
/// ```
/// use ferrocloud::openstack::sharedfilesystems::v2::share_access::GrantOpts;
/// let opts = GrantOpts::new("ip", "0.0.0.0/0", "rw");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!(
///     {"access_type": "ip", "access_to": "0.0.0.0/0", "access_level": "rw"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GrantOpts {
    /// `ip`, `cert`, `user` or `cephx`.
    pub access_type: String,
    /// Who is granted access.
    pub access_to: String,
    /// `rw` or `ro`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_level: Option<String>,
    /// Metadata (2.45).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
    /// Hide the access target from other users (2.82).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock_visibility: Option<bool>,
    /// Lock the rule against deletion (2.82).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock_deletion: Option<bool>,
    /// Why it is locked (2.82).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock_reason: Option<String>,
}

impl GrantOpts {
    /// Grants `level` (`rw`, `ro`) to `to` by `kind` (`ip`, `cert`, `user`, `cephx`).
    pub fn new(kind: impl Into<String>, to: impl Into<String>, level: impl Into<String>) -> Self {
        GrantOpts {
            access_type: kind.into(),
            access_to: to.into(),
            access_level: Some(level.into()),
            ..GrantOpts::default()
        }
    }
}

impl Validate for GrantOpts {
    fn validate(&self) -> Result<()> {
        if self.access_type.is_empty() || self.access_to.is_empty() {
            return Err(Error::invalid_input(
                "access_type and access_to must not be empty",
            ));
        }
        match &self.metadata {
            Some(m) => crate::metadata::check_all(m, "/"),
            None => Ok(()),
        }
    }
}

/// Grants access to a share (the rule starts `queued_to_apply`).
pub async fn grant(client: &ServiceClient, share_id: &str, opts: &GrantOpts) -> ApiResult<AccessRule> {
    let checks = [
        ("metadata", opts.metadata.is_some(), 45),
        (
            "lock_visibility, lock_deletion and lock_reason",
            opts.lock_visibility.is_some() || opts.lock_deletion.is_some() || opts.lock_reason.is_some(),
            82,
        ),
    ];
    for (field, set, minor) in checks {
        if set && let Err(e) = need(client, field, minor) {
            return ApiResult::from_error(e);
        }
    }
    common::action(client, &GRANT, &[share_id], opts, Some("os-allow_access"), false).await
}

/// What [`revoke`] sends.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RevokeOpts {
    /// The rule.
    pub access_id: String,
    /// Remove the rule's locks first, when the caller placed them (2.82).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unrestrict: Option<bool>,
}

impl Validate for RevokeOpts {}

/// Revokes an access rule of a share (`202`); `opts.unrestrict` (2.82) removes the
/// caller's locks on it first.
pub async fn revoke(client: &ServiceClient, share_id: &str, opts: &RevokeOpts) -> ApiResult<()> {
    if opts.unrestrict.is_some()
        && let Err(e) = need(client, "unrestrict", 82)
    {
        return ApiResult::from_error(e);
    }
    common::action(client, &REVOKE, &[share_id], opts, Some("os-deny_access"), false).await
}

/// Filters of [`list`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Rules with these metadata items (a JSON object as text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
    /// Rules of this type (2.82).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_type: Option<String>,
    /// Rules to this target (2.82).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_to: Option<String>,
    /// Rules of this level (2.82).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_level: Option<String>,
    /// Rules in this state (2.82).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<AccessState>,
}

/// Lists the access rules of a share: `GET /share-access-rules?share_id=…` from 2.45,
/// the `access_list` action before (whose filters are not applied).
pub async fn list(client: &ServiceClient, share_id: &str, opts: &ListOpts) -> ApiResult<Vec<AccessRule>> {
    if need(client, "share-access-rules", 45).is_ok() {
        client
            .request(&LIST, &[])
            .query_pair("share_id", share_id)
            .query(opts)
            .send()
            .await
    } else {
        common::action(client, &LIST_ACTION, &[share_id], &Null, Some("os-access_list"), false).await
    }
}

/// Shows an access rule (2.45).
pub async fn get(client: &ServiceClient, access_id: &str) -> ApiResult<AccessRule> {
    client.request(&GET, &[access_id]).send().await
}

/// What [`update`] sends.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The new level.
    pub access_level: String,
}

impl Validate for UpdateOpts {}

/// Changes an access rule's level (2.88).
pub async fn update(client: &ServiceClient, access_id: &str, level: &str) -> ApiResult<AccessRule> {
    let body = UpdateOpts {
        access_level: level.into(),
    };
    client.request(&UPDATE, &[access_id]).body(&body).send().await
}

/// Sets metadata items of an access rule (2.45); the answer holds the items sent.
pub async fn set_metadata(
    client: &ServiceClient,
    access_id: &str,
    items: &crate::metadata::Metadata,
) -> ApiResult<crate::metadata::Metadata> {
    client
        .request(&SET_METADATA, &[access_id])
        .body(&crate::metadata::MetadataOpts(items.clone()))
        .send()
        .await
}

/// Deletes a metadata item of an access rule (2.45).
pub async fn delete_metadata(client: &ServiceClient, access_id: &str, key: &str) -> ApiResult<()> {
    client.request(&DELETE_METADATA, &[access_id, key]).send().await
}

/// Waits until an access rule is `active` (2.45); `error` ends the wait.
pub async fn wait_for_active(
    client: &ServiceClient,
    access_id: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<AccessRule> {
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("access rule {access_id} to be active"),
        opts,
        || async { get(client, access_id).await.extract() },
        |r: &AccessRule| match &r.state {
            Some(AccessState::Active) => State::Ready,
            Some(s) if s.is_error() => State::Failed(format!("access rule {access_id} is {s}")),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
}
