//! The action form: `GET /actions/new` and `POST /actions` create an
//! action, `GET/POST /actions/{id}/edit` change one. Editors and admins of
//! an organisation lead its actions; a refused form comes back with every
//! value kept, a summary of the problems at the top and each message
//! beside its field.

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use entente_core::access::Visibility;
use entente_core::plan::{ActionId, ActionStatus, Audience, FieldError, Level, Phase};
use entente_store::{Action, StoreError};

use super::fields::ActionForm;
use super::problems::Problems;
use super::{action_id, missing, session_csrf, writes_for};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::orgs::checked_session;
use crate::pages::{frame, render};
use crate::state::AppState;
use crate::views::actions::Lookups;

/// A choice of a select or a checkbox list: its value and label.
pub type Offer = (String, String);

#[derive(Template)]
#[template(path = "action_form.html")]
pub struct ActionFormPage {
    pub chrome: Chrome,
    pub heading: String,
    /// Where the form posts.
    pub target: String,
    pub submit: String,
    pub cancel_href: String,
    pub csrf: String,
    pub form: ActionForm,
    pub problems: Problems,
    pub types: Vec<Offer>,
    pub phases: Vec<Offer>,
    pub levels: Vec<Offer>,
    pub statuses: Vec<Offer>,
    pub audiences: Vec<Offer>,
    pub visibilities: Vec<Offer>,
    pub states: Vec<Offer>,
    /// The organisations the user writes for.
    pub leads: Vec<Offer>,
    /// Every organisation the user sees.
    pub partners: Vec<Offer>,
    /// The alliances the user sees that an organisation they write for belongs to.
    pub alliances: Vec<Offer>,
    pub documents: Vec<DocumentRow>,
    /// The signal switch's choices: the lead's default, on, off.
    pub signals: Vec<Offer>,
}

/// A row of the documents' fields.
pub struct DocumentRow {
    pub number: usize,
    /// "Document 2", naming the row's group for screen readers.
    pub legend: String,
    pub title: String,
    pub url: String,
}

/// Which form: a new action or an existing one.
enum Subject {
    New,
    Existing { id: ActionId, title: String },
}

/// `GET /actions/new`
pub async fn show_new_action(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let lookups = writer_lookups(&app, &viewer).await?;
    let lead = lookups
        .orgs
        .iter()
        .find(|o| writes_for(&viewer.scope, o.id))
        .map(|o| o.short_name.as_str());
    let form = ActionForm::blank(lead);
    let page = form_page(&app, &request, &viewer, &lookups, Subject::New, form, &[]).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /actions`
pub async fn create_action(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let form = checked_form(&viewer, body)?;
    let lookups = writer_lookups(&app, &viewer).await?;
    let signal = form.signal_choice();
    let errors = match form.to_draft(&lookups, &viewer.scope, None) {
        Err(errors) => errors,
        Ok(draft) => {
            let scope = viewer.scope.clone();
            let created = app
                .read(move |store| {
                    Ok::<_, StoreError>(store.create_action_with_signal(&scope, &draft, signal))
                })
                .await?;
            match created {
                Ok(id) => return Ok(to_action(&request, id)),
                Err(e) => refused_fields(e)?,
            }
        }
    };
    let page = form_page(
        &app,
        &request,
        &viewer,
        &lookups,
        Subject::New,
        form,
        &errors,
    )
    .await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

/// `GET /actions/{id}/edit`
pub async fn show_edit_action(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let (action, lookups) = writable(&app, &viewer, &raw).await?;
    let mut form = ActionForm::of(&action.content, &lookups, request.locale);
    let (scope, id) = (viewer.scope.clone(), action.id);
    let switch = app
        .read(move |store| store.action_signal(&scope, id))
        .await?;
    if action.content.visibility != Visibility::Public {
        form.signal = match switch {
            Some(s) if s.emits => "on",
            _ => "off",
        }
        .to_owned();
    }
    let subject = Subject::Existing {
        id: action.id,
        title: action.content.title,
    };
    let page = form_page(&app, &request, &viewer, &lookups, subject, form, &[]).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /actions/{id}/edit`
pub async fn update_action(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let form = checked_form(&viewer, body)?;
    let (action, lookups) = writable(&app, &viewer, &raw).await?;
    let outcome_event = action.content.outcome_event.clone();
    let signal = form.signal_choice();
    let errors = match form.to_draft(&lookups, &viewer.scope, outcome_event) {
        Err(errors) => errors,
        Ok(mut draft) => {
            // Partners the user does not see are not in the form; dropping
            // them would be a change nobody asked for, so they stay, and
            // the store says whether the user may keep them.
            let unseen = action.content.partners.iter();
            draft
                .partners
                .extend(unseen.filter(|p| lookups.org(**p).is_none()));
            let (scope, id) = (viewer.scope.clone(), action.id);
            let updated = app
                .read(move |store| {
                    Ok::<_, StoreError>(store.update_action_with_signal(&scope, id, &draft, signal))
                })
                .await?;
            match updated {
                Ok(()) => return Ok(to_action(&request, id)),
                Err(e) => refused_fields(e)?,
            }
        }
    };
    let subject = Subject::Existing {
        id: action.id,
        title: action.content.title,
    };
    let page = form_page(&app, &request, &viewer, &lookups, subject, form, &errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

/// The form's fields once its CSRF token matches the session's.
fn checked_form(
    viewer: &Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<ActionForm, AppError> {
    let Ok(Form(pairs)) = body else {
        return Err(AppError::CsrfRejected);
    };
    let form = ActionForm::from_pairs(pairs);
    checked_session(viewer, &form.csrf)?;
    Ok(form)
}

/// What the store refused, field by field; a lead the user may not write
/// for (changed since the form was read) is the lead field's problem.
fn refused_fields(error: StoreError) -> Result<Vec<FieldError>, AppError> {
    match error {
        StoreError::Fields { errors } => Ok(errors),
        StoreError::NotFound { .. } | StoreError::Forbidden { .. } => Ok(vec![FieldError::new(
            "lead",
            "not_editor",
            "choose an organisation you edit for",
        )]),
        other => Err(AppError::internal(other)),
    }
}

fn to_action(request: &PageRequest, id: ActionId) -> Response {
    let lang = request.locale.code();
    Redirect::to(&format!("/actions/{id}?lang={lang}")).into_response()
}

/// The names the form offers, for a signed-in user who leads actions for
/// at least one organisation.
async fn writer_lookups(app: &AppState, viewer: &Viewer) -> Result<Lookups, AppError> {
    if viewer.session().is_none() {
        return Err(AppError::Unauthenticated);
    }
    let scope = viewer.scope.clone();
    let lookups = app.read(move |store| Lookups::load(store, &scope)).await?;
    if !lookups.orgs.iter().any(|o| writes_for(&viewer.scope, o.id)) {
        return Err(AppError::Forbidden(
            "recording actions needs an editor or admin role in an organisation".to_owned(),
        ));
    }
    Ok(lookups)
}

/// The action, if the reader sees it (else a missing page) and may change
/// it (else forbidden), with the form's names.
pub async fn writable(
    app: &AppState,
    viewer: &Viewer,
    raw: &str,
) -> Result<(Action, Lookups), AppError> {
    if viewer.session().is_none() {
        return Err(AppError::Unauthenticated);
    }
    let id = action_id(raw)?;
    let scope = viewer.scope.clone();
    let found = app
        .read(move |store| match store.action(&scope, id)? {
            Some(action) => Ok::<_, StoreError>(Some((action, Lookups::load(store, &scope)?))),
            None => Ok(None),
        })
        .await?;
    let Some((action, lookups)) = found else {
        return Err(missing(raw));
    };
    if !writes_for(&viewer.scope, action.content.lead) {
        return Err(AppError::Forbidden(format!(
            "only editors of its lead organisation may change action {id}"
        )));
    }
    Ok((action, lookups))
}

async fn form_page(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    lookups: &Lookups,
    subject: Subject,
    form: ActionForm,
    errors: &[FieldError],
) -> Result<ActionFormPage, AppError> {
    let locale = request.locale;
    let (heading, target, submit, cancel) = match &subject {
        Subject::New => (
            locale.t("action-new-title"),
            "/actions".to_owned(),
            locale.t("action-form-create"),
            "/actions".to_owned(),
        ),
        Subject::Existing { id, title } => (
            locale.t_args("action-edit-title", &[("name", title.clone().into())]),
            format!("/actions/{id}/edit"),
            locale.t("action-form-save"),
            format!("/actions/{id}"),
        ),
    };
    let chrome = frame(app, request, heading.clone(), "actions").await?;
    let scope = &viewer.scope;
    let writable: Vec<_> = lookups
        .orgs
        .iter()
        .filter(|o| writes_for(scope, o.id))
        .collect();
    Ok(ActionFormPage {
        heading,
        target: format!("{target}?lang={}", locale.code()),
        submit,
        cancel_href: chrome.href(&cancel),
        csrf: session_csrf(viewer),
        problems: Problems::new(errors, locale),
        types: lookups
            .types
            .iter()
            .map(|t| (t.code.clone(), t.label(locale.code()).to_owned()))
            .collect(),
        phases: coded(locale, "action-phase", Phase::ALL.iter().map(|p| p.code())),
        levels: coded(locale, "action-level", Level::ALL.iter().map(|l| l.code())),
        statuses: coded(
            locale,
            "action-status",
            ActionStatus::ALL.iter().map(|s| s.code()),
        ),
        audiences: coded(
            locale,
            "action-audience",
            Audience::ALL.iter().map(|a| a.code()),
        ),
        visibilities: coded(
            locale,
            "action-visibility",
            Visibility::ALL.iter().map(|v| v.code()),
        ),
        states: lookups
            .states_by_name(locale)
            .into_iter()
            .map(|(iso3, name)| (iso3.to_string(), name))
            .collect(),
        leads: writable
            .iter()
            .map(|o| (o.short_name.clone(), o.name.clone()))
            .collect(),
        partners: lookups
            .orgs
            .iter()
            .map(|o| (o.short_name.clone(), o.name.clone()))
            .collect(),
        alliances: lookups
            .alliances
            .iter()
            .filter(|a| writable.iter().any(|o| a.members.contains(&o.id)))
            .map(|a| (a.id.0.to_string(), a.name.clone()))
            .collect(),
        documents: form
            .document_rows()
            .into_iter()
            .map(|(number, title, url)| DocumentRow {
                number,
                legend: locale.t_args("action-form-document-row", &[("number", number.into())]),
                title,
                url,
            })
            .collect(),
        signals: ["", "on", "off"]
            .into_iter()
            .map(|code| {
                let key = if code.is_empty() { "default" } else { code };
                (code.to_owned(), locale.t(&format!("action-signal-{key}")))
            })
            .collect(),
        form,
        chrome,
    })
}

fn coded<'a>(locale: Locale, prefix: &str, codes: impl Iterator<Item = &'a str>) -> Vec<Offer> {
    codes
        .map(|c| {
            let label = locale.t(&format!("{prefix}-{}", c.replace('_', "-")));
            (c.to_owned(), label)
        })
        .collect()
}
