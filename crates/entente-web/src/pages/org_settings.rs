//! Changing an organisation's settings from its page: `POST /orgs/{short}`,
//! for its admins and the site admin.
//!
//! Who may is decided before what was typed is looked at, so a reader who
//! may not change the entry learns nothing from the form's messages, and a
//! hidden entry answers exactly as a missing one.

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use entente_core::access::{OrgKind, Visibility, can_administer};
use entente_store::{Organisation, OrganisationChanges, StoreError, check_website};
use serde::Deserialize;

use super::chrome::PageRequest;
use super::orgs::{Notes, checked_session, org_page};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::state::AppState;

/// What the settings form holds: the stored entry on the page, what was
/// typed when it comes back refused.
#[derive(Debug, Default, Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub visibility: String,
}

impl SettingsForm {
    /// The form filled in with `org`'s stored settings.
    pub fn of(org: &Organisation) -> Self {
        SettingsForm {
            csrf: String::new(),
            name: org.name.clone(),
            kind: org.kind.code().to_owned(),
            website: org.website.clone().unwrap_or_default(),
            description: org.description.clone().unwrap_or_default(),
            visibility: org.visibility.code().to_owned(),
        }
    }
}

/// Why the settings form was refused, field by field.
#[derive(Debug, Default)]
pub struct SettingsProblems {
    pub name: Option<String>,
    pub kind: Option<String>,
    pub website: Option<String>,
    pub visibility: Option<String>,
}

impl SettingsProblems {
    fn any(&self) -> bool {
        self.name.is_some()
            || self.kind.is_some()
            || self.website.is_some()
            || self.visibility.is_some()
    }
}

/// The form held and why it was refused, to show on the page again.
#[derive(Debug, Default)]
pub struct SettingsDraft {
    pub form: SettingsForm,
    pub problems: SettingsProblems,
}

/// An optional text field: blank means none.
fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The changes the form asks for, or the problems of each field.
fn changes(locale: Locale, form: &SettingsForm) -> Result<OrganisationChanges, SettingsProblems> {
    let kind = form.kind.parse::<OrgKind>();
    let visibility = form.visibility.parse::<Visibility>();
    let website = optional(&form.website);
    let problems = SettingsProblems {
        name: form
            .name
            .trim()
            .is_empty()
            .then(|| locale.t("org-name-blank")),
        kind: kind.is_err().then(|| locale.t("org-kind-invalid")),
        website: website
            .as_deref()
            .is_some_and(|w| check_website(w).is_err())
            .then(|| locale.t("org-website-invalid")),
        visibility: visibility
            .is_err()
            .then(|| locale.t("org-visibility-invalid")),
    };
    match (kind, visibility) {
        (Ok(kind), Ok(visibility)) if !problems.any() => Ok(OrganisationChanges {
            name: form.name.trim().to_owned(),
            kind,
            website,
            description: optional(&form.description),
            visibility,
            profile: entente_store::OrganisationProfile::default(),
        }),
        _ => Err(problems),
    }
}

/// `POST /orgs/{short}`: an admin changes the organisation's settings;
/// back to its page when saved, the page with field messages (422) when not.
pub async fn update_org(
    State(app): State<AppState>,
    Path(short): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<SettingsForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Ok(Form(form)) = form else {
        return Err(AppError::CsrfRejected);
    };
    checked_session(&viewer, &form.csrf)?;
    let scope = viewer.scope.clone();
    let org = {
        let (scope, wanted) = (scope.clone(), short.clone());
        app.read(move |store| store.organisation_by_short_name(&scope, &wanted))
            .await?
            .ok_or_else(|| AppError::OrgNotFound(short.clone()))?
    };
    if !can_administer(&scope, org.id) {
        return Err(AppError::Forbidden(format!(
            "only an admin of organisation {short} may change its settings"
        )));
    }
    let changes = match changes(request.locale, &form) {
        Ok(changes) => OrganisationChanges {
            profile: org.profile.clone(),
            ..changes
        },
        Err(problems) => {
            let notes = Notes {
                settings: Some(SettingsDraft { form, problems }),
                ..Notes::default()
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return org_page(&app, &request, &viewer, short, status, notes).await;
        }
    };
    let id = org.id;
    app.read(move |store| Ok::<_, StoreError>(store.update_organisation(&scope, id, &changes)))
        .await?
        .map_err(|e| AppError::refused(e, AppError::OrgNotFound(short.clone())))?;
    let lang = request.locale.code();
    Ok(Redirect::to(&format!("/orgs/{short}?lang={lang}")).into_response())
}
