//! The form that records a state's NPM profile
//! (`/states/{iso3}/npm/profiles/new`, `/npm-profiles/{id}/edit`) and its
//! deletion.

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use entente_core::Iso3;
use entente_core::access::{Visibility, can_write};
use entente_core::monitoring::{NpmModel, ProfileDraft, ProfileId};
use entente_core::plan::FieldError;
use entente_store::StoreError;

use super::{
    FormHead, Offer, SPARE_ROWS, Writer, coded, day_text, head, pairs_of, record_id,
    refused_fields, to_npm, writer,
};
use crate::api::npm::input::{BodyInput, Count, ProfileInput, ReportInput};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::confirm::{DeleteQuestion, confirm_delete};
use crate::pages::npm::{known_state, state_name};
use crate::pages::render;
use crate::state::AppState;

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
