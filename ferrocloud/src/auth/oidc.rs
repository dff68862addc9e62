//! Federated authentication with OpenID Connect (keystoneauth's `v3oidcpassword`,
//! `v3oidcclientcredentials` and `v3oidcaccesstoken`).
//!
//! The flow: get an access (or ID) token from the identity provider's token endpoint
//! (found in its discovery document, or given), present it as a bearer token to
//! Keystone's `OS-FEDERATION/identity_providers/{idp}/protocols/{protocol}/auth`, which
//! answers with an unscoped Keystone token; then, if a scope is asked for, exchange that
//! token for a scoped one.
//!
//! ```
//! use ferrocloud::auth::oidc::{OidcGrant, OidcOptions};
//! use ferrocloud::{AuthOptions, Scope};
//! let opts = AuthOptions::oidc(
//!     "https://keystone:5000/v3",
//!     OidcOptions::new("myidp", "openid", OidcGrant::password("alice", "s3cret"))
//!         .client("ferro-cli", Some("client-secret"))
//!         .discovery_endpoint("https://idp.example.com/.well-known/openid-configuration"),
//! )
//! .scope(Scope::project_id("p1"));
//! assert!(!format!("{opts:?}").contains("s3cret"));
//! ```

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use secrecy::{ExposeSecret, SecretString};

use crate::{Error, ErrorKind, Result};

/// How the access token is obtained from the identity provider.
#[derive(Debug, Clone)]
pub enum OidcGrant {
    /// The resource owner password grant (`v3oidcpassword`).
    Password {
        /// The user's name at the identity provider.
        username: String,
        /// The user's password.
        password: SecretString,
    },
    /// The client credentials grant (`v3oidcclientcredentials`).
    ClientCredentials,
    /// An access token obtained elsewhere (`v3oidcaccesstoken`); it cannot be renewed.
    AccessToken(SecretString),
}

impl OidcGrant {
    /// The password grant.
    ///
    /// ```
    /// let g = ferrocloud::auth::oidc::OidcGrant::password("alice", "pw");
    /// assert!(matches!(g, ferrocloud::auth::oidc::OidcGrant::Password { .. }));
    /// ```
    pub fn password(username: impl Into<String>, password: impl Into<String>) -> Self {
        OidcGrant::Password {
            username: username.into(),
            password: SecretString::from(password.into()),
        }
    }
}

/// Which token of the identity provider's answer is presented to Keystone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OidcTokenType {
    /// `access_token` (the default).
    #[default]
    AccessToken,
    /// `id_token`.
    IdToken,
}

/// OpenID Connect settings.
#[derive(Debug, Clone)]
pub struct OidcOptions {
    /// The identity provider's name in Keystone.
    pub identity_provider: String,
    /// The federation protocol's name in Keystone (often `openid` or `oidc`).
    pub protocol: String,
    /// How the access token is obtained.
    pub grant: OidcGrant,
    /// The OAuth client ID (for the password and client credentials grants).
    pub client_id: Option<String>,
    /// The OAuth client secret.
    pub client_secret: Option<SecretString>,
    /// The identity provider's discovery document (`.well-known/openid-configuration`).
    pub discovery_endpoint: Option<String>,
    /// The identity provider's token endpoint (instead of discovery).
    pub access_token_endpoint: Option<String>,
    /// The OAuth scope (default `openid`).
    pub scope: String,
    /// Which token to present to Keystone.
    pub token_type: OidcTokenType,
}

impl OidcOptions {
    /// Settings for an identity provider and protocol.
    pub fn new(
        identity_provider: impl Into<String>,
        protocol: impl Into<String>,
        grant: OidcGrant,
    ) -> Self {
        OidcOptions {
            identity_provider: identity_provider.into(),
            protocol: protocol.into(),
            grant,
            client_id: None,
            client_secret: None,
            discovery_endpoint: None,
            access_token_endpoint: None,
            scope: "openid".into(),
            token_type: OidcTokenType::AccessToken,
        }
    }

    /// Sets the OAuth client.
    pub fn client(mut self, id: impl Into<String>, secret: Option<&str>) -> Self {
        self.client_id = Some(id.into());
        self.client_secret = secret.map(|s| SecretString::from(s.to_string()));
        self
    }

    /// Sets the discovery document's URL.
    pub fn discovery_endpoint(mut self, url: impl Into<String>) -> Self {
        self.discovery_endpoint = Some(url.into());
        self
    }

    /// Sets the token endpoint's URL.
    pub fn access_token_endpoint(mut self, url: impl Into<String>) -> Self {
        self.access_token_endpoint = Some(url.into());
        self
    }

    /// Checks the settings before any request.
    pub(crate) fn validate(&self) -> Result<()> {
        if self.identity_provider.is_empty() {
            return Err(Error::invalid_input("OIDC: identity_provider is required"));
        }
        if self.protocol.is_empty() {
            return Err(Error::invalid_input("OIDC: protocol is required"));
        }
        if !matches!(self.grant, OidcGrant::AccessToken(_)) {
            if self.client_id.is_none() {
                return Err(Error::invalid_input(
                    "OIDC: client_id is required for this grant",
                ));
            }
            if self.discovery_endpoint.is_none() && self.access_token_endpoint.is_none() {
                return Err(Error::invalid_input(
                    "OIDC: discovery_endpoint or access_token_endpoint is required",
                ));
            }
        }
        Ok(())
    }

    /// The form body of the token request.
    pub(crate) fn token_form(&self) -> Option<String> {
        let mut f = url::form_urlencoded::Serializer::new(String::new());
        match &self.grant {
            OidcGrant::Password { username, password } => {
                f.append_pair("grant_type", "password")
                    .append_pair("username", username)
                    .append_pair("password", password.expose_secret());
            }
            OidcGrant::ClientCredentials => {
                f.append_pair("grant_type", "client_credentials");
            }
            OidcGrant::AccessToken(_) => return None,
        }
        f.append_pair("scope", &self.scope);
        Some(f.finish())
    }

    /// The `Authorization: Basic` value for the client, if it has an ID.
    pub(crate) fn basic_auth(&self) -> Option<String> {
        let id = self.client_id.as_ref()?;
        let secret = self
            .client_secret
            .as_ref()
            .map(|s| s.expose_secret().to_string())
            .unwrap_or_default();
        let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        Some(format!(
            "Basic {}",
            STANDARD.encode(format!("{}:{}", enc(id), enc(&secret)))
        ))
    }

    /// Picks the token to present from the identity provider's answer.
    pub(crate) fn pick_token(&self, body: &[u8]) -> Result<SecretString> {
        #[derive(serde::Deserialize)]
        struct Answer {
            #[serde(default)]
            access_token: Option<String>,
            #[serde(default)]
            id_token: Option<String>,
        }
        let a: Answer =
            crate::secrets::from_json_slice(body, "the identity provider's token answer")?;
        let (name, v) = match self.token_type {
            OidcTokenType::AccessToken => ("access_token", a.access_token),
            OidcTokenType::IdToken => ("id_token", a.id_token),
        };
        v.filter(|t| !t.is_empty())
            .map(SecretString::from)
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::Auth,
                    format!("the identity provider's answer has no {name}"),
                )
            })
    }
}

/// Builds OIDC settings for a keystoneauth plugin name (`v3oidcpassword`,
/// `v3oidcclientcredentials`, `v3oidcaccesstoken`) from named settings: `get` answers for
/// `identity_provider`, `protocol`, `client_id`, `client_secret`, `discovery_endpoint`,
/// `access_token_endpoint`, `openid_scope`, `access_token`, `access_token_type`,
/// `username` and `password` (as clouds.yaml's `auth:` names them). `None` for other
/// plugin names; errors name the missing setting.
///
/// ```
/// use ferrocloud::auth::oidc::from_settings;
/// let o = from_settings("v3oidcclientcredentials", |k| match k {
///     "identity_provider" => Some("idp".into()),
///     "protocol" => Some("openid".into()),
///     "client_id" => Some("cli".into()),
///     "access_token_endpoint" => Some("https://idp/token".into()),
///     _ => None,
/// }).unwrap().unwrap();
/// assert_eq!(o.identity_provider, "idp");
/// assert!(from_settings("v3password", |_| None).unwrap().is_none());
/// assert!(from_settings("v3oidcpassword", |_| None).unwrap_err().to_string().contains("identity_provider"));
/// ```
pub fn from_settings(
    auth_type: &str,
    get: impl Fn(&str) -> Option<String>,
) -> Result<Option<OidcOptions>> {
    let need = |k: &str| {
        get(k)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| Error::config(format!("auth_type {auth_type} needs {k}")))
    };
    let kind = auth_type.to_ascii_lowercase();
    if !matches!(
        kind.as_str(),
        "v3oidcpassword" | "v3oidcclientcredentials" | "v3oidcaccesstoken"
    ) {
        return Ok(None);
    }
    let identity_provider = need("identity_provider")?;
    let protocol = need("protocol")?;
    let grant = match kind.as_str() {
        "v3oidcpassword" => OidcGrant::Password {
            username: need("username")?,
            password: SecretString::from(need("password")?),
        },
        "v3oidcclientcredentials" => OidcGrant::ClientCredentials,
        "v3oidcaccesstoken" => OidcGrant::AccessToken(SecretString::from(need("access_token")?)),
        _ => return Ok(None),
    };
    let mut o = OidcOptions::new(identity_provider, protocol, grant);
    o.client_id = get("client_id");
    o.client_secret = get("client_secret").map(SecretString::from);
    o.discovery_endpoint = get("discovery_endpoint");
    o.access_token_endpoint = get("access_token_endpoint");
    if let Some(scope) = get("openid_scope").filter(|s| !s.is_empty()) {
        o.scope = scope;
    }
    o.token_type = match get("access_token_type").as_deref() {
        None | Some("") | Some("access_token") => OidcTokenType::AccessToken,
        Some("id_token") => OidcTokenType::IdToken,
        Some(other) => {
            return Err(Error::config(format!(
                "access_token_type {other:?}: expected access_token or id_token"
            )));
        }
    };
    o.validate()
        .map_err(|e| Error::config(e.service_message().to_string()))?;
    Ok(Some(o))
}

/// Reads the token endpoint from a discovery document.
pub(crate) fn token_endpoint_from_discovery(body: &[u8]) -> Result<String> {
    #[derive(serde::Deserialize)]
    struct Doc {
        #[serde(default)]
        token_endpoint: Option<String>,
    }
    let d: Doc = serde_json::from_slice(body)
        .map_err(|e| Error::decode("the identity provider's discovery document", e))?;
    d.token_endpoint.filter(|t| !t.is_empty()).ok_or_else(|| {
        Error::new(
            ErrorKind::Auth,
            "the discovery document has no token_endpoint",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_and_validation() {
        let o = OidcOptions::new("idp", "openid", OidcGrant::password("al ice", "p&w"))
            .client("cli", Some("sec"))
            .access_token_endpoint("https://idp/token");
        o.validate().unwrap();
        assert_eq!(
            o.token_form().unwrap(),
            "grant_type=password&username=al+ice&password=p%26w&scope=openid"
        );
        assert_eq!(o.basic_auth().unwrap(), "Basic Y2xpOnNlYw==");
        let cc = OidcOptions::new("idp", "openid", OidcGrant::ClientCredentials);
        assert!(cc.validate().unwrap_err().to_string().contains("client_id"));
        let cc = cc.client("c", None);
        assert!(
            cc.validate()
                .unwrap_err()
                .to_string()
                .contains("discovery_endpoint")
        );
        let at = OidcOptions::new(
            "idp",
            "openid",
            OidcGrant::AccessToken(SecretString::from("t".to_string())),
        );
        at.validate().unwrap();
        assert!(at.token_form().is_none());
        assert!(format!("{at:?} {o:?}").find("p&w").is_none());
    }

    #[test]
    fn answers() {
        let o = OidcOptions::new("idp", "openid", OidcGrant::ClientCredentials);
        assert_eq!(
            o.pick_token(br#"{"access_token": "a", "id_token": "i"}"#)
                .unwrap()
                .expose_secret(),
            "a"
        );
        let mut id = o.clone();
        id.token_type = OidcTokenType::IdToken;
        assert_eq!(
            id.pick_token(br#"{"access_token": "a", "id_token": "i"}"#)
                .unwrap()
                .expose_secret(),
            "i"
        );
        assert_eq!(
            o.pick_token(br#"{"error": "invalid_grant"}"#)
                .unwrap_err()
                .kind(),
            ErrorKind::Auth
        );
        assert_eq!(
            token_endpoint_from_discovery(br#"{"token_endpoint": "https://idp/t"}"#).unwrap(),
            "https://idp/t"
        );
        assert!(token_endpoint_from_discovery(b"{}").is_err());
    }
}
