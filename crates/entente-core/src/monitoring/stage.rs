//! Stages 6 and 7 of DOMAIN.md from the NPM's records. They become the
//! treaty events [`crate::opcat::derive`] already reads
//! ([`EventKind::NpmOperation`], [`EventKind::NpmMeetsCriteria`]), so the
//! stage rules stay in one place and every page, the API and the
//! coordination engine see the same stage.
//!
//! - **Stage 6, NPM operating**: a profile gives a start of operation on or
//!   before the day, or an annual report counts as published by then
//!   ([`report_counts_from`]).
//! - **Stage 7, meeting the OPCAT criteria**: the latest assessment of an
//!   independent viewpoint (the SPT or civil society, never the state or the
//!   NPM judging itself) rates every criterion `meets`, and no viewpoint's
//!   latest judgement of any criterion is `does_not_meet`. A dissent of the
//!   state or the NPM that stops short of `does_not_meet` (`partly`) is shown
//!   as a disagreement but does not hold the stage back.
//!
//! Only the records given count: the caller passes those the reader may
//! see (the public portal passes public records only).

use chrono::NaiveDate;

use super::{AssessmentFacts, Criterion, ProfileId, Rating, compare};
use crate::event::{EventKind, TreatyEvent};
use crate::{Iso3, TreatyId};

/// The `source` of the events derived from NPM profiles.
pub const PROFILE_SOURCE: &str = "npm_profile";
/// The `source` of the events derived from assessments.
pub const ASSESSMENT_SOURCE: &str = "npm_assessment";

/// What of a profile the stage rules read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileFacts {
    pub id: ProfileId,
    pub operation_start: Option<NaiveDate>,
    /// Each annual report's year and publication day, if known.
    pub reports: Vec<(i32, Option<NaiveDate>)>,
}

/// The day an annual report counts as published: its publication day when
/// known, otherwise the last day of the year after the one it covers (by
/// then a yearly report is out; counting it earlier would guess).
pub fn report_counts_from(year: i32, published: Option<NaiveDate>) -> Option<NaiveDate> {
    published.or_else(|| NaiveDate::from_ymd_opt(year.checked_add(1)?, 12, 31))
}

/// The first day on or before `as_of` the NPM is known to operate, from any
/// of the profiles.
pub fn operating_since(profiles: &[ProfileFacts], as_of: NaiveDate) -> Option<NaiveDate> {
    profiles
        .iter()
        .flat_map(|profile| {
            let reports = profile
                .reports
                .iter()
                .filter_map(|(year, published)| report_counts_from(*year, *published));
            profile.operation_start.into_iter().chain(reports)
        })
        .filter(|day| *day <= as_of)
        .min()
}

/// The day from which the assessments known on `as_of` show the NPM
/// meeting the criteria (the date of the latest of them), or `None` when
/// they do not (see the module's rule).
pub fn meets_criteria_since(
    assessments: &[AssessmentFacts],
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    let known: Vec<&AssessmentFacts> = assessments.iter().filter(|a| a.date <= as_of).collect();
    let independent_says_meets = known
        .iter()
        .map(|a| a.viewpoint)
        .filter(|viewpoint| viewpoint.is_independent())
        .any(|viewpoint| {
            known
                .iter()
                .filter(|a| a.viewpoint == viewpoint)
                .max_by_key(|a| (a.date, a.id))
                .is_some_and(|latest| {
                    Criterion::ALL
                        .iter()
                        .all(|c| latest.rating(*c) == Rating::Meets)
                })
        });
    if !independent_says_meets {
        return None;
    }
    let comparison = compare(assessments, as_of);
    let someone_says_not = comparison
        .rows
        .iter()
        .flat_map(|row| row.cells.iter().flatten())
        .any(|cell| cell.rating == Rating::DoesNotMeet);
    if someone_says_not {
        return None;
    }
    known.iter().map(|a| a.date).max()
}

/// The treaty events stages 6 and 7 of `state` come from, as of `as_of`:
/// at most one [`EventKind::NpmOperation`] and one
/// [`EventKind::NpmMeetsCriteria`], to add to the state's OPCAT events.
pub fn npm_events(
    state: Iso3,
    profiles: &[ProfileFacts],
    assessments: &[AssessmentFacts],
    as_of: NaiveDate,
) -> Vec<TreatyEvent> {
    let event = |kind, date: NaiveDate, source: &str, note: String| TreatyEvent {
        state,
        treaty: TreatyId::opcat(),
        kind,
        date,
        source: source.to_owned(),
        note: Some(note),
    };
    let mut events = Vec::new();
    if let Some(since) = operating_since(profiles, as_of) {
        events.push(event(
            EventKind::NpmOperation,
            since,
            PROFILE_SOURCE,
            "From the NPM profile: its start of operation or a published annual report".to_owned(),
        ));
    }
    if let Some(since) = meets_criteria_since(assessments, as_of) {
        events.push(event(
            EventKind::NpmMeetsCriteria,
            since,
            ASSESSMENT_SOURCE,
            "From the assessments: an independent viewpoint finds every criterion met, and none finds one unmet".to_owned(),
        ));
    }
    events
}
