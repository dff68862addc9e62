//! What a token request brings back.

use secrecy::SecretString;
use serde::Deserialize;
use serde_json::Value;

use super::catalog::{Availability, Catalog, CatalogEntry, Endpoint};
use crate::dates::Timestamp;
use crate::{Error, ErrorKind, Result};

/// An object Keystone names by ID and name (user, project, domain, role), with its domain
/// where it has one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct NamedRef {
    /// The ID.
    #[serde(default)]
    pub id: String,
    /// The name.
    #[serde(default)]
    pub name: Option<String>,
    /// The domain it belongs to (users and projects).
    #[serde(default)]
    pub domain: Option<Box<NamedRef>>,
}

/// What Keystone said about the token the provider holds: who, what scope, which
/// methods, when it expires. (The token itself is held apart and never printed.)
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct AuthInfo {
    /// When the token expires, if Keystone said.
    pub expires_at: Option<Timestamp>,
    /// When it was issued.
    pub issued_at: Option<Timestamp>,
    /// The authentication methods used (`password`, `totp`…).
    pub methods: Vec<String>,
    /// The user.
    pub user: Option<NamedRef>,
    /// The project, for a project-scoped token.
    pub project: Option<NamedRef>,
    /// The domain, for a domain-scoped token.
    pub domain: Option<NamedRef>,
    /// True for a system-scoped token.
    pub system: bool,
    /// The trust, for a trust-scoped token.
    pub trust_id: Option<String>,
    /// The roles the token carries.
    pub roles: Vec<NamedRef>,
    /// The service catalog.
    pub catalog: Catalog,
}

/// A token and what came with it.
#[derive(Clone)]
pub(crate) struct Issued {
    pub token: SecretString,
    pub info: AuthInfo,
}

#[derive(Deserialize)]
struct V3Body {
    token: V3Token,
}

#[derive(Deserialize)]
struct V3Token {
    #[serde(default, with = "crate::dates::option")]
    expires_at: Option<Timestamp>,
    #[serde(default, with = "crate::dates::option")]
    issued_at: Option<Timestamp>,
    #[serde(default)]
    methods: Vec<String>,
    #[serde(default)]
    user: Option<NamedRef>,
    #[serde(default)]
    project: Option<NamedRef>,
    #[serde(default)]
    domain: Option<NamedRef>,
    #[serde(default)]
    system: Option<Value>,
    #[serde(default, rename = "OS-TRUST:trust")]
    trust: Option<NamedRef>,
    #[serde(default)]
    roles: Vec<NamedRef>,
    #[serde(default)]
    catalog: Option<Value>,
}

/// Reads an identity v3 token response: the token from `X-Subject-Token`, the rest from
/// the body.
pub(crate) fn parse_v3(subject_token: Option<&str>, body: &[u8]) -> Result<Issued> {
    let token = subject_token.filter(|t| !t.is_empty()).ok_or_else(|| {
        Error::new(
            ErrorKind::Auth,
            "the token response has no X-Subject-Token header",
        )
    })?;
    let b: V3Body = crate::secrets::from_json_slice(body, "identity v3 token response")?;
    let t = b.token;
    let catalog = match &t.catalog {
        Some(v) => Catalog::from_v3_json(v)?,
        None => Catalog::default(),
    };
    Ok(Issued {
        token: SecretString::from(token.to_string()),
        info: AuthInfo {
            expires_at: t.expires_at,
            issued_at: t.issued_at,
            methods: t.methods,
            user: t.user,
            project: t.project,
            domain: t.domain,
            system: t.system.is_some_and(|s| !s.is_null()),
            trust_id: t.trust.map(|t| t.id),
            roles: t.roles,
            catalog,
        },
    })
}

#[derive(Deserialize)]
struct V2Body {
    access: V2Access,
}

#[derive(Deserialize)]
struct V2Access {
    token: V2Token,
    #[serde(default, rename = "serviceCatalog")]
    service_catalog: Option<Value>,
    #[serde(default)]
    user: Option<V2User>,
}

#[derive(Deserialize)]
struct V2Token {
    id: String,
    #[serde(default, with = "crate::dates::option")]
    expires: Option<Timestamp>,
    #[serde(default, with = "crate::dates::option")]
    issued_at: Option<Timestamp>,
    #[serde(default)]
    tenant: Option<NamedRef>,
}

#[derive(Deserialize)]
struct V2User {
    #[serde(default)]
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    roles: Vec<NamedRef>,
}

/// Reads an identity v2.0 token response.
pub(crate) fn parse_v2(body: &[u8]) -> Result<Issued> {
    let b: V2Body = crate::secrets::from_json_slice(body, "identity v2.0 token response")?;
    let a = b.access;
    if a.token.id.is_empty() {
        return Err(Error::new(
            ErrorKind::Auth,
            "the v2.0 token response has an empty token id",
        ));
    }
    let catalog = match &a.service_catalog {
        Some(v) => Catalog::from_v2_json(v)?,
        None => Catalog::default(),
    };
    let (user, roles) = match a.user {
        Some(u) => (
            Some(NamedRef {
                id: u.id,
                name: u.name,
                domain: None,
            }),
            u.roles,
        ),
        None => (None, Vec::new()),
    };
    Ok(Issued {
        token: SecretString::from(a.token.id),
        info: AuthInfo {
            expires_at: a.token.expires,
            issued_at: a.token.issued_at,
            methods: Vec::new(),
            user,
            project: a.token.tenant,
            domain: None,
            system: false,
            trust_id: None,
            roles,
            catalog,
        },
    })
}

/// Reads the answer of Swift's own v1.0 authentication: the token from `X-Auth-Token`
/// (or `X-Storage-Token`), the storage URL from `X-Storage-Url` (the catalog's one
/// `object-store` endpoint, on every interface and in no region), and the lifetime from
/// `X-Auth-Token-Expires` (seconds), when given.
pub(crate) fn parse_swift_v1(headers: &http::HeaderMap, user: &str) -> Result<Issued> {
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let token = text("x-auth-token")
        .or_else(|| text("x-storage-token"))
        .ok_or_else(|| {
            Error::new(
                ErrorKind::Auth,
                "the Swift v1.0 auth answer has no X-Auth-Token header",
            )
        })?;
    let storage = text("x-storage-url").ok_or_else(|| {
        Error::new(
            ErrorKind::Auth,
            "the Swift v1.0 auth answer has no X-Storage-Url header",
        )
    })?;
    url::Url::parse(storage).map_err(|e| {
        Error::new(
            ErrorKind::Auth,
            format!("the Swift v1.0 storage URL {storage:?} is not a URL: {e}"),
        )
    })?;
    let now = chrono::Utc::now();
    let expires_at = text("x-auth-token-expires")
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(|s| now + chrono::Duration::milliseconds((s.min(1e10) * 1000.0) as i64));
    let endpoints = [
        Availability::Public,
        Availability::Internal,
        Availability::Admin,
    ]
    .into_iter()
    .map(|interface| Endpoint {
        id: None,
        interface,
        region: None,
        url: storage.to_string(),
    })
    .collect();
    Ok(Issued {
        token: SecretString::from(token.to_string()),
        info: AuthInfo {
            expires_at,
            issued_at: Some(now),
            methods: vec!["swift-v1".to_string()],
            user: Some(NamedRef {
                id: user.to_string(),
                name: Some(user.to_string()),
                domain: None,
            }),
            project: None,
            domain: None,
            system: false,
            trust_id: None,
            roles: Vec::new(),
            catalog: Catalog {
                entries: vec![CatalogEntry {
                    id: None,
                    service_type: "object-store".to_string(),
                    name: Some("swift".to_string()),
                    endpoints,
                }],
            },
        },
    })
}
