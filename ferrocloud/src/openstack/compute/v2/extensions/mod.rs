//! Extension fields of compute resources, read from the same response as the base type
//! with `extract_into` (they compose with the base type through `#[serde(flatten)]`).

pub mod availabilityzone;
pub mod diskconfig;
pub mod extendedserverattributes;
pub mod extendedstatus;
pub mod extendedvolumes;
pub mod serverusage;
