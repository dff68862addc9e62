//! The database users of an instance: create (passwords are secrets), list, show,
//! change (name, host, password), change passwords, delete, and the databases they may
//! use (grant, revoke).
//!
//! ```no_run
//! # async fn demo(trove: ferrocloud::ServiceClient) -> ferrocloud::Result<()> {
//! use ferrocloud::openstack::db::v1::{instances::NewUser, users};
//! users::create(&trove, "7de1bed8", &[NewUser::new("app", "s3cret")]).await.ok()?;
//! users::grant(&trove, "7de1bed8", "app", &["orders"]).await.ok()?;
//! # Ok(()) }
//! ```

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::common::{ListOpts, db_functions};
use super::instances::{DatabaseName, NewUser};
use crate::pagination::{PageStyle, Pager};
use crate::request::{ApiResult, Bulk, Validate};
use crate::ServiceClient;

crate::operations! {
    service: "database";
    /// Create users.
    CREATE = POST "/instances/{instance_id}/users" request("users", Vec<NewUser>);
    /// List users.
    LIST = GET "/instances/{instance_id}/users" list("users", User);
    /// Show a user.
    GET = GET "/instances/{instance_id}/users/{user_name}" response("user", User);
    /// Delete a user.
    DELETE = DELETE "/instances/{instance_id}/users/{user_name}";
    /// Change a user's name, host or password.
    UPDATE = PUT "/instances/{instance_id}/users/{user_name}" request("user", UserUpdate);
    /// Change users' passwords.
    UPDATE_PASSWORDS = PUT "/instances/{instance_id}/users" request("users", Vec<UserUpdate>);
    /// List the databases a user may use.
    LIST_ACCESS = GET "/instances/{instance_id}/users/{user_name}/databases" list("databases", DatabaseName);
    /// Grant a user databases.
    GRANT = PUT "/instances/{instance_id}/users/{user_name}/databases" request("databases", Vec<DatabaseName>);
    /// Revoke a user's access to a database.
    REVOKE = DELETE "/instances/{instance_id}/users/{user_name}/databases/{database_name}";
}

/// A database user.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// The name.
    pub name: String,
    /// The host it may connect from (`%`: any).
    #[serde(default)]
    pub host: Option<String>,
    /// The databases it may use.
    #[serde(default)]
    pub databases: Vec<DatabaseName>,
}

/// A change of a user: its name, host or password (a secret).
///
/// ```
/// use ferrocloud::openstack::db::v1::users::UserUpdate;
/// let u = UserUpdate::password("app", "n3w");
/// assert!(!format!("{u:?}").contains("n3w"));
/// assert_eq!(serde_json::to_value(&u).unwrap(), serde_json::json!({"name": "app", "password": "n3w"}));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct UserUpdate {
    /// The (new) name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new password.
    #[serde(default, with = "crate::de::secret::option", skip_serializing_if = "Option::is_none")]
    pub password: Option<SecretString>,
    /// The (new) host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
}

impl UserUpdate {
    /// A new `password` for the user `name`.
    pub fn password(name: impl Into<String>, password: impl Into<String>) -> Self {
        UserUpdate {
            name: Some(name.into()),
            password: Some(SecretString::from(password.into())),
            host: None,
        }
    }
}

impl Validate for UserUpdate {}
impl Validate for DatabaseName {}

/// Creates users on an instance (`202`).
pub async fn create(client: &ServiceClient, instance_id: &str, users: &[NewUser]) -> ApiResult<()> {
    client.request(&CREATE, &[instance_id]).json_in("users", &Bulk(users)).send().await
}

/// Changes a user's name, host or password (`202`).
pub async fn update(client: &ServiceClient, instance_id: &str, name: &str, opts: &UserUpdate) -> ApiResult<()> {
    client.request(&UPDATE, &[instance_id, name]).json_in("user", opts).send().await
}

/// Changes users' passwords (`202`); each names its user.
pub async fn update_passwords(client: &ServiceClient, instance_id: &str, users: &[UserUpdate]) -> ApiResult<()> {
    if users.iter().any(|u| u.name.is_none() || u.password.is_none()) {
        return ApiResult::from_error(crate::Error::invalid_input(
            "each password change needs the user's name and the new password",
        ));
    }
    client
        .request(&UPDATE_PASSWORDS, &[instance_id])
        .json_in("users", &Bulk(users))
        .send()
        .await
}

/// Lists the databases a user may use.
pub fn list_access(client: &ServiceClient, instance_id: &str, name: &str) -> Pager<DatabaseName> {
    client.request(&LIST_ACCESS, &[instance_id, name]).paged(PageStyle::Links("links"))
}

/// Grants a user databases (`202`).
pub async fn grant<S: AsRef<str>>(client: &ServiceClient, instance_id: &str, name: &str, databases: &[S]) -> ApiResult<()> {
    let names: Vec<DatabaseName> = databases
        .iter()
        .map(|d| DatabaseName { name: d.as_ref().to_string() })
        .collect();
    client
        .request(&GRANT, &[instance_id, name])
        .json_in("databases", &Bulk(names.as_slice()))
        .send()
        .await
}

/// Revokes a user's access to a database (`202`).
pub async fn revoke(client: &ServiceClient, instance_id: &str, name: &str, database: &str) -> ApiResult<()> {
    client.request(&REVOKE, &[instance_id, name, database]).send().await
}

db_functions! { User, "user of an instance", extract_users, [instance_id]; list get delete }

