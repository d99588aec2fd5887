//! The forms that record a state's NPM: a profile
//! (`/states/{iso3}/npm/profiles/new`, `/npm-profiles/{id}/edit`) and an
//! assessment (`/states/{iso3}/npm/assessments/new`,
//! `/npm-assessments/{id}/edit`), and their deletion. They read through the
//! API's inputs ([`crate::api::npm::input`]), so a bad value gets the same
//! answer from both; a refused form comes back with every value kept, a
//! summary of the problems linked to the fields, and each message beside
//! its field. Dates are shown and read day first in French and Spanish.

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use entente_core::Iso3;
use entente_core::access::{AccessScope, RecordAccess, Visibility, can_write};
use entente_core::monitoring::{
    AssessmentDraft, AssessmentId, Criterion, NpmModel, ProfileDraft, ProfileId, Rating, Viewpoint,
};
use entente_core::plan::FieldError;
use entente_store::{Store, StoreError};

use super::{known_state, label, state_name};
use crate::api::actions::view::Names;
use crate::api::npm::input::{
    AssessmentInput, BodyInput, Count, ProfileInput, RatingInput, ReportInput,
};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::actions::session_csrf;
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::confirm::{DeleteQuestion, confirm_delete};
use crate::pages::orgs::checked_session;
use crate::pages::{frame, render};
use crate::state::AppState;
use crate::views::actions::Lookups;

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
struct Writer {
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

#[expect(
    clippy::too_many_arguments,
    reason = "a form page is built from the request, the writer and the form's parts"
)]
async fn head(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    writer: &Writer,
    heading: String,
    target: String,
    iso3: Iso3,
    shared: &[i64],
    errors: &[FieldError],
) -> Result<(Chrome, FormHead), AppError> {
    let locale = request.locale;
    let chrome = frame(app, request, heading.clone(), "states").await?;
    let head = FormHead {
        heading,
        target: format!("{target}?lang={}", locale.code()),
        cancel_href: chrome.href(&format!("/states/{iso3}/npm")),
        csrf: session_csrf(viewer),
        submit: locale.t("npm-form-save"),
        problems: Problems::new(errors, locale),
        owners: writer.owners(&viewer.scope),
        visibilities: coded(
            locale,
            "npm-visibility",
            Visibility::ALL.iter().map(|v| v.code()),
        ),
        alliances: writer
            .alliances(&viewer.scope)
            .into_iter()
            .map(|(id, name)| {
                let ticked = shared.iter().any(|s| s.to_string() == id);
                (id, name, ticked)
            })
            .collect(),
        date_hint: locale.t("npm-form-date-hint"),
    };
    Ok((chrome, head))
}

// ---------------------------------------------------------------- profiles

#[derive(Template)]
#[template(path = "npm_profile_form.html")]
pub struct ProfileFormPage {
    pub head: FormHead,
    pub form: ProfileInput,
    pub models: Vec<Offer>,
    pub bodies: Vec<BodyInput>,
    pub reports: Vec<(String, String, String, String)>,
    pub staff: String,
    /// The date fields: name and value as typed.
    pub dates: Vec<(&'static str, String)>,
    pub chrome: Chrome,
}

fn profile_from_pairs(iso3: Iso3, pairs: Vec<(String, String)>) -> ProfileInput {
    let mut form = ProfileInput {
        state: iso3.to_string(),
        ..ProfileInput::default()
    };
    let (mut names, mut roles) = (Vec::new(), Vec::new());
    let (mut years, mut urls, mut titles, mut published) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (name, value) in pairs {
        match name.as_str() {
            "owner" => form.owner = value,
            "visibility" => form.visibility = value,
            "shared_with" => {
                if let Ok(id) = value.trim().parse() {
                    form.shared_with.push(id);
                }
            }
            "model" => form.model = value,
            "legal_basis" => form.legal_basis = value,
            "law_date" => form.law_date = Some(value),
            "designation_date" => form.designation_date = Some(value),
            "operation_start" => form.operation_start = Some(value),
            "website" => form.website = Some(value),
            "staff" => form.staff = Some(Count::Text(value)),
            "budget_amount" => form.budget_amount = Some(value),
            "budget_currency" => form.budget_currency = Some(value),
            "notes" => form.notes = value,
            "body_name" => names.push(value),
            "body_role" => roles.push(value),
            "report_year" => years.push(value),
            "report_url" => urls.push(value),
            "report_title" => titles.push(value),
            "report_published" => published.push(value),
            _ => {}
        }
    }
    form.bodies = names
        .into_iter()
        .zip(roles)
        .map(|(name, role)| BodyInput { name, role })
        .collect();
    form.annual_reports = years
        .into_iter()
        .zip(urls)
        .zip(titles)
        .zip(published)
        .map(|(((year, url), title), published)| ReportInput {
            year: Count::Text(year),
            url,
            title,
            published: Some(published),
        })
        .collect();
    form
}

fn profile_input(draft: &ProfileDraft, writer: &Writer, locale: Locale) -> ProfileInput {
    ProfileInput {
        state: draft.state.to_string(),
        owner: writer.short_name(draft.owner),
        visibility: draft.visibility.code().to_owned(),
        shared_with: draft.shared_with.iter().map(|a| a.0).collect(),
        bodies: draft
            .bodies
            .iter()
            .map(|b| BodyInput {
                name: b.name.clone(),
                role: b.role.clone(),
            })
            .collect(),
        model: draft.model.code().to_owned(),
        legal_basis: draft.legal_basis.clone(),
        law_date: day_text(locale, draft.law_date),
        designation_date: day_text(locale, draft.designation_date),
        operation_start: day_text(locale, draft.operation_start),
        website: draft.website.clone(),
        staff: draft.staff.map(|s| Count::Number(i64::from(s))),
        budget_amount: draft.budget.map(|b| b.amount_text()),
        budget_currency: draft.budget.map(|b| b.currency_code().to_owned()),
        notes: draft.notes.clone(),
        annual_reports: draft
            .annual_reports
            .iter()
            .map(|r| ReportInput {
                year: Count::Number(i64::from(r.year)),
                url: r.url.clone(),
                title: r.title.clone(),
                published: day_text(locale, r.published),
            })
            .collect(),
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "a form page is built from the request, the writer and the form's parts"
)]
async fn profile_page(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    writer: &Writer,
    heading: String,
    target: String,
    form: ProfileInput,
    errors: &[FieldError],
) -> Result<ProfileFormPage, AppError> {
    let locale = request.locale;
    let iso3: Iso3 = form
        .state
        .parse()
        .map_err(|_| AppError::StateNotFound(form.state.clone()))?;
    let (chrome, head) = head(
        app,
        request,
        viewer,
        writer,
        heading,
        target,
        iso3,
        &form.shared_with,
        errors,
    )
    .await?;
    let mut bodies = form.bodies.clone();
    bodies.extend((0..SPARE_ROWS).map(|_| BodyInput::default()));
    let mut reports: Vec<(String, String, String, String)> = form
        .annual_reports
        .iter()
        .map(|r| {
            (
                r.year.text(),
                r.url.clone(),
                r.title.clone(),
                r.published.clone().unwrap_or_default(),
            )
        })
        .collect();
    reports.extend((0..SPARE_ROWS).map(|_| Default::default()));
    Ok(ProfileFormPage {
        chrome,
        models: coded(locale, "npm-model", NpmModel::ALL.iter().map(|m| m.code())),
        staff: form.staff.as_ref().map(Count::text).unwrap_or_default(),
        dates: vec![
            ("law_date", form.law_date.clone().unwrap_or_default()),
            (
                "designation_date",
                form.designation_date.clone().unwrap_or_default(),
            ),
            (
                "operation_start",
                form.operation_start.clone().unwrap_or_default(),
            ),
        ],
        bodies,
        reports,
        form,
        head,
    })
}

/// `GET /states/{iso3}/npm/profiles/new`
pub async fn show_new_profile(
    State(app): State<AppState>,
    Path(code): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let state = known_state(&app, &code).await?;
    let writer = writer(&app, &viewer).await?;
    let form = ProfileInput {
        state: state.0.to_string(),
        owner: writer
            .owners(&viewer.scope)
            .first()
            .map(|o| o.0.clone())
            .unwrap_or_default(),
        visibility: Visibility::Private.code().to_owned(),
        ..ProfileInput::default()
    };
    let locale = request.locale;
    let heading = locale.t_args(
        "npm-profile-new-title",
        &[("name", state_name(locale, &state).into())],
    );
    let target = format!("/states/{}/npm/profiles/new", state.0);
    let page = profile_page(&app, &request, &viewer, &writer, heading, target, form, &[]).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /states/{iso3}/npm/profiles/new`
pub async fn create_profile(
    State(app): State<AppState>,
    Path(code): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let pairs = pairs_of(&viewer, body)?;
    let state = known_state(&app, &code).await?;
    let writer = writer(&app, &viewer).await?;
    let form = profile_from_pairs(state.0, pairs);
    let errors = match form.to_draft(&writer.names) {
        Err(errors) => errors,
        Ok(draft) => {
            let scope = viewer.scope.clone();
            let created = app
                .read(move |store| Ok::<_, StoreError>(store.create_npm_profile(&scope, &draft)))
                .await?;
            match created {
                Ok(_) => return Ok(to_npm(&request, state.0)),
                Err(e) => refused_fields(e)?,
            }
        }
    };
    let locale = request.locale;
    let heading = locale.t_args(
        "npm-profile-new-title",
        &[("name", state_name(locale, &state).into())],
    );
    let target = format!("/states/{}/npm/profiles/new", state.0);
    let page = profile_page(
        &app, &request, &viewer, &writer, heading, target, form, &errors,
    )
    .await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

fn record_id(raw: &str) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|id| *id > 0)
}

/// The profile, if the reader sees it (else a missing page) and may
/// change it (else forbidden).
async fn writable_profile(
    app: &AppState,
    viewer: &Viewer,
    raw: &str,
) -> Result<(ProfileId, ProfileDraft), AppError> {
    if viewer.session().is_none() {
        return Err(AppError::Unauthenticated);
    }
    let missing = || AppError::NotFound(format!("/npm-profiles/{raw}"));
    let id = ProfileId(record_id(raw).ok_or_else(missing)?);
    let scope = viewer.scope.clone();
    let found = app
        .read(move |store| store.npm_profile(&scope, id))
        .await?
        .ok_or_else(missing)?;
    if !can_write(&viewer.scope, &found.content.access()) {
        return Err(AppError::Forbidden(format!(
            "only editors of its organisation may change NPM profile {id}"
        )));
    }
    Ok((id, found.content))
}

/// `GET /npm-profiles/{id}/edit`
pub async fn show_edit_profile(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let (id, draft) = writable_profile(&app, &viewer, &raw).await?;
    let writer = writer(&app, &viewer).await?;
    let locale = request.locale;
    let form = profile_input(&draft, &writer, locale);
    let heading = locale.t("npm-profile-edit-title");
    let target = format!("/npm-profiles/{id}/edit");
    let page = profile_page(&app, &request, &viewer, &writer, heading, target, form, &[]).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /npm-profiles/{id}/edit`
pub async fn update_profile(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let pairs = pairs_of(&viewer, body)?;
    let (id, before) = writable_profile(&app, &viewer, &raw).await?;
    let writer = writer(&app, &viewer).await?;
    let form = profile_from_pairs(before.state, pairs);
    let errors = match form.to_draft(&writer.names) {
        Err(errors) => errors,
        Ok(draft) => {
            let scope = viewer.scope.clone();
            let updated = app
                .read(move |store| {
                    Ok::<_, StoreError>(store.update_npm_profile(&scope, id, &draft))
                })
                .await?;
            match updated {
                Ok(()) => return Ok(to_npm(&request, before.state)),
                Err(e) => refused_fields(e)?,
            }
        }
    };
    let heading = request.locale.t("npm-profile-edit-title");
    let target = format!("/npm-profiles/{id}/edit");
    let page = profile_page(
        &app, &request, &viewer, &writer, heading, target, form, &errors,
    )
    .await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

/// `GET /npm-profiles/{id}/delete`: asks before deleting.
pub async fn show_delete_profile(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let (id, profile) = writable_profile(&app, &viewer, &raw).await?;
    let question = DeleteQuestion {
        heading: request.locale.t_args(
            "npm-profile-delete-title",
            &[("state", profile.state.to_string().into())],
        ),
        explain: "npm-profile-delete-explain",
        confirm: "npm-profile-delete-confirm",
        target: format!("/npm-profiles/{id}/delete"),
        back: format!("/states/{}/npm", profile.state),
        section: "states",
    };
    confirm_delete(&app, &request, &viewer, question).await
}

/// `POST /npm-profiles/{id}/delete`
pub async fn delete_profile(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    pairs_of(&viewer, body)?;
    let (id, before) = writable_profile(&app, &viewer, &raw).await?;
    let scope = viewer.scope.clone();
    app.read(move |store| store.delete_npm_profile(&scope, id))
        .await?;
    Ok(to_npm(&request, before.state))
}

// ------------------------------------------------------------- assessments

/// One criterion's fields.
pub struct CriterionFields {
    pub code: &'static str,
    pub label: String,
    pub rating: String,
    pub evidence: String,
}

#[derive(Template)]
#[template(path = "npm_assessment_form.html")]
pub struct AssessmentFormPage {
    pub head: FormHead,
    pub form: AssessmentInput,
    pub profile: String,
    pub profiles: Vec<Offer>,
    pub viewpoints: Vec<Offer>,
    pub ratings: Vec<Offer>,
    pub criteria: Vec<CriterionFields>,
    pub chrome: Chrome,
}

fn assessment_from_pairs(iso3: Iso3, pairs: Vec<(String, String)>) -> AssessmentInput {
    let mut form = AssessmentInput {
        state: iso3.to_string(),
        ..AssessmentInput::default()
    };
    let mut ratings: Vec<RatingInput> = Criterion::ALL
        .iter()
        .map(|c| RatingInput {
            criterion: c.code().to_owned(),
            rating: String::new(),
            evidence: String::new(),
        })
        .collect();
    for (name, value) in pairs {
        match name.as_str() {
            "profile" => form.profile = value.trim().parse().ok(),
            "viewpoint" => form.viewpoint = value,
            "assessor" => form.assessor = value,
            "date" => form.date = value,
            "source" => form.source = value,
            "owner" => form.owner = value,
            "visibility" => form.visibility = value,
            "shared_with" => {
                if let Ok(id) = value.trim().parse() {
                    form.shared_with.push(id);
                }
            }
            other => {
                for rating in &mut ratings {
                    if other == format!("rating_{}", rating.criterion) {
                        rating.rating = value.clone();
                    } else if other == format!("evidence_{}", rating.criterion) {
                        rating.evidence = value.clone();
                    }
                }
            }
        }
    }
    form.ratings = ratings;
    form
}

fn assessment_input(draft: &AssessmentDraft, writer: &Writer, locale: Locale) -> AssessmentInput {
    AssessmentInput {
        state: draft.state.to_string(),
        profile: draft.profile.map(|p| p.0),
        viewpoint: draft.viewpoint.code().to_owned(),
        assessor: draft.assessor.clone(),
        date: day_text(locale, Some(draft.date)).unwrap_or_default(),
        source: draft.source.clone(),
        owner: writer.short_name(draft.owner),
        visibility: draft.visibility.code().to_owned(),
        shared_with: draft.shared_with.iter().map(|a| a.0).collect(),
        ratings: draft
            .full_ratings()
            .into_iter()
            .map(|r| RatingInput {
                criterion: r.criterion.code().to_owned(),
                rating: r.rating.code().to_owned(),
                evidence: r.evidence,
            })
            .collect(),
    }
}

fn profile_offers(
    store: &Store,
    scope: &AccessScope,
    iso3: Iso3,
) -> Result<Vec<Offer>, StoreError> {
    Ok(store
        .npm_profiles_of_state(scope, iso3)?
        .into_iter()
        .map(|p| {
            let name = p
                .content
                .bodies
                .first()
                .map_or_else(|| p.id.to_string(), |b| b.name.clone());
            (p.id.0.to_string(), name)
        })
        .collect())
}

#[expect(
    clippy::too_many_arguments,
    reason = "a form page is built from the request, the writer and the form's parts"
)]
async fn assessment_page(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    writer: &Writer,
    heading: String,
    target: String,
    form: AssessmentInput,
    errors: &[FieldError],
) -> Result<AssessmentFormPage, AppError> {
    let locale = request.locale;
    let iso3: Iso3 = form
        .state
        .parse()
        .map_err(|_| AppError::StateNotFound(form.state.clone()))?;
    let (chrome, head) = head(
        app,
        request,
        viewer,
        writer,
        heading,
        target,
        iso3,
        &form.shared_with,
        errors,
    )
    .await?;
    let scope = viewer.scope.clone();
    let profiles = app
        .read(move |store| profile_offers(store, &scope, iso3))
        .await?;
    let criteria = Criterion::ALL
        .iter()
        .map(|c| {
            let given = form.ratings.iter().find(|r| r.criterion == c.code());
            CriterionFields {
                code: c.code(),
                label: label(locale, "npm-criterion", c.code()),
                rating: given.map_or_else(
                    || Rating::NotKnown.code().to_owned(),
                    |r| {
                        if r.rating.is_empty() {
                            Rating::NotKnown.code().to_owned()
                        } else {
                            r.rating.clone()
                        }
                    },
                ),
                evidence: given.map(|r| r.evidence.clone()).unwrap_or_default(),
            }
        })
        .collect();
    Ok(AssessmentFormPage {
        chrome,
        profile: form.profile.map(|p| p.to_string()).unwrap_or_default(),
        profiles,
        viewpoints: coded(
            locale,
            "npm-viewpoint",
            Viewpoint::ALL.iter().map(|v| v.code()),
        ),
        ratings: coded(locale, "npm-rating", Rating::ALL.iter().map(|r| r.code())),
        criteria,
        form,
        head,
    })
}

/// `GET /states/{iso3}/npm/assessments/new`
pub async fn show_new_assessment(
    State(app): State<AppState>,
    Path(code): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let state = known_state(&app, &code).await?;
    let writer = writer(&app, &viewer).await?;
    let form = AssessmentInput {
        state: state.0.to_string(),
        owner: writer
            .owners(&viewer.scope)
            .first()
            .map(|o| o.0.clone())
            .unwrap_or_default(),
        visibility: Visibility::Private.code().to_owned(),
        ..AssessmentInput::default()
    };
    let locale = request.locale;
    let heading = locale.t_args(
        "npm-assessment-new-title",
        &[("name", state_name(locale, &state).into())],
    );
    let target = format!("/states/{}/npm/assessments/new", state.0);
    let page =
        assessment_page(&app, &request, &viewer, &writer, heading, target, form, &[]).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /states/{iso3}/npm/assessments/new`
pub async fn create_assessment(
    State(app): State<AppState>,
    Path(code): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let pairs = pairs_of(&viewer, body)?;
    let state = known_state(&app, &code).await?;
    let writer = writer(&app, &viewer).await?;
    let form = assessment_from_pairs(state.0, pairs);
    let errors = match form.to_draft(&writer.names) {
        Err(errors) => errors,
        Ok(draft) => {
            let scope = viewer.scope.clone();
            let created = app
                .read(move |store| Ok::<_, StoreError>(store.create_assessment(&scope, &draft)))
                .await?;
            match created {
                Ok(_) => return Ok(to_npm(&request, state.0)),
                Err(e) => refused_fields(e)?,
            }
        }
    };
    let locale = request.locale;
    let heading = locale.t_args(
        "npm-assessment-new-title",
        &[("name", state_name(locale, &state).into())],
    );
    let target = format!("/states/{}/npm/assessments/new", state.0);
    let page = assessment_page(
        &app, &request, &viewer, &writer, heading, target, form, &errors,
    )
    .await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

async fn writable_assessment(
    app: &AppState,
    viewer: &Viewer,
    raw: &str,
) -> Result<(AssessmentId, AssessmentDraft), AppError> {
    if viewer.session().is_none() {
        return Err(AppError::Unauthenticated);
    }
    let missing = || AppError::NotFound(format!("/npm-assessments/{raw}"));
    let id = AssessmentId(record_id(raw).ok_or_else(missing)?);
    let scope = viewer.scope.clone();
    let found = app
        .read(move |store| store.assessment(&scope, id))
        .await?
        .ok_or_else(missing)?;
    if !can_write(&viewer.scope, &found.content.access()) {
        return Err(AppError::Forbidden(format!(
            "only editors of its organisation may change assessment {id}"
        )));
    }
    Ok((id, found.content))
}

/// `GET /npm-assessments/{id}/edit`
pub async fn show_edit_assessment(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let (id, draft) = writable_assessment(&app, &viewer, &raw).await?;
    let writer = writer(&app, &viewer).await?;
    let locale = request.locale;
    let form = assessment_input(&draft, &writer, locale);
    let heading = locale.t("npm-assessment-edit-title");
    let target = format!("/npm-assessments/{id}/edit");
    let page =
        assessment_page(&app, &request, &viewer, &writer, heading, target, form, &[]).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /npm-assessments/{id}/edit`
pub async fn update_assessment(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let pairs = pairs_of(&viewer, body)?;
    let (id, before) = writable_assessment(&app, &viewer, &raw).await?;
    let writer = writer(&app, &viewer).await?;
    let form = assessment_from_pairs(before.state, pairs);
    let errors = match form.to_draft(&writer.names) {
        Err(errors) => errors,
        Ok(draft) => {
            let scope = viewer.scope.clone();
            let updated = app
                .read(move |store| Ok::<_, StoreError>(store.update_assessment(&scope, id, &draft)))
                .await?;
            match updated {
                Ok(()) => return Ok(to_npm(&request, before.state)),
                Err(e) => refused_fields(e)?,
            }
        }
    };
    let heading = request.locale.t("npm-assessment-edit-title");
    let target = format!("/npm-assessments/{id}/edit");
    let page = assessment_page(
        &app, &request, &viewer, &writer, heading, target, form, &errors,
    )
    .await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

/// `GET /npm-assessments/{id}/delete`: asks before deleting.
pub async fn show_delete_assessment(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let (id, assessment) = writable_assessment(&app, &viewer, &raw).await?;
    let question = DeleteQuestion {
        heading: request.locale.t_args(
            "npm-assessment-delete-title",
            &[("state", assessment.state.to_string().into())],
        ),
        explain: "npm-assessment-delete-explain",
        confirm: "npm-assessment-delete-confirm",
        target: format!("/npm-assessments/{id}/delete"),
        back: format!("/states/{}/npm", assessment.state),
        section: "states",
    };
    confirm_delete(&app, &request, &viewer, question).await
}

/// `POST /npm-assessments/{id}/delete`
pub async fn delete_assessment(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    pairs_of(&viewer, body)?;
    let (id, before) = writable_assessment(&app, &viewer, &raw).await?;
    let scope = viewer.scope.clone();
    app.read(move |store| store.delete_assessment(&scope, id))
        .await?;
    Ok(to_npm(&request, before.state))
}
