//! Dates as the OpenStack services send them, in one place.
//!
//! The services disagree on how to write a time: `2012-08-20T21:11:09Z` (Nova),
//! `2015-11-09T01:42:57.527363Z` (Keystone), `2014-09-25T13:10:53.000000` (Cinder, no zone),
//! `2016-03-14 16:44:33` (no `T`), `2015-08-27T09:49:58-05:00` (offsets),
//! `Thu, 01 Dec 1994 16:00:00 GMT` (RFC 1123, HTTP headers) and `1441123222.12345` (Swift's
//! epoch timestamps). [`parse`] reads all of them; times without a zone are UTC, as the
//! services mean them. The serde modules [`timestamp`] and [`option`] apply it to fields:
//!
//! ```
//! use chrono::{DateTime, Utc};
//! use serde::Deserialize;
//!
//! #[derive(Deserialize)]
//! struct Thing {
//!     #[serde(with = "ferrocloud::dates::timestamp")]
//!     created: DateTime<Utc>,
//!     #[serde(default, with = "ferrocloud::dates::option")]
//!     updated: Option<DateTime<Utc>>,
//! }
//! let t: Thing = serde_json::from_str(r#"{"created": "2014-09-25T13:10:53.000000", "updated": null}"#).unwrap();
//! assert_eq!(t.created.to_rfc3339(), "2014-09-25T13:10:53+00:00");
//! assert!(t.updated.is_none());
//! ```

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone, Utc};

use crate::{Error, ErrorKind, Result};

/// A point in time, in UTC.
pub type Timestamp = DateTime<Utc>;

/// Reads a time in any of the formats the OpenStack services use.
///
/// ```
/// use ferrocloud::dates::parse;
/// let a = parse("2012-08-20T21:11:09Z").unwrap();
/// let b = parse("2012-08-20 21:11:09").unwrap();
/// let c = parse("Mon, 20 Aug 2012 21:11:09 GMT").unwrap();
/// let d = parse("1345497069").unwrap();
/// let e = parse("2012-08-20T23:11:09+02:00").unwrap();
/// assert!(a == b && b == c && c == d && d == e);
/// assert!(parse("yesterday").is_err());
/// ```
pub fn parse(s: &str) -> Result<Timestamp> {
    let t = s.trim();
    if t.is_empty() {
        return Err(bad(s));
    }
    let bytes = t.as_bytes();
    // Epoch seconds, possibly with a fraction (Swift's X-Timestamp, last_modified).
    if bytes[0].is_ascii_digit() && bytes.iter().all(|b| b.is_ascii_digit() || *b == b'.') {
        // Four digits then a non-digit would be a year; all digits is an epoch.
        return parse_epoch(t).ok_or_else(|| bad(s));
    }
    // RFC 1123 / RFC 2822: starts with a weekday name.
    if bytes[0].is_ascii_alphabetic() {
        return DateTime::parse_from_rfc2822(t)
            .map(|d| d.with_timezone(&Utc))
            .map_err(|_| bad(s));
    }
    // ISO 8601 / RFC 3339 variants: 'T' or ' ' between date and time.
    let norm: std::borrow::Cow<'_, str> = if bytes.len() > 10 && bytes[10] == b' ' {
        let mut owned = t.to_string();
        owned.replace_range(10..11, "T");
        owned.into()
    } else {
        t.into()
    };
    if let Ok(d) = DateTime::parse_from_rfc3339(&norm) {
        return Ok(d.with_timezone(&Utc));
    }
    // Offsets without a colon (+0000) or a trailing " UTC".
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z"] {
        if let Ok(d) = DateTime::<FixedOffset>::parse_from_str(&norm, fmt) {
            return Ok(d.with_timezone(&Utc));
        }
    }
    let naive = norm.trim_end_matches(" UTC").trim_end_matches('Z');
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(naive, fmt) {
            return Ok(Utc.from_utc_datetime(&d));
        }
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(naive, "%Y-%m-%d")
        && let Some(dt) = d.and_hms_opt(0, 0, 0)
    {
        return Ok(Utc.from_utc_datetime(&dt));
    }
    Err(bad(s))
}

fn parse_epoch(t: &str) -> Option<Timestamp> {
    let (secs, frac) = match t.split_once('.') {
        Some((a, b)) => (a, b),
        None => (t, ""),
    };
    let secs: i64 = secs.parse().ok()?;
    let nanos = if frac.is_empty() {
        0
    } else {
        if frac.contains('.') || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let digits: String = frac.chars().chain(std::iter::repeat('0')).take(9).collect();
        digits.parse::<u32>().ok()?
    };
    Utc.timestamp_opt(secs, nanos).single()
}

fn bad(s: &str) -> Error {
    let shown: String = s.chars().take(64).collect();
    Error::new(
        ErrorKind::Decode,
        format!("unrecognised date/time {shown:?}"),
    )
}

/// Writes a time as RFC 3339 in UTC with a `Z`, which every service accepts.
///
/// ```
/// let t = ferrocloud::dates::parse("2012-08-20 21:11:09.5").unwrap();
/// assert_eq!(ferrocloud::dates::format(&t), "2012-08-20T21:11:09.500Z");
/// ```
pub fn format(t: &Timestamp) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

struct Visitor;

impl serde::de::Visitor<'_> for Visitor {
    type Value = Timestamp;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a date/time string or epoch seconds")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Timestamp, E> {
        // The value is not repeated in the error: it may be anything, even a secret.
        parse(v).map_err(|_| E::invalid_value(serde::de::Unexpected::Other("string"), &self))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Timestamp, E> {
        Utc.timestamp_opt(v, 0)
            .single()
            .ok_or_else(|| E::custom(format!("epoch {v} out of range")))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Timestamp, E> {
        let v = i64::try_from(v).map_err(|_| E::custom("epoch out of range"))?;
        self.visit_i64(v)
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<Timestamp, E> {
        if !v.is_finite() {
            return Err(E::custom("epoch is not a finite number"));
        }
        let secs = v.floor();
        let nanos = ((v - secs) * 1e9).round().clamp(0.0, 999_999_999.0) as u32;
        if secs < i64::MIN as f64 || secs > i64::MAX as f64 {
            return Err(E::custom("epoch out of range"));
        }
        Utc.timestamp_opt(secs as i64, nanos)
            .single()
            .ok_or_else(|| E::custom("epoch out of range"))
    }
}

/// `#[serde(with = "ferrocloud::dates::timestamp")]` for a required [`Timestamp`].
///
/// ```
/// #[derive(serde::Deserialize, serde::Serialize)]
/// struct T { #[serde(with = "ferrocloud::dates::timestamp")] at: ferrocloud::dates::Timestamp }
/// let t: T = serde_json::from_str(r#"{"at": "2015-08-27T09:49:58-05:00"}"#).unwrap();
/// assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"at":"2015-08-27T14:49:58Z"}"#);
/// ```
pub mod timestamp {
    use super::*;

    /// Deserializes a [`Timestamp`] from any supported format.
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<Timestamp, D::Error> {
        d.deserialize_any(Visitor)
    }

    /// Serializes a [`Timestamp`] as RFC 3339 with `Z`.
    pub fn serialize<S: serde::Serializer>(
        t: &Timestamp,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&format(t))
    }
}

/// `#[serde(default, with = "ferrocloud::dates::option")]` for an optional [`Timestamp`]:
/// missing, `null` and `""` are `None`.
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct T { #[serde(default, with = "ferrocloud::dates::option")] at: Option<ferrocloud::dates::Timestamp> }
/// let t: T = serde_json::from_str(r#"{"at": ""}"#).unwrap();
/// assert!(t.at.is_none());
/// let t: T = serde_json::from_str(r#"{}"#).unwrap();
/// assert!(t.at.is_none());
/// ```
pub mod option {
    use super::*;

    struct OptVisitor;

    impl<'de> serde::de::Visitor<'de> for OptVisitor {
        type Value = Option<Timestamp>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a date/time, or null")
        }
        fn visit_none<E: serde::de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: serde::Deserializer<'de>>(
            self,
            d: D,
        ) -> std::result::Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Self::Value, E> {
            // `None`: Python's text for a missing value (Cyborg's device profile by name).
            if v.trim().is_empty() || v == "None" {
                Ok(None)
            } else {
                Visitor.visit_str(v).map(Some)
            }
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Self::Value, E> {
            Visitor.visit_i64(v).map(Some)
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Self::Value, E> {
            Visitor.visit_u64(v).map(Some)
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<Self::Value, E> {
            Visitor.visit_f64(v).map(Some)
        }
    }

    /// Deserializes an optional [`Timestamp`].
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<Option<Timestamp>, D::Error> {
        d.deserialize_option(OptVisitor)
    }

    /// Serializes an optional [`Timestamp`] (`None` as `null`).
    pub fn serialize<S: serde::Serializer>(
        t: &Option<Timestamp>,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&format(t)),
            None => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> String {
        format(&parse(s).unwrap_or_else(|e| panic!("{s}: {e}")))
    }

    #[test]
    fn every_service_format() {
        let cases = [
            ("2012-08-20T21:11:09Z", "2012-08-20T21:11:09Z"),
            ("2012-08-20T21:11:09", "2012-08-20T21:11:09Z"),
            ("2012-08-20 21:11:09", "2012-08-20T21:11:09Z"),
            ("2015-11-09T01:42:57.527363Z", "2015-11-09T01:42:57.527363Z"),
            ("2014-09-25T13:10:53.000000", "2014-09-25T13:10:53Z"),
            ("2013-02-19 21:52:12.000000", "2013-02-19T21:52:12Z"),
            ("2015-08-27T09:49:58-05:00", "2015-08-27T14:49:58Z"),
            ("2015-08-27T09:49:58.123+01:00", "2015-08-27T08:49:58.123Z"),
            ("2019-03-27T17:04:33.000000+00:00", "2019-03-27T17:04:33Z"),
            ("2015-08-27T09:49:58+0000", "2015-08-27T09:49:58Z"),
            ("2016-03-14 16:44:33 UTC", "2016-03-14T16:44:33Z"),
            ("2016-03-14T16:44", "2016-03-14T16:44:00Z"),
            ("2016-03-14", "2016-03-14T00:00:00Z"),
            ("Thu, 01 Dec 1994 16:00:00 GMT", "1994-12-01T16:00:00Z"),
            ("1441123222.12345", "2015-09-01T16:00:22.123450Z"),
            ("1441123222", "2015-09-01T16:00:22Z"),
            ("  2012-08-20T21:11:09Z ", "2012-08-20T21:11:09Z"),
        ];
        for (input, want) in cases {
            assert_eq!(utc(input), want, "{input}");
        }
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for s in [
            "",
            " ",
            "abc",
            "2012-13-40T25:61:61Z",
            "1.2.3",
            "99999999999999999999999",
            "2012-08-20X21:11:09",
            "Thu, 99 Foo",
            "\u{00e9}\u{00e9}\u{00e9}\u{00e9}\u{00e9}\u{00e9}",
            "1441123222.x",
        ] {
            let e = parse(s).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Decode, "{s}");
        }
    }

    #[test]
    fn numbers_in_json() {
        #[derive(serde::Deserialize)]
        struct T {
            #[serde(with = "timestamp")]
            a: Timestamp,
            #[serde(default, with = "option")]
            b: Option<Timestamp>,
        }
        let t: T = serde_json::from_str(r#"{"a": 1441123222, "b": 1441123222.5}"#).unwrap();
        assert_eq!(format(&t.a), "2015-09-01T16:00:22Z");
        assert_eq!(format(&t.b.unwrap()), "2015-09-01T16:00:22.500Z");
        assert!(serde_json::from_str::<T>(r#"{"a": "nope"}"#).is_err());
        assert!(serde_json::from_str::<T>(r#"{"a": 1e300}"#).is_err());
    }
}
