//! Federation mappings (OS-FEDERATION): rules that turn the attributes an identity
//! provider asserts into a Keystone user, groups, and (schema 2.0+) projects.
//!
//! Each [`Rule`](crate::openstack::identity::v3::mappings::Rule) has `remote` conditions on the asserted attributes and `local` results;
//! `{0}`, `{1}`… in the results stand for the values of the remote attributes, in order.
//!
//! ```no_run
//! # async fn demo(identity: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::identity::v3::mappings::{self, LocalRule, MappingOpts, RemoteRule, Rule};
//! let rule = Rule::new(
//!     vec![LocalRule::user_name("{0}"), LocalRule::group_id("0cd5e9")],
//!     vec![
//!         RemoteRule::new("OIDC-preferred_username"),
//!         RemoteRule::new("OIDC-groups").any_one_of(["admins", "staff"]),
//!     ],
//! );
//! let m = mappings::create(&identity, "acme-mapping", &MappingOpts::new(vec![rule])).await.extract()?;
//! println!("{} has {} rule(s)", m.id, m.rules.len());
//! mappings::delete(&identity, &m.id).await.ok()?;
//! # Ok(()) }
//! ```

use serde::{Deserialize, Serialize};

use super::Links;
use crate::pagination::{PageStyle, Pager};
use crate::request::{require, ApiResult, Validate};
use crate::{Error, Result, ServiceClient};

crate::operations! {
    service: "identity";
    /// List mappings.
    LIST = GET "/OS-FEDERATION/mappings" list("mappings", Mapping);
    /// Create a mapping (the caller chooses its ID).
    CREATE = PUT "/OS-FEDERATION/mappings/{mapping_id}" request("mapping", MappingOpts) response("mapping", Mapping);
    /// Show a mapping.
    GET = GET "/OS-FEDERATION/mappings/{mapping_id}" response("mapping", Mapping);
    /// Replace a mapping's rules.
    UPDATE = PATCH "/OS-FEDERATION/mappings/{mapping_id}" request("mapping", MappingOpts) response("mapping", Mapping);
    /// Delete a mapping.
    DELETE = DELETE "/OS-FEDERATION/mappings/{mapping_id}";
}

/// A mapping.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Mapping {
    /// Its ID (chosen when it was created).
    pub id: String,
    /// Its rules.
    pub rules: Vec<Rule>,
    /// The rule schema version (`1.0`, `2.0`, `3.0`), when Keystone reports it.
    #[serde(default)]
    pub schema_version: Option<String>,
    /// Links to it.
    pub links: Links,
}

/// One rule: when every `remote` condition holds, the `local` results apply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// What the rule yields: a user, groups, a domain, projects.
    #[serde(default)]
    pub local: Vec<LocalRule>,
    /// The conditions on the asserted attributes (at least one).
    #[serde(default)]
    pub remote: Vec<RemoteRule>,
}

impl Rule {
    /// A rule from its results and conditions.
    pub fn new(local: Vec<LocalRule>, remote: Vec<RemoteRule>) -> Self {
        Rule { local, remote }
    }
}

/// One result of a rule. Usually exactly one field is set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalRule {
    /// The user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<LocalUser>,
    /// One group, by ID or by name and domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<LocalGroup>,
    /// Groups by name, as a template (`"{1}"`), resolved in `domain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<String>,
    /// Groups by ID, as a template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_ids: Option<String>,
    /// The domain `groups` are looked up in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<DomainSpec>,
    /// Projects to create and grant roles on (schema 2.0+ may name their domain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projects: Option<Vec<LocalProject>>,
    /// Projects as a JSON template (schema 3.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projects_json: Option<String>,
}

impl LocalRule {
    /// A user named by a template (`"{0}"`).
    pub fn user_name(name: impl Into<String>) -> Self {
        LocalRule {
            user: Some(LocalUser {
                name: Some(name.into()),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    /// A group by ID.
    pub fn group_id(id: impl Into<String>) -> Self {
        LocalRule {
            group: Some(LocalGroup {
                id: Some(id.into()),
                ..Default::default()
            }),
            ..Default::default()
        }
    }
}

/// The user a rule yields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalUser {
    /// Its ID (template).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name (template).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its email (template).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Its domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<DomainSpec>,
    /// Ephemeral (the default) or an existing local user.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<UserType>,
}

/// How a mapped user relates to Keystone's users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UserType {
    /// A federated (shadow) user.
    Ephemeral,
    /// An existing user of Keystone's identity backend.
    Local,
}

/// A group a rule yields: by ID, or by name and domain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalGroup {
    /// Its ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name (with `domain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its domain (with `name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<DomainSpec>,
}

/// A domain, by ID or by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainSpec {
    /// Its ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A project a rule creates (if needed) and the roles the user gets on it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalProject {
    /// Its name (template).
    pub name: String,
    /// The roles granted, by name.
    #[serde(default)]
    pub roles: Vec<RoleName>,
    /// Its domain (schema 2.0+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<DomainSpec>,
}

/// A role, by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleName {
    /// The role's name.
    pub name: String,
}

/// A condition on one asserted attribute. Without a list, the attribute must be present
/// (its values feed the `{n}` templates); with one, its values are also filtered.
///
/// ```
/// use ferrocloud::openstack::identity::v3::mappings::RemoteRule;
/// let r = RemoteRule::new("orgPersonType").not_any_of(["Contractor", "Guest"]);
/// assert_eq!(serde_json::to_value(&r).unwrap(),
///     serde_json::json!({"type": "orgPersonType", "not_any_of": ["Contractor", "Guest"]}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteRule {
    /// The attribute's name (the `type` key).
    #[serde(rename = "type")]
    pub kind: String,
    /// Holds when one of the values is among these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any_one_of: Option<Vec<String>>,
    /// Holds when none of the values is among these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_any_of: Option<Vec<String>>,
    /// Keeps the values not among these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blacklist: Option<Vec<String>>,
    /// Keeps only the values among these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whitelist: Option<Vec<String>>,
    /// The list entries are regular expressions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regex: Option<bool>,
}

fn strings<I: IntoIterator<Item = S>, S: Into<String>>(v: I) -> Option<Vec<String>> {
    Some(v.into_iter().map(Into::into).collect())
}

impl RemoteRule {
    /// A condition on attribute `kind`.
    pub fn new(kind: impl Into<String>) -> Self {
        RemoteRule {
            kind: kind.into(),
            ..Default::default()
        }
    }

    /// Holds when one of the values is among `v`.
    pub fn any_one_of<I: IntoIterator<Item = S>, S: Into<String>>(mut self, v: I) -> Self {
        self.any_one_of = strings(v);
        self
    }

    /// Holds when none of the values is among `v`.
    pub fn not_any_of<I: IntoIterator<Item = S>, S: Into<String>>(mut self, v: I) -> Self {
        self.not_any_of = strings(v);
        self
    }

    /// Keeps the values not among `v`.
    pub fn blacklist<I: IntoIterator<Item = S>, S: Into<String>>(mut self, v: I) -> Self {
        self.blacklist = strings(v);
        self
    }

    /// Keeps only the values among `v`.
    pub fn whitelist<I: IntoIterator<Item = S>, S: Into<String>>(mut self, v: I) -> Self {
        self.whitelist = strings(v);
        self
    }

    /// Treats the list entries as regular expressions.
    pub fn regex(mut self) -> Self {
        self.regex = Some(true);
        self
    }
}

/// A mapping's content, to create it or to replace it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingOpts {
    /// The rules (at least one).
    pub rules: Vec<Rule>,
    /// The rule schema version (default: the deployment's default, usually `1.0`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_version: Option<String>,
}

impl MappingOpts {
    /// A mapping with these rules.
    pub fn new(rules: Vec<Rule>) -> Self {
        MappingOpts {
            rules,
            schema_version: None,
        }
    }
}

impl Validate for MappingOpts {
    fn validate(&self) -> Result<()> {
        require("rules", !self.rules.is_empty())?;
        for (i, rule) in self.rules.iter().enumerate() {
            if rule.remote.is_empty() {
                return Err(Error::invalid_input(format!(
                    "rules[{i}].remote must have at least one condition"
                )));
            }
            for (j, r) in rule.remote.iter().enumerate() {
                if r.kind.is_empty() {
                    return Err(Error::invalid_input(format!(
                        "rules[{i}].remote[{j}].type is required"
                    )));
                }
                let lists = [
                    r.any_one_of.is_some(),
                    r.not_any_of.is_some(),
                    r.blacklist.is_some(),
                    r.whitelist.is_some(),
                ];
                if lists.iter().filter(|s| **s).count() > 1 {
                    return Err(Error::invalid_input(format!(
                        "rules[{i}].remote[{j}]: at most one of any_one_of, not_any_of, blacklist, whitelist may be set"
                    )));
                }
            }
        }
        Ok(())
    }
}

/// Lists mappings.
pub fn list(client: &ServiceClient) -> Pager<Mapping> {
    client.request(&LIST, &[]).paged(PageStyle::Links("links"))
}

crate::operation::extract_fn! {
    /// The mappings of a page.
    extract_mappings, Mapping
}

/// Creates mapping `mapping_id`.
pub async fn create(
    client: &ServiceClient,
    mapping_id: &str,
    opts: &MappingOpts,
) -> ApiResult<Mapping> {
    client
        .request(&CREATE, &[mapping_id])
        .body(opts)
        .send()
        .await
}

/// Shows a mapping.
pub async fn get(client: &ServiceClient, mapping_id: &str) -> ApiResult<Mapping> {
    client.request(&GET, &[mapping_id]).send().await
}

/// Replaces a mapping's rules.
pub async fn update(
    client: &ServiceClient,
    mapping_id: &str,
    opts: &MappingOpts,
) -> ApiResult<Mapping> {
    client
        .request(&UPDATE, &[mapping_id])
        .body(opts)
        .send()
        .await
}

/// Deletes a mapping.
pub async fn delete(client: &ServiceClient, mapping_id: &str) -> ApiResult<()> {
    client.request(&DELETE, &[mapping_id]).send().await
}
