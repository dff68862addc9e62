//! Option structs to query strings.
//!
//! List options are plain structs deriving `Serialize`; [`to_pairs`] turns them into
//! query pairs with the conventions OpenStack services expect:
//!
//! - `None` fields are left out; `Some(x)` is written as `x`;
//! - booleans are `true`/`false`; numbers as written;
//! - a sequence repeats the key (`?status=ACTIVE&status=ERROR`); the field attribute
//!   `#[serde(serialize_with = "ferrocloud::query::comma")]` joins it with commas instead
//!   (`?tags=a,b`);
//! - a map flattened into the struct (`#[serde(flatten)]`) adds one pair per entry, for
//!   filters the struct does not name; a map field written with
//!   `#[serde(serialize_with = "ferrocloud::query::dict")]` becomes one Python-style dict
//!   literal (`{'k': 'v'}`), as Cinder's and Manila's `metadata` filters expect.
//!
//! ```
//! #[derive(serde::Serialize, Default)]
//! struct ListOpts {
//!     name: Option<String>,
//!     limit: Option<u32>,
//!     all_tenants: Option<bool>,
//!     status: Vec<String>,
//!     #[serde(serialize_with = "ferrocloud::query::comma")]
//!     tags: Vec<String>,
//! }
//! let opts = ListOpts {
//!     name: Some("web".into()),
//!     limit: Some(2),
//!     all_tenants: Some(true),
//!     status: vec!["ACTIVE".into(), "ERROR".into()],
//!     tags: vec!["a".into(), "b".into()],
//! };
//! let pairs = ferrocloud::query::to_pairs(&opts).unwrap();
//! assert_eq!(ferrocloud::query::encode(&pairs),
//!     "name=web&limit=2&all_tenants=true&status=ACTIVE&status=ERROR&tags=a%2Cb");
//! ```

use serde::ser::{self, Impossible, Serialize};

use crate::{Error, Result};

/// Query pairs, in order.
pub type Pairs = Vec<(String, String)>;

/// Serializes an option struct (or a map) into query pairs.
pub fn to_pairs<T: Serialize + ?Sized>(value: &T) -> Result<Pairs> {
    let mut out = Pairs::new();
    value
        .serialize(Top { out: &mut out })
        .map_err(|e| Error::invalid_input(format!("query options: {}", e.0)))?;
    Ok(out)
}

/// Percent-encodes query pairs as `k=v&k=v`.
pub fn encode(pairs: &Pairs) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs.iter())
        .finish()
}

/// `serialize_with` helper: a sequence as one comma-joined value (`tags=a,b`); an empty
/// sequence is left out.
pub fn comma<S, T>(items: &[T], s: S) -> std::result::Result<S::Ok, S::Error>
where
    S: ser::Serializer,
    T: std::fmt::Display,
{
    let joined: Vec<String> = items.iter().map(|i| i.to_string()).collect();
    if joined.is_empty() {
        s.serialize_none()
    } else {
        s.serialize_str(&joined.join(","))
    }
}

/// `serialize_with` helper: a string map as one Python dict literal (`{'k': 'v'}`), the
/// form Cinder and Manila parse for `metadata` filters; an empty map is left out.
pub fn dict<S, K, V>(
    map: &std::collections::BTreeMap<K, V>,
    s: S,
) -> std::result::Result<S::Ok, S::Error>
where
    S: ser::Serializer,
    K: std::fmt::Display,
    V: std::fmt::Display,
{
    if map.is_empty() {
        return s.serialize_none();
    }
    let quote = |x: String| format!("'{}'", x.replace('\\', "\\\\").replace('\'', "\\'"));
    let body: Vec<String> = map
        .iter()
        .map(|(k, v)| format!("{}: {}", quote(k.to_string()), quote(v.to_string())))
        .collect();
    s.serialize_str(&format!("{{{}}}", body.join(", ")))
}

#[derive(Debug)]
struct QsError(String);

impl std::fmt::Display for QsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for QsError {}
impl ser::Error for QsError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        QsError(msg.to_string())
    }
}

type R<T> = std::result::Result<T, QsError>;

fn unsupported<T>(what: &str) -> R<T> {
    Err(QsError(format!(
        "{what} cannot be written in a query string"
    )))
}

/// The top level: a struct or a map.
struct Top<'a> {
    out: &'a mut Pairs,
}

struct Fields<'a> {
    out: &'a mut Pairs,
    key: Option<String>,
}

impl<'a> ser::Serializer for Top<'a> {
    type Ok = ();
    type Error = QsError;
    type SerializeSeq = Impossible<(), QsError>;
    type SerializeTuple = Impossible<(), QsError>;
    type SerializeTupleStruct = Impossible<(), QsError>;
    type SerializeTupleVariant = Impossible<(), QsError>;
    type SerializeMap = Fields<'a>;
    type SerializeStruct = Fields<'a>;
    type SerializeStructVariant = Impossible<(), QsError>;

    fn serialize_struct(self, _: &'static str, _: usize) -> R<Fields<'a>> {
        Ok(Fields {
            out: self.out,
            key: None,
        })
    }
    fn serialize_map(self, _: Option<usize>) -> R<Fields<'a>> {
        Ok(Fields {
            out: self.out,
            key: None,
        })
    }
    fn serialize_unit(self) -> R<()> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R<()> {
        Ok(())
    }
    fn serialize_none(self) -> R<()> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R<()> {
        v.serialize(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R<()> {
        v.serialize(self)
    }
    fn serialize_bool(self, _: bool) -> R<()> {
        unsupported("a bare value")
    }
    fn serialize_i8(self, _: i8) -> R<()> {
        unsupported("a bare value")
    }
    fn serialize_i16(self, _: i16) -> R<()> {
        unsupported("a bare value")
    }
    fn serialize_i32(self, _: i32) -> R<()> {
        unsupported("a bare value")
    }
    fn serialize_i64(self, _: i64) -> R<()> {
        unsupported("a bare value")
    }
    fn serialize_u8(self, _: u8) -> R<()> {
        unsupported("a bare value")
    }
    fn serialize_u16(self, _: u16) -> R<()> {
        unsupported("a bare value")
    }
    fn serialize_u32(self, _: u32) -> R<()> {
        unsupported("a bare value")
    }
    fn serialize_u64(self, _: u64) -> R<()> {
        unsupported("a bare value")
    }
    fn serialize_f32(self, _: f32) -> R<()> {
        unsupported("a bare value")
    }
    fn serialize_f64(self, _: f64) -> R<()> {
        unsupported("a bare value")
    }
    fn serialize_char(self, _: char) -> R<()> {
        unsupported("a bare value")
    }
    fn serialize_str(self, _: &str) -> R<()> {
        unsupported("a bare value")
    }
    fn serialize_bytes(self, _: &[u8]) -> R<()> {
        unsupported("bytes")
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> R<()> {
        unsupported("a bare value")
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> R<()> {
        unsupported("an enum")
    }
    fn serialize_seq(self, _: Option<usize>) -> R<Self::SerializeSeq> {
        unsupported("a bare sequence")
    }
    fn serialize_tuple(self, _: usize) -> R<Self::SerializeTuple> {
        unsupported("a tuple")
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> R<Self::SerializeTupleStruct> {
        unsupported("a tuple")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> R<Self::SerializeTupleVariant> {
        unsupported("an enum")
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> R<Self::SerializeStructVariant> {
        unsupported("an enum")
    }
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = QsError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> R<()> {
        v.serialize(Value {
            out: self.out,
            key,
            in_seq: false,
        })
    }
    fn end(self) -> R<()> {
        Ok(())
    }
}

impl ser::SerializeMap for Fields<'_> {
    type Ok = ();
    type Error = QsError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> R<()> {
        let mut tmp = Pairs::new();
        key.serialize(Value {
            out: &mut tmp,
            key: "",
            in_seq: true,
        })?;
        match tmp.pop() {
            Some((_, k)) => {
                self.key = Some(k);
                Ok(())
            }
            None => unsupported("an empty map key"),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> R<()> {
        let key = self.key.take().unwrap_or_default();
        let mut tmp = Pairs::new();
        v.serialize(Value {
            out: &mut tmp,
            key: "",
            in_seq: false,
        })?;
        self.out
            .extend(tmp.into_iter().map(|(_, val)| (key.clone(), val)));
        Ok(())
    }
    fn end(self) -> R<()> {
        Ok(())
    }
}

/// One field's value.
struct Value<'a> {
    out: &'a mut Pairs,
    key: &'a str,
    in_seq: bool,
}

impl Value<'_> {
    fn push(self, v: String) -> R<()> {
        self.out.push((self.key.to_string(), v));
        Ok(())
    }
}

struct Seq<'a> {
    out: &'a mut Pairs,
    key: &'a str,
}

impl ser::SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = QsError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> R<()> {
        v.serialize(Value {
            out: self.out,
            key: self.key,
            in_seq: true,
        })
    }
    fn end(self) -> R<()> {
        Ok(())
    }
}

macro_rules! display_value {
    ($($name:ident: $t:ty),*) => {
        $(fn $name(self, v: $t) -> R<()> { self.push(v.to_string()) })*
    };
}

impl<'a> ser::Serializer for Value<'a> {
    type Ok = ();
    type Error = QsError;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Impossible<(), QsError>;
    type SerializeTupleStruct = Impossible<(), QsError>;
    type SerializeTupleVariant = Impossible<(), QsError>;
    type SerializeMap = Impossible<(), QsError>;
    type SerializeStruct = Impossible<(), QsError>;
    type SerializeStructVariant = Impossible<(), QsError>;

    display_value!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16,
        serialize_i32: i32, serialize_i64: i64, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_u64: u64, serialize_f32: f32, serialize_f64: f64,
        serialize_char: char, serialize_str: &str);

    fn serialize_bytes(self, _: &[u8]) -> R<()> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> R<()> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R<()> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R<()> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R<()> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R<()> {
        self.push(variant.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R<()> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        v: &T,
    ) -> R<()> {
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> R<Seq<'a>> {
        if self.in_seq {
            return unsupported(&format!("a nested sequence in {:?}", self.key));
        }
        Ok(Seq {
            out: self.out,
            key: self.key,
        })
    }
    fn serialize_tuple(self, _: usize) -> R<Self::SerializeTuple> {
        unsupported(&format!("a tuple in {:?}", self.key))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> R<Self::SerializeTupleStruct> {
        unsupported(&format!("a tuple in {:?}", self.key))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> R<Self::SerializeTupleVariant> {
        unsupported(&format!("an enum in {:?}", self.key))
    }
    fn serialize_map(self, _: Option<usize>) -> R<Self::SerializeMap> {
        unsupported(&format!(
            "a map in {:?} (flatten it, or use query::dict)",
            self.key
        ))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> R<Self::SerializeStruct> {
        unsupported(&format!("a struct in {:?}", self.key))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> R<Self::SerializeStructVariant> {
        unsupported(&format!("an enum in {:?}", self.key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(serde::Serialize, Default)]
    struct Opts {
        #[serde(rename = "changes-since")]
        changes_since: Option<String>,
        limit: Option<u32>,
        deleted: Option<bool>,
        status: Vec<String>,
        #[serde(serialize_with = "comma")]
        tags: Vec<String>,
        #[serde(serialize_with = "dict")]
        metadata: BTreeMap<String, String>,
        #[serde(flatten)]
        extra: BTreeMap<String, String>,
    }

    #[test]
    fn every_shape() {
        let mut extra = BTreeMap::new();
        extra.insert("foo".to_string(), "bar baz".to_string());
        let mut metadata = BTreeMap::new();
        metadata.insert("k".to_string(), "it's".to_string());
        let o = Opts {
            changes_since: Some("2024-01-01T00:00:00Z".into()),
            limit: Some(10),
            deleted: Some(false),
            status: vec!["ACTIVE".into(), "ERROR".into()],
            tags: vec!["a".into(), "b".into()],
            metadata,
            extra,
        };
        let pairs = to_pairs(&o).unwrap();
        assert_eq!(
            pairs,
            vec![
                ("changes-since".into(), "2024-01-01T00:00:00Z".into()),
                ("limit".into(), "10".into()),
                ("deleted".into(), "false".into()),
                ("status".into(), "ACTIVE".into()),
                ("status".into(), "ERROR".into()),
                ("tags".into(), "a,b".into()),
                ("metadata".into(), "{'k': 'it\\'s'}".into()),
                ("foo".into(), "bar baz".into()),
            ]
        );
        assert_eq!(
            encode(&pairs),
            "changes-since=2024-01-01T00%3A00%3A00Z&limit=10&deleted=false&status=ACTIVE&status=ERROR&tags=a%2Cb&metadata=%7B%27k%27%3A+%27it%5C%27s%27%7D&foo=bar+baz"
        );
    }

    #[test]
    fn empty_is_empty() {
        assert!(to_pairs(&Opts::default()).unwrap().is_empty());
    }

    #[test]
    fn nested_structures_are_refused_with_the_field_name() {
        #[derive(serde::Serialize)]
        struct Bad {
            inner: BTreeMap<String, String>,
        }
        let err = to_pairs(&Bad {
            inner: BTreeMap::new(),
        })
        .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert!(err.to_string().contains("inner"), "{err}");
    }
}

/// The direction of a sorted listing, as every service writes it (`asc`, `desc`).
///
/// ```
/// use ferrocloud::query::SortDir;
/// assert_eq!(serde_json::to_string(&SortDir::Desc).unwrap(), r#""desc""#);
/// assert_eq!(SortDir::Asc.as_str(), "asc");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortDir {
    /// Ascending.
    Asc,
    /// Descending.
    Desc,
}

impl SortDir {
    /// The direction as the services write it.
    pub fn as_str(self) -> &'static str {
        match self {
            SortDir::Asc => "asc",
            SortDir::Desc => "desc",
        }
    }
}
