//! A recommendation and a follow-up event as they are written (by a form,
//! the API, an import or the demo), and the rules they must meet. Rules
//! that need the database (the state, the owner and the alliances exist)
//! are the store's; it answers with the same [`FieldError`].

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::{Body, FollowUpKind, FollowUpStatus, Theme};
use crate::Iso3;
use crate::access::{AllianceId, OrgId, RecordAccess, Visibility};
use crate::plan::{FieldError, check_web_address};

/// Longest symbol, title, paragraph, addressee or tag, in characters.
pub const TITLE_MAX: usize = 300;
/// Longest recommendation text, in characters.
pub const TEXT_MAX: usize = 20_000;
/// Longest follow-up note, in characters.
pub const NOTE_MAX: usize = 5_000;

/// A recommendation to create, or the whole of one's new content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecommendationDraft {
    pub state: Iso3,
    pub body: Body,
    /// The source document's symbol or reference: `CAT/OP/MEX/R.1`.
    pub document_symbol: String,
    pub document_title: String,
    pub document_url: Option<String>,
    pub document_date: Option<NaiveDate>,
    /// The institution it is addressed to: a ministry, the NPM.
    pub addressed_to: String,
    /// Its paragraph in the source document: `57 (b)`.
    pub paragraph: String,
    pub text: String,
    pub themes: Vec<Theme>,
    /// Free tags: lower-case words of the coalition's own.
    pub tags: Vec<String>,
    /// The organisation that records and maintains it.
    pub owner: OrgId,
    /// SPT reports are confidential unless the state publishes them, so
    /// forms start from private.
    pub visibility: Visibility,
    pub shared_with: Vec<AllianceId>,
    /// Written by `entente demo`, and shown as demo data.
    pub demo: bool,
}

/// A dated follow-up event: who said where the recommendation stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpDraft {
    pub date: NaiveDate,
    pub kind: FollowUpKind,
    pub status: FollowUpStatus,
    pub note: String,
}

impl RecommendationDraft {
    /// The recommendation under the access rules.
    pub fn access(&self) -> RecordAccess {
        RecordAccess {
            owner: self.owner,
            visibility: self.visibility,
            shared_with: self.shared_with.clone(),
            personal: false,
        }
    }

    /// Every rule that needs nothing but the draft; all broken ones, in the
    /// order of the fields.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        check_text(
            &mut errors,
            "document_symbol",
            &self.document_symbol,
            TITLE_MAX,
            false,
        );
        check_text(
            &mut errors,
            "document_title",
            &self.document_title,
            TITLE_MAX,
            false,
        );
        if self.document_symbol.trim().is_empty() && self.document_title.trim().is_empty() {
            errors.push(FieldError::new(
                "document_symbol",
                "required",
                "give the source document's symbol or its title",
            ));
        }
        if let Some(url) = &self.document_url {
            if let Err(message) = check_web_address(url) {
                errors.push(FieldError::new(
                    "document_url",
                    "not_a_web_address",
                    message,
                ));
            }
        }
        check_text(
            &mut errors,
            "addressed_to",
            &self.addressed_to,
            TITLE_MAX,
            false,
        );
        check_text(&mut errors, "paragraph", &self.paragraph, TITLE_MAX, false);
        check_text(&mut errors, "text", &self.text, TEXT_MAX, true);
        let mut seen = BTreeSet::new();
        for tag in &self.tags {
            if tag.trim().is_empty() || tag.chars().count() > 60 || tag.contains(',') {
                errors.push(FieldError::new(
                    "tags",
                    "invalid_tag",
                    format!("{tag:?}: a tag is 1 to 60 characters without a comma"),
                ));
            } else if !seen.insert(tag.trim().to_lowercase()) {
                errors.push(FieldError::new(
                    "tags",
                    "duplicate",
                    format!("{tag:?} is named twice"),
                ));
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
}

impl FollowUpDraft {
    /// The event is not dated after `today` and its note is not too long.
    pub fn validate(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.date > today {
            errors.push(FieldError::new(
                "date",
                "in_future",
                format!("{} is after today ({today})", self.date),
            ));
        }
        check_text(&mut errors, "note", &self.note, NOTE_MAX, false);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// Tags as people type them: separated by commas, trimmed, lower-cased,
/// blanks dropped.
pub fn split_tags(text: &str) -> Vec<String> {
    text.split(',')
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
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
