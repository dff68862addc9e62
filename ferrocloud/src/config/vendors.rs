//! The vendor profiles of public OpenStack clouds: defaults (Keystone URL, regions,
//! identity and API versions, interface…) that a cloud in `clouds.yaml` picks with
//! `profile: <name>`.
//!
//! The profiles are data files (`src/config/vendors/<name>.json`, `{"name", "profile"}`)
//! built into the crate. Profiles of one's own go under `public-clouds` in
//! `clouds-public.yaml`, which is searched first.

use serde_json::Value;

const VENDORS: &[(&str, &str)] = &[
    ("auro", include_str!("vendors/auro.json")),
    ("betacloud", include_str!("vendors/betacloud.json")),
    ("binero", include_str!("vendors/binero.json")),
    ("bluebox", include_str!("vendors/bluebox.json")),
    ("catalyst", include_str!("vendors/catalyst.json")),
    ("citycloud", include_str!("vendors/citycloud.json")),
    ("conoha", include_str!("vendors/conoha.json")),
    ("dreamcompute", include_str!("vendors/dreamcompute.json")),
    ("elastx", include_str!("vendors/elastx.json")),
    (
        "entercloudsuite",
        include_str!("vendors/entercloudsuite.json"),
    ),
    ("fuga", include_str!("vendors/fuga.json")),
    ("ibmcloud", include_str!("vendors/ibmcloud.json")),
    ("internap", include_str!("vendors/internap.json")),
    (
        "limestonenetworks",
        include_str!("vendors/limestonenetworks.json"),
    ),
    ("otc", include_str!("vendors/otc.json")),
    ("otc-swiss", include_str!("vendors/otc-swiss.json")),
    ("ovh", include_str!("vendors/ovh.json")),
    ("ovh-us", include_str!("vendors/ovh-us.json")),
    ("rackspace", include_str!("vendors/rackspace.json")),
    ("switchcloud", include_str!("vendors/switchcloud.json")),
    ("switchengines", include_str!("vendors/switchengines.json")),
    ("ultimum", include_str!("vendors/ultimum.json")),
    ("unitedstack", include_str!("vendors/unitedstack.json")),
    ("vexxhost", include_str!("vendors/vexxhost.json")),
    ("zetta", include_str!("vendors/zetta.json")),
];

/// The names of the built-in vendor profiles, sorted.
///
/// ```
/// let names = ferrocloud::config::vendor_profile_names();
/// assert!(names.contains(&"rackspace"));
/// assert!(names.windows(2).all(|w| w[0] < w[1]));
/// ```
pub fn vendor_profile_names() -> Vec<&'static str> {
    VENDORS.iter().map(|(n, _)| *n).collect()
}

/// A built-in vendor profile: the settings it gives a cloud (as written in
/// `clouds.yaml`), or `None` for an unknown name.
///
/// A profile may name another profile (`"profile": "https://…"`) instead of holding
/// settings; see [`crate::config`] for how those are treated.
///
/// ```
/// let p = ferrocloud::config::vendor_profile("zetta").unwrap();
/// assert_eq!(p["auth"]["auth_url"], "https://identity.api.zetta.io/v3");
/// assert_eq!(p["regions"][0], "no-osl1");
/// assert!(ferrocloud::config::vendor_profile("no-such-vendor").is_none());
/// ```
pub fn vendor_profile(name: &str) -> Option<Value> {
    let (_, text) = VENDORS.iter().find(|(n, _)| *n == name)?;
    let mut doc: Value = serde_json::from_str(text).ok()?;
    Some(doc.get_mut("profile")?.take())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_parses_and_is_named_after_its_file() {
        for (name, text) in VENDORS {
            let doc: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(doc["name"], *name);
            assert!(doc["profile"].is_object(), "{name}");
            assert!(vendor_profile(name).is_some());
        }
        assert_eq!(VENDORS.len(), 25);
    }
}
