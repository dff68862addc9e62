//! Operations as data.
//!
//! Every API call the SDK makes is declared once as an [`Operation`]: the service type,
//! the HTTP method, the path template relative to the service's resource base, and the
//! microversion that introduced it. The resource functions build their requests *from*
//! these declarations (so they cannot drift from what is sent), and the coverage report
//! reads the same declarations to compare the SDK with the official API reference.
//!
//! ```
//! use ferrocloud::Operation;
//! use http::Method;
//!
//! const GET_THING: Operation = Operation::new("compute", Method::GET, "/things/{thing_id}");
//! assert_eq!(GET_THING.render(&["a b"]).unwrap(), "things/a%20b");
//! assert!(GET_THING.render(&[]).is_err());
//! ```

use http::Method;

use crate::{Error, Result};

/// One documented API operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// The service type, as in the catalog and the API reference (`compute`, `identity`…).
    pub service: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template, relative to the service client's resource base, with
    /// `{name}` placeholders (`/servers/{server_id}`).
    pub path: &'static str,
    /// The first microversion that serves this operation, when it is not the base one.
    pub min_microversion: Option<&'static str>,
}

impl Operation {
    /// Declares an operation served since the service's base version.
    pub const fn new(service: &'static str, method: Method, path: &'static str) -> Self {
        Operation {
            service,
            method,
            path,
            min_microversion: None,
        }
    }

    /// The same operation, served from microversion `version` on.
    ///
    /// ```
    /// use ferrocloud::Operation;
    /// const TOPOLOGY: Operation = Operation::new("compute", http::Method::GET,
    ///     "/servers/{server_id}/topology").since("2.78");
    /// assert_eq!(TOPOLOGY.min_microversion, Some("2.78"));
    /// ```
    pub const fn since(mut self, version: &'static str) -> Self {
        self.min_microversion = Some(version);
        self
    }

    /// The number of `{…}` placeholders in the path.
    pub fn param_count(&self) -> usize {
        self.path.matches('{').count()
    }

    /// Fills the placeholders in order, percent-encoding each value as one path segment,
    /// and returns the path without its leading `/` (to be joined to a resource base).
    ///
    /// An empty value is refused: it would silently address a different resource.
    pub fn render(&self, params: &[&str]) -> Result<String> {
        let expected = self.param_count();
        if params.len() != expected {
            return Err(Error::invalid_input(format!(
                "{} {} takes {expected} path parameter(s), {} given",
                self.method,
                self.path,
                params.len()
            )));
        }
        let mut out = String::with_capacity(self.path.len() + 32);
        let mut rest = self.path.trim_start_matches('/');
        let mut it = params.iter();
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let end = rest[start..]
                .find('}')
                .map(|e| start + e)
                .ok_or_else(|| Error::invalid_input(format!("bad path template {}", self.path)))?;
            let name = &rest[start + 1..end];
            let value = it.next().copied().unwrap_or_default();
            if value.is_empty() {
                return Err(Error::invalid_input(format!(
                    "{} {}: {name} must not be empty",
                    self.method, self.path
                )));
            }
            out.extend(
                url::form_urlencoded::byte_serialize(value.as_bytes()).map(|s| {
                    // form encoding writes spaces as '+', which is literal in a path.
                    if s == "+" {
                        "%20"
                    } else {
                        s
                    }
                }),
            );
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// Declares the resource modules of a service version and collects their operations.
///
/// ```ignore
/// ferrocloud::resources! {
///     /// Servers.
///     pub mod servers;
///     /// Flavors.
///     pub mod flavors;
/// }
/// // expands to the two `pub mod` items and
/// // `pub static OPERATIONS: &[&[&Operation]] = &[servers::OPERATIONS, flavors::OPERATIONS];`
/// ```
#[macro_export]
macro_rules! resources {
    ($($(#[$meta:meta])* pub mod $name:ident;)*) => {
        $($(#[$meta])* pub mod $name;)*

        /// Every operation the resource modules above implement, for coverage reports.
        pub static OPERATIONS: &[&[&$crate::Operation]] = &[$($name::OPERATIONS),*];
    };
}

/// Declares a resource module's operations as constants and lists them in `OPERATIONS`.
///
/// ```
/// mod things {
///     ferrocloud::operations! {
///         service: "compute";
///         /// Show one thing.
///         GET_THING = GET "/things/{thing_id}";
///         /// Tag a thing (2.26+).
///         TAG_THING = PUT "/things/{thing_id}/tags/{tag}", since "2.26";
///     }
/// }
/// assert_eq!(things::OPERATIONS.len(), 2);
/// assert_eq!(things::TAG_THING.min_microversion, Some("2.26"));
/// ```
#[macro_export]
macro_rules! operations {
    (service: $service:literal; $($(#[$meta:meta])* $name:ident = $method:ident $path:literal $(, since $v:literal)?;)*) => {
        $(
            $(#[$meta])*
            pub static $name: $crate::Operation =
                $crate::Operation::new($service, $crate::http::Method::$method, $path)$(.since($v))?;
        )*

        /// Every operation this module implements, for coverage reports.
        pub static OPERATIONS: &[&$crate::Operation] = &[$(&$name),*];
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    const OP: Operation = Operation::new("compute", Method::GET, "/servers/{id}/tags/{tag}");

    #[test]
    fn renders_and_encodes() {
        assert_eq!(
            OP.render(&["a/b", "x y+z"]).unwrap(),
            "servers/a%2Fb/tags/x%20y%2Bz"
        );
        assert_eq!(
            Operation::new("compute", Method::GET, "/servers/detail")
                .render(&[])
                .unwrap(),
            "servers/detail"
        );
    }

    #[test]
    fn wrong_params_are_errors() {
        assert!(OP.render(&["a"]).is_err());
        assert!(OP.render(&["a", ""]).is_err());
        assert!(OP.render(&["a", "b", "c"]).is_err());
    }
}
