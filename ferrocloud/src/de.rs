//! Serde helpers for the odd shapes services send, shared by every resource.

use serde::Deserialize;
use serde::de::{self, Deserializer};

/// A link (`{"href": .., "rel": ..}`), as every service lists them.
///
/// ```
/// let l: ferrocloud::de::Link = serde_json::from_str(r#"{"href": "http://x", "rel": "self"}"#).unwrap();
/// assert_eq!(l.rel, "self");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
pub struct Link {
    /// The URL.
    #[serde(default)]
    pub href: String,
    /// The relation (`self`, `bookmark`, `next`…).
    #[serde(default)]
    pub rel: String,
    /// The media type, when given.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
}

/// `#[serde(deserialize_with = "ferrocloud::de::empty_as_none")]`: `""` and `null` are
/// `None`, anything else is decoded as `T` (Nova's `"image": ""` for servers booted from a
/// volume).
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct S { #[serde(default, deserialize_with = "ferrocloud::de::empty_as_none")] image: Option<std::collections::BTreeMap<String, String>> }
/// let s: S = serde_json::from_str(r#"{"image": ""}"#).unwrap();
/// assert!(s.image.is_none());
/// ```
pub fn empty_as_none<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct V<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> de::Visitor<'de> for V<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a value, \"\" or null")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Option<T>, D2::Error> {
            d.deserialize_any(self)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<T>, E> {
            if v.is_empty() {
                Ok(None)
            } else {
                T::deserialize(de::value::StrDeserializer::new(v)).map(Some)
            }
        }
        fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
            T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Option<T>, A::Error> {
            T::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Some)
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Option<T>, E> {
            T::deserialize(de::value::BoolDeserializer::new(v)).map(Some)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<T>, E> {
            T::deserialize(de::value::I64Deserializer::new(v)).map(Some)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<T>, E> {
            T::deserialize(de::value::U64Deserializer::new(v)).map(Some)
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<T>, E> {
            T::deserialize(de::value::F64Deserializer::new(v)).map(Some)
        }
    }
    d.deserialize_any(V(std::marker::PhantomData))
}

/// `#[serde(deserialize_with = "ferrocloud::de::lenient_string")]`: a string, or a
/// boolean or number written as text; `null` is empty.
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct S { #[serde(deserialize_with = "ferrocloud::de::lenient_string")] v: String }
/// let s: S = serde_json::from_str(r#"{"v": true}"#).unwrap();
/// assert_eq!(s.v, "true");
/// ```
pub fn lenient_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => s,
        serde_json::Value::Null => String::new(),
        serde_json::Value::Bool(b) => b.to_string(),
        serde_json::Value::Number(n) => n.to_string(),
        other => return Err(de::Error::invalid_type(unexpected(&other), &"a string")),
    })
}

/// `#[serde(deserialize_with = "ferrocloud::de::int_or_empty")]`: an integer that may come
/// as `""` (zero), as text, or as `null` (Nova's flavor `swap`).
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct F { #[serde(deserialize_with = "ferrocloud::de::int_or_empty")] swap: u64 }
/// assert_eq!(serde_json::from_str::<F>(r#"{"swap": ""}"#).unwrap().swap, 0);
/// assert_eq!(serde_json::from_str::<F>(r#"{"swap": "512"}"#).unwrap().swap, 512);
/// assert_eq!(serde_json::from_str::<F>(r#"{"swap": 1024}"#).unwrap().swap, 1024);
/// assert!(serde_json::from_str::<F>(r#"{"swap": "lots"}"#).is_err());
/// ```
pub fn int_or_empty<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::Null => Ok(0),
        serde_json::Value::Number(n) => n.as_u64().ok_or_else(|| {
            de::Error::invalid_value(de::Unexpected::Other("number"), &"a non-negative integer")
        }),
        serde_json::Value::String(s) if s.trim().is_empty() => Ok(0),
        serde_json::Value::String(s) => s
            .trim()
            .parse()
            .map_err(|_| de::Error::invalid_value(de::Unexpected::Other("string"), &"an integer")),
        other => Err(de::Error::invalid_type(unexpected(&other), &"an integer")),
    }
}

/// What a JSON value is, for an error that does not repeat it.
fn unexpected(v: &serde_json::Value) -> de::Unexpected<'static> {
    use serde_json::Value;
    match v {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(_) => de::Unexpected::Other("boolean"),
        Value::Number(_) => de::Unexpected::Other("number"),
        Value::String(_) => de::Unexpected::Other("string"),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

/// `#[serde(deserialize_with = "ferrocloud::de::null_as_default")]`: `null` becomes the
/// type's default (an empty list or map).
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct S { #[serde(default, deserialize_with = "ferrocloud::de::null_as_default")] tags: Vec<String> }
/// assert!(serde_json::from_str::<S>(r#"{"tags": null}"#).unwrap().tags.is_empty());
/// ```
pub fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// `#[serde(deserialize_with = "ferrocloud::de::nullable")]` on an `Option<T>`: the key
/// must be present (a missing key is an error, as for any required field), and `null`
/// is `None`. Serde otherwise reads a missing `Option` field as `None`, which hides a
/// misspelt or renamed key.
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct S { #[serde(deserialize_with = "ferrocloud::de::nullable")] zone: Option<String> }
/// assert_eq!(serde_json::from_str::<S>(r#"{"zone": null}"#).unwrap().zone, None);
/// assert_eq!(serde_json::from_str::<S>(r#"{"zone": "az1"}"#).unwrap().zone.as_deref(), Some("az1"));
/// assert!(serde_json::from_str::<S>("{}").is_err());
/// ```
pub fn nullable<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d)
}

/// `#[serde(default, deserialize_with = "ferrocloud::de::double_option")]` on an
/// `Option<Option<T>>`: a missing key is `None`, `null` is `Some(None)` and a value is
/// `Some(Some(v))`, for options where "leave as is" and "set to null" differ (a subnet's
/// gateway).
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct S { #[serde(default, deserialize_with = "ferrocloud::de::double_option")] gw: Option<Option<String>> }
/// assert_eq!(serde_json::from_str::<S>("{}").unwrap().gw, None);
/// assert_eq!(serde_json::from_str::<S>(r#"{"gw": null}"#).unwrap().gw, Some(None));
/// assert_eq!(serde_json::from_str::<S>(r#"{"gw": "10.0.0.1"}"#).unwrap().gw, Some(Some("10.0.0.1".into())));
/// ```
pub fn double_option<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// `#[serde(default = "ferrocloud::de::yes")]`: a flag that is true when absent.
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct S { #[serde(default = "ferrocloud::de::yes")] enabled: bool }
/// assert!(serde_json::from_str::<S>("{}").unwrap().enabled);
/// ```
pub fn yes() -> bool {
    true
}

/// `#[serde(deserialize_with = "ferrocloud::de::count")]` on a `u128`: an address count
/// that may pass `u64::MAX` (IPv6 subnets). Read exactly from JSON text; a value already
/// held as a float (from a `serde_json::Value`) is rounded.
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct S { #[serde(deserialize_with = "ferrocloud::de::count")] n: u128 }
/// let big = serde_json::from_str::<S>(r#"{"n": 18446744073709551870}"#).unwrap();
/// assert_eq!(big.n, 18446744073709551870);
/// assert_eq!(serde_json::from_str::<S>(r#"{"n": 253}"#).unwrap().n, 253);
/// assert!(serde_json::from_str::<S>(r#"{"n": -1}"#).is_err());
/// ```
pub fn count<'de, D: Deserializer<'de>>(d: D) -> Result<u128, D::Error> {
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = u128;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a non-negative count")
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<u128, E> {
            Ok(v.into())
        }
        fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<u128, E> {
            Ok(v)
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<u128, E> {
            u128::try_from(v).map_err(|_| E::custom("a negative count"))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<u128, E> {
            if v.is_finite() && v >= 0.0 {
                Ok(v as u128)
            } else {
                Err(E::custom("a negative or non-finite count"))
            }
        }
    }
    d.deserialize_u128(V)
}

/// Serde for a [`SecretString`](crate::SecretString) that must reach the service (a
/// password, a secret in a request body): written as a plain string, read back into a
/// secret. `#[serde(with = "crate::de::secret")]`, or `crate::de::secret::option` for an
/// `Option<SecretString>` (`null` is `None`).
pub(crate) mod secret {
    use secrecy::{ExposeSecret, SecretString};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(s: &SecretString, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(s.expose_secret())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<SecretString, D::Error> {
        String::deserialize(d).map(SecretString::from)
    }

    /// The same for `Option<SecretString>`.
    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(
            s: &Option<SecretString>,
            ser: S,
        ) -> Result<S::Ok, S::Error> {
            match s {
                Some(s) => ser.serialize_str(s.expose_secret()),
                None => ser.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<SecretString>, D::Error> {
            Ok(Option::<String>::deserialize(d)?.map(SecretString::from))
        }
    }
}

/// A boolean, or its text: `true`/`false`, `"true"`/`"false"` (Cinder's `bootable`,
/// Glance's store flags), and the other spellings Python's config parsers accept.
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct S { #[serde(deserialize_with = "ferrocloud::de::bool_or_text")] b: bool }
/// let s: S = serde_json::from_str(r#"{"b": "True"}"#).unwrap();
/// assert!(s.b);
/// assert!(serde_json::from_str::<S>(r#"{"b": "maybe"}"#).is_err());
/// ```
pub fn bool_or_text<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Flag {
        Bool(bool),
        Text(String),
    }
    match Flag::deserialize(d)? {
        Flag::Bool(b) => Ok(b),
        Flag::Text(t) => match t.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" | "t" | "y" => Ok(true),
            "false" | "0" | "no" | "off" | "f" | "n" | "" | "none" => Ok(false),
            _ => Err(serde::de::Error::custom(format!(
                "expected a boolean or \"true\"/\"false\", got {t:?}"
            ))),
        },
    }
}

/// Declares an enum of the texts a service writes (Designate's and Octavia's capitals,
/// Ironic's states): one variant per value, `Other(String)`
/// for a value this SDK does not know (so a new one never fails decoding), `as_str` and
/// `Display`.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant,)+
            /// A value this SDK does not know.
            #[serde(untagged)]
            Other(String),
        }

        impl $name {
            /// The value as the service writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)+
                    $name::Other(s) => s,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use text_enum;
