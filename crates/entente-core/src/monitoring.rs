//! Implementation monitoring: the profile of a National Preventive
//! Mechanism (NPM), assessments of it against the OPCAT criteria from
//! several viewpoints, their side-by-side comparison, and the facts that
//! move a state to stages 6 (NPM operating) and 7 (NPM meeting the
//! criteria).
//!
//! Pure: forms, the API and the demo all validate through
//! [`ProfileDraft::validate`] and [`AssessmentDraft::validate`], and the
//! stage rules are functions of the records and an "as of" day.

mod comparison;
mod draft;
mod stage;
mod vocabulary;

pub use comparison::{AssessmentFacts, Cell, Comparison, CriterionRow, compare};
pub use draft::{
    AnnualReport, AssessmentDraft, AssessmentId, CriterionRating, NpmBody, ProfileDraft, ProfileId,
};
pub use stage::{
    ASSESSMENT_SOURCE, PROFILE_SOURCE, ProfileFacts, meets_criteria_since, npm_events,
    operating_since, report_counts_from,
};
pub use vocabulary::{Criterion, NpmModel, Rating, Viewpoint};

#[cfg(test)]
mod tests;
