//! What Zun's resources share: the restart policy and health check of a container, the
//! environment (whose values `Debug` hides), amounts written as numbers or text, and the
//! listing controls and functions every resource uses.
//!
//! ```
//! use ferrocloud::openstack::container::v1::common::Environment;
//! let env = Environment::from_iter([("DB_PASSWORD", "hunter2")]);
//! assert_eq!(format!("{env:?}"), r#"{"DB_PASSWORD": "***"}"#);
//! assert_eq!(env.get("DB_PASSWORD"), Some("hunter2"));
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use crate::operation::Op;
use crate::pagination::{PageStyle, Pager};
use crate::request::ApiResult;
use crate::{Error, Result, ServiceClient};

/// Environment variables of a container: names and values. Values often hold secrets
/// (passwords, tokens), so `Debug` shows the names only.
///
/// ```
/// use ferrocloud::openstack::container::v1::common::Environment;
/// let env: Environment = serde_json::from_str(r#"{"foo": "bar"}"#).unwrap();
/// assert_eq!(env.get("foo"), Some("bar"));
/// assert!(!format!("{env:?}").contains("bar"));
/// ```
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Environment(pub BTreeMap<String, String>);

impl Environment {
    /// The value of `name`.
    ///
    /// ```
    /// let env = ferrocloud::openstack::container::v1::common::Environment::from_iter([("A", "1")]);
    /// assert_eq!(env.get("A"), Some("1"));
    /// ```
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    /// True when there are no variables.
    ///
    /// ```
    /// assert!(ferrocloud::openstack::container::v1::common::Environment::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Environment {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Environment(
            iter.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

impl std::fmt::Debug for Environment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map()
            .entries(self.0.keys().map(|k| (k, "***")))
            .finish()
    }
}

/// `null` as an empty environment.
pub(crate) fn environment<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Environment, D::Error> {
    crate::de::null_as_default(d)
}

/// What a container does when it exits: Docker's policy name (`no`, `always`,
/// `on-failure`, `unless-stopped`) and, for `on-failure`, the number of restarts.
///
/// ```
/// use ferrocloud::openstack::container::v1::common::RestartPolicy;
/// let p: RestartPolicy = serde_json::from_str(r#"{"Name": "on-failure", "MaximumRetryCount": "10"}"#).unwrap();
/// assert_eq!(p, RestartPolicy::on_failure(10));
/// assert_eq!(serde_json::to_value(&p).unwrap(),
///     serde_json::json!({"Name": "on-failure", "MaximumRetryCount": 10}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestartPolicy {
    /// The policy.
    #[serde(rename = "Name")]
    pub name: String,
    /// Restarts at most (Zun writes it as text in answers).
    #[serde(
        rename = "MaximumRetryCount",
        default,
        deserialize_with = "crate::de::int_or_empty"
    )]
    pub maximum_retry_count: u64,
}

impl RestartPolicy {
    /// A policy by name (`no`, `always`, `unless-stopped`).
    ///
    /// ```
    /// let p = ferrocloud::openstack::container::v1::common::RestartPolicy::named("always");
    /// assert_eq!(p.name, "always");
    /// ```
    pub fn named(name: impl Into<String>) -> Self {
        RestartPolicy {
            name: name.into(),
            maximum_retry_count: 0,
        }
    }

    /// Restart on failure, at most `retries` times.
    ///
    /// ```
    /// let p = ferrocloud::openstack::container::v1::common::RestartPolicy::on_failure(3);
    /// assert_eq!(p.maximum_retry_count, 3);
    /// ```
    pub fn on_failure(retries: u64) -> Self {
        RestartPolicy {
            name: "on-failure".into(),
            maximum_retry_count: retries,
        }
    }
}

/// A container's health check as Zun shows it (`{}` when it has none).
///
/// ```
/// let h: ferrocloud::openstack::container::v1::common::Healthcheck = serde_json::from_str(
///     r#"{"test": "stat /etc/passwd || exit 1", "interval": 3, "retries": 2, "timeout": 5}"#).unwrap();
/// assert_eq!(h.retries, Some(2));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Healthcheck {
    /// The command that tests the container.
    #[serde(default)]
    pub test: Option<String>,
    /// Seconds between checks.
    #[serde(default)]
    pub interval: Option<u64>,
    /// Failures in a row that make the container unhealthy.
    #[serde(default)]
    pub retries: Option<u64>,
    /// Seconds a check may take.
    #[serde(default)]
    pub timeout: Option<u64>,
}

/// A health check to create a container with (microversion 1.22).
///
/// ```
/// use ferrocloud::openstack::container::v1::common::HealthcheckOpts;
/// let h = HealthcheckOpts::command("curl -f http://localhost/ || exit 1");
/// assert_eq!(serde_json::to_value(&h).unwrap(),
///     serde_json::json!({"cmd": "curl -f http://localhost/ || exit 1"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthcheckOpts {
    /// The command that tests the container.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cmd: Option<String>,
    /// Seconds between checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<u64>,
    /// Failures in a row that make the container unhealthy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<u64>,
    /// Seconds a check may take.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<u64>,
}

impl HealthcheckOpts {
    /// A check running `cmd`, with Zun's default timings.
    ///
    /// ```
    /// let h = ferrocloud::openstack::container::v1::common::HealthcheckOpts::command("true");
    /// assert_eq!(h.cmd.as_deref(), Some("true"));
    /// ```
    pub fn command(cmd: impl Into<String>) -> Self {
        HealthcheckOpts {
            cmd: Some(cmd.into()),
            ..Default::default()
        }
    }
}

/// An amount Zun reads as a number or as its text (memory in MiB or `"512M"`, CPUs):
/// sent as given.
///
/// ```
/// use ferrocloud::openstack::container::v1::common::Amount;
/// assert_eq!(serde_json::to_string(&Amount::from(512u64)).unwrap(), "512");
/// assert_eq!(serde_json::to_string(&Amount::from("1G")).unwrap(), "\"1G\"");
/// assert_eq!(serde_json::to_string(&Amount::from(0.5)).unwrap(), "0.5");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Amount {
    /// A whole number.
    Integer(u64),
    /// A number with a fraction.
    Number(f64),
    /// Text (`"512M"`, `"3"`).
    Text(String),
}

impl From<u64> for Amount {
    fn from(v: u64) -> Self {
        Amount::Integer(v)
    }
}

impl From<f64> for Amount {
    fn from(v: f64) -> Self {
        Amount::Number(v)
    }
}

impl From<&str> for Amount {
    fn from(v: &str) -> Self {
        Amount::Text(v.to_string())
    }
}

/// A command as Zun shows it: a list of arguments (microversion 1.20 on), or one line of
/// text before (read as a one-item list).
pub(crate) fn command<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Command {
        List(Vec<String>),
        Line(String),
    }
    Ok(match Option::<Command>::deserialize(d)? {
        None => Vec::new(),
        Some(Command::List(v)) => v,
        Some(Command::Line(s)) if s.is_empty() => Vec::new(),
        Some(Command::Line(s)) => vec![s],
    })
}

/// Paging and sorting of a Zun listing, flattened into each resource's `ListOpts`.
///
/// ```
/// use ferrocloud::openstack::container::v1::common::ListControls;
/// let c = ListControls { limit: Some(10), sort_key: Some("name".into()), ..Default::default() };
/// assert_eq!(ferrocloud::query::encode(&ferrocloud::query::to_pairs(&c).unwrap()),
///     "limit=10&sort_key=name");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListControls {
    /// The page size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after the item with this UUID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// Sort by this field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_key: Option<String>,
    /// `asc` or `desc`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<String>,
    /// Every project's items (admins).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_projects: Option<bool>,
}

/// A listing that follows Zun's top-level `next` URL.
pub(crate) fn list_next<T, Q: Serialize + ?Sized>(
    client: &ServiceClient,
    op: &'static Op<Vec<T>>,
    params: &[&str],
    query: &Q,
) -> Pager<T> {
    client
        .request(op, params)
        .query(query)
        .paged(PageStyle::Next("next"))
}

/// A listing that comes in one page.
pub(crate) fn list_single<T>(
    client: &ServiceClient,
    op: &'static Op<Vec<T>>,
    params: &[&str],
) -> Pager<T> {
    client.request(op, params).paged(PageStyle::Single)
}

/// One request to `op` with `params` in the path and `query`, sent without a body.
pub(crate) async fn call<R, Q: Serialize + ?Sized>(
    client: &ServiceClient,
    op: &'static Op<R>,
    params: &[&str],
    query: &Q,
) -> ApiResult<R> {
    client.request(op, params).query(query).send().await
}

/// One request to `op` with `params` in the path and the query `pairs`, sent without a
/// body.
pub(crate) async fn call_pairs<R>(
    client: &ServiceClient,
    op: &'static Op<R>,
    params: &[&str],
    pairs: &[(&str, &str)],
) -> ApiResult<R> {
    let mut request = client.request(op, params);
    for (k, v) in pairs {
        request = request.query_pair(*k, *v);
    }
    request.send().await
}

/// Refuses an empty required query value before anything is sent.
pub(crate) fn non_empty(what: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid_input(format!("{what} must not be empty")));
    }
    Ok(())
}

/// The error of [`non_empty`] as a result to return.
pub(crate) fn refused<R>(e: Error) -> ApiResult<R> {
    ApiResult::from_error(e)
}
