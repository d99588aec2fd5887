//! The forms that record an SPT visit (`/spt-visits/new`,
//! `/spt-visits/{id}/edit`) and delete one (`/spt-visits/{id}/delete`).
//! They read through the API's input ([`crate::api::implementation::SptVisitInput`]),
//! so a bad value gets the same answer from both; a refused form comes back
//! with every value kept, a summary of the problems linked to the fields,
//! and each message beside its field. Dates are shown and read day first in
//! French and Spanish.

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use entente_core::Iso3;
use entente_core::access::{AccessScope, RecordAccess, Visibility, can_write};
use entente_core::implementation::{ReportPublished, SptVisitId, SptVisitType};
use entente_core::plan::FieldError;
use entente_store::{SptVisit, StoreError};

use crate::api::actions::view::Names;
use crate::api::implementation::SptVisitInput;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::{Locale, form_pairs};
use crate::pages::actions::session_csrf;
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::confirm::{DeleteQuestion, confirm_delete};
use crate::pages::orgs::checked_session;
use crate::pages::{frame, render};
use crate::state::AppState;
use crate::views::actions::Lookups;

pub type Offer = (String, String);

pub struct Problem {
    pub field: &'static str,
    pub label: String,
    pub message: String,
}

fn problems(errors: &[FieldError], locale: Locale) -> Vec<Problem> {
    let mut list: Vec<Problem> = Vec::new();
    for error in errors {
        if list
            .iter()
            .any(|p| p.field == error.field && p.message == error.message)
        {
            continue;
        }
        let key = format!("spt-field-{}", error.field);
        let text = locale.t(&key);
        let label = if text == key {
            error.field.to_owned()
        } else {
            text
        };
        let code = error.code.replace('_', "-");
        let message = [format!("spt-error-{code}"), format!("action-error-{code}")]
            .into_iter()
            .find(|k| locale.t(k) != *k)
            .map_or_else(|| error.message.clone(), |k| locale.t(&k));
        list.push(Problem {
            field: error.field,
            label,
            message,
        });
    }
    list
}

fn day_text(locale: Locale, day: Option<NaiveDate>) -> String {
    day.map(|d| match locale {
        Locale::En => d.format("%Y-%m-%d").to_string(),
        Locale::Fr | Locale::Es => d.format("%d/%m/%Y").to_string(),
    })
    .unwrap_or_default()
}

#[derive(Template)]
#[template(path = "spt_visit_form.html")]
pub struct SptVisitFormPage {
    pub chrome: Chrome,
    pub heading: String,
    pub target: String,
    pub cancel_href: String,
    pub csrf: String,
    pub problems: Vec<Problem>,
    pub form: SptVisitInput,
    /// Date fields: name and value as typed.
    pub dates: Vec<(&'static str, String)>,
    pub owners: Vec<Offer>,
    pub visibilities: Vec<Offer>,
    pub kinds: Vec<Offer>,
    pub published: Vec<Offer>,
    pub alliances: Vec<(String, String, bool)>,
    pub delete_target: Option<String>,
}

impl SptVisitFormPage {
    pub fn problem(&self, field: &str) -> Option<String> {
        let found: Vec<&str> = self
            .problems
            .iter()
            .filter(|p| p.field == field)
            .map(|p| p.message.as_str())
            .collect();
        (!found.is_empty()).then(|| found.join(" "))
    }
}

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
            "recording an SPT visit needs an editor or admin role in an organisation".to_owned(),
        ));
    }
    Ok(writer)
}

fn coded(locale: Locale, prefix: &str, codes: impl Iterator<Item = &'static str>) -> Vec<Offer> {
    codes
        .map(|c| (c.to_owned(), locale.t(&format!("{prefix}-{c}"))))
        .collect()
}

#[expect(clippy::too_many_arguments)]
async fn page(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    writer: &Writer,
    heading: String,
    target: String,
    form: SptVisitInput,
    errors: &[FieldError],
    delete_target: Option<String>,
) -> Result<SptVisitFormPage, AppError> {
    let locale = request.locale;
    let chrome = frame(app, request, heading.clone(), "states").await?;
    let state = form.state.trim().to_ascii_uppercase();
    let cancel_href = if state.len() == 3 {
        chrome.href(&format!("/states/{state}"))
    } else {
        chrome.href("/states")
    };
    let dates = vec![
        ("start", form.start.clone().unwrap_or_default()),
        ("end", form.end.clone().unwrap_or_default()),
        (
            "report_sent_on",
            form.report_sent_on.clone().unwrap_or_default(),
        ),
        (
            "report_published_on",
            form.report_published_on.clone().unwrap_or_default(),
        ),
        (
            "reply_received_on",
            form.reply_received_on.clone().unwrap_or_default(),
        ),
    ];
    let scope = &viewer.scope;
    Ok(SptVisitFormPage {
        heading,
        target: format!("{target}?lang={}", locale.code()),
        cancel_href,
        csrf: session_csrf(viewer),
        problems: problems(errors, locale),
        dates,
        owners: writer.owners(scope),
        visibilities: coded(
            locale,
            "spt-visibility",
            Visibility::ALL.iter().map(|v| v.code()),
        ),
        kinds: coded(
            locale,
            "impl-kind",
            SptVisitType::ALL.iter().map(|v| v.code()),
        ),
        published: coded(
            locale,
            "impl-published",
            ReportPublished::ALL.iter().map(|v| v.code()),
        ),
        alliances: writer
            .lookups
            .alliances
            .iter()
            .filter(|a| {
                a.members
                    .iter()
                    .any(|o| can_write(scope, &RecordAccess::private(*o)))
            })
            .map(|a| {
                let id = a.id.0.to_string();
                let ticked = form.shared_with.contains(&a.id.0);
                (id, a.name.clone(), ticked)
            })
            .collect(),
        delete_target: delete_target.map(|t| format!("{t}?lang={}", locale.code())),
        form,
        chrome,
    })
}

fn from_pairs(pairs: Vec<(String, String)>) -> SptVisitInput {
    let mut form = SptVisitInput::default();
    for (name, value) in pairs {
        match name.as_str() {
            "state" => form.state = value,
            "owner" => form.owner = value,
            "visibility" => form.visibility = value,
            "shared_with" => {
                if let Ok(id) = value.trim().parse() {
                    form.shared_with.push(id);
                }
            }
            "visit_type" => form.visit_type = value,
            "start" => form.start = Some(value),
            "end" => form.end = Some(value),
            "report_sent_on" => form.report_sent_on = Some(value),
            "report_published" => form.report_published = value,
            "report_published_on" => form.report_published_on = Some(value),
            "report_url" => form.report_url = Some(value),
            "reply_received_on" => form.reply_received_on = Some(value),
            "notes" => form.notes = value,
            _ => {}
        }
    }
    form
}

fn input_of(visit: &SptVisit, names: &Names, locale: Locale) -> SptVisitInput {
    let c = &visit.content;
    let text = |d: Option<NaiveDate>| Some(day_text(locale, d));
    SptVisitInput {
        state: c.state.to_string(),
        owner: names.orgs.get(&c.owner).cloned().unwrap_or_default(),
        visibility: c.visibility.code().to_owned(),
        shared_with: c.shared_with.iter().map(|a| a.0).collect(),
        start: text(c.start),
        end: text(c.end),
        visit_type: c.visit_type.code().to_owned(),
        report_sent_on: text(c.report_sent_on),
        report_published: c.report_published.code().to_owned(),
        report_published_on: text(c.report_published_on),
        report_url: c.report_url.clone(),
        reply_received_on: text(c.reply_received_on),
        notes: c.notes.clone(),
    }
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

fn to_state(request: &PageRequest, iso3: Iso3) -> Response {
    let lang = request.locale.code();
    Redirect::to(&format!(
        "/states/{iso3}?lang={lang}#implementation-heading"
    ))
    .into_response()
}

fn refused(page: SptVisitFormPage) -> Result<Response, AppError> {
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

fn missing(raw: &str) -> AppError {
    AppError::NotFound(format!("/spt-visits/{raw}"))
}

/// The record numbered `raw`, as the viewer may see it.
async fn visible(app: &AppState, viewer: &Viewer, raw: &str) -> Result<SptVisit, AppError> {
    let id = raw
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| missing(raw))?;
    let scope = viewer.scope.clone();
    app.read(move |store| store.spt_visit(&scope, SptVisitId(id)))
        .await?
        .ok_or_else(|| missing(raw))
}

/// `GET /spt-visits/new?state=ISO3`: the empty form.
pub async fn show_new_spt_visit(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let writer = writer(&app, &viewer).await?;
    let state = form_pairs(query.as_deref().unwrap_or(""))
        .find(|(k, _)| k == "state")
        .map(|(_, v)| v)
        .unwrap_or_default();
    let form = SptVisitInput {
        state,
        owner: writer
            .owners(&viewer.scope)
            .first()
            .map(|o| o.0.clone())
            .unwrap_or_default(),
        visibility: "private".to_owned(),
        visit_type: "regular".to_owned(),
        report_published: "unknown".to_owned(),
        ..SptVisitInput::default()
    };
    let heading = request.locale.t("spt-form-new");
    let page = page(
        &app,
        &request,
        &viewer,
        &writer,
        heading,
        "/spt-visits/new".to_owned(),
        form,
        &[],
        None,
    )
    .await?;
    Ok(render(&page)?.into_response())
}

/// `POST /spt-visits/new`.
pub async fn create_spt_visit(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let pairs = pairs_of(&viewer, body)?;
    let writer = writer(&app, &viewer).await?;
    let form = from_pairs(pairs);
    let errors = match form.to_draft(&writer.names) {
        Ok(draft) => {
            let scope = viewer.scope.clone();
            let state = draft.state;
            match app
                .read(move |store| Ok::<_, StoreError>(store.create_spt_visit(&scope, &draft)))
                .await?
            {
                Ok(_) => return Ok(to_state(&request, state)),
                Err(e) => refused_fields(e)?,
            }
        }
        Err(errors) => errors,
    };
    let heading = request.locale.t("spt-form-new");
    let page = page(
        &app,
        &request,
        &viewer,
        &writer,
        heading,
        "/spt-visits/new".to_owned(),
        form,
        &errors,
        None,
    )
    .await?;
    refused(page)
}

/// `GET /spt-visits/{id}/edit`.
pub async fn show_edit_spt_visit(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let visit = writable(&app, &viewer, &raw).await?;
    let writer = writer(&app, &viewer).await?;
    let form = input_of(&visit, &writer.names, request.locale);
    let heading = request.locale.t("spt-form-edit");
    let page = page(
        &app,
        &request,
        &viewer,
        &writer,
        heading,
        format!("/spt-visits/{}/edit", visit.id),
        form,
        &[],
        Some(format!("/spt-visits/{}/delete", visit.id)),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

/// `POST /spt-visits/{id}/edit`.
pub async fn update_spt_visit(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let pairs = pairs_of(&viewer, body)?;
    let visit = writable(&app, &viewer, &raw).await?;
    let writer = writer(&app, &viewer).await?;
    let form = from_pairs(pairs);
    let errors = match form.to_draft(&writer.names) {
        Ok(draft) => {
            let scope = viewer.scope.clone();
            let state = draft.state;
            let id = visit.id;
            match app
                .read(move |store| Ok::<_, StoreError>(store.update_spt_visit(&scope, id, &draft)))
                .await?
            {
                Ok(()) => return Ok(to_state(&request, state)),
                Err(e) => refused_fields(e)?,
            }
        }
        Err(errors) => errors,
    };
    let heading = request.locale.t("spt-form-edit");
    let page = page(
        &app,
        &request,
        &viewer,
        &writer,
        heading,
        format!("/spt-visits/{}/edit", visit.id),
        form,
        &errors,
        Some(format!("/spt-visits/{}/delete", visit.id)),
    )
    .await?;
    refused(page)
}

/// The record numbered `raw`, which the viewer must be signed in and
/// allowed to change.
async fn writable(app: &AppState, viewer: &Viewer, raw: &str) -> Result<SptVisit, AppError> {
    if viewer.session().is_none() {
        return Err(AppError::Unauthenticated);
    }
    let visit = visible(app, viewer, raw).await?;
    if !can_write(&viewer.scope, &visit.content.access()) {
        return Err(AppError::Forbidden(
            "only editors of the owner may change this record".to_owned(),
        ));
    }
    Ok(visit)
}

/// `GET /spt-visits/{id}/delete`: asks before deleting.
pub async fn show_delete_spt_visit(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let visit = writable(&app, &viewer, &raw).await?;
    let locale = request.locale;
    let state = visit.content.state;
    let question = DeleteQuestion {
        heading: locale.t_args("spt-delete-title", &[("state", state.to_string().into())]),
        explain: "spt-delete-explain",
        confirm: "spt-delete-confirm",
        target: format!("/spt-visits/{}/delete", visit.id),
        back: format!("/spt-visits/{}/edit", visit.id),
        section: "states",
    };
    confirm_delete(&app, &request, &viewer, question).await
}

/// `POST /spt-visits/{id}/delete`.
pub async fn delete_spt_visit(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    pairs_of(&viewer, body)?;
    let visit = writable(&app, &viewer, &raw).await?;
    let scope = viewer.scope.clone();
    let id = visit.id;
    app.read(move |store| Ok::<_, StoreError>(store.delete_spt_visit(&scope, id)))
        .await?
        .map_err(|e| AppError::refused(e, missing(&raw)))?;
    Ok(to_state(&request, visit.content.state))
}
