//! The flow the profile's and the assessment's forms share, written once
//! over [`NpmRecord`]: a blank form for a state, the form filled from a
//! record, the post that creates or changes it (or comes back refused,
//! with every value kept and a 422), and the question and the post that
//! delete it. Only a member who may change the record reaches its forms.

use std::fmt::Display;

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use entente_core::Iso3;
use entente_core::access::{AccessScope, RecordAccess, Visibility, can_write};
use entente_core::plan::FieldError;
use entente_store::{Store, StoreError};

use super::{
    FormHead, Problems, Writer, coded, pairs_of, record_id, refused_fields, to_npm, writer,
};
use crate::api::actions::view::Names;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::actions::session_csrf;
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::confirm::{DeleteQuestion, confirm_delete};
use crate::pages::frame;
use crate::pages::npm::{known_state, state_name};
use crate::pages::render;
use crate::state::AppState;

/// A record of a state's NPM with forms: what differs between a profile
/// and an assessment.
pub trait NpmRecord: 'static {
    /// Its word in addresses and message ids: `profile` gives
    /// `/states/{iso3}/npm/profiles/new`, `/npm-profiles/{id}/edit` and
    /// `npm-profile-new-title`.
    const NAME: &'static str;
    /// What a refusal calls it: "NPM profile".
    const LABEL: &'static str;
    type Id: Copy + Display + Send + 'static;
    type Draft: Send + 'static;
    type Input: Send;
    type Page: Template;

    fn id(number: i64) -> Self::Id;
    fn state(draft: &Self::Draft) -> Iso3;
    fn access(draft: &Self::Draft) -> RecordAccess;
    /// A blank form for `state`, owned by `owner`, private.
    fn blank(state: Iso3, owner: String) -> Self::Input;
    /// The form as posted for `state`.
    fn posted(state: Iso3, pairs: Vec<(String, String)>) -> Self::Input;
    /// The form showing `draft`.
    fn shown(draft: &Self::Draft, writer: &Writer, locale: Locale) -> Self::Input;
    fn to_draft(form: &Self::Input, names: &Names) -> Result<Self::Draft, Vec<FieldError>>;
    /// The state the form is for, as typed, and the alliances it ticks.
    fn state_and_shares(form: &Self::Input) -> (&str, &[i64]);
    /// The page of `form` for `state`, under its `head`.
    fn page(
        app: &AppState,
        viewer: &Viewer,
        locale: Locale,
        state: Iso3,
        head: (Chrome, FormHead),
        form: Self::Input,
    ) -> impl Future<Output = Result<Self::Page, AppError>> + Send;
    fn read(
        store: &Store,
        scope: &AccessScope,
        id: Self::Id,
    ) -> Result<Option<Self::Draft>, StoreError>;
    fn create(store: &Store, scope: &AccessScope, draft: &Self::Draft) -> Result<(), StoreError>;
    fn update(
        store: &Store,
        scope: &AccessScope,
        id: Self::Id,
        draft: &Self::Draft,
    ) -> Result<(), StoreError>;
    fn delete(store: &Store, scope: &AccessScope, id: Self::Id) -> Result<(), StoreError>;
}

/// The page of `form`, headed `heading`, posting to `target`, with the
/// problems of `errors`.
#[expect(
    clippy::too_many_arguments,
    reason = "a form page is built from the request, the writer and the form's parts"
)]
async fn form_page<R: NpmRecord>(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    writer: &Writer,
    heading: String,
    target: String,
    form: R::Input,
    errors: &[FieldError],
) -> Result<R::Page, AppError> {
    let (state, shared) = R::state_and_shares(&form);
    let iso3: Iso3 = state
        .parse()
        .map_err(|_| AppError::StateNotFound(state.to_owned()))?;
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
    R::page(app, viewer, locale, iso3, (chrome, head), form).await
}

/// The heading and address of the form that records a new one for `state`.
fn new_form<R: NpmRecord>(
    locale: Locale,
    state: &(Iso3, String, String, String),
) -> (String, String) {
    let heading = locale.t_args(
        &format!("npm-{}-new-title", R::NAME),
        &[("name", state_name(locale, state).into())],
    );
    (heading, format!("/states/{}/npm/{}s/new", state.0, R::NAME))
}

/// The heading and address of the form that changes record `id`.
fn edit_form<R: NpmRecord>(locale: Locale, id: R::Id) -> (String, String) {
    let heading = locale.t(&format!("npm-{}-edit-title", R::NAME));
    (heading, format!("/npm-{}s/{id}/edit", R::NAME))
}

/// Writes the draft of `form` with `write`: `None` once written, else what
/// was refused, field by field.
async fn save<R: NpmRecord>(
    app: &AppState,
    viewer: &Viewer,
    writer: &Writer,
    form: &R::Input,
    write: impl FnOnce(&Store, &AccessScope, &R::Draft) -> Result<(), StoreError> + Send + 'static,
) -> Result<Option<Vec<FieldError>>, AppError> {
    let draft = match R::to_draft(form, &writer.names) {
        Ok(draft) => draft,
        Err(errors) => return Ok(Some(errors)),
    };
    let scope = viewer.scope.clone();
    let written = app
        .read(move |store| Ok::<_, StoreError>(write(store, &scope, &draft)))
        .await?;
    match written {
        Ok(()) => Ok(None),
        Err(e) => refused_fields(e).map(Some),
    }
}

/// The form again, refused: its values, the problems, a 422.
async fn refused<R: NpmRecord>(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    writer: &Writer,
    (heading, target): (String, String),
    form: R::Input,
    errors: &[FieldError],
) -> Result<Response, AppError> {
    let page = form_page::<R>(app, request, viewer, writer, heading, target, form, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

/// `GET /states/{iso3}/npm/{name}s/new`
pub async fn show_new<R: NpmRecord>(
    State(app): State<AppState>,
    Path(code): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let state = known_state(&app, &code).await?;
    let writer = writer(&app, &viewer).await?;
    let owner = writer
        .owners(&viewer.scope)
        .first()
        .map(|o| o.0.clone())
        .unwrap_or_default();
    let form = R::blank(state.0, owner);
    let (heading, target) = new_form::<R>(request.locale, &state);
    let page = form_page::<R>(&app, &request, &viewer, &writer, heading, target, form, &[]).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /states/{iso3}/npm/{name}s/new`
pub async fn create<R: NpmRecord>(
    State(app): State<AppState>,
    Path(code): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let pairs = pairs_of(&viewer, body)?;
    let state = known_state(&app, &code).await?;
    let writer = writer(&app, &viewer).await?;
    let form = R::posted(state.0, pairs);
    let Some(errors) = save::<R>(&app, &viewer, &writer, &form, R::create).await? else {
        return Ok(to_npm(&request, state.0));
    };
    let head = new_form::<R>(request.locale, &state);
    refused::<R>(&app, &request, &viewer, &writer, head, form, &errors).await
}

/// The record, if the reader sees it (else a missing page) and may change
/// it (else forbidden).
async fn writable<R: NpmRecord>(
    app: &AppState,
    viewer: &Viewer,
    raw: &str,
) -> Result<(R::Id, R::Draft), AppError> {
    if viewer.session().is_none() {
        return Err(AppError::Unauthenticated);
    }
    let missing = || AppError::NotFound(format!("/npm-{}s/{raw}", R::NAME));
    let id = R::id(record_id(raw).ok_or_else(missing)?);
    let scope = viewer.scope.clone();
    let found = app
        .read(move |store| R::read(store, &scope, id))
        .await?
        .ok_or_else(missing)?;
    if !can_write(&viewer.scope, &R::access(&found)) {
        return Err(AppError::Forbidden(format!(
            "only editors of its organisation may change {} {id}",
            R::LABEL
        )));
    }
    Ok((id, found))
}

/// `GET /npm-{name}s/{id}/edit`
pub async fn show_edit<R: NpmRecord>(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let (id, draft) = writable::<R>(&app, &viewer, &raw).await?;
    let writer = writer(&app, &viewer).await?;
    let form = R::shown(&draft, &writer, request.locale);
    let (heading, target) = edit_form::<R>(request.locale, id);
    let page = form_page::<R>(&app, &request, &viewer, &writer, heading, target, form, &[]).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /npm-{name}s/{id}/edit`
pub async fn update<R: NpmRecord>(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let pairs = pairs_of(&viewer, body)?;
    let (id, before) = writable::<R>(&app, &viewer, &raw).await?;
    let state = R::state(&before);
    let writer = writer(&app, &viewer).await?;
    let form = R::posted(state, pairs);
    let write = move |store: &Store, scope: &AccessScope, draft: &R::Draft| {
        R::update(store, scope, id, draft)
    };
    let Some(errors) = save::<R>(&app, &viewer, &writer, &form, write).await? else {
        return Ok(to_npm(&request, state));
    };
    let head = edit_form::<R>(request.locale, id);
    refused::<R>(&app, &request, &viewer, &writer, head, form, &errors).await
}

/// `GET /npm-{name}s/{id}/delete`: asks before deleting.
pub async fn show_delete<R: NpmRecord>(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let (id, record) = writable::<R>(&app, &viewer, &raw).await?;
    let state = R::state(&record);
    let (explain, confirm) = (
        format!("npm-{}-delete-explain", R::NAME),
        format!("npm-{}-delete-confirm", R::NAME),
    );
    let question = DeleteQuestion {
        heading: request.locale.t_args(
            &format!("npm-{}-delete-title", R::NAME),
            &[("state", state.to_string().into())],
        ),
        explain: &explain,
        confirm: &confirm,
        target: format!("/npm-{}s/{id}/delete", R::NAME),
        back: format!("/states/{state}/npm"),
        section: "states",
    };
    confirm_delete(&app, &request, &viewer, question).await
}

/// `POST /npm-{name}s/{id}/delete`
pub async fn delete<R: NpmRecord>(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    pairs_of(&viewer, body)?;
    let (id, before) = writable::<R>(&app, &viewer, &raw).await?;
    let scope = viewer.scope.clone();
    app.read(move |store| R::delete(store, &scope, id)).await?;
    Ok(to_npm(&request, R::state(&before)))
}
