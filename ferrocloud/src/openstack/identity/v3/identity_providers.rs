//! Federated identity providers and their protocols (OS-FEDERATION).
//!
//! An identity provider is a source of identities outside Keystone (a SAML2 or OpenID
//! Connect provider). Its protocols tie an authentication protocol (`saml2`, `openid`,
//! `mapped`…) to a [mapping](crate::openstack::identity::v3::mappings) that turns the provider's assertions into
//! Keystone users, groups and projects. The ID of a provider or protocol is chosen by
//! the caller (they are created with `PUT`).
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::identity_providers::{self, CreateOpts, ProtocolOpts};
//! let opts = CreateOpts {
//!     remote_ids: Some(vec!["https://idp.example.com/realms/acme".into()]),
//!     enabled: Some(true),
//!     ..Default::default()
//! };
//! let idp = identity_providers::create(&identity, "acme", &opts).await.extract()?;
//! identity_providers::create_protocol(&identity, &idp.id, "openid", &ProtocolOpts::new("acme-mapping"))
//!     .await
//!     .extract()?;
//! for p in identity_providers::list_protocols(&identity, &idp.id).all_pages().await?.extract()? {
//!     println!("{} -> {}", p.id, p.mapping_id);
//! }
//! identity_providers::delete(&identity, &idp.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use crate::pagination::{PageStyle, Pager};
use crate::request::{at_least_one_of, require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List identity providers.
    LIST = GET "/OS-FEDERATION/identity_providers" list("identity_providers", IdentityProvider);
    /// Register an identity provider (the caller chooses its ID).
    CREATE = PUT "/OS-FEDERATION/identity_providers/{idp_id}"
        request("identity_provider", CreateOpts) response("identity_provider", IdentityProvider);
    /// Show an identity provider.
    GET = GET "/OS-FEDERATION/identity_providers/{idp_id}" response("identity_provider", IdentityProvider);
    /// Update an identity provider.
    UPDATE = PATCH "/OS-FEDERATION/identity_providers/{idp_id}"
        request("identity_provider", UpdateOpts) response("identity_provider", IdentityProvider);
    /// Delete an identity provider (and its protocols).
    DELETE = DELETE "/OS-FEDERATION/identity_providers/{idp_id}";
    /// Add a protocol to an identity provider.
    CREATE_PROTOCOL = PUT "/OS-FEDERATION/identity_providers/{idp_id}/protocols/{protocol_id}"
        request("protocol", ProtocolOpts) response("protocol", Protocol);
    /// List the protocols of an identity provider.
    LIST_PROTOCOLS = GET "/OS-FEDERATION/identity_providers/{idp_id}/protocols" list("protocols", Protocol);
    /// Show a protocol of an identity provider.
    GET_PROTOCOL = GET "/OS-FEDERATION/identity_providers/{idp_id}/protocols/{protocol_id}"
        response("protocol", Protocol);
    /// Change the mapping (or remote ID attribute) of a protocol.
    UPDATE_PROTOCOL = PATCH "/OS-FEDERATION/identity_providers/{idp_id}/protocols/{protocol_id}"
        request("protocol", ProtocolOpts) response("protocol", Protocol);
    /// Remove a protocol from an identity provider.
    DELETE_PROTOCOL = DELETE "/OS-FEDERATION/identity_providers/{idp_id}/protocols/{protocol_id}";
}

/// The longest remote ID Keystone stores.
const REMOTE_ID_MAX: usize = 64;

/// A federated identity provider.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct IdentityProvider {
    /// Its ID (chosen when it was registered).
    pub id: String,
    /// The domain its federated users are created in.
    pub domain_id: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether users may authenticate through it.
    pub enabled: bool,
    /// The IDs the provider is known by in assertions (entity IDs, issuers).
    #[serde(deserialize_with = "crate::de::null_as_default")]
    pub remote_ids: Vec<String>,
    /// How long (minutes) group memberships obtained through mapping are kept; `None`
    /// for Keystone's default.
    #[serde(default)]
    pub authorization_ttl: Option<u32>,
    /// Links to it and to its protocols.
    pub links: IdentityProviderLinks,
}

/// The `links` of an identity provider.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct IdentityProviderLinks {
    /// The provider's own URL.
    #[serde(default, rename = "self")]
    pub self_link: Option<String>,
    /// The URL of its protocols.
    #[serde(default)]
    pub protocols: Option<String>,
}

/// A protocol of an identity provider, and the mapping it applies.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Protocol {
    /// The protocol's ID (`saml2`, `openid`, `mapped`…).
    pub id: String,
    /// The mapping applied to the provider's assertions.
    pub mapping_id: String,
    /// The identity provider (in listings).
    #[serde(default)]
    pub idp_id: Option<String>,
    /// The attribute of the assertion that carries the provider's remote ID.
    #[serde(default)]
    pub remote_id_attribute: Option<String>,
    /// Links to it and to its identity provider.
    pub links: ProtocolLinks,
}

/// The `links` of a protocol.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ProtocolLinks {
    /// The protocol's own URL.
    #[serde(default, rename = "self")]
    pub self_link: Option<String>,
    /// The URL of its identity provider.
    #[serde(default)]
    pub identity_provider: Option<String>,
}

/// Filters for listing identity providers.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// The provider with this ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Enabled (or disabled) providers only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

/// A new identity provider. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The domain its federated users are created in (default: a new domain named after
    /// the provider).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether it is enabled (default: false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The IDs the provider is known by in assertions (at most 64 characters each,
    /// unique across providers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_ids: Option<Vec<String>>,
    /// How long (minutes) group memberships obtained through mapping are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_ttl: Option<u32>,
}

fn check_remote_ids(ids: Option<&Vec<String>>) -> Result<()> {
    for (i, id) in ids.into_iter().flatten().enumerate() {
        if id.is_empty() || id.chars().count() > REMOTE_ID_MAX {
            return Err(Error::invalid_input(format!(
                "remote_ids[{i}] must be 1 to {REMOTE_ID_MAX} characters long"
            )));
        }
    }
    Ok(())
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.domain_id.as_deref() == Some("") {
            return Err(Error::invalid_input("domain_id must not be empty"));
        }
        check_remote_ids(self.remote_ids.as_ref())
    }
}

/// Changes to an identity provider; unset fields are left as they are. (Its domain
/// cannot be changed.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Enable or disable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// New remote IDs (replacing the old ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_ids: Option<Vec<String>>,
    /// A new group membership lifetime (minutes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_ttl: Option<u32>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        at_least_one_of(&[
            ("description", self.description.is_some()),
            ("enabled", self.enabled.is_some()),
            ("remote_ids", self.remote_ids.is_some()),
            ("authorization_ttl", self.authorization_ttl.is_some()),
        ])?;
        check_remote_ids(self.remote_ids.as_ref())
    }
}

/// A protocol's settings, to add it or to change it.
///
/// ```
/// use ferrocloud::openstack::identity::v3::identity_providers::ProtocolOpts;
/// let o = ProtocolOpts::new("acme-mapping").remote_id_attribute("OIDC-iss");
/// assert_eq!(serde_json::to_value(&o).unwrap()["remote_id_attribute"], "OIDC-iss");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtocolOpts {
    /// The mapping to apply (required).
    pub mapping_id: String,
    /// The attribute of the assertion that carries the provider's remote ID (default:
    /// the deployment's setting for the protocol).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_id_attribute: Option<String>,
}

impl ProtocolOpts {
    /// A protocol applying mapping `mapping_id`.
    pub fn new(mapping_id: impl Into<String>) -> Self {
        ProtocolOpts {
            mapping_id: mapping_id.into(),
            remote_id_attribute: None,
        }
    }

    /// Sets the remote ID attribute.
    pub fn remote_id_attribute(mut self, a: impl Into<String>) -> Self {
        self.remote_id_attribute = Some(a.into());
        self
    }
}

impl Validate for ProtocolOpts {
    fn validate(&self) -> Result<()> {
        require("mapping_id", !self.mapping_id.is_empty())?;
        if self.mapping_id.chars().count() > 64 {
            return Err(Error::invalid_input(
                "mapping_id must be at most 64 characters long",
            ));
        }
        if let Some(a) = &self.remote_id_attribute
            && a.chars().count() > REMOTE_ID_MAX {
                return Err(Error::invalid_input(format!(
                    "remote_id_attribute must be at most {REMOTE_ID_MAX} characters long"
                )));
            }
        Ok(())
    }
}

/// Lists identity providers.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<IdentityProvider> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The identity providers of a page.
    extract_identity_providers, IdentityProvider
}

/// Registers an identity provider under the ID `idp_id`.
pub async fn create(
    client: &ServiceClient,
    idp_id: &str,
    opts: &CreateOpts,
) -> ApiResult<IdentityProvider> {
    client.request(&CREATE, &[idp_id]).body(opts).send().await
}

/// Shows an identity provider.
pub async fn get(client: &ServiceClient, idp_id: &str) -> ApiResult<IdentityProvider> {
    client.request(&GET, &[idp_id]).send().await
}

/// Updates an identity provider.
pub async fn update(
    client: &ServiceClient,
    idp_id: &str,
    opts: &UpdateOpts,
) -> ApiResult<IdentityProvider> {
    client.request(&UPDATE, &[idp_id]).body(opts).send().await
}

/// Deletes an identity provider, its protocols and the users' federated links.
pub async fn delete(client: &ServiceClient, idp_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[idp_id]).send().await
}

/// Adds protocol `protocol_id` to an identity provider.
pub async fn create_protocol(
    client: &ServiceClient,
    idp_id: &str,
    protocol_id: &str,
    opts: &ProtocolOpts,
) -> ApiResult<Protocol> {
    client
        .request(&CREATE_PROTOCOL, &[idp_id, protocol_id])
        .body(opts)
        .send()
        .await
}

/// Lists the protocols of an identity provider.
pub fn list_protocols(client: &ServiceClient, idp_id: &str) -> Pager<Protocol> {
    client
        .request(&LIST_PROTOCOLS, &[idp_id])
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The protocols of a page.
    extract_protocols, Protocol
}

/// Shows a protocol of an identity provider.
pub async fn get_protocol(
    client: &ServiceClient,
    idp_id: &str,
    protocol_id: &str,
) -> ApiResult<Protocol> {
    client
        .request(&GET_PROTOCOL, &[idp_id, protocol_id])
        .send()
        .await
}

/// Changes a protocol's mapping (the mapping is required, as Keystone wants it).
pub async fn update_protocol(
    client: &ServiceClient,
    idp_id: &str,
    protocol_id: &str,
    opts: &ProtocolOpts,
) -> ApiResult<Protocol> {
    client
        .request(&UPDATE_PROTOCOL, &[idp_id, protocol_id])
        .body(opts)
        .send()
        .await
}

/// Removes a protocol from an identity provider.
pub async fn delete_protocol(
    client: &ServiceClient,
    idp_id: &str,
    protocol_id: &str,
) -> ApiResult<()> {
    client
        .request(&DELETE_PROTOCOL, &[idp_id, protocol_id])
        .send()
        .await
}
