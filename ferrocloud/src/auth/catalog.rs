//! The service catalog that comes with a token, and finding an endpoint in it.
//!
//! ```
//! use ferrocloud::{Availability, Catalog, EndpointOpts};
//! let catalog = Catalog::from_v3_json(&serde_json::json!([
//!   {"type": "volumev3", "name": "cinderv3", "endpoints": [
//!     {"interface": "public", "region": "RegionOne", "region_id": "RegionOne",
//!      "url": "http://cinder:8776/v3/p1"}]}
//! ])).unwrap();
//! // block-storage is found under its alias volumev3.
//! let url = catalog.locate(&["block-storage", "volumev3"], &EndpointOpts::region("RegionOne")).unwrap();
//! assert_eq!(url, "http://cinder:8776/v3/p1");
//! let err = catalog.locate(&["compute"], &EndpointOpts::default()).unwrap_err();
//! assert_eq!(err.kind(), ferrocloud::ErrorKind::EndpointNotFound);
//! ```

use serde::Deserialize;
use serde_json::Value;

use crate::{Error, ErrorKind, Result};

/// Which of a service's endpoints to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Availability {
    /// The public endpoint (the default).
    #[default]
    Public,
    /// The internal endpoint.
    Internal,
    /// The admin endpoint.
    Admin,
}

impl Availability {
    /// The interface name used in the catalog (`public`, `internal`, `admin`).
    ///
    /// ```
    /// assert_eq!(ferrocloud::Availability::Internal.as_str(), "internal");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Availability::Public => "public",
            Availability::Internal => "internal",
            Availability::Admin => "admin",
        }
    }

    /// Parses `public`/`internal`/`admin`, also with the `URL` suffix of identity v2.0
    /// (`publicURL`).
    ///
    /// ```
    /// use ferrocloud::Availability;
    /// assert_eq!(Availability::parse("internalURL").unwrap(), Availability::Internal);
    /// assert!(Availability::parse("private").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Self> {
        match s
            .trim()
            .trim_end_matches("URL")
            .to_ascii_lowercase()
            .as_str()
        {
            "public" => Ok(Availability::Public),
            "internal" => Ok(Availability::Internal),
            "admin" => Ok(Availability::Admin),
            other => Err(Error::invalid_input(format!(
                "unknown interface {other:?}: expected public, internal or admin"
            ))),
        }
    }
}

/// How to pick an endpoint from the catalog: service type, name, region and interface.
///
/// The service constructors ([`crate::openstack::new_compute_v2`] and friends) fill in the
/// service type; set the others as needed.
///
/// ```
/// use ferrocloud::{Availability, EndpointOpts};
/// let eo = EndpointOpts::region("RegionOne").availability(Availability::Internal);
/// assert_eq!(eo.region.as_deref(), Some("RegionOne"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EndpointOpts {
    /// The service type, overriding the constructor's (and its aliases).
    pub service_type: Option<String>,
    /// The service name in the catalog (`nova`), when several services share a type.
    pub name: Option<String>,
    /// The region (matched against the endpoint's `region_id` and `region`).
    pub region: Option<String>,
    /// The interface.
    pub availability: Availability,
}

impl EndpointOpts {
    /// Options for a region, public interface.
    pub fn region(region: impl Into<String>) -> Self {
        EndpointOpts {
            region: Some(region.into()),
            ..Default::default()
        }
    }

    /// Sets the interface.
    pub fn availability(mut self, a: Availability) -> Self {
        self.availability = a;
        self
    }

    /// Sets the service name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}

/// One endpoint of a service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The endpoint's ID (identity v3 only).
    pub id: Option<String>,
    /// Its interface.
    pub interface: Availability,
    /// Its region.
    pub region: Option<String>,
    /// Its URL.
    pub url: String,
}

/// One service in the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogEntry {
    /// The service's ID (identity v3 only).
    pub id: Option<String>,
    /// The service type (`compute`, `volumev3`…).
    pub service_type: String,
    /// The service name (`nova`…).
    pub name: Option<String>,
    /// Its endpoints.
    pub endpoints: Vec<Endpoint>,
}

/// The service catalog of a token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// The services, in the order Keystone listed them.
    pub entries: Vec<CatalogEntry>,
}

#[derive(Deserialize)]
struct V3Entry {
    #[serde(default)]
    id: Option<String>,
    #[serde(rename = "type")]
    service_type: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    endpoints: Vec<V3Endpoint>,
}

#[derive(Deserialize)]
struct V3Endpoint {
    #[serde(default)]
    id: Option<String>,
    interface: String,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    region_id: Option<String>,
    url: String,
}

#[derive(Deserialize)]
struct V2Entry {
    #[serde(rename = "type")]
    service_type: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    endpoints: Vec<V2Endpoint>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct V2Endpoint {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    region: Option<String>,
    #[serde(rename = "publicURL", default)]
    public_url: Option<String>,
    #[serde(rename = "internalURL", default)]
    internal_url: Option<String>,
    #[serde(rename = "adminURL", default)]
    admin_url: Option<String>,
}

impl Catalog {
    /// Reads an identity v3 catalog (the `catalog` array of a token).
    pub fn from_v3_json(v: &Value) -> Result<Self> {
        let entries: Vec<V3Entry> = serde_json::from_value(v.clone())
            .map_err(|e| Error::decode("identity v3 catalog", e))?;
        let entries = entries
            .into_iter()
            .map(|e| CatalogEntry {
                id: e.id,
                service_type: e.service_type,
                name: e.name,
                endpoints: e
                    .endpoints
                    .into_iter()
                    .filter_map(|ep| {
                        Some(Endpoint {
                            id: ep.id,
                            interface: Availability::parse(&ep.interface).ok()?,
                            region: ep.region_id.or(ep.region),
                            url: ep.url,
                        })
                    })
                    .collect(),
            })
            .collect();
        Ok(Catalog { entries })
    }

    /// Reads an identity v2.0 catalog (the `serviceCatalog` array).
    ///
    /// ```
    /// let c = ferrocloud::Catalog::from_v2_json(&serde_json::json!([{"type": "compute", "name": "nova",
    ///   "endpoints": [{"region": "R1", "publicURL": "http://pub", "internalURL": "http://int"}]}])).unwrap();
    /// assert_eq!(c.entries[0].endpoints.len(), 2);
    /// ```
    pub fn from_v2_json(v: &Value) -> Result<Self> {
        let entries: Vec<V2Entry> = serde_json::from_value(v.clone())
            .map_err(|e| Error::decode("identity v2.0 catalog", e))?;
        let entries = entries
            .into_iter()
            .map(|e| {
                let mut endpoints = Vec::new();
                for ep in e.endpoints {
                    for (interface, url) in [
                        (Availability::Public, ep.public_url),
                        (Availability::Internal, ep.internal_url),
                        (Availability::Admin, ep.admin_url),
                    ] {
                        if let Some(url) = url {
                            endpoints.push(Endpoint {
                                id: ep.id.clone(),
                                interface,
                                region: ep.region.clone(),
                                url,
                            });
                        }
                    }
                }
                CatalogEntry {
                    id: None,
                    service_type: e.service_type,
                    name: e.name,
                    endpoints,
                }
            })
            .collect();
        Ok(Catalog { entries })
    }

    /// A short account of what the catalog offers, for error messages: where the asked
    /// types are offered (names, regions, interfaces), then the other service types and
    /// the regions, each list cut at a dozen.
    fn summary(&self, asked: &[&str]) -> String {
        fn short(mut items: Vec<String>) -> String {
            items.sort();
            items.dedup();
            const MOST: usize = 12;
            let more = items.len().saturating_sub(MOST);
            items.truncate(MOST);
            let mut out = items.join(", ");
            if more > 0 {
                out.push_str(&format!(" and {more} more"));
            }
            out
        }
        let mut out = String::new();
        let near: Vec<String> = self
            .entries
            .iter()
            .filter(|e| asked.contains(&e.service_type.as_str()))
            .flat_map(|e| {
                e.endpoints.iter().map(move |ep| {
                    format!(
                        "{}{} ({} {})",
                        e.service_type,
                        e.name
                            .as_deref()
                            .map(|n| format!("/{n}"))
                            .unwrap_or_default(),
                        ep.region.as_deref().unwrap_or("no region"),
                        ep.interface.as_str()
                    )
                })
            })
            .collect();
        if !near.is_empty() {
            out.push_str(&format!("; the catalog has {}", short(near)));
        }
        let types = self
            .entries
            .iter()
            .map(|e| e.service_type.clone())
            .collect();
        let regions = self
            .entries
            .iter()
            .flat_map(|e| e.endpoints.iter().filter_map(|ep| ep.region.clone()))
            .collect();
        out.push_str(&format!(
            "; service types: {}; regions: {}",
            short(types),
            short(regions)
        ));
        out
    }

    /// Finds the URL of an endpoint: the first of `service_types` (a type and its
    /// aliases, in order of preference) that has an endpoint matching `opts`.
    ///
    /// An [`ErrorKind::EndpointNotFound`] error names what was searched and what the
    /// catalog offers.
    pub fn locate(&self, service_types: &[&str], opts: &EndpointOpts) -> Result<String> {
        let owned;
        let types: &[&str] = match &opts.service_type {
            Some(t) => {
                owned = [t.as_str()];
                &owned
            }
            None => service_types,
        };
        for ty in types {
            for entry in self.entries.iter().filter(|e| e.service_type == *ty) {
                if let Some(name) = &opts.name
                    && entry.name.as_deref() != Some(name.as_str())
                {
                    continue;
                }
                let found = entry.endpoints.iter().find(|ep| {
                    ep.interface == opts.availability
                        && match &opts.region {
                            Some(r) => ep.region.as_deref() == Some(r.as_str()),
                            None => true,
                        }
                });
                if let Some(ep) = found {
                    return Ok(ep.url.clone());
                }
            }
        }
        let mut msg = format!(
            "no {} endpoint for service type {}",
            opts.availability.as_str(),
            types.join(" or ")
        );
        if let Some(n) = &opts.name {
            msg.push_str(&format!(" named {n:?}"));
        }
        if let Some(r) = &opts.region {
            msg.push_str(&format!(" in region {r:?}"));
        }
        if self.entries.is_empty() {
            msg.push_str("; the catalog is empty");
        } else {
            msg.push_str(&self.summary(types));
        }
        Err(Error::new(ErrorKind::EndpointNotFound, msg))
    }
}

/// The service types that may stand for `service_type` in a catalog, official type
/// first (from the OpenStack service-types authority).
///
/// ```
/// assert_eq!(ferrocloud::auth::catalog::aliases("shared-file-system"),
///            &["shared-file-system", "sharev2", "share"]);
/// assert_eq!(ferrocloud::auth::catalog::aliases("compute"), &["compute"]);
/// ```
pub fn aliases(service_type: &str) -> &'static [&'static str] {
    const TABLE: &[&[&str]] = &[
        &[
            "block-storage",
            "volumev3",
            "volumev2",
            "volume",
            "block-store",
        ],
        &["shared-file-system", "sharev2", "share"],
        &["baremetal", "bare-metal"],
        &[
            "container-infrastructure-management",
            "container-infrastructure",
            "container-infra",
        ],
        &["workflow", "workflowv2"],
        &["load-balancer"],
        &["key-manager"],
        &["dns"],
        &["orchestration"],
        &["placement"],
        &["image"],
        &["network"],
        &["object-store"],
        &["identity"],
        &["compute"],
        &["baremetal-introspection"],
        &["clustering"],
        &["messaging"],
        &["database"],
        &["application-catalog"],
        &["application-container", "container"],
        &["accelerator"],
        &["metric"],
        &["alarm"],
        &["event"],
        &["rating"],
        &["reservation"],
        &["instance-ha", "ha"],
        &["backup"],
    ];
    TABLE
        .iter()
        .find(|row| row.contains(&service_type))
        .copied()
        .unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn catalog() -> Catalog {
        Catalog::from_v3_json(&json!([
            {"id": "1", "type": "compute", "name": "nova", "endpoints": [
                {"id": "a", "interface": "public", "region": "RegionOne", "region_id": "RegionOne", "url": "http://nova-pub-1/v2.1"},
                {"id": "b", "interface": "internal", "region": "RegionOne", "region_id": "RegionOne", "url": "http://nova-int-1/v2.1"},
                {"id": "c", "interface": "public", "region": "RegionTwo", "region_id": "RegionTwo", "url": "http://nova-pub-2/v2.1"},
                {"id": "x", "interface": "weird", "region": "RegionOne", "url": "http://ignored"}
            ]},
            {"id": "2", "type": "compute", "name": "nova-legacy", "endpoints": [
                {"interface": "public", "region_id": "RegionOne", "url": "http://legacy/v2"}
            ]},
            {"id": "3", "type": "volumev2", "name": "cinderv2", "endpoints": [
                {"interface": "public", "region_id": "RegionOne", "url": "http://cinder/v2"}
            ]},
            {"id": "4", "type": "volumev3", "name": "cinderv3", "endpoints": [
                {"interface": "public", "region_id": "RegionOne", "url": "http://cinder/v3"}
            ]}
        ]))
        .unwrap()
    }

    #[test]
    fn by_region_and_interface() {
        let c = catalog();
        let eo = EndpointOpts::region("RegionTwo");
        assert_eq!(
            c.locate(&["compute"], &eo).unwrap(),
            "http://nova-pub-2/v2.1"
        );
        let eo = EndpointOpts::region("RegionOne").availability(Availability::Internal);
        assert_eq!(
            c.locate(&["compute"], &eo).unwrap(),
            "http://nova-int-1/v2.1"
        );
        let eo = EndpointOpts::region("RegionOne").name("nova-legacy");
        assert_eq!(c.locate(&["compute"], &eo).unwrap(), "http://legacy/v2");
    }

    #[test]
    fn aliases_in_order_of_preference() {
        let c = catalog();
        let eo = EndpointOpts::region("RegionOne");
        assert_eq!(
            c.locate(aliases("block-storage"), &eo).unwrap(),
            "http://cinder/v3"
        );
        let eo = EndpointOpts {
            service_type: Some("volumev2".into()),
            ..EndpointOpts::region("RegionOne")
        };
        assert_eq!(
            c.locate(&["block-storage"], &eo).unwrap(),
            "http://cinder/v2"
        );
    }

    #[test]
    fn not_found_names_the_search_and_the_offer() {
        let c = catalog();
        let e = c
            .locate(&["network"], &EndpointOpts::region("RegionThree"))
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::EndpointNotFound);
        let m = e.to_string();
        assert!(m.contains("network"), "{m}");
        assert!(m.contains("RegionThree"), "{m}");
        assert!(
            m.ends_with(
                "service types: compute, volumev2, volumev3; regions: RegionOne, RegionTwo"
            ),
            "{m}"
        );
        // Where the asked type is offered, the message says where.
        let e = c
            .locate(&["compute"], &EndpointOpts::region("RegionThree"))
            .unwrap_err();
        let m = e.to_string();
        assert!(m.contains("compute/nova (RegionTwo public)"), "{m}");
        assert!(!m.contains("http://"), "no URLs: {m}");
        let e = Catalog::default()
            .locate(&["compute"], &EndpointOpts::default())
            .unwrap_err();
        assert!(e.to_string().contains("catalog is empty"));
    }

    #[test]
    fn malformed_catalog_is_a_decode_error() {
        let e = Catalog::from_v3_json(&json!([{"name": "no type"}])).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Decode);
        let e = Catalog::from_v3_json(&json!({"not": "a list"})).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Decode);
    }
}
