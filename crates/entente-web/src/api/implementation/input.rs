//! What a client sends for an SPT visit record, checked field by field.

use chrono::NaiveDate;
use entente_core::Iso3;
use entente_core::access::{AllianceId, Visibility};
use entente_core::implementation::{ReportPublished, SptVisitDraft, SptVisitType};
use entente_core::plan::FieldError;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::api::actions::view::Names;
use crate::pages::actions::parse_day;

/// An SPT visit record's whole content. Dates are YYYY-MM-DD (DD/MM/YYYY is read too).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct SptVisitInput {
    /// ISO 3166-1 alpha-3.
    #[schema(example = "MEX")]
    pub state: String,
    /// The owner organisation's short name.
    #[schema(example = "apt")]
    pub owner: String,
    /// `private`, `alliance` or `public` (private when absent).
    #[serde(default)]
    pub visibility: String,
    /// Alliance numbers, for `alliance` visibility.
    #[serde(default)]
    pub shared_with: Vec<i64>,
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    /// `regular`, `follow_up`, `npm_advisory` or `other`.
    #[schema(example = "regular")]
    pub visit_type: String,
    /// The day the SPT sent its report to the state.
    #[serde(default)]
    pub report_sent_on: Option<String>,
    /// `yes`, `no` or `unknown` (unknown when absent).
    #[serde(default)]
    pub report_published: String,
    #[serde(default)]
    pub report_published_on: Option<String>,
    #[serde(default)]
    pub report_url: Option<String>,
    /// The day the state's reply reached the SPT.
    #[serde(default)]
    pub reply_received_on: Option<String>,
    #[serde(default)]
    pub notes: String,
}

fn push(errors: &mut Vec<FieldError>, field: &'static str, code: &'static str, message: String) {
    errors.push(FieldError::new(field, code, message));
}

fn day(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    text: &Option<String>,
) -> Option<NaiveDate> {
    let text = text.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
    let day = parse_day(text);
    if day.is_none() {
        push(
            errors,
            field,
            "not_a_date",
            format!("{text:?} is not a date (write YYYY-MM-DD or DD/MM/YYYY)"),
        );
    }
    day
}

fn code<T: std::str::FromStr<Err = entente_core::ParseCodeError>>(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    text: &str,
    default: Option<T>,
) -> Option<T> {
    match (text.trim(), default) {
        ("", Some(value)) => Some(value),
        (text, _) => match text.parse() {
            Ok(value) => Some(value),
            Err(e) if text.is_empty() => {
                push(
                    errors,
                    field,
                    "required",
                    format!("choose one of: {}", e.expected),
                );
                None
            }
            Err(e) => {
                push(errors, field, "unknown_code", e.to_string());
                None
            }
        },
    }
}

impl SptVisitInput {
    /// The draft, or every problem: those of reading the text, then the
    /// draft's own rules for the fields that could be read.
    pub fn to_draft(&self, names: &Names) -> Result<SptVisitDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let state: Option<Iso3> = self.state.trim().to_ascii_uppercase().parse().ok();
        if state.is_none() {
            push(
                &mut errors,
                "state",
                "unknown_state",
                format!("{:?} is not an ISO 3166-1 alpha-3 code", self.state),
            );
        }
        let owner = names.org_by_short_name(self.owner.trim());
        if owner.is_none() {
            push(
                &mut errors,
                "owner",
                "unknown_organisation",
                "no organisation you can see has this short name".to_owned(),
            );
        }
        let visibility = code(
            &mut errors,
            "visibility",
            &self.visibility,
            Some(Visibility::Private),
        );
        let visit_type = code::<SptVisitType>(&mut errors, "visit_type", &self.visit_type, None);
        let report_published = code(
            &mut errors,
            "report_published",
            &self.report_published,
            Some(ReportPublished::Unknown),
        );
        let start = day(&mut errors, "start", &self.start);
        let end = day(&mut errors, "end", &self.end);
        let report_sent_on = day(&mut errors, "report_sent_on", &self.report_sent_on);
        let report_published_on = day(
            &mut errors,
            "report_published_on",
            &self.report_published_on,
        );
        let reply_received_on = day(&mut errors, "reply_received_on", &self.reply_received_on);
        let unread: Vec<&'static str> = errors.iter().map(|e| e.field).collect();
        let (Some(state), Some(owner), Some(visibility), Some(visit_type), Some(report_published)) =
            (state, owner, visibility, visit_type, report_published)
        else {
            return Err(errors);
        };
        let draft = SptVisitDraft {
            state,
            start,
            end,
            visit_type,
            report_sent_on,
            report_published,
            report_published_on,
            report_url: self
                .report_url
                .as_deref()
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .map(str::to_owned),
            reply_received_on,
            notes: self.notes.clone(),
            owner,
            visibility,
            shared_with: self.shared_with.iter().map(|a| AllianceId(*a)).collect(),
        };
        if let Err(more) = draft.validate() {
            errors.extend(more.into_iter().filter(|e| !unread.contains(&e.field)));
        }
        if errors.is_empty() {
            Ok(draft)
        } else {
            Err(errors)
        }
    }
}
