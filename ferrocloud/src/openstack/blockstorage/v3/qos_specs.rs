//! Quality-of-service specs (admin): limits (IOPS, throughput) applied by the back end,
//! the compute host, or both, to the volumes of the volume types they are associated
//! with.
//!
//! ```no_run
//! # async fn demo(volumes: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::blockstorage::v3::qos_specs::{self, Consumer, CreateOpts};
//! let opts = CreateOpts::new("gold").consumer(Consumer::FrontEnd).spec("total_iops_sec", "1000");
//! let q = qos_specs::create(&volumes, &opts).await.extract()?;
//! qos_specs::associate(&volumes, &q.id, "6685584b-1eac-4da6-b5c3-555430cf68ff").await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::metadata::MetadataOpts;
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "block-storage";
    /// List QoS specs.
    LIST = GET "/qos-specs" list("qos_specs", QosSpec);
    /// Show QoS specs.
    GET = GET "/qos-specs/{qos_id}" response("qos_specs", QosSpec);
    /// Create QoS specs.
    CREATE = POST "/qos-specs" request("qos_specs", CreateOpts) response("qos_specs", QosSpec);
    /// Set keys in QoS specs.
    SET_KEYS = PUT "/qos-specs/{qos_id}" request("qos_specs", MetadataOpts) response("qos_specs", Specs);
    /// Delete QoS specs.
    DELETE = DELETE "/qos-specs/{qos_id}";
    /// Unset keys in QoS specs.
    UNSET_KEYS = PUT "/qos-specs/{qos_id}/delete_keys" request(UnsetKeys);
    /// Get all associations of QoS specs.
    ASSOCIATIONS = GET "/qos-specs/{qos_id}/associations" list("qos_associations", Association);
    /// Associate QoS specs with a volume type.
    ASSOCIATE = GET "/qos-specs/{qos_id}/associate";
    /// Disassociate QoS specs from a volume type.
    DISASSOCIATE = GET "/qos-specs/{qos_id}/disassociate";
    /// Disassociate QoS specs from all associations.
    DISASSOCIATE_ALL = GET "/qos-specs/{qos_id}/disassociate_all";
}

/// The operations the v2 API documents: all of them.
pub static V2_OPERATIONS: &[&crate::Operation] = OPERATIONS;

crate::openstack::blockstorage::v3::common::status_enum! {
    /// Who applies the limits.
    Consumer {
        /// The compute host (for volumes attached through it).
        FrontEnd = "front-end",
        /// The storage back end.
        BackEnd = "back-end",
        /// Both.
        Both = "both",
    }
}

/// Spec keys and values.
pub type Specs = BTreeMap<String, String>;

/// QoS specs.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct QosSpec {
    /// The ID.
    pub id: String,
    /// The name.
    pub name: String,
    /// Who applies them.
    pub consumer: Consumer,
    /// The limits.
    pub specs: Specs,
}

crate::operation::extract_fn! {
    /// The QoS specs of a page of [`list`].
    extract_qos_specs, QosSpec
}

/// What [`create`] sends: the name, the consumer, and the specs beside them.
///
/// ```
/// use ferrocloud::openstack::blockstorage::v3::qos_specs::{Consumer, CreateOpts};
/// let opts = CreateOpts::new("reliability-spec").consumer(Consumer::BackEnd).spec("delay", "1");
/// assert_eq!(serde_json::to_value(&opts).unwrap(), serde_json::json!(
///     {"name": "reliability-spec", "consumer": "back-end", "delay": "1"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// The name (unique).
    pub name: String,
    /// Who applies them (Cinder's default: `back-end`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consumer: Option<Consumer>,
    /// The limits.
    #[serde(flatten)]
    pub specs: Specs,
}

impl CreateOpts {
    /// Specs named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        CreateOpts {
            name: name.into(),
            consumer: None,
            specs: Specs::new(),
        }
    }
    /// Sets who applies them.
    pub fn consumer(mut self, consumer: Consumer) -> Self {
        self.consumer = Some(consumer);
        self
    }
    /// Adds a limit.
    pub fn spec(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.specs.insert(key.into(), value.into());
        self
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        if self.name.trim().is_empty() {
            return Err(Error::invalid_input("QoS specs need a name"));
        }
        if self.specs.contains_key("name") || self.specs.contains_key("consumer") {
            return Err(Error::invalid_input(
                "`name` and `consumer` are fields of their own, not specs",
            ));
        }
        Ok(())
    }
}

/// The keys [`unset_keys`] removes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnsetKeys {
    /// The keys.
    pub keys: Vec<String>,
}

impl Validate for UnsetKeys {
    fn validate(&self) -> Result<()> {
        crate::request::require("keys", !self.keys.is_empty())
    }
}

/// What QoS specs are associated with.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Association {
    /// The kind (`volume_type`).
    pub association_type: String,
    /// Its name.
    pub name: String,
    /// Its ID.
    pub id: String,
}

/// Lists QoS specs.
pub fn list(client: &ServiceClient) -> Pager<QosSpec> {
    client
        .request(&LIST, &[])
        .paged(PageStyle::Links("qos_specs_links"))
}

/// Shows QoS specs.
pub async fn get(client: &ServiceClient, id: &str) -> ApiResult<QosSpec> {
    client.request(&GET, &[id]).send().await
}

/// Creates QoS specs.
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<QosSpec> {
    client.request(&CREATE, &[]).body(opts).send().await
}

/// Sets (adds or changes) keys; the answer is the keys sent.
pub async fn set_keys(client: &ServiceClient, id: &str, specs: &Specs) -> ApiResult<Specs> {
    client
        .request(&SET_KEYS, &[id])
        .body(&MetadataOpts(specs.clone()))
        .send()
        .await
}

/// Removes keys (`202`).
pub async fn unset_keys(client: &ServiceClient, id: &str, keys: &[&str]) -> ApiResult<()> {
    let body = UnsetKeys {
        keys: keys.iter().map(|k| k.to_string()).collect(),
    };
    client.request(&UNSET_KEYS, &[id]).body(&body).send().await
}

/// Deletes QoS specs (`202`); associated ones only with `force` (else `400`).
pub async fn delete(client: &ServiceClient, id: &str, force: bool) -> ApiResult<()> {
    let req = client.request(&DELETE, &[id]);
    let req = if force {
        req.query_pair("force", "true")
    } else {
        req
    };
    req.send().await
}

/// What the QoS specs are associated with.
pub fn associations(client: &ServiceClient, id: &str) -> Pager<Association> {
    client
        .request(&ASSOCIATIONS, &[id])
        .paged(PageStyle::Single)
}

/// Associates QoS specs with a volume type (`202`).
pub async fn associate(client: &ServiceClient, id: &str, volume_type_id: &str) -> ApiResult<()> {
    client
        .request(&ASSOCIATE, &[id])
        .query_pair("vol_type_id", volume_type_id)
        .ok_codes(&[200, 202])
        .send()
        .await
}

/// Disassociates QoS specs from a volume type (`202`).
pub async fn disassociate(
    client: &ServiceClient,
    id: &str,
    volume_type_id: &str,
) -> ApiResult<()> {
    client
        .request(&DISASSOCIATE, &[id])
        .query_pair("vol_type_id", volume_type_id)
        .ok_codes(&[200, 202])
        .send()
        .await
}

/// Disassociates QoS specs from every volume type (`202`).
pub async fn disassociate_all(client: &ServiceClient, id: &str) -> ApiResult<()> {
    client
        .request(&DISASSOCIATE_ALL, &[id])
        .ok_codes(&[200, 202])
        .send()
        .await
}
