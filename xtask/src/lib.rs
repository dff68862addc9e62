//! Maintenance tasks for ferrocloud, as a library so that tests can use them: the
//! coverage report and the conformance checks of the SDK against the official OpenStack
//! API reference in `conformance/` (the operation index `api-ref/` and the samples
//! `api-samples/`).
//!
//! ```no_run
//! let dir = xtask::conformance_dir();
//! let (index, skips) = xtask::load(&dir).unwrap();
//! let ops = ferrocloud::openstack::all_operations();
//! let coverage = xtask::coverage::Coverage::compute(&index, &ops, &skips);
//! let report = xtask::conformance::Report::run(&index, &ops, &coverage, &skips);
//! println!("{}\n{}", coverage.summary_line(), report.summary_line());
//! ```

#![warn(missing_docs)]

pub mod conformance;
pub mod coverage;
pub mod fuzz;
pub mod index;
pub mod live;
pub mod paths;
pub mod skipped;
pub mod suite;

use std::path::{Path, PathBuf};

use index::Index;
use skipped::Skips;

/// The skip list's file name, in the conformance folder.
pub const SKIPPED_FILE: &str = "skipped.toml";

/// The workspace's root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap_or_else(|| Path::new(".."))
        .to_path_buf()
}

/// The workspace's `conformance/` folder.
pub fn conformance_dir() -> PathBuf {
    workspace().join("conformance")
}

/// Loads the index and the skip list of a conformance folder.
pub fn load(dir: &Path) -> Result<(Index, Skips), String> {
    let index = Index::load(dir)?;
    let skips = Skips::load(&dir.join(SKIPPED_FILE))?;
    Ok((index, skips))
}
