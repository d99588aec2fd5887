//! SPT visits as coalition members record them (an organisation owns each
//! record; visibility as for actions), and the follow-up they create: the
//! state is expected to reply to the SPT's report within six months of
//! receiving it (OPCAT Art. 16 and the SPT's practice).

use std::fmt;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::ReportPublished;
use crate::Iso3;
use crate::access::{AllianceId, OrgId, RecordAccess, Visibility};
use crate::codes::coded_enum;
use crate::plan::{FieldError, check_web_address};

/// Longest notes, in characters.
pub const NOTES_MAX: usize = 20_000;

/// A recorded SPT visit's database identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SptVisitId(pub i64);

impl fmt::Display for SptVisitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

coded_enum!(
    /// The kinds of SPT visit.
    SptVisitType, "kind of SPT visit" {
        /// A regular (periodic) country visit.
        Regular => "regular",
        /// A follow-up visit on earlier recommendations.
        FollowUp => "follow_up",
        /// An advisory visit on the national preventive mechanism.
        NpmAdvisory => "npm_advisory",
        Other => "other",
    }
);

/// A visit record to create, or the whole of a record's new content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SptVisitDraft {
    pub state: Iso3,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub visit_type: SptVisitType,
    /// The day the SPT sent its report to the state: the follow-up clock starts.
    pub report_sent_on: Option<NaiveDate>,
    pub report_published: ReportPublished,
    pub report_published_on: Option<NaiveDate>,
    pub report_url: Option<String>,
    /// The day the state's reply reached the SPT.
    pub reply_received_on: Option<NaiveDate>,
    pub notes: String,
    pub owner: OrgId,
    pub visibility: Visibility,
    pub shared_with: Vec<AllianceId>,
}

impl SptVisitDraft {
    pub fn access(&self) -> RecordAccess {
        RecordAccess {
            owner: self.owner,
            visibility: self.visibility,
            shared_with: self.shared_with.clone(),
            personal: false,
        }
    }

    /// Every rule that needs nothing but the draft, all broken ones in the order of the fields.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if let (Some(start), Some(end)) = (self.start, self.end) {
            if end < start {
                errors.push(FieldError::new(
                    "end",
                    "end_before_start",
                    format!("the visit ends ({end}) before it starts ({start})"),
                ));
            }
        }
        let began = self.start.or(self.end);
        if let (Some(sent), Some(began)) = (self.report_sent_on, began) {
            if sent < began {
                errors.push(FieldError::new(
                    "report_sent_on",
                    "before_visit",
                    format!("the report was sent ({sent}) before the visit ({began})"),
                ));
            }
        }
        match self.report_published {
            ReportPublished::Yes => {}
            ReportPublished::No | ReportPublished::Unknown => {
                if self.report_published_on.is_some() || self.report_url.is_some() {
                    errors.push(FieldError::new(
                        "report_published",
                        "not_published",
                        "a publication date or address is given for a report not marked as published",
                    ));
                }
            }
        }
        if let Some(url) = &self.report_url {
            if let Err(message) = check_web_address(url) {
                errors.push(FieldError::new("report_url", "not_a_web_address", message));
            }
        }
        match (self.reply_received_on, self.report_sent_on) {
            (Some(_), None) => errors.push(FieldError::new(
                "reply_received_on",
                "no_report",
                "a reply is recorded but not the day the report was sent",
            )),
            (Some(reply), Some(sent)) if reply < sent => errors.push(FieldError::new(
                "reply_received_on",
                "before_report",
                format!("the reply ({reply}) is dated before the report was sent ({sent})"),
            )),
            _ => {}
        }
        if self.notes.chars().count() > NOTES_MAX {
            errors.push(FieldError::new(
                "notes",
                "too_long",
                format!("notes of at most {NOTES_MAX} characters"),
            ));
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
}

/// The day the state's reply is due: six months after the report was sent,
/// on the same day of the month or, when that month is shorter, its last day
/// (sent 31 August, due 28 or 29 February).
pub fn follow_up_deadline(report_sent_on: NaiveDate) -> NaiveDate {
    report_sent_on
        .checked_add_months(Months::new(6))
        .unwrap_or(NaiveDate::MAX)
}

/// Where a visit's follow-up stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FollowUp {
    /// No report sent yet (or not recorded): no clock runs.
    NoReport,
    /// Report sent, reply not yet due.
    Awaiting { due: NaiveDate },
    /// The due day has passed with no reply.
    Overdue { due: NaiveDate, days_late: i64 },
    /// The reply came on `on`; `late` when after the due day.
    Replied {
        due: NaiveDate,
        on: NaiveDate,
        late: bool,
    },
}

impl FollowUp {
    pub fn due(&self) -> Option<NaiveDate> {
        match self {
            FollowUp::NoReport => None,
            FollowUp::Awaiting { due }
            | FollowUp::Overdue { due, .. }
            | FollowUp::Replied { due, .. } => Some(*due),
        }
    }

    pub fn is_overdue(&self) -> bool {
        matches!(self, FollowUp::Overdue { .. })
    }

    /// A stable code: no_report, awaiting, overdue, replied, replied_late.
    pub fn code(&self) -> &'static str {
        match self {
            FollowUp::NoReport => "no_report",
            FollowUp::Awaiting { .. } => "awaiting",
            FollowUp::Overdue { .. } => "overdue",
            FollowUp::Replied { late: false, .. } => "replied",
            FollowUp::Replied { late: true, .. } => "replied_late",
        }
    }
}

/// The follow-up of a visit whose report was sent on `report_sent_on` and
/// answered on `reply_received_on`, as it stood on `as_of`. A reply dated
/// after `as_of` had not yet come then. The due day itself is not late:
/// the reply is overdue from the day after.
pub fn follow_up(
    report_sent_on: Option<NaiveDate>,
    reply_received_on: Option<NaiveDate>,
    as_of: NaiveDate,
) -> FollowUp {
    let Some(sent) = report_sent_on.filter(|sent| *sent <= as_of) else {
        return FollowUp::NoReport;
    };
    let due = follow_up_deadline(sent);
    match reply_received_on.filter(|on| *on <= as_of) {
        Some(on) => FollowUp::Replied {
            due,
            on,
            late: on > due,
        },
        None if as_of > due => FollowUp::Overdue {
            due,
            days_late: (as_of - due).num_days(),
        },
        None => FollowUp::Awaiting { due },
    }
}
