//! How SDK paths and index paths are brought to one comparable form.
//!
//! Both sides are *normalized*: the query string (from the first `?`) is cut off, trailing
//! slashes are removed (`/` stays `/`), and every `{placeholder}` becomes `{}`, so that
//! `/servers/{server_id}` and `/servers/{id}` are the same path. Index paths first go
//! through [`INDEX_PATH_ALIASES`], which correct the few places where the API reference
//! writes a path differently from where the service serves it. SDK paths are the
//! service's prefix (see `ferrocloud::openstack::all_operations`) followed by the
//! operation's path; a bracketed part of a prefix is optional (`/v3[/{project_id}]`).

/// Rewrites of index path beginnings, per service: `(service, written, served)`. The first
/// entry whose `written` starts the path applies.
pub const INDEX_PATH_ALIASES: &[(&str, &str, &str)] = &[
    // Masakari serves instance moves under `notifications` (plural); the list section of
    // the reference writes `notification`.
    ("instance-ha", "/notification/", "/notifications/"),
    // Zun serves `add_security_group`; the reference misspells it.
    (
        "application-container",
        "/v1/containers/{container_ident}/add_securtiy_group",
        "/v1/containers/{container_ident}/add_security_group",
    ),
    // Ironic serves volume connectors and targets under `connectors`/`targets` (plural);
    // the delete sections of the reference write the singular.
    (
        "baremetal",
        "/v1/volume/connector/",
        "/v1/volume/connectors/",
    ),
    ("baremetal", "/v1/volume/target/", "/v1/volume/targets/"),
    // The OAuth2 token request is written with a deployment's URL prefix.
    ("identity", "/identity/v3/", "/v3/"),
    // Keystone serves web SSO per identity provider under `protocols` (plural).
    (
        "identity",
        "/v3/auth/OS-FEDERATION/identity_providers/{idp_id}/protocol/",
        "/v3/auth/OS-FEDERATION/identity_providers/{idp_id}/protocols/",
    ),
    // Cinder serves snapshot metadata items under `snapshots` (plural); one section of
    // the reference writes `snapshot`.
    (
        "block-storage",
        "/v3/{project_id}/snapshot/",
        "/v3/{project_id}/snapshots/",
    ),
    // Swift's list_endpoints middleware serves `/endpoints/v2/{account}[/…]`; the
    // reference writes `/v1/endpoints`.
    ("object-store", "/v1/endpoints", "/endpoints/v2/{account}"),
    // Consumers hang off a container's or secret's URL.
    (
        "key-manager",
        "{container_ref}/",
        "/v1/containers/{container_id}/",
    ),
    ("key-manager", "{secret_ref}/", "/v1/secrets/{secret_id}/"),
    // Designate's reference writes "Get Zone Transfer Accept" at the path of a transfer
    // request; Designate serves accepts at /v2/zones/tasks/transfer_accepts/{id}.
    (
        "dns",
        "/v2/zones/tasks/transfer_requests/{zone_transfer_accept_id}",
        "/v2/zones/tasks/transfer_accepts/{zone_transfer_accept_id}",
    ),
    // Octavia serves `/v2.0` as an alias of `/v2`; flavors and availability zones are
    // documented under it.
    ("load-balancer", "/v2.0/", "/v2/"),
    // networking-sfc is served under the Networking API's `/v2.0`, with underscores; the
    // reference writes `/v1.0`, and dashes in the delete paths.
    (
        "network",
        "/v1.0/sfc/port-chains/",
        "/v2.0/sfc/port_chains/",
    ),
    (
        "network",
        "/v1.0/sfc/port-pair-groups/",
        "/v2.0/sfc/port_pair_groups/",
    ),
    ("network", "/v1.0/sfc/port-pairs/", "/v2.0/sfc/port_pairs/"),
    (
        "network",
        "/v1.0/sfc/flow-classifiers/",
        "/v2.0/sfc/flow_classifiers/",
    ),
    ("network", "/v1.0/sfc/", "/v2.0/sfc/"),
    // Manila serves share servers (their migration actions too) at `share-servers`; the
    // share server migration section writes `share_servers`.
    (
        "shared-file-system",
        "/v2/{project_id}/share_servers/",
        "/v2/{project_id}/share-servers/",
    ),
];

/// Normalizes a path: no query string, no trailing slash, placeholders as `{}`, no
/// zero-width spaces (one Manila section writes them around a placeholder).
///
/// ```
/// use xtask::paths::normalize;
/// assert_eq!(normalize("/servers/{server_id}"), "/servers/{}");
/// assert_eq!(normalize("/shares/{id}/export_locations/\u{200b}{el}\u{200b}"), "/shares/{}/export_locations/{}");
/// assert_eq!(normalize("/v1/nodes/{node_ident}/bios/?detail=True"), "/v1/nodes/{}/bios");
/// assert_eq!(normalize("/"), "/");
/// assert_eq!(normalize(""), "/");
/// ```
pub fn normalize(path: &str) -> String {
    let path = path.split('?').next().unwrap_or_default();
    let path = path.trim_end_matches('/');
    let mut out = String::with_capacity(path.len() + 1);
    let mut in_placeholder = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_placeholder = true;
                out.push('{');
            }
            '}' => {
                in_placeholder = false;
                out.push('}');
            }
            _ if in_placeholder => {}
            '\u{200b}' => {}
            _ => out.push(c),
        }
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// The normalized form of an index path of `service`, after [`INDEX_PATH_ALIASES`].
///
/// ```
/// use xtask::paths::index_path;
/// assert_eq!(index_path("load-balancer", "/v2.0/lbaas/flavors/{flavor_id}"), "/v2/lbaas/flavors/{}");
/// assert_eq!(index_path("key-manager", "{secret_ref}/consumers"), "/v1/secrets/{}/consumers");
/// ```
pub fn index_path(service: &str, path: &str) -> String {
    for (s, written, served) in INDEX_PATH_ALIASES {
        if *s == service
            && let Some(rest) = path.strip_prefix(written)
        {
            return normalize(&format!("{served}{rest}"));
        }
    }
    normalize(path)
}

/// Every form of a prefix: each bracketed part present or absent.
///
/// ```
/// use xtask::paths::expand_prefix;
/// assert_eq!(expand_prefix("/v3[/{project_id}]").unwrap(), ["/v3", "/v3/{project_id}"]);
/// assert_eq!(expand_prefix("").unwrap(), [""]);
/// assert!(expand_prefix("/v3[/{project_id}").is_err());
/// ```
pub fn expand_prefix(prefix: &str) -> Result<Vec<String>, String> {
    let mut forms = vec![String::new()];
    let mut rest = prefix;
    while let Some(open) = rest.find('[') {
        let close = rest[open..]
            .find(']')
            .map(|c| open + c)
            .ok_or_else(|| format!("unbalanced '[' in prefix {prefix:?}"))?;
        let (fixed, optional) = (&rest[..open], &rest[open + 1..close]);
        if optional.contains('[') {
            return Err(format!("nested '[' in prefix {prefix:?}"));
        }
        forms = forms
            .into_iter()
            .flat_map(|f| [format!("{f}{fixed}"), format!("{f}{fixed}{optional}")])
            .collect();
        rest = &rest[close + 1..];
    }
    if rest.contains(']') {
        return Err(format!("unbalanced ']' in prefix {prefix:?}"));
    }
    Ok(forms.into_iter().map(|f| f + rest).collect())
}

/// The normalized forms of an SDK operation's path under `prefix`.
///
/// ```
/// use xtask::paths::sdk_paths;
/// assert_eq!(sdk_paths("/v3[/{project_id}]", "/volumes/{volume_id}").unwrap(),
///            ["/v3/volumes/{}", "/v3/{}/volumes/{}"]);
/// ```
pub fn sdk_paths(prefix: &str, path: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for form in expand_prefix(prefix)? {
        let p = normalize(&format!("{form}{path}"));
        if !out.contains(&p) {
            out.push(p);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_and_trailing_slashes() {
        assert_eq!(
            normalize("/v2/quota-sets/{project_id_quota_request_path}?user_id={user_id}"),
            "/v2/quota-sets/{}"
        );
        assert_eq!(
            normalize("/v3/{admin_project_id}/os-quota-sets/{project_id}?{usage}=True"),
            "/v3/{}/os-quota-sets/{}"
        );
        assert_eq!(normalize("/v3/default-types/"), "/v3/default-types");
        assert_eq!(normalize("/{api_version}/"), "/{}");
    }

    #[test]
    fn aliases_apply_per_service_only() {
        assert_eq!(
            index_path("network", "/v1.0/sfc/port-chains/{id}"),
            "/v2.0/sfc/port_chains/{}"
        );
        assert_eq!(
            index_path("network", "/v1.0/sfc/port_chains"),
            "/v2.0/sfc/port_chains"
        );
        assert_eq!(index_path("compute", "/v2.0/lbaas/x"), "/v2.0/lbaas/x");
        assert_eq!(
            index_path("identity", "/identity/v3/OS-OAUTH2/token"),
            "/v3/OS-OAUTH2/token"
        );
    }

    #[test]
    fn prefixes() {
        assert_eq!(
            sdk_paths("", "/servers/{server_id}").unwrap(),
            ["/servers/{}"]
        );
        assert_eq!(sdk_paths("/v3", "/").unwrap(), ["/v3"]);
        assert_eq!(
            expand_prefix("/a[/b][/c]").unwrap(),
            ["/a", "/a/c", "/a/b", "/a/b/c"]
        );
        assert!(expand_prefix("/a]").is_err());
        assert!(expand_prefix("/a[[b]]").is_err());
    }
}
