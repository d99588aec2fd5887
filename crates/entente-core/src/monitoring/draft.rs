//! An NPM profile and an assessment as they are written (by a form, the
//! API or the demo), and the rules they must meet. Rules that need the
//! database (the state, the organisation, the alliances and the profile
//! exist and the writer may name them) are the store's; it answers with
//! the same [`FieldError`].

use std::collections::BTreeSet;
use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::{Criterion, NpmModel, Rating, Viewpoint};
use crate::Iso3;
use crate::access::{AllianceId, OrgId, RecordAccess, Visibility};
use crate::plan::{Budget, FieldError, check_web_address};

/// Longest name, role, title or assessor, in characters.
pub const NAME_MAX: usize = 300;
/// Longest legal basis, notes, evidence or source, in characters.
pub const TEXT_MAX: usize = 20_000;
/// The first year an annual report can be for: OPCAT was adopted in 2002.
pub const FIRST_REPORT_YEAR: i32 = 2002;

macro_rules! record_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize,
            serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

record_id!(
    /// An NPM profile's database identifier.
    ProfileId
);
record_id!(
    /// An assessment's database identifier.
    AssessmentId
);

/// One of the bodies designated as (part of) the NPM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NpmBody {
    pub name: String,
    /// What it does within the mechanism: "lead body", "places of police custody".
    pub role: String,
}

/// A published annual report of the NPM (Art. 23).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnualReport {
    /// The year the report covers.
    pub year: i32,
    pub url: String,
    pub title: String,
    /// When it was published, if known; see [`super::report_counts_from`].
    pub published: Option<NaiveDate>,
}

/// A state's NPM as one organisation records it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileDraft {
    pub state: Iso3,
    pub owner: OrgId,
    pub visibility: Visibility,
    pub shared_with: Vec<AllianceId>,
    /// One or more.
    pub bodies: Vec<NpmBody>,
    pub model: NpmModel,
    /// The law or decree that designates or establishes the NPM.
    pub legal_basis: String,
    pub law_date: Option<NaiveDate>,
    pub designation_date: Option<NaiveDate>,
    /// When the NPM started working as such (its first visits).
    pub operation_start: Option<NaiveDate>,
    pub website: Option<String>,
    /// Staff in full-time equivalents, when known.
    pub staff: Option<u32>,
    /// Yearly budget, when known.
    pub budget: Option<Budget>,
    pub notes: String,
    pub annual_reports: Vec<AnnualReport>,
}

/// One criterion's rating in an assessment, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionRating {
    pub criterion: Criterion,
    pub rating: Rating,
    pub evidence: String,
}

/// An assessment of a state's NPM against the OPCAT criteria, from one viewpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentDraft {
    pub state: Iso3,
    /// The profile assessed, when the assessment is about one.
    pub profile: Option<ProfileId>,
    pub viewpoint: Viewpoint,
    /// Who assessed: an organisation's or a body's name.
    pub assessor: String,
    pub date: NaiveDate,
    /// The document the assessment comes from: a report, its address.
    pub source: String,
    pub owner: OrgId,
    pub visibility: Visibility,
    pub shared_with: Vec<AllianceId>,
    /// At most one per criterion; a criterion left out is `not_known`.
    pub ratings: Vec<CriterionRating>,
}

impl ProfileDraft {
    pub fn access(&self) -> RecordAccess {
        access(self.owner, self.visibility, &self.shared_with)
    }

    /// Every rule that needs nothing but the draft; all broken ones, in the
    /// order of the fields.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.bodies.is_empty() {
            errors.push(FieldError::new(
                "bodies",
                "required",
                "name at least one designated body",
            ));
        }
        for body in &self.bodies {
            check_text(&mut errors, "bodies", &body.name, NAME_MAX, true);
            check_text(&mut errors, "bodies", &body.role, NAME_MAX, false);
        }
        check_text(
            &mut errors,
            "legal_basis",
            &self.legal_basis,
            TEXT_MAX,
            false,
        );
        if let (Some(designation), Some(start)) = (self.designation_date, self.operation_start) {
            if start < designation {
                errors.push(FieldError::new(
                    "operation_start",
                    "start_before_designation",
                    format!(
                        "the start of operation ({start}) is before the designation ({designation})"
                    ),
                ));
            }
        }
        if let Some(website) = &self.website {
            if let Err(message) = check_web_address(website) {
                errors.push(FieldError::new("website", "not_a_web_address", message));
            }
        }
        check_text(&mut errors, "notes", &self.notes, TEXT_MAX, false);
        self.check_reports(&mut errors);
        check_access(&mut errors, &self.access());
        into_result(errors)
    }

    fn check_reports(&self, errors: &mut Vec<FieldError>) {
        let mut years = BTreeSet::new();
        for report in &self.annual_reports {
            let year = report.year;
            if !(FIRST_REPORT_YEAR..=9999).contains(&year) {
                errors.push(FieldError::new(
                    "annual_reports",
                    "year_out_of_range",
                    format!("{year}: an annual report covers a year from {FIRST_REPORT_YEAR}"),
                ));
            }
            if !years.insert(year) {
                errors.push(FieldError::new(
                    "annual_reports",
                    "duplicate",
                    format!("two annual reports for {year}"),
                ));
            }
            if let Err(message) = check_web_address(&report.url) {
                errors.push(FieldError::new(
                    "annual_reports",
                    "not_a_web_address",
                    message,
                ));
            }
            check_text(errors, "annual_reports", &report.title, NAME_MAX, false);
            if let Some(published) = report.published {
                if published.year() < year {
                    errors.push(FieldError::new(
                        "annual_reports",
                        "published_before_year",
                        format!("the report for {year} cannot be published on {published}"),
                    ));
                }
            }
        }
    }
}

impl AssessmentDraft {
    pub fn access(&self) -> RecordAccess {
        access(self.owner, self.visibility, &self.shared_with)
    }

    /// The rating of each criterion, in the order of [`Criterion::ALL`]:
    /// those left out are `not_known` with no evidence.
    pub fn full_ratings(&self) -> Vec<CriterionRating> {
        Criterion::ALL
            .iter()
            .map(|criterion| {
                self.ratings
                    .iter()
                    .find(|r| r.criterion == *criterion)
                    .cloned()
                    .unwrap_or(CriterionRating {
                        criterion: *criterion,
                        rating: Rating::NotKnown,
                        evidence: String::new(),
                    })
            })
            .collect()
    }

    /// Every rule that needs nothing but the draft. A judgement (anything
    /// but `not_known`) needs its evidence, and an assessment judges at
    /// least one criterion.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        check_text(&mut errors, "assessor", &self.assessor, NAME_MAX, true);
        check_text(&mut errors, "source", &self.source, TEXT_MAX, false);
        let mut seen = BTreeSet::new();
        for rating in &self.ratings {
            let criterion = rating.criterion;
            if !seen.insert(criterion) {
                errors.push(FieldError::new(
                    "ratings",
                    "duplicate",
                    format!("{criterion} is rated twice"),
                ));
            }
            if rating.rating.is_known() && rating.evidence.trim().is_empty() {
                errors.push(FieldError::new(
                    "ratings",
                    "evidence_required",
                    format!("{criterion} is rated {} without evidence", rating.rating),
                ));
            }
            check_text(&mut errors, "ratings", &rating.evidence, TEXT_MAX, false);
        }
        if !self.ratings.iter().any(|r| r.rating.is_known()) {
            errors.push(FieldError::new(
                "ratings",
                "nothing_rated",
                "rate at least one criterion",
            ));
        }
        check_access(&mut errors, &self.access());
        into_result(errors)
    }
}

fn access(owner: OrgId, visibility: Visibility, shared_with: &[AllianceId]) -> RecordAccess {
    RecordAccess {
        owner,
        visibility,
        shared_with: shared_with.to_vec(),
        personal: false,
    }
}

fn check_access(errors: &mut Vec<FieldError>, access: &RecordAccess) {
    if let Err(invalid) = access.validate() {
        errors.push(FieldError::new(
            "visibility",
            "invalid_visibility",
            invalid.to_string(),
        ));
    }
}

fn check_text(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    text: &str,
    max: usize,
    required: bool,
) {
    if required && text.trim().is_empty() {
        errors.push(FieldError::new(field, "required", "must not be blank"));
    } else if text.chars().count() > max {
        errors.push(FieldError::new(
            field,
            "too_long",
            format!("at most {max} characters"),
        ));
    }
}

fn into_result(errors: Vec<FieldError>) -> Result<(), Vec<FieldError>> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
