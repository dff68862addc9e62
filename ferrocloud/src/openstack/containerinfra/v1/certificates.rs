//! The CA certificates of clusters: show a cluster's CA, have it sign a certificate
//! signing request (for a client certificate of the COE's API), and rotate it.
//!
//! Certificates and signing requests are public material and are shown as they are;
//! the private key that goes with a CSR stays with the caller and is never sent.
//!
//! ```no_run
//! # async fn demo(magnum: ferrocloud::ServiceClient, csr: String) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::containerinfra::v1::certificates::{self, SignOpts};
//! let ca = certificates::get(&magnum, "k8s", None).await.extract()?;
//! let signed = certificates::sign(&magnum, &SignOpts::new(ca.cluster_uuid, csr)).await.extract()?;
//! std::fs::write("client.crt", signed.pem).ok();
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::common::ClusterId;
use crate::de::Link;
use crate::request::{ApiResult, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "container-infrastructure-management";
    /// Show a cluster's CA certificate (optionally of one CA type).
    GET = GET "/certificates/{cluster_ident}" response(Certificate);
    /// Sign a certificate signing request with a cluster's CA.
    SIGN = POST "/certificates" request(SignOpts) response(Certificate);
}

/// The CA rotation: the reference writes it at `PATCH /v1/certificates/`, Magnum
/// serves it with the cluster in the path (listed apart, as undocumented).
#[allow(dead_code)] // read through `ROTATE`; its `OPERATIONS` list is empty
mod rotation {
    use super::ClusterId;
    crate::operations! {
        service: "container-infrastructure-management", undocumented;
        /// Rotate a cluster's CA (1.5+; `202`).
        ROTATE = PATCH "/certificates/{cluster_ident}" since("1.5") response(ClusterId);
    }
}

pub use rotation::ROTATE;

/// A certificate: a cluster's CA, or one it signed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Certificate {
    /// The cluster's UUID.
    pub cluster_uuid: String,
    /// The certificate, PEM-encoded.
    pub pem: String,
    /// The signing request the certificate was made from (signing answers).
    #[serde(default)]
    pub csr: Option<String>,
    /// The CA type (`kubernetes`, `etcd`, `front_proxy`), when named.
    #[serde(default)]
    pub ca_cert_type: Option<String>,
    /// Links (`self`, `bookmark`).
    pub links: Vec<Link>,
}

/// What [`sign`] sends: the cluster and a PEM certificate signing request.
///
/// ```
/// use ferrocloud::openstack::containerinfra::v1::certificates::SignOpts;
/// let opts = SignOpts::new("0b4b766f", "-----BEGIN CERTIFICATE REQUEST-----\n…");
/// assert_eq!(serde_json::to_value(&opts).unwrap()["cluster_uuid"], "0b4b766f");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOpts {
    /// The cluster (UUID or name).
    pub cluster_uuid: String,
    /// The certificate signing request, PEM-encoded.
    pub csr: String,
    /// The CA to sign with (`kubernetes` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_cert_type: Option<String>,
}

impl SignOpts {
    /// Sign `csr` with the CA of `cluster`.
    pub fn new(cluster: impl Into<String>, csr: impl Into<String>) -> Self {
        SignOpts {
            cluster_uuid: cluster.into(),
            csr: csr.into(),
            ca_cert_type: None,
        }
    }
}

impl Validate for SignOpts {
    fn validate(&self) -> crate::Result<()> {
        crate::request::require("cluster_uuid", !self.cluster_uuid.is_empty())?;
        crate::request::require("csr", !self.csr.is_empty())
    }
}

/// Shows a cluster's CA certificate; `ca_cert_type` picks one of several CAs
/// (`etcd`, `front_proxy`; the Kubernetes CA when `None`).
///
/// ```no_run
/// # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let ca = ferrocloud::openstack::containerinfra::v1::certificates::get(&magnum, "k8s", Some("etcd")).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn get(
    client: &ServiceClient,
    cluster_ident: &str,
    ca_cert_type: Option<&str>,
) -> ApiResult<Certificate> {
    let mut request = client.request(&GET, &[cluster_ident]);
    if let Some(t) = ca_cert_type {
        request = request.query_pair("ca_cert_type", t);
    }
    request.send().await
}

/// Has a cluster's CA sign a certificate signing request (`201`).
///
/// ```no_run
/// # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// use ferrocloud::openstack::containerinfra::v1::certificates::{self, SignOpts};
/// let c = certificates::sign(&magnum, &SignOpts::new("k8s", "-----BEGIN CERTIFICATE REQUEST-----…")).await.extract()?;
/// # Ok(()) }
/// ```
pub async fn sign(client: &ServiceClient, opts: &SignOpts) -> ApiResult<Certificate> {
    client.request(&SIGN, &[]).body(opts).send().await
}

/// Rotates a cluster's CA (`202`; API 1.5): new certificates for the cluster, and the
/// clients' certificates signed by the old CA stop working.
///
/// ```no_run
/// # async fn demo(magnum: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let magnum = magnum.with_microversion("1.5");
/// ferrocloud::openstack::containerinfra::v1::certificates::rotate_ca(&magnum, "k8s").await.extract()?;
/// # Ok(()) }
/// ```
pub async fn rotate_ca(client: &ServiceClient, cluster_ident: &str) -> ApiResult<ClusterId> {
    client.request(&ROTATE, &[cluster_ident]).send().await
}
