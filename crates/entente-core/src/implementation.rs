//! Implementation monitoring, part one: the sourced public facts about each
//! state party's national preventive mechanism (NPM) and the SPT's visits,
//! and the SPT visits coalition members record, with the follow-up deadline
//! a visit report creates.
//!
//! Pure: the importer, the store and the pages compare sources and compute
//! deadlines here, so the same answer comes from every interface.

mod facts;
mod visits;

pub use facts::{
    Art17Listing, DatePrecision, Disagreement, DisagreementField, NpmFacts, NpmStatement,
    PartialDate, PublishedReport, ReportPublished, SptVisitFact, disagreements, has_no_npm,
    names_agree,
};
pub use visits::{
    FollowUp, SptVisitDraft, SptVisitId, SptVisitType, follow_up, follow_up_deadline,
};

#[cfg(test)]
mod tests;
