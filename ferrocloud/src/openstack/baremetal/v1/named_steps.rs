//! What deploy templates and runbooks share: a named list of steps, addressed by name
//! or UUID, created, listed, shown, patched and deleted alike. `named_steps!` writes a
//! module's operations, its step type (the steps' rank differs: a deploy template's
//! `priority`, a runbook's `order`), its record, its `CreateOpts` and the functions of
//! `resource_functions!`, from the fields each adds.

/// Declares a resource that names a list of steps: its operations (from the
/// `collection` and `item` paths, all since microversion `since`, listed under `key`),
/// the step type `$step` whose rank field is `$rank`, the record `$record` with the
/// fields every such record has (`uuid`, `name`, `steps`, `extra`, dates, `links`) and
/// those listed, and a `CreateOpts` (`name`, `steps`, `uuid`, `extra`, and those
/// listed).
macro_rules! named_steps {
    (
        noun: $noun:literal,
        since: $since:literal,
        collection: $collection:literal,
        item: $item:literal,
        key: $key:literal,
        $(#[$step_meta:meta])*
        step $step:ident { $(#[$rank_meta:meta])* $rank:ident },
        $(#[$record_meta:meta])*
        record $record:ident { $($(#[$field_meta:meta])* $field:ident: $field_ty:ty,)* }
        create { $($(#[$create_meta:meta])* $create:ident: $create_ty:ty,)* }
    ) => {
        use serde::{Deserialize, Serialize};

        use super::common::{Links, Listing, Object, Versioned};
        use crate::Result;
        use crate::dates::Timestamp;
        use crate::request::Validate;

        crate::operations! {
            service: "baremetal";
            #[doc = concat!("Create a ", $noun, ".")]
            CREATE = POST $collection since($since) request(CreateOpts) response($record);
            #[doc = concat!("List ", $noun, "s.")]
            LIST = GET $collection since($since) list($key, $record);
            #[doc = concat!("Show a ", $noun, ".")]
            GET = GET $item since($since) response($record);
            #[doc = concat!("Update a ", $noun, ".")]
            UPDATE = PATCH $item since($since) request(super::common::Patch) response($record);
            #[doc = concat!("Delete a ", $noun, ".")]
            DELETE = DELETE $item since($since);
        }

        $(#[$step_meta])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        pub struct $step {
            /// The interface (`bios`, `raid`, `deploy`, `management`, `power`…).
            pub interface: String,
            /// The step's name.
            pub step: String,
            /// Its arguments.
            #[serde(default)]
            pub args: Object,
            $(#[$rank_meta])*
            pub $rank: u32,
        }

        $(#[$record_meta])*
        #[derive(Debug, Clone, PartialEq, Deserialize)]
        #[non_exhaustive]
        pub struct $record {
            /// The UUID.
            pub uuid: String,
            /// The name (a `CUSTOM_` trait).
            pub name: String,
            /// The steps (details).
            #[serde(default)]
            pub steps: Option<Vec<$step>>,
            $($(#[$field_meta])* #[serde(default)] pub $field: $field_ty,)*
            /// Free-form data (details).
            #[serde(default)]
            pub extra: Option<Object>,
            /// When it was created (details).
            #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
            pub created_at: Option<Timestamp>,
            /// When it last changed (details).
            #[serde(default, deserialize_with = "crate::dates::option::deserialize")]
            pub updated_at: Option<Timestamp>,
            /// Its links.
            pub links: Links,
        }

        /// What [`list`] takes.
        pub type ListOpts = Listing;

        /// What [`create`] sends.
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        pub struct CreateOpts {
            /// The name (a `CUSTOM_` trait).
            pub name: String,
            /// The steps.
            pub steps: Vec<$step>,
            /// A UUID of one's own.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub uuid: Option<String>,
            /// Free-form data.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub extra: Option<Object>,
            $(
                $(#[$create_meta])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $create: $create_ty,
            )*
        }

        impl CreateOpts {
            #[doc = concat!("A ", $noun, " `name` with `steps`.")]
            pub fn new(name: impl Into<String>, steps: Vec<$step>) -> Self {
                CreateOpts {
                    name: name.into(),
                    steps,
                    ..Default::default()
                }
            }
        }

        impl Validate for CreateOpts {
            fn validate(&self) -> Result<()> {
                crate::request::require("name", !self.name.is_empty())?;
                crate::request::require("steps", !self.steps.is_empty())
            }
        }

        impl Versioned for CreateOpts {}

        super::common::resource_functions!($record, $record, $noun; list get create update delete find);
    };
}
pub(crate) use named_steps;
