//! One row of an import file, or of an export, read into domain types.

use chrono::NaiveDate;
use entente_core::access::{AllianceId, OrgId, OrgKind, Visibility};
use entente_core::plan::{
    ActionDraft, ActionStatus, Audience, Budget, DocumentLink, Level, OutcomeEvent, Phase, Sector,
};
use entente_core::recommendation::{Body, FollowUpStatus, Theme};
use entente_core::{Iso3, RegionalGroup};

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    Actions,
    Organisations,
    Contacts,
    Recommendations,
}

impl RecordKind {
    /// Every kind, in the order the command line lists them.
    pub const ALL: [RecordKind; 4] = [
        RecordKind::Actions,
        RecordKind::Organisations,
        RecordKind::Contacts,
        RecordKind::Recommendations,
    ];

    /// The code used on the command line and in remembered mappings.
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Actions => "actions",
            RecordKind::Organisations => "organisations",
            RecordKind::Contacts => "contacts",
            RecordKind::Recommendations => "recommendations",
        }
    }
}

/// A campaign action as a file row holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRecord {
    /// The row's line in the file (1 is the header), for error messages.
    pub line: usize,
    pub title: String,
    pub description: String,
    /// A code of the instance's catalogue; the store checks it exists.
    pub action_type: String,
    pub phase: Phase,
    pub level: Level,
    pub states: Vec<Iso3>,
    pub audiences: Vec<Audience>,
    /// The lead organisation's short name; `None`: the importing one.
    pub lead: Option<String>,
    /// Partner organisations' short names.
    pub partners: Vec<String>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub budget: Option<Budget>,
    pub staff_days: Option<f64>,
    pub expected_outcome: String,
    pub actual_outcome: String,
    pub outcome_event: Option<OutcomeEvent>,
    pub documents: Vec<DocumentLink>,
    pub visibility: Visibility,
    /// Names of the alliances an alliance-visible action is shared with.
    pub shared_with: Vec<String>,
    /// Whether it emits an anonymous signal; `None` (an empty cell): as
    /// the lead's default says.
    pub signal: Option<bool>,
}

impl ActionRecord {
    /// The action the record describes, once its organisations and
    /// alliances, named in the file, are known by id.
    pub fn to_draft(
        &self,
        lead: OrgId,
        partners: Vec<OrgId>,
        shared_with: Vec<AllianceId>,
    ) -> ActionDraft {
        ActionDraft {
            title: self.title.clone(),
            description: self.description.clone(),
            action_type: self.action_type.clone(),
            phase: self.phase,
            level: self.level,
            states: self.states.clone(),
            audiences: self.audiences.clone(),
            lead,
            partners,
            start: self.start,
            end: self.end,
            due: self.due,
            status: self.status,
            budget: self.budget,
            staff_days: self.staff_days,
            expected_outcome: self.expected_outcome.clone(),
            actual_outcome: self.actual_outcome.clone(),
            outcome_event: self.outcome_event.clone(),
            documents: self.documents.clone(),
            visibility: self.visibility,
            shared_with,
        }
    }
}

/// An organisation's directory entry as a file row holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationRecord {
    pub line: usize,
    pub short_name: String,
    pub name: String,
    pub kind: OrgKind,
    pub level: Level,
    pub sectors: Vec<Sector>,
    pub states: Vec<Iso3>,
    pub regions: Vec<RegionalGroup>,
    pub website: Option<String>,
    pub description: Option<String>,
    pub visibility: Visibility,
}

/// A person at the importing organisation: personal data, never public.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRecord {
    pub line: usize,
    pub name: String,
    pub role: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Language codes: "en", "fr", "es", ...
    pub languages: Vec<String>,
    /// Agreed to be contacted by other organisations.
    pub consent: bool,
    pub notes: String,
    /// `Private` or `Alliance`, never `Public`.
    pub visibility: Visibility,
    /// Names of the alliances it is shared with.
    pub shared_with: Vec<String>,
}

/// A recommendation of a monitoring body as a file row holds it; the
/// importing organisation owns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecommendationRecord {
    pub line: usize,
    pub state: Iso3,
    pub body: Body,
    pub document_symbol: String,
    pub document_title: String,
    pub document_url: Option<String>,
    pub document_date: Option<NaiveDate>,
    pub addressed_to: String,
    pub paragraph: String,
    pub text: String,
    pub themes: Vec<Theme>,
    /// Free tags, lower case.
    pub tags: Vec<String>,
    /// Where it stands as the file says; anything but `not_started`
    /// becomes its first follow-up event.
    pub status: FollowUpStatus,
    pub visibility: Visibility,
    /// Names of the alliances an alliance-visible one is shared with.
    pub shared_with: Vec<String>,
}

/// One refused value of one row: where (line, field), what (the value as
/// written) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    /// The field's name (`start`, `states`), or the file's header for
    /// values that did not reach a field.
    pub field: String,
    pub value: String,
    pub reason: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.value.is_empty() {
            write!(f, "row {}, {}: {}", self.line, self.field, self.reason)
        } else {
            write!(
                f,
                "row {}, {} ({:?}): {}",
                self.line, self.field, self.value, self.reason
            )
        }
    }
}
