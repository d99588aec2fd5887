//! Deleting an action: `GET /actions/{id}/delete` asks for confirmation,
//! `POST /actions/{id}/delete` (with the session's CSRF token) deletes it
//! and returns to the list. Only editors of the lead organisation may.

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use entente_store::StoreError;

use super::form::writable;
use super::missing;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::pages::chrome::PageRequest;
use crate::pages::confirm::{DeleteQuestion, confirm_delete};
use crate::pages::orgs::checked_session;
use crate::pages::signin::CsrfForm;
use crate::state::AppState;

/// `GET /actions/{id}/delete`
pub async fn show_delete_action(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let (action, _) = writable(&app, &viewer, &raw).await?;
    let question = DeleteQuestion {
        heading: request.locale.t_args(
            "action-delete-title",
            &[("name", action.content.title.into())],
        ),
        explain: "action-delete-explain",
        confirm: "action-delete-confirm",
        target: format!("/actions/{}/delete", action.id),
        back: format!("/actions/{}", action.id),
        section: "actions",
    };
    confirm_delete(&app, &request, &viewer, question).await
}

/// `POST /actions/{id}/delete`
pub async fn delete_action(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, AppError> {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    checked_session(&viewer, &form.csrf)?;
    let (action, _) = writable(&app, &viewer, &raw).await?;
    let (scope, id) = (viewer.scope.clone(), action.id);
    app.read(move |store| Ok::<_, StoreError>(store.delete_action(&scope, id)))
        .await?
        .map_err(|e| AppError::refused(e, missing(&raw)))?;
    let lang = request.locale.code();
    Ok(Redirect::to(&format!("/actions?lang={lang}")).into_response())
}
