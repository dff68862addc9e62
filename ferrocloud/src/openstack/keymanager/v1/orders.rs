//! Orders: asking Barbican to generate a secret. A `key` order makes a symmetric key
//! (a secret, in the order's `secret_ref`); an `asymmetric` one a key pair (an RSA
//! container, in its `container_ref`); a `certificate` one a certificate from a
//! certificate authority (on Barbicans that still serve them). Orders are processed
//! asynchronously: [`wait_for_completion`](crate::openstack::keymanager::v1::orders::wait_for_completion) waits for `ACTIVE`.
//!
//! ```no_run
//! # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::keymanager::v1::orders::{self, CreateOpts};
//! let r = orders::create(&barbican, &CreateOpts::key("aes", 256).mode("cbc").name("disk key")).await.extract()?;
//! let order = orders::wait_for_completion(&barbican, &r.order_ref, &Default::default()).await?;
//! println!("the key is {}", order.secret_ref.unwrap_or_default());
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{self, Paging, Status};
use crate::dates::Timestamp;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "key-manager";
    /// List orders.
    LIST = GET "/orders" list("orders", Order);
    /// Create an order.
    CREATE = POST "/orders" request(CreateOpts) response(OrderRef);
    /// Show an order.
    GET = GET "/orders/{order_id}" response(Order);
    /// Delete an order.
    DELETE = DELETE "/orders/{order_id}";
}

/// The kind of order.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::orders::OrderType;
/// assert_eq!(serde_json::to_string(&OrderType::Asymmetric).unwrap(), r#""asymmetric""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrderType {
    /// A symmetric key.
    Key,
    /// A key pair.
    Asymmetric,
    /// A certificate.
    Certificate,
    /// A kind this SDK does not know.
    #[serde(untagged)]
    Other(String),
}

/// What an order generates: the new secret's metadata (and, for certificates, what to
/// ask the authority). Fields this type does not name go in `extra`.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::orders::OrderMeta;
/// let m: OrderMeta = serde_json::from_str(r#"{"algorithm": "AES", "bit_length": 256,
///     "expiration": null, "mode": "cbc", "name": "secretname",
///     "payload_content_type": "application/octet-stream"}"#).unwrap();
/// assert_eq!(m.bit_length, Some(256));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct OrderMeta {
    /// The new secret's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The algorithm (`aes`, `rsa`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub algorithm: Option<String>,
    /// The key length in bits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bit_length: Option<u32>,
    /// The algorithm's mode (`cbc`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// When the new secret stops being available.
    #[serde(
        default,
        with = "crate::dates::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub expiration: Option<Timestamp>,
    /// The media type of the new secret's payload (`application/octet-stream`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload_content_type: Option<String>,
    /// A passphrase protecting a generated private key (asymmetric orders); never
    /// printed.
    #[serde(
        default,
        with = "crate::de::secret::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub passphrase: Option<SecretString>,
    /// How a certificate is asked for (`simple-cmc`, `full-cmc`, `stored-key`,
    /// `custom`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_type: Option<String>,
    /// The certificate request (a base64 PKCS#10 CSR).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_data: Option<String>,
    /// The certificate's subject (`stored-key` requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_dn: Option<String>,
    /// The RSA container whose key the certificate is for (`stored-key` requests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_ref: Option<String>,
    /// The certificate authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_id: Option<String>,
    /// The authority's certificate profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Any other field.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// An order.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Order {
    /// Its URL; [`Order::id`] gives the UUID.
    pub order_ref: String,
    /// The kind.
    #[serde(rename = "type")]
    pub kind: OrderType,
    /// The status: `PENDING`, then `ACTIVE` or `ERROR`.
    pub status: Status,
    /// What it generates.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub meta: OrderMeta,
    /// The generated secret (a `key` order, once `ACTIVE`).
    #[serde(default)]
    pub secret_ref: Option<String>,
    /// The generated container (`asymmetric` and `certificate` orders, once `ACTIVE`).
    #[serde(default)]
    pub container_ref: Option<String>,
    /// Where processing stands (`Unknown` when the plugin does not say).
    #[serde(default)]
    pub sub_status: Option<String>,
    /// What the sub-status means.
    #[serde(default)]
    pub sub_status_message: Option<String>,
    /// The HTTP status of a failure (`ERROR`); empty otherwise.
    #[serde(default, deserialize_with = "crate::de::lenient_string")]
    pub error_status_code: String,
    /// Why it failed (`ERROR`).
    #[serde(default)]
    pub error_reason: Option<String>,
    /// The user who placed it.
    #[serde(default)]
    pub creator_id: Option<String>,
    /// When it was placed.
    #[serde(with = "crate::dates::timestamp")]
    pub created: Timestamp,
    /// When it last changed.
    #[serde(with = "crate::dates::timestamp")]
    pub updated: Timestamp,
}

impl Order {
    /// The order's UUID (the end of its `order_ref`).
    ///
    /// ```
    /// # use ferrocloud::openstack::keymanager::v1::orders::Order;
    /// let o: Order = serde_json::from_value(serde_json::json!({
    ///     "order_ref": "http://h/v1/orders/5443", "type": "key", "status": "PENDING",
    ///     "meta": {}, "created": "2015-10-20T18:49:02", "updated": "2015-10-20T18:49:02"})).unwrap();
    /// assert_eq!(o.id(), "5443");
    /// ```
    pub fn id(&self) -> &str {
        common::id_from_ref(&self.order_ref)
    }
}

crate::operation::extract_fn! {
    /// The orders of a page of [`list`].
    ///
    /// ```no_run
    /// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
    /// use ferrocloud::openstack::keymanager::v1::orders;
    /// let pages = orders::list(&barbican, &Default::default()).all_pages().await?;
    /// for o in orders::extract_orders(&pages)? { println!("{} {}", o.order_ref, o.status) }
    /// # Ok(()) }
    /// ```
    extract_orders, Order
}

/// The reference to an order Barbican answers its creation with.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::orders::OrderRef;
/// let r: OrderRef = serde_json::from_str(r#"{"order_ref": "http://h/v1/orders/2284"}"#).unwrap();
/// assert_eq!(r.id(), "2284");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct OrderRef {
    /// The order's URL.
    pub order_ref: String,
}

impl OrderRef {
    /// The order's UUID.
    ///
    /// ```
    /// # use ferrocloud::openstack::keymanager::v1::orders::OrderRef;
    /// let r: OrderRef = serde_json::from_str(r#"{"order_ref": "http://h/v1/orders/9"}"#).unwrap();
    /// assert_eq!(r.id(), "9");
    /// ```
    pub fn id(&self) -> &str {
        common::id_from_ref(&self.order_ref)
    }
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::keymanager::v1::orders::CreateOpts;
/// let opts = CreateOpts::key("AES", 256).mode("cbc").name("secretname")
///     .payload_content_type("application/octet-stream");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!({"type": "key",
///     "meta": {"name": "secretname", "algorithm": "AES", "bit_length": 256, "mode": "cbc",
///     "payload_content_type": "application/octet-stream"}}));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The kind.
    #[serde(rename = "type")]
    pub kind: OrderType,
    /// What to generate.
    pub meta: OrderMeta,
}

impl CreateOpts {
    /// An order of `kind` with `meta`.
    ///
    /// ```
    /// use ferrocloud::openstack::keymanager::v1::orders::{CreateOpts, OrderMeta, OrderType};
    /// let o = CreateOpts::new(OrderType::Key, OrderMeta::default());
    /// assert_eq!(o.kind, OrderType::Key);
    /// ```
    pub fn new(kind: OrderType, meta: OrderMeta) -> Self {
        CreateOpts { kind, meta }
    }

    /// A symmetric key of `algorithm` and `bit_length`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::orders::CreateOpts::key("aes", 256);
    /// assert_eq!(o.meta.bit_length, Some(256));
    /// ```
    pub fn key(algorithm: impl Into<String>, bit_length: u32) -> Self {
        Self::sized(OrderType::Key, algorithm.into(), bit_length)
    }

    /// A key pair of `algorithm` (`rsa`) and `bit_length`.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::orders::CreateOpts::asymmetric("rsa", 2048);
    /// assert_eq!(o.meta.algorithm.as_deref(), Some("rsa"));
    /// ```
    pub fn asymmetric(algorithm: impl Into<String>, bit_length: u32) -> Self {
        Self::sized(OrderType::Asymmetric, algorithm.into(), bit_length)
    }

    /// A certificate asked for with `request_type` (`simple-cmc` with a CSR in
    /// [`request_data`](Self::request_data), `stored-key`, `custom`…).
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::orders::CreateOpts::certificate("simple-cmc")
    ///     .request_data("MIIC…");
    /// assert_eq!(o.meta.request_type.as_deref(), Some("simple-cmc"));
    /// ```
    pub fn certificate(request_type: impl Into<String>) -> Self {
        let meta = OrderMeta {
            request_type: Some(request_type.into()),
            ..Default::default()
        };
        Self::new(OrderType::Certificate, meta)
    }

    fn sized(kind: OrderType, algorithm: String, bit_length: u32) -> Self {
        let meta = OrderMeta {
            algorithm: Some(algorithm),
            bit_length: Some(bit_length),
            ..Default::default()
        };
        Self::new(kind, meta)
    }

    /// Names the new secret.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::orders::CreateOpts::key("aes", 128).name("k");
    /// assert_eq!(o.meta.name.as_deref(), Some("k"));
    /// ```
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.meta.name = Some(name.into());
        self
    }

    /// Sets the algorithm's mode.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::orders::CreateOpts::key("aes", 128).mode("cbc");
    /// assert_eq!(o.meta.mode.as_deref(), Some("cbc"));
    /// ```
    pub fn mode(mut self, mode: impl Into<String>) -> Self {
        self.meta.mode = Some(mode.into());
        self
    }

    /// Sets when the new secret stops being available.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::orders::CreateOpts::key("aes", 128)
    ///     .expiration("2030-01-01T00:00:00Z".parse().unwrap());
    /// assert!(o.meta.expiration.is_some());
    /// ```
    pub fn expiration(mut self, at: Timestamp) -> Self {
        self.meta.expiration = Some(at);
        self
    }

    /// Sets the media type of the new secret's payload.
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::orders::CreateOpts::key("aes", 128)
    ///     .payload_content_type("application/octet-stream");
    /// assert!(o.meta.payload_content_type.is_some());
    /// ```
    pub fn payload_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.meta.payload_content_type = Some(content_type.into());
        self
    }

    /// Protects a generated private key with a passphrase (asymmetric orders).
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::orders::CreateOpts::asymmetric("rsa", 2048)
    ///     .passphrase("pass phrase");
    /// assert!(!format!("{o:?}").contains("pass phrase"));
    /// ```
    pub fn passphrase(mut self, passphrase: impl Into<SecretString>) -> Self {
        self.meta.passphrase = Some(passphrase.into());
        self
    }

    /// Sets the certificate request (a base64 PKCS#10 CSR).
    ///
    /// ```
    /// let o = ferrocloud::openstack::keymanager::v1::orders::CreateOpts::certificate("simple-cmc")
    ///     .request_data("MIIC");
    /// assert_eq!(o.meta.request_data.as_deref(), Some("MIIC"));
    /// ```
    pub fn request_data(mut self, csr: impl Into<String>) -> Self {
        self.meta.request_data = Some(csr.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.meta.bit_length == Some(0) {
            return Err(Error::invalid_input("bit_length must be more than zero"));
        }
        match self.kind {
            OrderType::Key | OrderType::Asymmetric => {
                crate::request::require("meta.algorithm", self.meta.algorithm.is_some())?;
                crate::request::require("meta.bit_length", self.meta.bit_length.is_some())
            }
            OrderType::Certificate => {
                crate::request::require("meta.request_type", self.meta.request_type.is_some())
            }
            OrderType::Other(_) => Ok(()),
        }
    }
}

/// Lists orders, following Barbican's `next` links.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::{common::Paging, orders};
/// let first = orders::list(&barbican, &Paging::default().limit(100));
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient, paging: &Paging) -> Pager<Order> {
    client
        .request(&LIST, &[])
        .query(paging)
        .paged(PageStyle::Next("next"))
}

/// Places an order (`202`).
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::orders::{self, CreateOpts};
/// let r = orders::create(&barbican, &CreateOpts::asymmetric("rsa", 2048)).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<OrderRef> {
    let result = client.request(&CREATE, &[]).body(opts).send().await;
    match &opts.meta.passphrase {
        Some(p) => {
            use secrecy::ExposeSecret;
            common::scrub_payload(result, p.expose_secret())
        }
        None => result,
    }
}

/// Shows an order (`order`: its reference or UUID).
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let o = ferrocloud::openstack::keymanager::v1::orders::get(&barbican, "5443d349").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, order: &str) -> ApiResult<Order> {
    common::request_on(client, &GET, order, "orders").send().await
}

/// Deletes an order (`204`); what it generated stays.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::keymanager::v1::orders::delete(&barbican, "5443d349").await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, order: &str) -> ApiResult<()> {
    common::request_on(client, &DELETE, order, "orders").send().await
}

/// Waits until the order is processed: `ACTIVE` gives the order (with what it
/// generated), `ERROR` an error with Barbican's reason.
///
/// ```no_run
/// # async fn demo(barbican: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::keymanager::v1::orders;
/// let o = orders::wait_for_completion(&barbican, "5443d349", &Default::default()).await?;
/// # Ok(()) }
/// ```
pub async fn wait_for_completion(
    client: &ServiceClient,
    order: &str,
    opts: &crate::wait::WaitOpts,
) -> Result<Order> {
    use crate::wait::State;
    crate::wait::wait_for(
        &format!("order {} to complete", common::id_from_ref(order)),
        opts,
        || async { get(client, order).await.extract() },
        |o: &Order| match &o.status {
            Status::Active => State::Ready,
            s if s.is_error() => State::Failed(format!(
                "order {} failed ({}): {}",
                o.id(),
                o.error_status_code,
                o.error_reason.as_deref().unwrap_or("no reason given")
            )),
            _ => State::Pending,
        },
        |_| {},
    )
    .await
}
