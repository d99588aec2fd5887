//! Implementation monitoring: NPM profiles and assessments of an NPM
//! against the OPCAT criteria. Every read takes an [`AccessScope`] and
//! filters in SQL (a hidden record answers exactly like a missing one);
//! every write checks the rules of the core drafts and those that need
//! the database, then writes the record, its parts and an audit entry in
//! one transaction. The stage rules read only what the scope may see, so a
//! private assessment never moves a public stage.
//!
//! [`AccessScope`]: entente_core::access::AccessScope

mod read;
mod rows;
mod scope;
mod write;

pub use read::assessment_facts;

use chrono::NaiveDateTime;
use entente_core::access::UserId;
use entente_core::monitoring::{AssessmentDraft, AssessmentId, ProfileDraft, ProfileId};

/// A stored NPM profile: its content, as written, and what the store adds.
#[derive(Debug, Clone, PartialEq)]
pub struct NpmProfile {
    pub id: ProfileId,
    pub content: ProfileDraft,
    pub created_by: Option<UserId>,
    /// UTC.
    pub created_at: NaiveDateTime,
    /// UTC.
    pub updated_at: NaiveDateTime,
}

/// A stored assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub id: AssessmentId,
    pub content: AssessmentDraft,
    pub created_by: Option<UserId>,
    /// UTC.
    pub created_at: NaiveDateTime,
    /// UTC.
    pub updated_at: NaiveDateTime,
}
