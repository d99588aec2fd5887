//! Changing an organisation's settings from its page: `POST /orgs/{short}`,
//! for its admins and the site admin.
//!
//! Who may is decided before what was typed is looked at, so a reader who
//! may not change the entry learns nothing from the form's messages, and a
//! hidden entry answers exactly as a missing one.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use entente_core::access::{OrgKind, Visibility, can_administer};
use entente_core::plan::{Level, Sector};
use entente_core::{Iso3, RegionalGroup};
use entente_store::{
    Area, Organisation, OrganisationChanges, OrganisationProfile, StoreError, check_website,
};

use super::chrome::PageRequest;
use super::orgs::{Notes, checked_session, org_page};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::state::AppState;

/// What the settings form holds: the stored entry on the page, what was
/// typed when it comes back refused.
#[derive(Debug, Default)]
pub struct SettingsForm {
    pub csrf: String,
    pub name: String,
    pub kind: String,
    pub website: String,
    pub description: String,
    pub visibility: String,
    pub level: String,
    /// The checked sectors and regional groups, by code.
    pub sectors: Vec<String>,
    pub regions: Vec<String>,
    /// State codes as typed, separated by commas or spaces.
    pub states: String,
    /// Whether the form holds the profile's fields (a hidden `profile`
    /// field says so, since no box checked sends nothing); a form without
    /// them leaves the stored profile as it is.
    pub has_profile: bool,
}

impl SettingsForm {
    /// Reads a posted form; repeated `sectors` and `regions` are the
    /// checked boxes.
    pub fn parse(body: &[u8]) -> Self {
        let mut form = SettingsForm::default();
        for (key, value) in form_urlencoded::parse(body) {
            let value = value.into_owned();
            match key.as_ref() {
                "csrf" => form.csrf = value,
                "name" => form.name = value,
                "kind" => form.kind = value,
                "website" => form.website = value,
                "description" => form.description = value,
                "visibility" => form.visibility = value,
                "level" => form.level = value,
                "sectors" => form.sectors.push(value),
                "regions" => form.regions.push(value),
                "states" => form.states = value,
                "profile" => form.has_profile = true,
                _ => {}
            }
        }
        form
    }

    /// The form filled in with `org`'s stored settings.
    pub fn of(org: &Organisation) -> Self {
        let profile = &org.profile;
        let states: Vec<&str> = profile.area.states.iter().map(Iso3::as_str).collect();
        SettingsForm {
            csrf: String::new(),
            name: org.name.clone(),
            kind: org.kind.code().to_owned(),
            website: org.website.clone().unwrap_or_default(),
            description: org.description.clone().unwrap_or_default(),
            visibility: org.visibility.code().to_owned(),
            level: profile.level.code().to_owned(),
            sectors: profile
                .sectors
                .iter()
                .map(|s| s.code().to_owned())
                .collect(),
            regions: profile
                .area
                .regions
                .iter()
                .map(|r| r.code().to_owned())
                .collect(),
            states: states.join(", "),
            has_profile: true,
        }
    }

    pub fn has_sector(&self, code: &str) -> bool {
        self.sectors.iter().any(|s| s == code)
    }

    pub fn has_region(&self, code: &str) -> bool {
        self.regions.iter().any(|r| r == code)
    }
}

/// Codes typed in one field, separated by commas, semicolons or spaces.
pub fn split_codes(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', ' '])
        .map(str::trim)
        .filter(|c| !c.is_empty())
}

/// The message for a field of state codes that was refused: it names the
/// typed codes that cannot be one and, from the store's refusal `refused`,
/// those that name no stored state.
pub fn states_problem(locale: Locale, typed: &str, refused: Option<&str>) -> String {
    let mut bad: Vec<String> = split_codes(typed)
        .filter(|code| code.parse::<Iso3>().is_err())
        .map(str::to_owned)
        .collect();
    if let Some(what) = refused {
        // The store quotes each unknown code.
        bad.extend(what.split('"').skip(1).step_by(2).map(str::to_owned));
    }
    if bad.is_empty() {
        return locale.t("dir-states-invalid");
    }
    let named = bad.join(", ");
    locale.t_args("dir-states-unknown", &[("subject", named.into())])
}

/// The profile the form asks for; `Err(true)` when a state code cannot be
/// one, `Err(false)` for any other bad value (a level, a sector, a group
/// no form offers).
fn profile(form: &SettingsForm) -> Result<OrganisationProfile, bool> {
    let states: Result<Vec<Iso3>, _> = split_codes(&form.states).map(str::parse).collect();
    let states = states.map_err(|_| true)?;
    let level = form.level.parse::<Level>().map_err(|_| false)?;
    let sectors: Result<Vec<Sector>, _> = form.sectors.iter().map(|s| s.parse()).collect();
    let regions: Result<Vec<RegionalGroup>, _> = form.regions.iter().map(|r| r.parse()).collect();
    Ok(OrganisationProfile {
        level,
        sectors: sectors.map_err(|_| false)?,
        area: Area {
            states,
            regions: regions.map_err(|_| false)?,
        },
    })
}

/// Why the settings form was refused, field by field.
#[derive(Debug, Default)]
pub struct SettingsProblems {
    pub name: Option<String>,
    pub kind: Option<String>,
    pub website: Option<String>,
    pub visibility: Option<String>,
    pub level: Option<String>,
    pub states: Option<String>,
}

impl SettingsProblems {
    fn any(&self) -> bool {
        self.name.is_some()
            || self.kind.is_some()
            || self.website.is_some()
            || self.visibility.is_some()
            || self.level.is_some()
            || self.states.is_some()
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
fn changes(
    locale: Locale,
    form: &SettingsForm,
) -> Result<OrganisationChanges, Box<SettingsProblems>> {
    let kind = form.kind.parse::<OrgKind>();
    let visibility = form.visibility.parse::<Visibility>();
    let website = optional(&form.website);
    let profile = if form.has_profile {
        profile(form)
    } else {
        // Replaced by the stored profile once the entry is read.
        Ok(OrganisationProfile::default())
    };
    let problems = SettingsProblems {
        level: matches!(profile, Err(false)).then(|| locale.t("dir-level-invalid")),
        states: matches!(profile, Err(true)).then(|| states_problem(locale, &form.states, None)),
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
    match (kind, visibility, profile) {
        (Ok(kind), Ok(visibility), Ok(profile)) if !problems.any() => Ok(OrganisationChanges {
            name: form.name.trim().to_owned(),
            kind,
            website,
            description: optional(&form.description),
            visibility,
            profile,
        }),
        _ => Err(Box::new(problems)),
    }
}

/// `POST /orgs/{short}`: an admin changes the organisation's settings;
/// back to its page when saved, the page with field messages (422) when not.
pub async fn update_org(
    State(app): State<AppState>,
    Path(short): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let form = SettingsForm::parse(&body);
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
        Ok(changes) if form.has_profile => changes,
        Ok(changes) => OrganisationChanges {
            profile: org.profile.clone(),
            ..changes
        },
        Err(problems) => return refused(&app, &request, &viewer, short, form, *problems).await,
    };
    let id = org.id;
    let saved = app
        .read(move |store| Ok::<_, StoreError>(store.update_organisation(&scope, id, &changes)))
        .await?;
    match saved {
        Ok(()) => {}
        // A well-formed code that names no state.
        Err(StoreError::Invalid { what }) if what.starts_with("states") => {
            let problems = SettingsProblems {
                states: Some(states_problem(request.locale, &form.states, Some(&what))),
                ..SettingsProblems::default()
            };
            return refused(&app, &request, &viewer, short, form, problems).await;
        }
        Err(e) => return Err(AppError::refused(e, AppError::OrgNotFound(short.clone()))),
    }
    let lang = request.locale.code();
    Ok(Redirect::to(&format!("/orgs/{short}?lang={lang}")).into_response())
}

/// The organisation's page again (422), with the form as typed and why
/// each field was refused.
async fn refused(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    short: String,
    form: SettingsForm,
    problems: SettingsProblems,
) -> Result<Response, AppError> {
    let notes = Notes {
        settings: Some(SettingsDraft { form, problems }),
        ..Notes::default()
    };
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    org_page(app, request, viewer, short, status, notes).await
}
