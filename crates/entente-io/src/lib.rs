//! Entente's importers and its own dataset format: pure functions from the
//! bytes of outside sources (UN Treaty Collection pages and tables, country
//! tables, TopoJSON maps, NPM compilations) to the domain types of
//! `entente-core`, and the readable CSV/JSON files under `data/`.
//!
//! Every fault is an [`ImportError`] that names the file, the row and the field.

pub mod countries;
pub mod dataset;
pub mod demo;
pub mod error;
pub mod imports;
pub mod map;
pub mod names;
pub mod npm;
pub mod npm_facts;
pub mod plan;
pub mod ratifications;
mod table;
pub mod un_date;
pub mod untc;

pub use dataset::{BuildReport, Dataset};
pub use error::{ImportError, ImportErrorKind};
pub use imports::ImportBatch;
pub use names::StateMatcher;
