//! The problems of a refused action form, translated for the reader: a
//! summary in the order of the fields, and the messages beside each field.

use std::collections::BTreeMap;

use entente_core::plan::FieldError;

use crate::locale::Locale;

/// One problem as the page shows it.
pub struct Problem {
    pub field: &'static str,
    /// The field's label.
    pub label: String,
    pub message: String,
}

/// The problems of a refused form, translated, in the order of the fields.
#[derive(Default)]
pub struct Problems {
    pub list: Vec<Problem>,
    by_field: BTreeMap<&'static str, Vec<String>>,
}

impl Problems {
    pub fn new(errors: &[FieldError], locale: Locale) -> Problems {
        let mut problems = Problems::default();
        for error in errors {
            let message = message(error, locale);
            let messages = problems.by_field.entry(error.field).or_default();
            if messages.contains(&message) {
                continue;
            }
            messages.push(message.clone());
            problems.list.push(Problem {
                field: error.field,
                label: label_of(error.field, locale),
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

/// A field's label; its name when it has none (a field a newer store names).
fn label_of(field: &str, locale: Locale) -> String {
    let key = format!("action-field-{field}");
    let text = locale.t(&key);
    if text == key { field.to_owned() } else { text }
}

/// The translated message of a problem: the field's own wording of the
/// code when there is one, else the code's, else the store's English.
fn message(error: &FieldError, locale: Locale) -> String {
    let code = error.code.replace('_', "-");
    for key in [
        format!("action-error-{}-{code}", error.field),
        format!("action-error-{code}"),
    ] {
        let text = locale.t(&key);
        if text != key {
            return text;
        }
    }
    error.message.clone()
}
