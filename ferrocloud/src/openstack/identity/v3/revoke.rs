//! Revocation events (OS-REVOKE) and revoked PKI tokens.
//!
//! Keystone records an event when tokens are revoked (one token, or every token of a
//! user, a project, a role assignment, a trust or an OAuth consumer). A service that
//! validates tokens offline can fetch the events to refuse revoked ones: a token matches
//! an event when it was issued before `issued_before` and every other field the event
//! sets matches the token.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::revoke::{self, ListEventsOpts};
//! let since = chrono::Utc::now() - chrono::Duration::hours(1);
//! let events = revoke::list_events(&identity, &ListEventsOpts { since: Some(since) })
//!     .all_pages()
//!     .await?
//!     .extract()?;
//! for e in events {
//!     println!("revoked before {:?}: audit {:?} user {:?}", e.issued_before, e.audit_id, e.user_id);
//! }
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize, Serializer};

use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::ServiceClient;

crate::operations! {
    service: "identity";
    /// List revocation events.
    LIST_EVENTS = GET "/OS-REVOKE/events" list("events", RevocationEvent);
    /// The revoked PKI tokens (a CMS-signed list; retired: Keystone answers 403 or 410).
    LIST_REVOKED_TOKENS = GET "/auth/tokens/OS-PKI/revoked" response(RevokedTokens);
}

/// A revocation event: tokens issued before `issued_before` that match every other field
/// set here are revoked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RevocationEvent {
    /// Tokens issued before this time are concerned (`None` for a date that does not
    /// parse).
    #[serde(deserialize_with = "lenient_date")]
    pub issued_before: Option<Timestamp>,
    /// When the event was recorded.
    #[serde(default, deserialize_with = "lenient_date")]
    pub revoked_at: Option<Timestamp>,
    /// Tokens expiring at this time (a token and its derivatives).
    #[serde(default, deserialize_with = "lenient_date")]
    pub expires_at: Option<Timestamp>,
    /// Tokens of this user.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Tokens scoped to this project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// Tokens of users of this domain, or scoped to it.
    #[serde(default)]
    pub domain_id: Option<String>,
    /// Tokens scoped to this domain.
    #[serde(default)]
    pub domain_scope_id: Option<String>,
    /// Tokens carrying this role.
    #[serde(default)]
    pub role_id: Option<String>,
    /// The token with this audit ID.
    #[serde(default)]
    pub audit_id: Option<String>,
    /// The tokens of this audit chain (a token and those exchanged for it).
    #[serde(default)]
    pub audit_chain_id: Option<String>,
    /// Tokens issued for this trust.
    #[serde(default, rename = "OS-TRUST:trust_id")]
    pub trust_id: Option<String>,
    /// Tokens issued for this OAuth consumer.
    #[serde(default, rename = "OS-OAUTH1:consumer_id")]
    pub consumer_id: Option<String>,
    /// Tokens issued for this OAuth access token.
    #[serde(default, rename = "OS-OAUTH1:access_token_id")]
    pub access_token_id: Option<String>,
}

/// A date, or `None` when it is missing, `null` or does not parse.
fn lenient_date<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Timestamp>, D::Error> {
    Ok(match Option::<String>::deserialize(d)? {
        Some(s) => crate::dates::parse(&s).ok(),
        None => None,
    })
}

/// Filters for listing revocation events.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListEventsOpts {
    /// Only events recorded after this time.
    #[serde(serialize_with = "iso", skip_serializing_if = "Option::is_none")]
    pub since: Option<Timestamp>,
}

fn iso<S: Serializer>(t: &Option<Timestamp>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(&crate::dates::format(t)),
        None => s.serialize_none(),
    }
}

/// The revoked PKI tokens, as Keystone signed them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RevokedTokens {
    /// The CMS-signed list of revoked tokens (PEM).
    pub signed: String,
}

/// Lists revocation events (all of them in one page).
pub fn list_events(client: &ServiceClient, opts: &ListEventsOpts) -> Pager<RevocationEvent> {
    client
        .request(&LIST_EVENTS, &[])
        .query(opts)
        .paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The events of a page.
    extract_events, RevocationEvent
}

/// The revoked PKI tokens. PKI tokens are gone from Keystone: it answers 403 (or 410
/// when `revoke_by_id` is off); only very old deployments serve the list.
pub async fn list_revoked_tokens(client: &ServiceClient) -> ApiResult<RevokedTokens> {
    client.request(&LIST_REVOKED_TOKENS, &[]).send().await
}
