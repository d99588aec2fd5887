//! Entente's domain: states, treaties, dated treaty events and the rules that
//! derive a state's status, its OPCAT stage and its legal deadlines from them.
//!
//! Nothing here does I/O: every rule is a pure function of events and an
//! "as of" date, so the same answer comes from the CLI, the web and the tests.

pub mod access;
mod codes;
pub mod consultation;
pub mod coordination;
pub mod event;
pub mod ids;
pub mod implementation;
pub mod monitoring;
pub mod notification;
pub mod opcat;
pub mod plan;
pub mod recommendation;
pub mod reference;
pub mod region;
pub mod status;

pub use codes::ParseCodeError;
pub use event::{Art24Part, ConsentKind, EventKind, TreatyEvent};
pub use ids::{Iso3, ParseIdError, TreatyId};
pub use opcat::{Art27Violation, OpcatStatus, Stage};
pub use reference::{M49Area, MapMarker, MapShape, Names, Source, State, Treaty, WorldMap};
pub use region::RegionalGroup;
pub use status::{Participation, TreatyStatus};
