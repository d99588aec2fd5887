//! Implementation facts: the shipped dataset's sourced NPM statements, SPT
//! visits, Art. 17 list and published reports (public, loaded with the
//! reference data, so their reads take no scope), and the SPT visits
//! members record (owned, with a visibility: every read takes an
//! [`AccessScope`] and filters in SQL, a hidden record answering exactly
//! like a missing one; every write is one transaction with its audit entry).
//!
//! [`AccessScope`]: entente_core::access::AccessScope

mod facts;
mod rows;
mod visits;

use chrono::NaiveDateTime;
use entente_core::access::UserId;
use entente_core::implementation::{SptVisitDraft, SptVisitId};

pub use facts::StateFacts;

/// A stored SPT visit record: its content, as written, and what the store adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SptVisit {
    pub id: SptVisitId,
    pub content: SptVisitDraft,
    pub created_by: Option<UserId>,
    /// UTC.
    pub created_at: NaiveDateTime,
    /// UTC.
    pub updated_at: NaiveDateTime,
}
