//! Introspection rules (1.2): when every condition holds on a node's introspection data,
//! Inspector runs the actions (set a node attribute, fail the introspection…).
//! Conditions and actions keep their plugin's parameters (`value`, `path`, `message`…)
//! in `params`.
//!
//! ```no_run
//! # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::baremetalintrospection::v1::rules::{self, Action, Condition, CreateOpts};
//! let opts = CreateOpts {
//!     description: Some("Set the deploy kernel".into()),
//!     conditions: vec![Condition::new("is-empty", "node://driver_info.deploy_kernel")],
//!     ..CreateOpts::new(vec![Action::new("set-attribute")
//!         .param("path", "driver_info/deploy_kernel")
//!         .param("value", "8fd65-c97b-4d00-aa8b-7ed166a60971")])
//! };
//! let rule = rules::create(&inspector, &opts).await.extract()?;
//! rules::delete(&inspector, &rule.uuid).await.ok()?;
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{field, request};
use crate::de::{Link, text_enum};
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Validate};
use crate::{Result, ServiceClient};

crate::operations! {
    service: "baremetal-introspection";
    /// Create a rule (`201`; `200` before 1.6).
    CREATE = POST "/rules" request(CreateOpts) response(Rule);
    /// List rules (without their conditions and actions).
    LIST = GET "/rules" list("rules", Rule);
    /// Show a rule.
    GET = GET "/rules/{uuid}" response(Rule);
    /// Delete every rule (`204`).
    DELETE_ALL = DELETE "/rules";
    /// Delete a rule (`204`).
    DELETE = DELETE "/rules/{uuid}";
}

/// The microversion of introspection rules.
const RULES: u32 = 2;

text_enum! {
    /// How a condition treats a field with several values (a JSON path matching many).
    ///
    /// ```
    /// use ferrocloud::openstack::baremetalintrospection::v1::rules::Multiple;
    /// assert_eq!(serde_json::from_str::<Multiple>("\"any\"").unwrap(), Multiple::Any);
    /// ```
    Multiple {
        /// It holds when it holds for one value (the default).
        Any = "any",
        /// It holds when it holds for every value.
        All = "all",
        /// Only the first value is checked.
        First = "first",
    }
}

/// A condition on a node's introspection data (`field`, a JSON path, with the
/// `node://` prefix for the Ironic node's fields).
///
/// ```
/// use ferrocloud::openstack::baremetalintrospection::v1::rules::Condition;
/// let c = Condition::new("ge", "memory_mb").param("value", 1024);
/// assert_eq!(serde_json::to_value(&c).unwrap(),
///     serde_json::json!({"op": "ge", "field": "memory_mb", "value": 1024}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Condition {
    /// The operator (`eq`, `ne`, `lt`, `le`, `gt`, `ge`, `in-net`, `matches`,
    /// `contains`, `is-empty`, or a plugin's).
    pub op: String,
    /// The JSON path of the value.
    #[serde(default, deserialize_with = "crate::de::null_as_default")]
    pub field: String,
    /// How several values are treated (Inspector answers it from 1.11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multiple: Option<Multiple>,
    /// Whether the result is inverted (Inspector answers it from 1.11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invert: Option<bool>,
    /// The operator's parameters (`value`…).
    #[serde(flatten)]
    pub params: BTreeMap<String, Value>,
}

impl Condition {
    /// A condition with no parameters yet.
    pub fn new(op: impl Into<String>, field: impl Into<String>) -> Self {
        Condition {
            op: op.into(),
            field: field.into(),
            multiple: None,
            invert: None,
            params: BTreeMap::new(),
        }
    }

    /// Adds an operator's parameter.
    pub fn param(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.params.insert(key.into(), value.into());
        self
    }
}

/// An action of a rule.
///
/// ```
/// use ferrocloud::openstack::baremetalintrospection::v1::rules::Action;
/// let a = Action::new("fail").param("message", "too little memory");
/// assert_eq!(serde_json::to_value(&a).unwrap(),
///     serde_json::json!({"action": "fail", "message": "too little memory"}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Action {
    /// The action (`set-attribute`, `set-capability`, `extend-attribute`,
    /// `add-trait`, `remove-trait`, `fail`, or a plugin's).
    pub action: String,
    /// Its parameters (`path`, `value`, `message`…).
    #[serde(flatten)]
    pub params: BTreeMap<String, Value>,
}

impl Action {
    /// An action with no parameters yet.
    pub fn new(action: impl Into<String>) -> Self {
        Action {
            action: action.into(),
            params: BTreeMap::new(),
        }
    }

    /// Adds a parameter.
    pub fn param(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.params.insert(key.into(), value.into());
        self
    }
}

/// An introspection rule. A listing holds the short form: no conditions, no actions.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Rule {
    /// The UUID.
    pub uuid: String,
    /// The description.
    #[serde(default, deserialize_with = "crate::de::nullable")]
    pub description: Option<String>,
    /// The scope: the rule applies to nodes whose `inspection_scope` property is it
    /// (none, or `""`: every node) (1.16).
    #[serde(default, deserialize_with = "crate::de::empty_as_none")]
    pub scope: Option<String>,
    /// The conditions (empty in a listing; none: the rule always applies).
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// The actions (empty in a listing).
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Its links.
    pub links: Vec<Link>,
}

/// What [`create`] sends.
///
/// ```
/// use ferrocloud::openstack::baremetalintrospection::v1::rules::{Action, CreateOpts};
/// let o = CreateOpts::new(vec![Action::new("fail").param("message", "no")]);
/// assert_eq!(serde_json::to_value(&o).unwrap(),
///     serde_json::json!({"actions": [{"action": "fail", "message": "no"}]}));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateOpts {
    /// A UUID of the caller's choice (Inspector makes one otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The conditions (none: the rule always applies).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// The actions (at least one).
    pub actions: Vec<Action>,
    /// The scope (at most 255 characters) (1.16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

impl CreateOpts {
    /// A rule with these actions and no conditions.
    ///
    /// ```
    /// use ferrocloud::openstack::baremetalintrospection::v1::rules::{Action, CreateOpts};
    /// assert!(CreateOpts::new(vec![Action::new("fail")]).conditions.is_empty());
    /// ```
    pub fn new(actions: Vec<Action>) -> Self {
        CreateOpts {
            uuid: None,
            description: None,
            conditions: Vec::new(),
            actions,
            scope: None,
        }
    }
}

impl Validate for CreateOpts {
    fn validate(&self) -> Result<()> {
        crate::request::require("actions", !self.actions.is_empty())?;
        crate::request::require(
            "scope of at most 255 characters",
            self.scope.as_ref().is_none_or(|s| s.chars().count() <= 255),
        )
    }
}

/// Creates a rule (`201`, or `200` before 1.6).
///
/// ```no_run
/// # use ferrocloud::openstack::baremetalintrospection::v1::rules::CreateOpts;
/// # async fn demo(inspector: ferrocloud::ServiceClient, opts: CreateOpts) -> ferrocloud::Result<()> {
/// let rule = ferrocloud::openstack::baremetalintrospection::v1::rules::create(&inspector, &opts)
///     .await.extract()?;
/// # Ok(()) }
/// ```
pub async fn create(client: &ServiceClient, opts: &CreateOpts) -> ApiResult<Rule> {
    let req = request(client, &CREATE, &[], RULES).body(opts);
    field(req, client, opts.scope.is_some(), "a rule's scope", 16)
        .send()
        .await
}

/// Lists the rules (short form: without conditions and actions; Inspector sends them
/// all in one page).
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// for r in ferrocloud::openstack::baremetalintrospection::v1::rules::list(&inspector).all().await? {
///     println!("{} {:?}", r.uuid, r.description);
/// }
/// # Ok(()) }
/// ```
pub fn list(client: &ServiceClient) -> Pager<Rule> {
    request(client, &LIST, &[], RULES).paged(PageStyle::Single)
}

crate::operation::extract_fn! {
    /// The rules of a page.
    extract_rules, Rule
}

/// Shows a rule, with its conditions and actions.
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// let r = ferrocloud::openstack::baremetalintrospection::v1::rules::get(&inspector, "b0ea6361-03cd-467c-859c-7230547dcb9a")
///     .await.extract()?;
/// println!("{} actions", r.actions.len());
/// # Ok(()) }
/// ```
pub async fn get(client: &ServiceClient, uuid: &str) -> ApiResult<Rule> {
    request(client, &GET, &[uuid], RULES).send().await
}

/// Deletes a rule (`204`).
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::baremetalintrospection::v1::rules::delete(&inspector, "b0ea6361-03cd-467c-859c-7230547dcb9a")
///     .await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete(client: &ServiceClient, uuid: &str) -> ApiResult<()> {
    request(client, &DELETE, &[uuid], RULES).send().await
}

/// Deletes every rule (`204`).
///
/// ```no_run
/// # async fn demo(inspector: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
/// ferrocloud::openstack::baremetalintrospection::v1::rules::delete_all(&inspector).await.ok()?;
/// # Ok(()) }
/// ```
pub async fn delete_all(client: &ServiceClient) -> ApiResult<()> {
    request(client, &DELETE_ALL, &[], RULES).send().await
}
