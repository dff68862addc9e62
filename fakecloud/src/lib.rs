//! An in-memory OpenStack on loopback, for tests: Keystone v3, Nova v2.1, Neutron v2.0,
//! Cinder v3, Glance v2 and Swift v1, seeded like the project's devcloud. See the crate's
//! README for what it serves and how it differs from the real services.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let cloud = fakecloud::FakeCloud::start().await?;
//! let provider = cloud.provider("admin").await?;
//! assert!(provider.auth_info().is_some());
//! assert!(cloud.auth_url().ends_with("/v3"));
//! # Ok(()) }
//! ```

#![deny(missing_docs)]

mod clock;
mod compute;
mod faults;
mod http_util;
mod identity;
mod ids;
mod image;
mod network;
mod object;
mod records;
mod state;
mod volume;

use std::sync::{Arc, Mutex};
use std::time::Duration;

pub use clock::Clock;
pub use faults::Faults;
pub use state::{
    AccessRule, Actor, Address, ApplicationCredential, Assignment, Domain, Endpoint, Flavor, Group,
    Image, Keypair, Pending, Project, Region, Role, SEED_IMAGE_ID, Server, ServerGroup, Service,
    State, Target, Token, TokenScope, User,
};

use faults::Draws;

/// The errors of starting the fake cloud or of authenticating against it.
///
/// ```
/// let e = fakecloud::Error::UnknownUser("nobody".into());
/// assert!(e.to_string().contains("nobody"));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The listener could not be bound.
    Bind(std::io::Error),
    /// No seeded user has this name.
    UnknownUser(String),
    /// The SDK could not authenticate.
    Sdk(ferrocloud::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Bind(e) => write!(f, "binding the fake cloud's listener: {e}"),
            Error::UnknownUser(u) => write!(f, "no user {u:?} in the fake cloud"),
            Error::Sdk(e) => write!(f, "authenticating against the fake cloud: {e}"),
        }
    }
}

impl std::error::Error for Error {}

/// How long the fake's state changes take. Each delay is measured on the fake's
/// [`Clock`].
///
/// ```
/// let d = fakecloud::Delays::default();
/// assert!(d.build > d.action);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Delays {
    /// From `BUILD` to `ACTIVE`.
    pub build: Duration,
    /// From an action's start (stop, reboot, resize…) to its end.
    pub action: Duration,
    /// From `DELETE` to gone.
    pub delete: Duration,
}

impl Default for Delays {
    fn default() -> Self {
        Self {
            build: Duration::from_millis(1000),
            action: Duration::from_millis(300),
            delete: Duration::from_millis(300),
        }
    }
}

/// Options of a fake cloud; see [`FakeCloud::builder`].
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let cloud = fakecloud::FakeCloud::builder()
///     .token_lifetime(std::time::Duration::from_secs(600))
///     .start()
///     .await?;
/// assert!(cloud.port() > 0);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct FakeCloudBuilder {
    port: u16,
    faults: Faults,
    delays: Delays,
    clock: Clock,
    token_lifetime: Duration,
    max_microversion: (u32, u32),
    seed: bool,
    single_host: bool,
    max_body: usize,
}

impl Default for FakeCloudBuilder {
    fn default() -> Self {
        Self {
            port: 0,
            faults: Faults::default(),
            delays: Delays::default(),
            clock: Clock::real(),
            token_lifetime: Duration::from_secs(3600),
            max_microversion: (2, 100),
            seed: true,
            single_host: false,
            max_body: 64 << 20,
        }
    }
}

impl FakeCloudBuilder {
    /// The port to listen on (0, the default, for a free one).
    ///
    /// ```
    /// let b = fakecloud::FakeCloud::builder().port(0);
    /// # let _ = b;
    /// ```
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// The faults to inject.
    ///
    /// ```
    /// let b = fakecloud::FakeCloud::builder().faults(fakecloud::Faults { error_rate: 0.5, ..Default::default() });
    /// # let _ = b;
    /// ```
    pub fn faults(mut self, faults: Faults) -> Self {
        self.faults = faults;
        self
    }

    /// The delays of builds, actions and deletions.
    ///
    /// ```
    /// let b = fakecloud::FakeCloud::builder().delays(fakecloud::Delays::default());
    /// # let _ = b;
    /// ```
    pub fn delays(mut self, delays: Delays) -> Self {
        self.delays = delays;
        self
    }

    /// The clock (real time by default; [`Clock::frozen`] for tests that advance it).
    ///
    /// ```
    /// let b = fakecloud::FakeCloud::builder().clock(fakecloud::Clock::frozen());
    /// # let _ = b;
    /// ```
    pub fn clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// How long tokens live (one hour by default).
    ///
    /// ```
    /// let b = fakecloud::FakeCloud::builder().token_lifetime(std::time::Duration::from_secs(5));
    /// # let _ = b;
    /// ```
    pub fn token_lifetime(mut self, lifetime: Duration) -> Self {
        self.token_lifetime = lifetime;
        self
    }

    /// The newest compute microversion served (`2.100` by default).
    ///
    /// ```
    /// let b = fakecloud::FakeCloud::builder().max_microversion(2, 96);
    /// # let _ = b;
    /// ```
    pub fn max_microversion(mut self, major: u32, minor: u32) -> Self {
        self.max_microversion = (major, minor);
        self
    }

    /// Behave as a cloud with a single compute host, as the devcloud is: a resize is
    /// accepted, then the scheduler finds no other host and the server stays `ACTIVE` on
    /// its flavor (by default a resize reaches `VERIFY_RESIZE`).
    ///
    /// ```
    /// let b = fakecloud::FakeCloud::builder().single_host(true);
    /// # let _ = b;
    /// ```
    pub fn single_host(mut self, yes: bool) -> Self {
        self.single_host = yes;
        self
    }

    /// The largest request body accepted, in bytes (64 MiB by default): an upload beyond
    /// it, chunked or not, is answered 413 instead of filling the memory.
    ///
    /// ```
    /// let b = fakecloud::FakeCloud::builder().max_body(1 << 20);
    /// # let _ = b;
    /// ```
    pub fn max_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// Whether to seed the devcloud's records (true by default). Without the seed the
    /// cloud has no users: add them with [`FakeCloud::state`].
    ///
    /// ```
    /// let b = fakecloud::FakeCloud::builder().seed(false);
    /// # let _ = b;
    /// ```
    pub fn seed(mut self, seed: bool) -> Self {
        self.seed = seed;
        self
    }

    /// Binds 127.0.0.1 and serves the cloud in a background task until the returned
    /// [`FakeCloud`] is dropped.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let cloud = fakecloud::FakeCloud::builder().start().await?;
    /// assert!(cloud.base_url().starts_with("http://127.0.0.1:"));
    /// # Ok(()) }
    /// ```
    pub async fn start(self) -> Result<FakeCloud, Error> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port))
            .await
            .map_err(Error::Bind)?;
        let port = listener.local_addr().map_err(Error::Bind)?.port();
        let base = format!("http://127.0.0.1:{port}");
        let state = if self.seed {
            State::seeded(&base, self.clock.now())
        } else {
            State::default()
        };
        let app = Arc::new(App {
            base: base.clone(),
            state: Mutex::new(state),
            clock: self.clock.clone(),
            faults: Mutex::new(FaultState {
                draws: Draws::new(self.faults.seed),
                config: self.faults,
                scripted: Vec::new(),
            }),
            delays: self.delays,
            token_lifetime: self.token_lifetime,
            max_microversion: self.max_microversion,
            single_host: self.single_host,
            max_body: self.max_body,
        });
        let router = axum::Router::new()
            .fallback(http_util::handle)
            .with_state(app.clone());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = axum::serve(listener, router).with_graceful_shutdown(async move {
            let _ = stopped.await;
        });
        tokio::spawn(async move {
            if let Err(e) = server.await {
                tracing::warn!("the fake cloud stopped: {e}");
            }
        });
        Ok(FakeCloud {
            app,
            port,
            _stop: stop,
        })
    }
}

/// Scripted and random faults, and the generator they draw from.
pub(crate) struct FaultState {
    pub(crate) config: Faults,
    pub(crate) draws: Draws,
    /// Statuses to answer the next requests with, in order.
    pub(crate) scripted: Vec<u16>,
}

/// What every request handler shares.
pub(crate) struct App {
    pub(crate) base: String,
    pub(crate) state: Mutex<State>,
    pub(crate) clock: Clock,
    pub(crate) faults: Mutex<FaultState>,
    pub(crate) delays: Delays,
    pub(crate) token_lifetime: Duration,
    pub(crate) max_microversion: (u32, u32),
    pub(crate) single_host: bool,
    /// The largest request body accepted.
    pub(crate) max_body: usize,
}

impl App {
    pub(crate) fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Applies the status changes whose time has come.
    pub(crate) fn tick(&self, state: &mut State) {
        let now = self.clock.now();
        compute::tick(state, now);
        volume::tick(state, now);
        image::tick(state, now);
    }
}

/// A running fake cloud. Dropping it stops the server.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let cloud = fakecloud::FakeCloud::start().await?;
/// let provider = cloud.provider("demo").await?;
/// let info = provider.auth_info().unwrap();
/// assert_eq!(info.project.unwrap().name.as_deref(), Some("demo"));
/// # Ok(()) }
/// ```
pub struct FakeCloud {
    app: Arc<App>,
    port: u16,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl std::fmt::Debug for FakeCloud {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeCloud")
            .field("base_url", &self.app.base)
            .finish_non_exhaustive()
    }
}

impl FakeCloud {
    /// Starts a seeded cloud on a free port with the default options.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let cloud = fakecloud::FakeCloud::start().await?;
    /// # let _ = cloud;
    /// # Ok(()) }
    /// ```
    pub async fn start() -> Result<FakeCloud, Error> {
        Self::builder().start().await
    }

    /// Options for a cloud: port, faults, delays, clock, token lifetime, seed.
    ///
    /// ```
    /// let builder = fakecloud::FakeCloud::builder();
    /// # let _ = builder;
    /// ```
    pub fn builder() -> FakeCloudBuilder {
        FakeCloudBuilder::default()
    }

    /// The port the cloud listens on.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let cloud = fakecloud::FakeCloud::start().await?;
    /// assert!(cloud.base_url().ends_with(&cloud.port().to_string()));
    /// # Ok(()) }
    /// ```
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:<port>`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let cloud = fakecloud::FakeCloud::start().await?;
    /// assert!(cloud.base_url().starts_with("http://127.0.0.1:"));
    /// # Ok(()) }
    /// ```
    pub fn base_url(&self) -> &str {
        &self.app.base
    }

    /// The Keystone URL: `http://127.0.0.1:<port>/v3`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let cloud = fakecloud::FakeCloud::start().await?;
    /// assert_eq!(cloud.auth_url(), format!("{}/v3", cloud.base_url()));
    /// # Ok(()) }
    /// ```
    pub fn auth_url(&self) -> String {
        format!("{}/v3", self.app.base)
    }

    /// The compute endpoint: `http://127.0.0.1:<port>/compute/v2.1`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let cloud = fakecloud::FakeCloud::start().await?;
    /// assert!(cloud.compute_url().ends_with("/compute/v2.1"));
    /// # Ok(()) }
    /// ```
    pub fn compute_url(&self) -> String {
        format!("{}/compute/v2.1", self.app.base)
    }

    /// A `clouds.yaml` text with one entry per seeded user: `fake-admin`, `fake-demo`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let cloud = fakecloud::FakeCloud::start().await?;
    /// assert!(cloud.clouds_yaml().contains("fake-admin:"));
    /// # Ok(()) }
    /// ```
    pub fn clouds_yaml(&self) -> String {
        clouds_yaml(&self.auth_url(), "fake")
    }

    /// The clock the cloud lives by.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let cloud = fakecloud::FakeCloud::start().await?;
    /// cloud.clock().advance(std::time::Duration::from_secs(1));
    /// # Ok(()) }
    /// ```
    pub fn clock(&self) -> &Clock {
        &self.app.clock
    }

    /// Reads or changes the state (pending status changes due by the clock are applied
    /// first).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let cloud = fakecloud::FakeCloud::start().await?;
    /// cloud.state(|s| { s.flavors.insert("7".into(), fakecloud::Flavor::new("7", "m1.test", 64, 1, 1)); });
    /// assert!(cloud.state(|s| s.flavors.contains_key("7")));
    /// # Ok(()) }
    /// ```
    pub fn state<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        let mut state = self.app.lock();
        self.app.tick(&mut state);
        f(&mut state)
    }

    /// Answers the next `count` requests (token requests aside) with `status` (a 429 or
    /// 503 comes with `Retry-After`).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let cloud = fakecloud::FakeCloud::start().await?;
    /// cloud.fail_next(503, 1);
    /// # Ok(()) }
    /// ```
    pub fn fail_next(&self, status: u16, count: usize) {
        let mut f = self.app.faults.lock().unwrap_or_else(|e| e.into_inner());
        f.scripted.extend(std::iter::repeat_n(status, count));
    }

    /// Replaces the fault configuration (the draws continue from the new seed).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let cloud = fakecloud::FakeCloud::start().await?;
    /// cloud.set_faults(fakecloud::Faults { token_uses: Some(3), ..Default::default() });
    /// # Ok(()) }
    /// ```
    pub fn set_faults(&self, faults: Faults) {
        let mut f = self.app.faults.lock().unwrap_or_else(|e| e.into_inner());
        f.draws = Draws::new(faults.seed);
        f.config = faults;
    }

    /// Authentication options for a seeded user (`admin`, `demo`, or a service user such
    /// as `nova`), scoped to its default project.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let cloud = fakecloud::FakeCloud::start().await?;
    /// let opts = cloud.auth_options("demo")?;
    /// assert_eq!(opts.auth_url, cloud.auth_url());
    /// # Ok(()) }
    /// ```
    pub fn auth_options(&self, user: &str) -> Result<ferrocloud::AuthOptions, Error> {
        let (password, project) = self.credentials(user)?;
        let mut opts = ferrocloud::AuthOptions::password(self.auth_url(), user, password)
            .user_domain_name("Default");
        if let Some(project) = project {
            opts = opts.scope(ferrocloud::Scope::project_name(
                project,
                ferrocloud::DomainRef::Name("Default".into()),
            ));
        }
        Ok(opts)
    }

    /// A provider authenticated as a seeded user, scoped to its default project.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let cloud = fakecloud::FakeCloud::start().await?;
    /// let admin = cloud.provider("admin").await?;
    /// assert!(admin.auth_info().unwrap().roles.iter().any(|r| r.name.as_deref() == Some("admin")));
    /// # Ok(()) }
    /// ```
    pub async fn provider(&self, user: &str) -> Result<ferrocloud::ProviderClient, Error> {
        let opts = self.auth_options(user)?;
        ferrocloud::openstack::authenticated_client(opts)
            .await
            .map_err(Error::Sdk)
    }
}

impl FakeCloud {
    /// A seeded user's password and default project's name.
    fn credentials(&self, user: &str) -> Result<(String, Option<String>), Error> {
        self.state(|s| {
            let u = s.user_by_name(user)?;
            let project = u
                .default_project_id
                .as_ref()
                .and_then(|p| s.projects.get(p))
                .map(|p| p.name.clone());
            Some((u.password.clone(), project))
        })
        .ok_or_else(|| Error::UnknownUser(user.into()))
    }

    /// A [`Cloud`](ferrocloud::config::Cloud) for a seeded user, as a `clouds.yaml` entry
    /// would give it (region `RegionOne`, public endpoints): the handle programs written
    /// against the configuration take.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let fake = fakecloud::FakeCloud::start().await?;
    /// let cloud = fake.cloud("demo")?;
    /// cloud.authenticate().await?;
    /// assert_eq!(cloud.region_name(), Some("RegionOne"));
    /// # Ok(()) }
    /// ```
    pub fn cloud(&self, user: &str) -> Result<ferrocloud::config::Cloud, Error> {
        let (password, project) = self.credentials(user)?;
        let mut auth = serde_json::json!({
            "auth_url": self.auth_url(), "username": user, "password": password,
            "user_domain_name": "Default",
        });
        if let Some(project) = project {
            auth["project_name"] = project.into();
            auth["project_domain_name"] = "Default".into();
        }
        let entry = serde_json::json!({
            "auth": auth, "region_name": "RegionOne", "interface": "public",
            "identity_api_version": 3,
        });
        let config = ferrocloud::config::CloudConfig::from_value(&format!("fake-{user}"), entry)
            .map_err(Error::Sdk)?;
        ferrocloud::config::Cloud::new(config).map_err(Error::Sdk)
    }
}

/// A `clouds.yaml` text for a fake cloud at `auth_url`, with entries `<prefix>-admin` and
/// `<prefix>-demo` (the seeded users).
///
/// ```
/// let y = fakecloud::clouds_yaml("http://127.0.0.1:5000/v3", "fake");
/// assert!(y.contains("fake-demo:") && y.contains("RegionOne"));
/// ```
pub fn clouds_yaml(auth_url: &str, prefix: &str) -> String {
    let mut out = String::from("clouds:\n");
    for (user, password, project) in [
        ("admin", "devcloud-admin", "admin"),
        ("demo", "devcloud-demo", "demo"),
    ] {
        out.push_str(&format!(
            "  {prefix}-{user}:\n    auth:\n      auth_url: {auth_url}\n      username: {user}\n      \
             password: {password}\n      project_name: {project}\n      user_domain_name: Default\n      \
             project_domain_name: Default\n    region_name: RegionOne\n    interface: public\n    \
             identity_api_version: 3\n"
        ));
    }
    out
}
