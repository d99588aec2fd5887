//! An action as it is written (by a form, the API or an import), and the
//! rules it must meet. Rules that need the database (the states, kinds of
//! action, organisations and alliances it names exist) are the store's; it
//! answers with the same [`FieldError`].

use std::collections::BTreeSet;
use std::fmt;

use chrono::NaiveDate;

use super::{ActionStatus, Audience, Budget, Level, Phase};
use crate::access::{AllianceId, OrgId, RecordAccess, Visibility};
use crate::{EventKind, Iso3, TreatyId};

/// Longest title, in characters.
pub const TITLE_MAX: usize = 200;
/// Longest description or outcome, in characters.
pub const TEXT_MAX: usize = 20_000;

/// An action's database identifier.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct ActionId(pub i64);

impl fmt::Display for ActionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A link to a document about the action: a briefing, a letter, a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentLink {
    pub title: String,
    pub url: String,
}

/// The treaty event an action contributed to: a signature, a ratification,
/// an NPM designation. Named by what identifies it in the dataset, so it
/// survives reloads of the treaty data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeEvent {
    pub state: Iso3,
    pub treaty: TreatyId,
    pub kind: EventKind,
    pub date: NaiveDate,
}

/// An action to create, or the whole of an action's new content.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionDraft {
    pub title: String,
    pub description: String,
    /// A code of the instance's catalogue of kinds of action.
    pub action_type: String,
    pub phase: Phase,
    pub level: Level,
    /// One or more.
    pub states: Vec<Iso3>,
    /// One or more.
    pub audiences: Vec<Audience>,
    pub lead: OrgId,
    /// Other organisations taking part, never the lead.
    pub partners: Vec<OrgId>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// When it must be done by (a submission deadline, a session date).
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub budget: Option<Budget>,
    /// Staff time, in days; fractions allowed.
    pub staff_days: Option<f64>,
    pub expected_outcome: String,
    pub actual_outcome: String,
    pub outcome_event: Option<OutcomeEvent>,
    pub documents: Vec<DocumentLink>,
    pub visibility: Visibility,
    /// The alliances an `Alliance`-visible action is shared with.
    pub shared_with: Vec<AllianceId>,
}

/// One refused field: which, a stable code for programs and translations,
/// and a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name as the API and import files spell it: "end",
    /// "partners", "budget_currency".
    pub field: &'static str,
    /// Stable snake_case: "required", "end_before_start", "partner_is_lead".
    pub code: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, code: &'static str, message: impl Into<String>) -> Self {
        FieldError {
            field,
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl ActionDraft {
    /// The action under the access rules.
    pub fn access(&self) -> RecordAccess {
        RecordAccess {
            owner: self.lead,
            visibility: self.visibility,
            shared_with: self.shared_with.clone(),
            personal: false,
        }
    }

    /// Every rule that needs nothing but the draft; all broken ones, in
    /// the order of the fields, so a form can show each beside its field.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        check_text(&mut errors, "title", &self.title, TITLE_MAX, true);
        check_text(
            &mut errors,
            "description",
            &self.description,
            TEXT_MAX,
            false,
        );
        if self.action_type.trim().is_empty() {
            errors.push(FieldError::new(
                "action_type",
                "required",
                "choose a kind of action",
            ));
        }
        check_states(&mut errors, &self.states);
        if self.audiences.is_empty() {
            errors.push(FieldError::new(
                "audiences",
                "required",
                "name at least one target audience",
            ));
        }
        check_partners(&mut errors, self.lead, &self.partners);
        self.check_dates(&mut errors);
        if let Some(days) = self.staff_days {
            if !days.is_finite() || days < 0.0 {
                errors.push(FieldError::new(
                    "staff_days",
                    "negative",
                    format!("{days} staff days: give zero or more"),
                ));
            }
        }
        check_text(
            &mut errors,
            "expected_outcome",
            &self.expected_outcome,
            TEXT_MAX,
            false,
        );
        check_text(
            &mut errors,
            "actual_outcome",
            &self.actual_outcome,
            TEXT_MAX,
            false,
        );
        for document in &self.documents {
            if document.title.trim().is_empty() {
                errors.push(FieldError::new(
                    "documents",
                    "required",
                    "each document needs a title",
                ));
            }
            if let Err(message) = check_web_address(&document.url) {
                errors.push(FieldError::new("documents", "not_a_web_address", message));
            }
        }
        if let Err(invalid) = self.access().validate() {
            errors.push(FieldError::new(
                "visibility",
                "invalid_visibility",
                invalid.to_string(),
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn check_dates(&self, errors: &mut Vec<FieldError>) {
        if let (Some(start), Some(end)) = (self.start, self.end) {
            if end < start {
                errors.push(FieldError::new(
                    "end",
                    "end_before_start",
                    format!("the end ({end}) is before the start ({start})"),
                ));
            }
        }
        if self.status == ActionStatus::UnderWay && self.start.is_none() {
            errors.push(FieldError::new(
                "start",
                "required",
                "an action under way has a start date",
            ));
        }
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

fn check_states(errors: &mut Vec<FieldError>, states: &[Iso3]) {
    if states.is_empty() {
        errors.push(FieldError::new(
            "states",
            "required",
            "name at least one target state",
        ));
    }
    let mut seen = BTreeSet::new();
    for state in states {
        if !seen.insert(state) {
            errors.push(FieldError::new(
                "states",
                "duplicate",
                format!("{state} is named twice"),
            ));
        }
    }
}

fn check_partners(errors: &mut Vec<FieldError>, lead: OrgId, partners: &[OrgId]) {
    let mut seen = BTreeSet::new();
    for partner in partners {
        if *partner == lead {
            errors.push(FieldError::new(
                "partners",
                "partner_is_lead",
                "the lead organisation cannot also be a partner",
            ));
        } else if !seen.insert(partner) {
            errors.push(FieldError::new(
                "partners",
                "duplicate",
                "a partner is named twice",
            ));
        }
    }
}

/// Refuses an address that is not http(s): a `javascript:` link would run
/// in the reader's browser.
pub fn check_web_address(url: &str) -> Result<(), String> {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !url.trim().contains(char::is_whitespace) => Ok(()),
        _ => Err(format!("{url:?}: give an http:// or https:// address")),
    }
}
