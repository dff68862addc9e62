//! Security services: the LDAP, Kerberos or Active Directory a share network's servers
//! join. Their `password` is a [`SecretString`](crate::SecretString): it never prints.
//!
//! ```no_run
//! # async fn demo(manila: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::sharedfilesystems::v2::security_services::{self, CreateOpts};
//! let opts = CreateOpts { user: Some("demo".into()), password: Some("s3cret".into()),
//!     ..CreateOpts::new("kerberos") };
//! let s = security_services::create(&manila, &opts).await.extract()?;
//! # Ok(()) }
//! ```

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::common::{self, ListControls, need};
use crate::dates::Timestamp;
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "shared-file-system";
    /// List security services.
    LIST = GET "/security-services" list("security_services", SecurityServiceSummary);
    /// List security services with details.
    LIST_DETAIL = GET "/security-services/detail" list("security_services", SecurityService);
    /// Show a security service.
    GET = GET "/security-services/{security_service_id}" response("security_service", SecurityService);
    /// Create a security service.
    CREATE = POST "/security-services" request("security_service", CreateOpts) response("security_service", SecurityService);
    /// Update a security service.
    UPDATE = PUT "/security-services/{security_service_id}" request("security_service", UpdateOpts) response("security_service", SecurityService);
    /// Delete a security service.
    DELETE = DELETE "/security-services/{security_service_id}";
}

common::resource_functions! {
    SecurityService, SecurityServiceSummary, "security service", "security_services_links", false;
    list list_detail get update delete find
}

/// A security service in a listing without details.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct SecurityServiceSummary {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// `ldap`, `kerberos` or `active_directory`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The status.
    pub status: String,
}

/// A security service.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct SecurityService {
    /// The ID.
    pub id: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The description.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// `ldap`, `kerberos` or `active_directory`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The status.
    pub status: String,
    /// The project.
    pub project_id: String,
    /// The DNS server.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub dns_ip: Option<String>,
    /// The user.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub user: Option<String>,
    /// The password; never printed.
    #[serde(with = "crate::de::secret::option")]
    pub password: Option<SecretString>,
    /// The domain.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub domain: Option<String>,
    /// The server.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub server: Option<String>,
    /// The organizational unit (2.44).
    #[serde(default)]
    pub ou: Option<String>,
    /// The default Active Directory site (2.76).
    #[serde(default)]
    pub default_ad_site: Option<String>,
    /// The share networks using it (detail listings).
    #[serde(default)]
    pub share_networks: Vec<String>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created_at: Timestamp,
    /// When it was last updated.
    #[serde(with = "crate::dates::option")]
    pub updated_at: Option<Timestamp>,
}

impl crate::find::Named for SecurityService {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("")
    }
}

/// Filters of [`list`] and [`list_detail`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Security services with this name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Of this type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Used by this share network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_network_id: Option<String>,
    /// Of every project (admin).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_tenants: Option<bool>,
    /// Paging, sorting and other filters.
    #[serde(flatten)]
    pub controls: ListControls,
}

/// What [`create`] takes.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CreateOpts {
    /// `ldap`, `kerberos` or `active_directory`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The DNS server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_ip: Option<String>,
    /// The user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// The password; never printed.
    #[serde(default, with = "crate::de::secret::option", skip_serializing_if = "Option::is_none")]
    pub password: Option<SecretString>,
    /// The domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// The server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    /// The organizational unit (2.44).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ou: Option<String>,
    /// The default Active Directory site (2.76).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_ad_site: Option<String>,
}

impl CreateOpts {
    /// A security service of type `kind`.
    pub fn new(kind: impl Into<String>) -> Self {
        CreateOpts {
            kind: kind.into(),
            ..CreateOpts::default()
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("type", !self.kind.is_empty())
    }
}

fn check_fields(client: &ServiceClient, ou: bool, ad_site: bool) -> Result<()> {
    if ou {
        need(client, "ou", 44)?;
    }
    if ad_site {
        need(client, "default_ad_site", 76)?;
    }
    Ok(())
}

/// Creates a security service.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<SecurityService> {
    if let Err(e) = check_fields(client, opts.ou.is_some(), opts.default_ad_site.is_some()) {
        return ApiResult::from_error(e);
    }
    client.request(&CREATE, &[]).body(opts).send().await
}

/// What [`update`] takes: the fields of [`CreateOpts`] but the type.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct UpdateOpts {
    /// The new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The DNS server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_ip: Option<String>,
    /// The user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// The password; never printed.
    #[serde(default, with = "crate::de::secret::option", skip_serializing_if = "Option::is_none")]
    pub password: Option<SecretString>,
    /// The domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// The server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    /// The organizational unit (2.44).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ou: Option<String>,
    /// The default Active Directory site (2.76).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_ad_site: Option<String>,
}

impl Validate for UpdateOpts {}
