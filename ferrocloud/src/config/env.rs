//! Where configuration comes from: the environment variables and the directories that
//! are searched for files. Both are injectable so that a program (or a test) decides
//! what is read.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

type Lookup = dyn Fn(&str) -> Option<String> + Send + Sync;

/// The environment that configuration is read from: a function that looks up variables,
/// the directories searched for `clouds.yaml`, `secure.yaml` and `clouds-public.yaml`
/// (first directory first), and the home directory that `~` stands for.
///
/// [`Environment::from_process`] is the real one. Tests and programs with their own
/// source of settings build one with [`Environment::new`] or [`Environment::from_vars`]
/// and [`with_search_dirs`](Environment::with_search_dirs).
///
/// Values are never shown: `Debug` prints the directories only.
///
/// ```
/// use ferrocloud::config::Environment;
/// let env = Environment::from_vars([("OS_CLOUD", "devstack"), ("HOME", "/home/alice")])
///     .with_search_dirs(["/srv/app/config"]);
/// assert_eq!(env.var("OS_CLOUD").as_deref(), Some("devstack"));
/// assert_eq!(env.var("OS_REGION_NAME"), None);
/// assert_eq!(env.home().unwrap(), std::path::Path::new("/home/alice"));
/// assert_eq!(env.search_dirs().len(), 1);
/// ```
#[derive(Clone)]
pub struct Environment {
    lookup: Arc<Lookup>,
    search_dirs: Vec<PathBuf>,
    home: Option<PathBuf>,
}

impl fmt::Debug for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Environment")
            .field("search_dirs", &self.search_dirs)
            .field("home", &self.home)
            .finish_non_exhaustive()
    }
}

impl Environment {
    /// An environment whose variables are looked up with `lookup`, with no search
    /// directories, and the home directory from its `HOME` (or `USERPROFILE`).
    ///
    /// ```
    /// let env = ferrocloud::config::Environment::new(|k| (k == "OS_CLOUD").then(|| "c1".to_string()));
    /// assert_eq!(env.var("OS_CLOUD").as_deref(), Some("c1"));
    /// assert!(env.search_dirs().is_empty());
    /// ```
    pub fn new(lookup: impl Fn(&str) -> Option<String> + Send + Sync + 'static) -> Self {
        let home = lookup("HOME")
            .or_else(|| lookup("USERPROFILE"))
            .filter(|h| !h.is_empty())
            .map(PathBuf::from);
        Environment {
            lookup: Arc::new(lookup),
            search_dirs: Vec::new(),
            home,
        }
    }

    /// An environment with exactly these variables and no search directories.
    ///
    /// ```
    /// let env = ferrocloud::config::Environment::from_vars([("OS_AUTH_URL", "http://k:5000/v3")]);
    /// assert!(env.var("OS_AUTH_URL").is_some());
    /// ```
    pub fn from_vars<K, V>(vars: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<String>,
    {
        let map: HashMap<String, String> = vars
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        Self::new(move |k| map.get(k).cloned())
    }

    /// The process environment, searched in the current directory, the user's
    /// configuration directory and the system's (see [`default_search_dirs`]).
    ///
    /// ```
    /// let env = ferrocloud::config::Environment::from_process();
    /// assert!(!env.search_dirs().is_empty());
    /// ```
    pub fn from_process() -> Self {
        let env = Self::new(|k| std::env::var(k).ok());
        let cwd = std::env::current_dir().ok();
        let dirs = default_search_dirs(cwd.as_deref(), &|k| env.var(k));
        env.with_search_dirs(dirs)
    }

    /// Replaces the search directories.
    ///
    /// ```
    /// let env = ferrocloud::config::Environment::from_vars([("A", "b")]).with_search_dirs(["/x", "/y"]);
    /// assert_eq!(env.search_dirs()[1], std::path::Path::new("/y"));
    /// ```
    pub fn with_search_dirs<P: Into<PathBuf>>(mut self, dirs: impl IntoIterator<Item = P>) -> Self {
        self.search_dirs = dirs.into_iter().map(Into::into).collect();
        self
    }

    /// Sets the home directory that `~` stands for in paths (`cacert: ~/ca.pem`).
    ///
    /// ```
    /// let env = ferrocloud::config::Environment::from_vars([("A", "b")]).with_home("/home/bob");
    /// assert_eq!(env.home().unwrap(), std::path::Path::new("/home/bob"));
    /// ```
    pub fn with_home(mut self, home: impl Into<PathBuf>) -> Self {
        self.home = Some(home.into());
        self
    }

    /// This environment with `vars` set over its own variables (the search directories
    /// and the home directory stay).
    ///
    /// ```
    /// use ferrocloud::config::Environment;
    /// let env = Environment::from_vars([("OS_CLOUD", "a"), ("OS_REGION_NAME", "R1")])
    ///     .with_vars([("OS_REGION_NAME", "R2")]);
    /// assert_eq!(env.var("OS_CLOUD").as_deref(), Some("a"));
    /// assert_eq!(env.var("OS_REGION_NAME").as_deref(), Some("R2"));
    /// ```
    pub fn with_vars<K, V>(self, vars: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<String>,
    {
        let over: HashMap<String, String> = vars
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        let base = self.lookup;
        Environment {
            lookup: Arc::new(move |k| over.get(k).cloned().or_else(|| base(k))),
            search_dirs: self.search_dirs,
            home: self.home,
        }
    }

    /// A variable's value; unset and empty variables are both `None`.
    ///
    /// ```
    /// let env = ferrocloud::config::Environment::from_vars([("OS_CLOUD", ""), ("OS_REGION_NAME", "R1")]);
    /// assert_eq!(env.var("OS_CLOUD"), None);
    /// assert_eq!(env.var("OS_REGION_NAME").as_deref(), Some("R1"));
    /// ```
    pub fn var(&self, name: &str) -> Option<String> {
        (self.lookup)(name).filter(|v| !v.trim().is_empty())
    }

    /// The directories searched for configuration files, first first.
    ///
    /// ```
    /// let env = ferrocloud::config::Environment::from_vars([("A", "b")]).with_search_dirs(["/etc/openstack"]);
    /// assert_eq!(env.search_dirs(), [std::path::PathBuf::from("/etc/openstack")]);
    /// ```
    pub fn search_dirs(&self) -> &[PathBuf] {
        &self.search_dirs
    }

    /// The home directory, if known.
    ///
    /// ```
    /// let env = ferrocloud::config::Environment::from_vars([("HOME", "/home/erin")]);
    /// assert_eq!(env.home(), Some(std::path::Path::new("/home/erin")));
    /// ```
    pub fn home(&self) -> Option<&Path> {
        self.home.as_deref()
    }

    /// `path` with a leading `~` replaced by the home directory.
    ///
    /// ```
    /// let env = ferrocloud::config::Environment::from_vars([("HOME", "/home/carol")]);
    /// assert_eq!(env.expand_home("~/certs/ca.pem"), std::path::PathBuf::from("/home/carol/certs/ca.pem"));
    /// assert_eq!(env.expand_home("/etc/ca.pem"), std::path::PathBuf::from("/etc/ca.pem"));
    /// ```
    pub fn expand_home(&self, path: &str) -> PathBuf {
        match (&self.home, path.strip_prefix('~')) {
            (Some(home), Some("")) => home.clone(),
            (Some(home), Some(rest)) if rest.starts_with('/') || rest.starts_with('\\') => {
                home.join(&rest[1..])
            }
            _ => PathBuf::from(path),
        }
    }
}

/// The directories the OpenStack tools search for configuration files, in order: the
/// current directory, the user's configuration directory (`$XDG_CONFIG_HOME/openstack`,
/// `~/.config/openstack`; on macOS also `~/Library/Application Support/openstack`, on
/// Windows `%LOCALAPPDATA%\OpenStack\openstack`), then the system's (each
/// `$XDG_CONFIG_DIRS` entry, by default `/etc/xdg`, plus `/openstack`; `/etc/openstack`;
/// on macOS `/Library/Application Support/openstack`, on Windows
/// `%PROGRAMDATA%\OpenStack\openstack`). `$SNAP_REAL_HOME` stands for the home directory
/// when set. Duplicates are dropped.
///
/// ```
/// use std::path::{Path, PathBuf};
/// let vars = |k: &str| match k {
///     "HOME" => Some("/home/dave".to_string()),
///     "XDG_CONFIG_HOME" => Some("/home/dave/.cfg".to_string()),
///     _ => None,
/// };
/// let dirs = ferrocloud::config::default_search_dirs(Some(Path::new("/work")), &vars);
/// assert_eq!(dirs[0], PathBuf::from("/work"));
/// assert_eq!(dirs[1], PathBuf::from("/home/dave/.cfg/openstack"));
/// assert_eq!(dirs[2], PathBuf::from("/home/dave/.config/openstack"));
/// assert!(dirs.contains(&PathBuf::from("/etc/openstack")));
/// ```
pub fn default_search_dirs(
    cwd: Option<&Path>,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Vec<PathBuf> {
    let var = |k: &str| lookup(k).filter(|v| !v.trim().is_empty());
    let home = var("SNAP_REAL_HOME")
        .or_else(|| var("HOME"))
        .or_else(|| var("USERPROFILE"))
        .map(PathBuf::from);
    let mut dirs: Vec<PathBuf> = Vec::new();
    dirs.extend(cwd.map(Path::to_path_buf));
    if let Some(x) = var("XDG_CONFIG_HOME").map(PathBuf::from)
        && x.is_absolute()
    {
        dirs.push(x.join("openstack"));
    }
    if let Some(h) = &home {
        dirs.push(h.join(".config").join("openstack"));
        if cfg!(target_os = "macos") {
            dirs.push(h.join("Library/Application Support/openstack"));
        }
    }
    if cfg!(windows) {
        if let Some(l) = var("LOCALAPPDATA") {
            dirs.push(PathBuf::from(l).join("OpenStack").join("openstack"));
        }
        if let Some(p) = var("PROGRAMDATA") {
            dirs.push(PathBuf::from(p).join("OpenStack").join("openstack"));
        }
    } else {
        let xdg_dirs = var("XDG_CONFIG_DIRS").unwrap_or_else(|| "/etc/xdg".to_string());
        for d in xdg_dirs.split(':').filter(|d| d.starts_with('/')) {
            dirs.push(PathBuf::from(d).join("openstack"));
        }
        if cfg!(target_os = "macos") {
            dirs.push(PathBuf::from("/Library/Application Support/openstack"));
        }
        dirs.push(PathBuf::from("/etc/openstack"));
    }
    let mut seen = std::collections::HashSet::new();
    dirs.retain(|d| seen.insert(d.clone()));
    dirs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_dirs_without_a_home_or_xdg() {
        let dirs = default_search_dirs(None, &|_| None);
        if cfg!(all(unix, not(target_os = "macos"))) {
            assert_eq!(
                dirs,
                [
                    PathBuf::from("/etc/xdg/openstack"),
                    PathBuf::from("/etc/openstack")
                ]
            );
        }
    }

    #[test]
    fn relative_xdg_config_home_is_ignored_and_duplicates_dropped() {
        let dirs = default_search_dirs(Some(Path::new("/h/.config/openstack")), &|k| match k {
            "HOME" => Some("/h".into()),
            "XDG_CONFIG_HOME" => Some("relative".into()),
            "SNAP_REAL_HOME" => Some("".into()),
            _ => None,
        });
        assert_eq!(dirs[0], PathBuf::from("/h/.config/openstack"));
        assert_eq!(
            dirs.iter()
                .filter(|d| d.ends_with(".config/openstack"))
                .count(),
            1
        );
        assert!(!dirs.iter().any(|d| d.starts_with("relative")));
    }

    #[test]
    fn snap_real_home_wins() {
        let dirs = default_search_dirs(None, &|k| match k {
            "HOME" => Some("/home/u/snap/openstackclients/1".into()),
            "SNAP_REAL_HOME" => Some("/home/u".into()),
            _ => None,
        });
        assert_eq!(dirs[0], PathBuf::from("/home/u/.config/openstack"));
    }

    #[test]
    fn home_expansion() {
        let env = Environment::from_vars([("HOME", "/home/e")]);
        assert_eq!(env.expand_home("~"), PathBuf::from("/home/e"));
        assert_eq!(env.expand_home("~other/x"), PathBuf::from("~other/x"));
        let env = Environment::from_vars([("X", "y")]);
        assert_eq!(env.expand_home("~/x"), PathBuf::from("~/x"));
    }

    #[test]
    fn debug_shows_no_values() {
        let env = Environment::from_vars([("OS_PASSWORD", "hunter2")]);
        assert!(!format!("{env:?}").contains("hunter2"));
    }
}
