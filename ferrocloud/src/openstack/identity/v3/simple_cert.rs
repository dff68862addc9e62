//! Signing certificates (OS-SIMPLE-CERT): the certificate that signed PKI tokens, and
//! its certificate authority, in PEM.
//!
//! PKI tokens were removed from Keystone (Pike): current deployments answer both calls
//! with 410 Gone ([`ErrorKind::UnexpectedStatus`](crate::ErrorKind::UnexpectedStatus),
//! status 410).
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::simple_cert;
//! match simple_cert::get_ca_certificate(&identity).await {
//!     Ok(pem) => println!("{pem}"),
//!     Err(e) if e.status().map(|s| s.as_u16()) == Some(410) => println!("no PKI tokens here"),
//!     Err(e) => return Err(e),
//! }
//! # Ok(()) }
//! ```

use crate::request::Response;
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// The certificate authority's certificate.
    GET_CA_CERTIFICATE = GET "/OS-SIMPLE-CERT/ca";
    /// The signing certificates.
    LIST_CERTIFICATES = GET "/OS-SIMPLE-CERT/certificates";
}

const PEM: &str = "application/x-pem-file, text/plain;q=0.9";

fn pem(resp: Response) -> Result<String> {
    String::from_utf8(resp.body().to_vec()).map_err(|e| {
        Error::decode("the certificate is not UTF-8", e)
            .with_request(resp.method(), resp.url().as_str())
            .with_request_id(resp.request_id())
    })
}

/// The certificate authority's certificate (PEM).
pub async fn get_ca_certificate(client: &ServiceClient) -> Result<String> {
    let resp = client
        .request(&GET_CA_CERTIFICATE, &[])
        .header("Accept", PEM)
        .send_raw()
        .await?;
    pem(resp)
}

/// The signing certificates (PEM, one after the other).
pub async fn list_certificates(client: &ServiceClient) -> Result<String> {
    let resp = client
        .request(&LIST_CERTIFICATES, &[])
        .header("Accept", PEM)
        .send_raw()
        .await?;
    pem(resp)
}
