//! Federation service providers (OS-FEDERATION): remote clouds this Keystone, acting as
//! an identity provider, issues SAML assertions for (Keystone-to-Keystone federation).
//! The ID of a service provider is chosen by the caller (they are created with `PUT`).
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::service_providers::{self, CreateOpts};
//! let opts = CreateOpts::new(
//!     "https://sp.example.com/identity/v3/OS-FEDERATION/identity_providers/us/protocols/saml2/auth",
//!     "https://sp.example.com/Shibboleth.sso/SAML2/ECP",
//! );
//! let sp = service_providers::create(&identity, "partner-cloud", &opts).await.extract()?;
//! println!("{} relays with prefix {}", sp.id, sp.relay_state_prefix);
//! service_providers::delete(&identity, &sp.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::Links;
use crate::pagination::{PageStyle, Pager};
use crate::request::{at_least_one_of, require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List service providers.
    LIST = GET "/OS-FEDERATION/service_providers" list("service_providers", ServiceProvider);
    /// Register a service provider (the caller chooses its ID).
    CREATE = PUT "/OS-FEDERATION/service_providers/{sp_id}"
        request("service_provider", CreateOpts) response("service_provider", ServiceProvider);
    /// Show a service provider.
    GET = GET "/OS-FEDERATION/service_providers/{sp_id}" response("service_provider", ServiceProvider);
    /// Update a service provider.
    UPDATE = PATCH "/OS-FEDERATION/service_providers/{sp_id}"
        request("service_provider", UpdateOpts) response("service_provider", ServiceProvider);
    /// Delete a service provider.
    DELETE = DELETE "/OS-FEDERATION/service_providers/{sp_id}";
}

/// A service provider.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ServiceProvider {
    /// Its ID (chosen when it was registered).
    pub id: String,
    /// The remote Keystone's federated authentication URL.
    pub auth_url: String,
    /// The URL assertions are posted to (the remote SAML2 ECP endpoint).
    pub sp_url: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether tokens list it and assertions may be issued for it.
    pub enabled: bool,
    /// The prefix of the ECP RelayState.
    pub relay_state_prefix: String,
    /// Links to it.
    pub links: Links,
}

/// Filters for listing service providers.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListOpts {
    /// The provider with this ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Enabled (or disabled) providers only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

/// A new service provider.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The remote Keystone's federated authentication URL (required).
    pub auth_url: String,
    /// The remote SAML2 ECP endpoint (required).
    pub sp_url: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether it is enabled (default: false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The prefix of the ECP RelayState (default: the deployment's setting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relay_state_prefix: Option<String>,
}

impl CreateOpts {
    /// A service provider with its two URLs.
    pub fn new(auth_url: impl Into<String>, sp_url: impl Into<String>) -> Self {
        CreateOpts {
            auth_url: auth_url.into(),
            sp_url: sp_url.into(),
            ..Default::default()
        }
    }
}

fn check_url(field: &str, v: &str) -> Result<()> {
    match url::Url::parse(v) {
        Ok(u) if u.has_host() => Ok(()),
        _ => Err(Error::invalid_input(format!(
            "{field} must be an absolute URL, got {v:?}"
        ))),
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        require("auth_url", !self.auth_url.is_empty())?;
        require("sp_url", !self.sp_url.is_empty())?;
        check_url("auth_url", &self.auth_url)?;
        check_url("sp_url", &self.sp_url)
    }
}

/// Changes to a service provider; unset fields are left as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// A new authentication URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_url: Option<String>,
    /// A new ECP endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sp_url: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Enable or disable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// A new RelayState prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relay_state_prefix: Option<String>,
}

impl Validate for UpdateOpts {
    fn validate(&self) -> Result<()> {
        at_least_one_of(&[
            ("auth_url", self.auth_url.is_some()),
            ("sp_url", self.sp_url.is_some()),
            ("description", self.description.is_some()),
            ("enabled", self.enabled.is_some()),
            ("relay_state_prefix", self.relay_state_prefix.is_some()),
        ])?;
        if let Some(u) = &self.auth_url {
            check_url("auth_url", u)?;
        }
        if let Some(u) = &self.sp_url {
            check_url("sp_url", u)?;
        }
        Ok(())
    }
}

/// Lists service providers.
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<ServiceProvider> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The service providers of a page.
    extract_service_providers, ServiceProvider
}

/// Registers service provider `sp_id`.
pub async fn create(
    client: &ServiceClient,
    sp_id: &str,
    opts: &CreateOpts,
) -> ApiResult<ServiceProvider> {
    client.request(&CREATE, &[sp_id]).body(opts).send().await
}

/// Shows a service provider.
pub async fn get(client: &ServiceClient, sp_id: &str) -> ApiResult<ServiceProvider> {
    client.request(&GET, &[sp_id]).send().await
}

/// Updates a service provider.
pub async fn update(
    client: &ServiceClient,
    sp_id: &str,
    opts: &UpdateOpts,
) -> ApiResult<ServiceProvider> {
    client.request(&UPDATE, &[sp_id]).body(opts).send().await
}

/// Deletes a service provider.
pub async fn delete(client: &ServiceClient, sp_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[sp_id]).send().await
}
