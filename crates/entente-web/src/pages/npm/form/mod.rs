//! The forms that record a state's NPM: a profile
//! (`/states/{iso3}/npm/profiles/new`, `/npm-profiles/{id}/edit`) and an
//! assessment (`/states/{iso3}/npm/assessments/new`,
//! `/npm-assessments/{id}/edit`), and their deletion. They read through the
//! API's inputs ([`crate::api::npm::input`]), so a bad value gets the same
//! answer from both; a refused form comes back with every value kept, a
//! summary of the problems linked to the fields, and each message beside
//! its field. Dates are shown and read day first in French and Spanish.

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use entente_core::Iso3;
use entente_core::access::{AccessScope, RecordAccess, can_write};
use entente_core::plan::FieldError;
use entente_store::StoreError;

use super::label;

mod assessment;
mod profile;
mod record;
use crate::api::actions::view::Names;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::chrome::PageRequest;
use crate::pages::orgs::checked_session;
use crate::state::AppState;
use crate::views::actions::Lookups;
pub use assessment::Assessment;
pub use profile::Profile;
pub use record::{NpmRecord, create, delete, show_delete, show_edit, show_new, update};

/// Blank rows offered under the filled ones.
const SPARE_ROWS: usize = 2;

pub type Offer = (String, String);

/// One problem as the page shows it.
pub struct Problem {
    pub field: &'static str,
    pub label: String,
    pub message: String,
}

/// The problems of a refused form, in the order found, translated.
#[derive(Default)]
pub struct Problems {
    pub list: Vec<Problem>,
}

impl Problems {
    fn new(errors: &[FieldError], locale: Locale) -> Problems {
        let mut list: Vec<Problem> = Vec::new();
        for error in errors {
            let message = message(error, locale);
            if list
                .iter()
                .any(|p| p.field == error.field && p.message == message)
            {
                continue;
            }
            let key = format!("npm-field-{}", error.field);
            let text = locale.t(&key);
            list.push(Problem {
                field: error.field,
                label: if text == key {
                    error.field.to_owned()
                } else {
                    text
                },
                message,
            });
        }
        Problems { list }
    }

    pub fn of(&self, field: &str) -> Option<String> {
        let found: Vec<&str> = self
            .list
            .iter()
            .filter(|p| p.field == field)
            .map(|p| p.message.as_str())
            .collect();
        (!found.is_empty()).then(|| found.join(" "))
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn count(&self) -> usize {
        self.list.len()
    }
}

/// The field's own wording of the code, else the code's, else the store's English.
fn message(error: &FieldError, locale: Locale) -> String {
    let code = error.code.replace('_', "-");
    for key in [
        format!("npm-error-{}-{code}", error.field),
        format!("npm-error-{code}"),
        format!("action-error-{code}"),
    ] {
        let text = locale.t(&key);
        if text != key {
            return text;
        }
    }
    error.message.clone()
}

/// A day as the form shows it: day first in French and Spanish.
fn day_text(locale: Locale, day: Option<NaiveDate>) -> Option<String> {
    day.map(|d| match locale {
        Locale::En => d.format("%Y-%m-%d").to_string(),
        Locale::Fr | Locale::Es => d.format("%d/%m/%Y").to_string(),
    })
}

fn coded(locale: Locale, prefix: &str, codes: impl Iterator<Item = &'static str>) -> Vec<Offer> {
    codes
        .map(|c| (c.to_owned(), label(locale, prefix, c)))
        .collect()
}

/// What the forms need of the directory, for a signed-in writer.
pub struct Writer {
    lookups: Lookups,
    names: Names,
}

impl Writer {
    fn owners(&self, scope: &AccessScope) -> Vec<Offer> {
        self.lookups
            .orgs
            .iter()
            .filter(|o| can_write(scope, &RecordAccess::private(o.id)))
            .map(|o| (o.short_name.clone(), o.name.clone()))
            .collect()
    }

    fn alliances(&self, scope: &AccessScope) -> Vec<Offer> {
        self.lookups
            .alliances
            .iter()
            .filter(|a| {
                a.members
                    .iter()
                    .any(|o| can_write(scope, &RecordAccess::private(*o)))
            })
            .map(|a| (a.id.0.to_string(), a.name.clone()))
            .collect()
    }

    fn short_name(&self, org: entente_core::access::OrgId) -> String {
        self.names.orgs.get(&org).cloned().unwrap_or_default()
    }
}

async fn writer(app: &AppState, viewer: &Viewer) -> Result<Writer, AppError> {
    if viewer.session().is_none() {
        return Err(AppError::Unauthenticated);
    }
    let scope = viewer.scope.clone();
    let writer = app
        .read(move |store| {
            Ok::<_, StoreError>(Writer {
                lookups: Lookups::load(store, &scope)?,
                names: Names::load(store, &scope)?,
            })
        })
        .await?;
    if writer.owners(&viewer.scope).is_empty() {
        return Err(AppError::Forbidden(
            "recording an NPM needs an editor or admin role in an organisation".to_owned(),
        ));
    }
    Ok(writer)
}

fn pairs_of(
    viewer: &Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Vec<(String, String)>, AppError> {
    let Ok(Form(pairs)) = body else {
        return Err(AppError::CsrfRejected);
    };
    let csrf = pairs
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    checked_session(viewer, &csrf)?;
    Ok(pairs)
}

/// What the store refused, field by field; an owner the user may not
/// write for is the owner field's problem.
fn refused_fields(error: StoreError) -> Result<Vec<FieldError>, AppError> {
    match error {
        StoreError::Fields { errors } => Ok(errors),
        StoreError::NotFound { .. } | StoreError::Forbidden { .. } => Ok(vec![FieldError::new(
            "owner",
            "not_editor",
            "choose an organisation you edit for",
        )]),
        other => Err(AppError::internal(other)),
    }
}

fn to_npm(request: &PageRequest, iso3: Iso3) -> Response {
    let lang = request.locale.code();
    Redirect::to(&format!("/states/{iso3}/npm?lang={lang}")).into_response()
}

/// A form's head: where it posts, its state and its links.
pub struct FormHead {
    pub heading: String,
    pub target: String,
    pub cancel_href: String,
    pub csrf: String,
    pub submit: String,
    pub problems: Problems,
    pub owners: Vec<Offer>,
    pub visibilities: Vec<Offer>,
    /// Each alliance offered: its number, name and whether it is ticked.
    pub alliances: Vec<(String, String, bool)>,
    pub date_hint: String,
}

fn record_id(raw: &str) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|id| *id > 0)
}
