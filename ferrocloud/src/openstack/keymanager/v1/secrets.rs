//! Secrets: keys, passwords, certificates — any bytes Barbican keeps encrypted. A secret
//! is made in one step (its metadata and its payload in one JSON request), or in two
//! (the metadata, then the payload as raw bytes with [`set_payload`](crate::openstack::keymanager::v1::secrets::set_payload)). The payload is
//! read apart from the metadata ([`get_payload`](crate::openstack::keymanager::v1::secrets::get_payload)), in one of the media types the
//! secret's `content_types` lists.
//!
//! Payloads never print: the options hold them as [`SecretString`](crate::SecretString)s, a payload read
//! back is a [`SecretPayload`](crate::openstack::keymanager::v1::secrets::SecretPayload), and an error whose message would echo the payload sent
//! has it replaced by `[REDACTED]`.
//!
//! ```no_run
//! # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::ExposeSecret;
//! use ferrocloud::openstack::keymanager::v1::secrets::{self, CreateOpts, SecretType};
//! let opts = CreateOpts::default()
//!     .name("db password")
//!     .secret_type(SecretType::Passphrase)
//!     .payload_text("correct horse battery staple");
//! let created = secrets::create(&barbican, &opts).await.extract()?;
//! let payload = secrets::get_payload(&barbican, &created.secret_ref, "text/plain").await?;
//! assert_eq!(payload.expose(), b"correct horse battery staple");
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use base64::Engine as _;
use secrecy::{ExposeSecret, SecretSlice, SecretString};
use serde::{Deserialize, Serialize, Serializer};

use super::common::{self, Paging, SecretRef, Status};
use super::secret_consumers::Consumer;
use crate::dates::Timestamp;
use crate::openstack::blockstorage::v3::common::SortDir;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "key-manager";
    /// List secrets.
    LIST = GET "/secrets" list("secrets", Secret);
    /// Create a secret (with or without its payload).
    CREATE = POST "/secrets" request(CreateOpts) response(SecretRef);
    /// Show a secret's metadata (or, with another `Accept`, its payload: the older way).
    GET = GET "/secrets/{secret_id}" response(Secret);
    /// Add the payload to a secret made without one.
    SET_PAYLOAD = PUT "/secrets/{secret_id}";
    /// Delete a secret.
    DELETE = DELETE "/secrets/{secret_id}";
    /// Read a secret's payload.
    GET_PAYLOAD = GET "/secrets/{secret_id}/payload";
}

/// What kind of secret it is: it decides the media types Barbican serves it in.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::secrets::SecretType;
/// assert_eq!(serde_json::to_string(&SecretType::Symmetric).unwrap(), r#""symmetric""#);
/// let t: SecretType = serde_json::from_str(r#""hmac""#).unwrap();
/// assert_eq!(t, SecretType::Other("hmac".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SecretType {
    /// Bytes such as a symmetric encryption key (`application/octet-stream`).
    Symmetric,
    /// The public key of a key pair (`application/octet-stream`, PEM).
    Public,
    /// The private key of a key pair (`application/octet-stream`, PEM).
    Private,
    /// A plain-text passphrase (`text/plain`).
    Passphrase,
    /// A certificate such as X.509 (`application/octet-stream`, PEM).
    Certificate,
    /// Anything, stored as given (Barbican's default).
    Opaque,
    /// A type this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// A secret's metadata (never its payload).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Secret {
    /// Its URL; [`Secret::id`] gives the UUID.
    pub secret_ref: String,
    /// The name.
    #[serde(deserialize_with = "crate::de::nullable")]
    pub name: Option<String>,
    /// The status.
    pub status: Status,
    /// The kind of secret.
    pub secret_type: SecretType,
    /// The algorithm it is for (informational).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub algorithm: Option<String>,
    /// Its length in bits (informational).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub bit_length: Option<u32>,
    /// The algorithm's mode (informational).
    #[serde(deserialize_with = "crate::de::nullable")]
    pub mode: Option<String>,
    /// When it stops being available.
    #[serde(deserialize_with = "crate::dates::option::deserialize")]
    pub expiration: Option<Timestamp>,
    /// When it was created.
    #[serde(with = "crate::dates::timestamp")]
    pub created: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated: Timestamp,
    /// The media types its payload can be read in (`default` first), once it has one.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub content_types: BTreeMap<String, String>,
    /// The user who created it.
    #[serde(default)]
    pub creator_id: Option<String>,
    /// The resources that use it (newer Barbicans).
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub consumers: Vec<Consumer>,
}

impl Secret {
    /// The secret's UUID (the end of its `secret_ref`).
    ///
    /// ```
    /// # use ferrocloud::openstack::keymanager::v1::secrets::Secret;
    /// let s: Secret = serde_json::from_value(serde_json::json!({
    ///     "secret_ref": "http://h:9311/v1/secrets/48d2", "name": null, "status": "ACTIVE",
    ///     "secret_type": "opaque", "algorithm": null, "bit_length": null, "mode": null,
    ///     "expiration": null, "created": "2015-04-07T03:37:19.805835",
    ///     "updated": "2015-04-07T03:37:19.808337"})).unwrap();
    /// assert_eq!(s.id(), "48d2");
    /// ```
    pub fn id(&self) -> &str {
        common::id_from_ref(&self.secret_ref)
    }
}

crate::operation::extract_fn! {
    /// The secrets of a page of [`list`].
    ///
    /// ```no_run
    /// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
    /// use ferrocloud::openstack::keymanager::v1::secrets;
    /// let all = secrets::list(&barbican, &Default::default()).all_pages().await?;
    /// for s in secrets::extract_secrets(&all)? { println!("{}", s.secret_ref) }
    /// # Ok(()) }
    /// ```
    extract_secrets, Secret
}

/// A comparison of a date filter.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::secrets::Compare;
/// assert_eq!(Compare::Gte.as_str(), "gte");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    /// Exactly at.
    Eq,
    /// After.
    Gt,
    /// At or after.
    Gte,
    /// Before.
    Lt,
    /// At or before.
    Lte,
}

impl Compare {
    /// The prefix Barbican reads (`gt`, `gte`, `lt`, `lte`; none for equality).
    ///
    /// ```
    /// assert_eq!(ferrocloud::openstack::keymanager::v1::secrets::Compare::Eq.as_str(), "");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Compare::Eq => "",
            Compare::Gt => "gt",
            Compare::Gte => "gte",
            Compare::Lt => "lt",
            Compare::Lte => "lte",
        }
    }
}

/// A filter on a date (`created`, `updated`, `expiration`): every condition must hold.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::secrets::{Compare, DateFilter};
/// let jan = DateFilter::default()
///     .and(Compare::Gte, "2020-01-01T00:00:00Z".parse().unwrap())
///     .and(Compare::Lt, "2020-02-01T00:00:00Z".parse().unwrap());
/// assert_eq!(jan.to_string(), "gte:2020-01-01T00:00:00Z,lt:2020-02-01T00:00:00Z");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateFilter(pub Vec<(Compare, Timestamp)>);

impl DateFilter {
    /// Adds a condition.
    ///
    /// ```
    /// use ferrocloud::openstack::keymanager::v1::secrets::{Compare, DateFilter};
    /// let f = DateFilter::default().and(Compare::Eq, "2020-01-01T00:00:00Z".parse().unwrap());
    /// assert_eq!(f.to_string(), "2020-01-01T00:00:00Z");
    /// ```
    pub fn and(mut self, compare: Compare, at: Timestamp) -> Self {
        self.0.push((compare, at));
        self
    }
}

impl std::fmt::Display for DateFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (c, t)) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            if *c != Compare::Eq {
                write!(f, "{}:", c.as_str())?;
            }
            f.write_str(&crate::dates::format(t))?;
        }
        Ok(())
    }
}

impl Serialize for DateFilter {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn sort_param<S: Serializer>(keys: &[(String, SortDir)], s: S) -> std::result::Result<S::Ok, S::Error> {
    let text = keys
        .iter()
        .map(|(k, d)| {
            let dir = match d {
                SortDir::Asc => "asc",
                SortDir::Desc => "desc",
            };
            format!("{k}:{dir}")
        })
        .collect::<Vec<_>>()
        .join(",");
    s.serialize_str(&text)
}

/// What [`list`] filters and sorts on.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::secrets::{ListOpts, SecretType};
/// use ferrocloud::openstack::blockstorage::v3::common::SortDir;
/// let opts = ListOpts { name: Some("AES key".into()), bits: Some(256),
///     secret_type: Some(SecretType::Symmetric), ..Default::default() }
///     .sort("created", SortDir::Desc);
/// let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
/// assert_eq!(ferrocloud::query::encode(&pairs),
///     "name=AES+key&bits=256&secret_type=symmetric&sort=created%3Adesc");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListOpts {
    /// Secrets whose name is like this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Secrets whose algorithm is like this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alg: Option<String>,
    /// Secrets whose mode is like this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Secrets of this bit length.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bits: Option<u32>,
    /// Secrets of this type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_type: Option<SecretType>,
    /// Only the secrets whose ACL names the user (whatever their project).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acl_only: Option<bool>,
    /// Secrets created within these dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<DateFilter>,
    /// Secrets changed within these dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<DateFilter>,
    /// Secrets expiring within these dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiration: Option<DateFilter>,
    /// Sort keys (`created`, `expiration`, `mode`, `name`, `secret_type`, `status`,
    /// `updated`) with directions, most significant first.
    #[serde(serialize_with = "sort_param", skip_serializing_if = "Vec::is_empty")]
    pub sort: Vec<(String, SortDir)>,
    /// Where to start and the page size.
    #[serde(flatten)]
    pub paging: Paging,
}

impl ListOpts {
    /// Adds a sort key (keys added first sort first).
    ///
    /// ```
    /// use ferrocloud::openstack::keymanager::v1::secrets::ListOpts;
    /// use ferrocloud::openstack::blockstorage::v3::common::SortDir;
    /// let opts = ListOpts::default().sort("name", SortDir::Asc);
    /// assert_eq!(opts.sort.len(), 1);
    /// ```
    pub fn sort(mut self, key: impl Into<String>, dir: SortDir) -> Self {
        self.sort.push((key.into(), dir));
        self
    }
}

/// What [`create`] sends: the secret's metadata, and its payload when it is made in
/// one step. The payload is a [`SecretString`]: `Debug` never shows it.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::secrets::{CreateOpts, SecretType};
/// let opts = CreateOpts::default().name("AES key").algorithm("aes").bit_length(256)
///     .mode("cbc").secret_type(SecretType::Symmetric)
///     .payload_bytes(b"beer", "application/octet-stream");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({
///     "name": "AES key", "algorithm": "aes", "bit_length": 256, "mode": "cbc",
///     "secret_type": "symmetric", "payload": "YmVlcg==",
///     "payload_content_type": "application/octet-stream",
///     "payload_content_encoding": "base64"}));
/// assert!(!format!("{opts:?}").contains("YmVlcg=="));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When it stops being available.
    #[serde(
        default,
        with = "crate::dates::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub expiration: Option<Timestamp>,
    /// The algorithm it is for (informational).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub algorithm: Option<String>,
    /// Its length in bits (informational; more than zero).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bit_length: Option<u32>,
    /// The algorithm's mode (informational).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// The kind of secret (`opaque` when not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_type: Option<SecretType>,
    /// The payload, as sent in the JSON body (base64 text when
    /// `payload_content_encoding` is `base64`).
    #[serde(
        default,
        with = "crate::de::secret::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub payload: Option<SecretString>,
    /// The payload's media type (`text/plain`, `application/octet-stream`…); needed with
    /// a payload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload_content_type: Option<String>,
    /// `base64` for a payload sent encoded (binary payloads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload_content_encoding: Option<String>,
}

impl CreateOpts {
    /// Sets the name.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::secrets::CreateOpts::default().name("k");
    /// assert_eq!(o.name.as_deref(), Some("k"));
    /// ```
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets when it stops being available.
    ///
    /// ```
    /// let at = "2030-12-28T19:14:44Z".parse().unwrap();
    /// let o = ferrocloud::openstack::keymanager::v1::secrets::CreateOpts::default().expiration(at);
    /// assert_eq!(serde_json::to_value(&o).unwrap()["expiration"], "2030-12-28T19:14:44Z");
    /// ```
    pub fn expiration(mut self, at: Timestamp) -> Self {
        self.expiration = Some(at);
        self
    }

    /// Sets the algorithm.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::secrets::CreateOpts::default().algorithm("aes");
    /// assert_eq!(o.algorithm.as_deref(), Some("aes"));
    /// ```
    pub fn algorithm(mut self, algorithm: impl Into<String>) -> Self {
        self.algorithm = Some(algorithm.into());
        self
    }

    /// Sets the bit length.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::secrets::CreateOpts::default().bit_length(256);
    /// assert_eq!(o.bit_length, Some(256));
    /// ```
    pub fn bit_length(mut self, bits: u32) -> Self {
        self.bit_length = Some(bits);
        self
    }

    /// Sets the mode.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::secrets::CreateOpts::default().mode("cbc");
    /// assert_eq!(o.mode.as_deref(), Some("cbc"));
    /// ```
    pub fn mode(mut self, mode: impl Into<String>) -> Self {
        self.mode = Some(mode.into());
        self
    }

    /// Sets the kind of secret.
    ///
    /// ```
    /// use ferrocloud::openstack::keymanager::v1::secrets::{CreateOpts, SecretType};
    /// let o = CreateOpts::default().secret_type(SecretType::Private);
    /// assert_eq!(o.secret_type, Some(SecretType::Private));
    /// ```
    pub fn secret_type(mut self, kind: SecretType) -> Self {
        self.secret_type = Some(kind);
        self
    }

    /// A text payload (`text/plain`), sent as it is.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::secrets::CreateOpts::default().payload_text("s3cret");
    /// assert_eq!(o.payload_content_type.as_deref(), Some("text/plain"));
    /// assert!(o.payload_content_encoding.is_none());
    /// ```
    pub fn payload_text(self, text: impl Into<SecretString>) -> Self {
        self.payload(text, "text/plain", None)
    }

    /// A binary payload in `content_type` (`application/octet-stream`,
    /// `application/pkcs8`…), sent base64-encoded.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::secrets::CreateOpts::default()
    ///     .payload_bytes(&[0u8, 255], "application/octet-stream");
    /// assert_eq!(o.payload_content_encoding.as_deref(), Some("base64"));
    /// ```
    pub fn payload_bytes(self, bytes: &[u8], content_type: &str) -> Self {
        let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
        self.payload(SecretString::from(encoded), content_type, Some("base64"))
    }

    /// A payload as it goes in the JSON body, with its media type and encoding (`None`,
    /// or `Some("base64")` when `payload` is base64 text).
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::secrets::CreateOpts::default()
    ///     .payload("YmVlcg==", "application/octet-stream", Some("base64"));
    /// assert_eq!(serde_json::to_value(&o).unwrap()["payload"], "YmVlcg==");
    /// ```
    pub fn payload(
        mut self,
        payload: impl Into<SecretString>,
        content_type: &str,
        encoding: Option<&str>,
    ) -> Self {
        self.payload = Some(payload.into());
        self.payload_content_type = Some(content_type.to_string());
        self.payload_content_encoding = encoding.map(str::to_string);
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if let Some(name) = &self.name
            && name.chars().count() > 255
        {
            return Err(Error::invalid_input(
                "a secret's name is at most 255 characters",
            ));
        }
        if self.bit_length == Some(0) {
            return Err(Error::invalid_input("bit_length must be more than zero"));
        }
        match &self.payload {
            Some(p) if p.expose_secret().is_empty() => {
                return Err(Error::invalid_input("a secret's payload must not be empty"));
            }
            Some(_) => crate::request::require(
                "payload_content_type",
                self.payload_content_type.is_some(),
            )?,
            None if self.payload_content_type.is_some()
                || self.payload_content_encoding.is_some() =>
            {
                return Err(Error::invalid_input(
                    "payload_content_type and payload_content_encoding go with a payload",
                ));
            }
            None => {}
        }
        if let Some(enc) = &self.payload_content_encoding
            && !enc.eq_ignore_ascii_case("base64")
        {
            return Err(Error::invalid_input(format!(
                "payload_content_encoding {enc:?}: Barbican only takes base64"
            )));
        }
        Ok(())
    }
}

/// A payload read back: its bytes, kept as a secret (`Debug` shows neither them nor
/// their length), and the media type Barbican served.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::secrets::SecretPayload;
/// let p = SecretPayload::new(b"beer".to_vec(), Some("text/plain".into()));
/// assert_eq!(p.expose(), b"beer");
/// assert!(!format!("{p:?}").contains("beer"));
/// ```
#[derive(Clone)]
pub struct SecretPayload {
    data: SecretSlice<u8>,
    content_type: Option<String>,
}

impl std::fmt::Debug for SecretPayload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretPayload")
            .field("data", &"[REDACTED]")
            .field("content_type", &self.content_type)
            .finish()
    }
}

impl SecretPayload {
    /// A payload of `data` in `content_type`.
    ///
    /// ```
    /// let p = ferrocloud::openstack::keymanager::v1::secrets::SecretPayload::new(vec![1, 2], None);
    /// assert_eq!(p.expose(), &[1, 2]);
    /// ```
    pub fn new(data: Vec<u8>, content_type: Option<String>) -> Self {
        SecretPayload {
            data: SecretSlice::from(data),
            content_type,
        }
    }

    /// The bytes.
    ///
    /// ```
    /// let p = ferrocloud::openstack::keymanager::v1::secrets::SecretPayload::new(b"x".to_vec(), None);
    /// assert_eq!(p.expose(), b"x");
    /// ```
    pub fn expose(&self) -> &[u8] {
        self.data.expose_secret()
    }

    /// The media type Barbican served (its `Content-Type`).
    ///
    /// ```
    /// let p = ferrocloud::openstack::keymanager::v1::secrets::SecretPayload::new(vec![], Some("text/plain".into()));
    /// assert_eq!(p.content_type(), Some("text/plain"));
    /// ```
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The bytes as a secret.
    ///
    /// ```
    /// use ferrocloud::ExposeSecret;
    /// let p = ferrocloud::openstack::keymanager::v1::secrets::SecretPayload::new(vec![7], None);
    /// assert_eq!(p.into_secret().expose_secret(), &[7]);
    /// ```
    pub fn into_secret(self) -> SecretSlice<u8> {
        self.data
    }

    /// The bytes as text (a `text/plain` payload), or an error when they are not UTF-8
    /// (the error does not show them).
    ///
    /// ```
    /// use ferrocloud::ExposeSecret;
    /// let p = ferrocloud::openstack::keymanager::v1::secrets::SecretPayload::new(b"beer".to_vec(), None);
    /// assert_eq!(p.to_text().unwrap().expose_secret(), "beer");
    /// ```
    pub fn to_text(&self) -> Result<SecretString> {
        std::str::from_utf8(self.expose())
            .map(SecretString::from)
            .map_err(|_| {
                Error::new(
                    crate::ErrorKind::Decode,
                    "the secret's payload is not UTF-8 text",
                )
            })
    }
}

/// Lists secrets, following Barbican's `next` links.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::secrets::{self, ListOpts};
/// let opts = ListOpts { name: Some("AES key".into()), ..Default::default() };
/// let found = secrets::extract_secrets(&secrets::list(&barbican, &opts).all_pages().await?)?;
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, opts: &ListOpts) -> Pager<Secret> {
    client
        .request(&LIST, &[])
        .query(opts)
        .paged(PageStyle::Next("next"))
}

/// Creates a secret (`201`), with its payload when `opts` has one; without, add it with
/// [`set_payload`].
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::secrets::{self, CreateOpts};
/// let opts = CreateOpts::default().name("key").payload_bytes(&[1, 2, 3], "application/octet-stream");
/// let r = secrets::create(&barbican, &opts).await.extract()?;
/// println!("{}", r.id());
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<SecretRef> {
    let result = client.request(&CREATE, &[]).body(opts).send().await;
    match &opts.payload {
        Some(p) => common::scrub_payload(result, p.expose_secret()),
        None => result,
    }
}

/// Shows a secret's metadata; `secret` is its reference or UUID.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::secrets;
/// let s = secrets::get(&barbican, "http://barbican:9311/v1/secrets/48d24158").await.extract()?;
/// println!("{:?}", s.content_types.get("default"));
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, secret: &str) -> ApiResult<Secret> {
    common::request_on(client, &GET, secret, "secrets")
        .send()
        .await
}

/// Reads a secret's payload in the media type `accept` (one of its `content_types`).
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::secrets;
/// let key = secrets::get_payload(&barbican, "48d24158", "application/octet-stream").await?;
/// assert_eq!(key.expose().len(), 32);
/// # Ok(()) }
/// ```
pub async fn get_payload(
    client: &ServiceClient,
    secret: &str,
    accept: &str,
) -> Result<SecretPayload> {
    let req = common::request_on(client, &GET_PAYLOAD, secret, "secrets").header("accept", accept);
    read_payload(req).await
}

/// Reads a secret's payload the older way: `GET /v1/secrets/{uuid}` with `accept` (not
/// JSON) as its `Accept`. Barbican deprecates it for [`get_payload`].
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::secrets;
/// let text = secrets::get_payload_legacy(&barbican, "48d24158", "text/plain").await?;
/// # Ok(()) }
/// ```
pub async fn get_payload_legacy(
    client: &ServiceClient,
    secret: &str,
    accept: &str,
) -> Result<SecretPayload> {
    let mut req = common::request_on(client, &GET, secret, "secrets").header("accept", accept);
    if accept
        .split(';')
        .next()
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
    {
        req = req.fail_with(Error::invalid_input(
            "with an Accept of application/json Barbican answers the metadata: use get",
        ));
    }
    read_payload(req).await
}

async fn read_payload<R>(req: crate::request::RequestBuilder<R>) -> Result<SecretPayload> {
    let resp = req.send_raw().await?;
    let content_type = resp.header("content-type").map(str::to_string);
    Ok(SecretPayload::new(resp.body().to_vec(), content_type))
}

/// Adds the payload to a secret made without one (`204`): `payload` is sent as the raw
/// body with `content_type` as its `Content-Type`.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::secrets::{self, CreateOpts};
/// let r = secrets::create(&barbican, &CreateOpts::default().name("later")).await.extract()?;
/// let key = secrecy::SecretSlice::from(vec![0u8; 32]);
/// secrets::set_payload(&barbican, &r.secret_ref, &key, "application/octet-stream").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn set_payload(
    client: &ServiceClient,
    secret: &str,
    payload: &SecretSlice<u8>,
    content_type: &str,
) -> ApiResult<()> {
    put_payload(client, secret, payload.expose_secret(), content_type, None).await
}

/// Adds the payload to a secret made without one (`204`), sent as base64 text with
/// `Content-Encoding: base64`: `encoded` is the base64 of the bytes, `content_type`
/// their media type.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::secrets;
/// let encoded = ferrocloud::SecretString::from("YmxhaA==");
/// secrets::set_payload_base64(&barbican, "48d24158", &encoded, "application/octet-stream").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn set_payload_base64(
    client: &ServiceClient,
    secret: &str,
    encoded: &SecretString,
    content_type: &str,
) -> ApiResult<()> {
    let text = encoded.expose_secret();
    put_payload(client, secret, text.as_bytes(), content_type, Some("base64")).await
}

async fn put_payload(
    client: &ServiceClient,
    secret: &str,
    payload: &[u8],
    content_type: &str,
    encoding: Option<&str>,
) -> ApiResult<()> {
    let mut req = common::request_on(client, &SET_PAYLOAD, secret, "secrets")
        .bytes(payload.to_vec(), content_type)
        .ok_codes(&[204]);
    if payload.is_empty() {
        req = req.fail_with(Error::invalid_input("a secret's payload must not be empty"));
    }
    if let Some(enc) = encoding {
        req = req.header("content-encoding", enc);
    }
    let result = req.send().await;
    match std::str::from_utf8(payload) {
        Ok(text) => common::scrub_payload(result, text),
        Err(_) => result,
    }
}

/// Deletes a secret (`204`).
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::keymanager::v1::secrets::delete(&barbican, "48d24158").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, secret: &str) -> ApiResult<()> {
    common::request_on(client, &DELETE, secret, "secrets")
        .send()
        .await
}
