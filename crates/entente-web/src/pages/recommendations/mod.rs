//! Recommendations in the workspace: the list with its filters
//! (`/recommendations`), one recommendation with its follow-up timeline,
//! the actions that push it and the related ones (`/recommendations/{id}`),
//! and the forms that create, change and delete them, record a follow-up
//! event and link an action or a related recommendation.
//!
//! The store decides what the reader sees (a hidden recommendation answers
//! exactly as a missing one) and what they may change; these pages
//! translate.

pub mod form;
pub mod links;
pub mod list;
pub mod show;
pub mod state;

use std::collections::BTreeMap;

use entente_core::plan::FieldError;
use entente_core::recommendation::{Body, FollowUpKind, FollowUpStatus, RecommendationId, Theme};

use crate::error::AppError;
use crate::locale::Locale;

/// Page size of the list.
pub const PAGE_SIZE: u32 = 50;

/// The recommendation's number from the address; anything else is a
/// missing page.
pub fn recommendation_id(raw: &str) -> Result<RecommendationId, AppError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .map(RecommendationId)
        .ok_or_else(|| missing(raw))
}

/// The answer for a recommendation that does not exist or that the reader
/// may not see: the same in both cases.
pub fn missing(raw: &str) -> AppError {
    AppError::NotFound(format!("recommendation {raw:?}"))
}

fn key(prefix: &str, code: &str) -> String {
    format!("{prefix}-{}", code.replace('_', "-"))
}

pub fn body_label(body: Body, locale: Locale) -> String {
    locale.t(&key("rec-body", body.code()))
}

pub fn status_label(status: FollowUpStatus, locale: Locale) -> String {
    locale.t(&key("rec-status", status.code()))
}

pub fn kind_label(kind: FollowUpKind, locale: Locale) -> String {
    locale.t(&key("rec-kind", kind.code()))
}

pub fn theme_label(theme: Theme, locale: Locale) -> String {
    locale.t(&key("rec-theme", theme.code()))
}

/// The values and labels of a vocabulary, for a select or checkboxes.
pub fn offers<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: impl Fn(T) -> String,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (code(*v).to_owned(), label(*v)))
        .collect()
}

/// One problem as a page shows it.
pub struct Problem {
    pub field: &'static str,
    pub label: String,
    pub message: String,
}

/// The problems of a refused form, translated, in the order given: a
/// summary at the top and each message beside its field.
#[derive(Default)]
pub struct Problems {
    pub list: Vec<Problem>,
    by_field: BTreeMap<&'static str, Vec<String>>,
}

impl Problems {
    pub fn new(errors: &[FieldError], locale: Locale) -> Problems {
        Problems::worded(errors, locale, "rec")
    }

    /// As [`Problems::new`], with the labels and messages of the feature
    /// whose keys start with `prefix` (`{prefix}-field-{field}`,
    /// `{prefix}-error-{code}`).
    pub fn worded(errors: &[FieldError], locale: Locale, prefix: &str) -> Problems {
        let mut problems = Problems::default();
        for error in errors {
            let message = message(error, locale, prefix);
            let messages = problems.by_field.entry(error.field).or_default();
            if messages.contains(&message) {
                continue;
            }
            messages.push(message.clone());
            let label_key = format!("{prefix}-field-{}", error.field);
            let label = locale.t(&label_key);
            problems.list.push(Problem {
                field: error.field,
                label: if label == label_key {
                    error.field.to_owned()
                } else {
                    label
                },
                message,
            });
        }
        problems
    }

    /// The messages about `field`, joined, when there are any.
    pub fn of(&self, field: &str) -> Option<String> {
        self.by_field.get(field).map(|m| m.join(" "))
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn count(&self) -> usize {
        self.list.len()
    }
}

/// The translated message of a problem: the field's own wording of the
/// code, else the code's, else the store's English.
fn message(error: &FieldError, locale: Locale, prefix: &str) -> String {
    let code = error.code.replace('_', "-");
    for key in [
        format!("{prefix}-error-{}-{code}", error.field),
        format!("{prefix}-error-{code}"),
    ] {
        let text = locale.t(&key);
        if text != key {
            return text;
        }
    }
    error.message.clone()
}
