//! The forms of a consultation's page: `POST /consultations/{id}/participants`
//! adds a participant, `POST /consultations/{id}/options` an option,
//! `POST /consultations/{id}/positions` saves the positions matrix (every
//! cell at once, in one change), and `.../{n}/delete` under participants
//! and options removes one. A refused form comes back on the page with
//! its values and problems.

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use entente_core::ParseCodeError;
use entente_core::consultation::{
    ConsultationId, OptionDraft, ParticipantDraft, ParticipantSector, Position,
};
use entente_core::plan::FieldError;
use entente_store::StoreError;

use super::show::{OptionValues, ParticipantValues, Refused, sheet_response};
use super::{consultation_id, missing};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::pages::chrome::PageRequest;
use crate::pages::orgs::checked_session;
use crate::state::AppState;

type Body = Result<Form<Vec<(String, String)>>, FormRejection>;

/// The form's fields once its CSRF token matches the session's.
fn checked(viewer: &Viewer, body: Body) -> Result<Vec<(String, String)>, AppError> {
    let Ok(Form(pairs)) = body else {
        return Err(AppError::CsrfRejected);
    };
    checked_session(viewer, &value(&pairs, "csrf"))?;
    Ok(pairs)
}

fn value(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_default()
}

fn back(request: &PageRequest, id: ConsultationId, anchor: &str) -> Response {
    let lang = request.locale.code();
    Redirect::to(&format!("/consultations/{id}?lang={lang}#{anchor}")).into_response()
}

/// What the store refused, as the fields of the page's forms; a missing
/// record is the page's own answer.
fn fields(error: StoreError, raw: &str) -> Result<Vec<FieldError>, AppError> {
    match error {
        StoreError::Fields { errors } => Ok(errors),
        other => Err(AppError::refused(other, missing(raw))),
    }
}

/// `POST /consultations/{id}/participants`
pub async fn add_participant(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Body,
) -> Result<Response, AppError> {
    let pairs = checked(&viewer, body)?;
    let id = consultation_id(&raw)?;
    let values = ParticipantValues {
        org: value(&pairs, "org"),
        name: value(&pairs, "name"),
        sector: value(&pairs, "sector"),
    };
    let sector = values
        .sector
        .parse::<ParticipantSector>()
        .map_err(|e: ParseCodeError| FieldError::new("sector", "required", e.to_string()));
    let scope = viewer.scope.clone();
    let short = values.org.clone();
    let org = if short.is_empty() {
        Ok(None)
    } else {
        app.read(move |store| store.organisation_by_short_name(&scope, &short))
            .await?
            .map(|o| Some(o.id))
            .ok_or_else(|| {
                FieldError::new(
                    "org",
                    "unknown_organisation",
                    "no organisation you may see has this short name",
                )
            })
    };
    let errors = match (org, sector) {
        (Ok(org), Ok(sector)) => {
            let draft = ParticipantDraft {
                org,
                name: values.name.clone(),
                sector,
            };
            let scope = viewer.scope.clone();
            let added = app
                .read(move |store| Ok::<_, StoreError>(store.add_participant(&scope, id, &draft)))
                .await?;
            match added {
                Ok(_) => return Ok(back(&request, id, "participants-heading")),
                Err(e) => fields(e, &raw)?,
            }
        }
        (org, sector) => [org.err(), sector.err()].into_iter().flatten().collect(),
    };
    sheet_response(
        &app,
        &request,
        &viewer,
        &raw,
        Some(Refused::Participant(values, errors)),
    )
    .await
}

/// `POST /consultations/{id}/participants/{participant}/delete`
pub async fn remove_participant(
    State(app): State<AppState>,
    Path((raw, participant)): Path<(String, i64)>,
    request: PageRequest,
    viewer: Viewer,
    body: Body,
) -> Result<Response, AppError> {
    checked(&viewer, body)?;
    let id = consultation_id(&raw)?;
    let scope = viewer.scope.clone();
    app.read(move |store| Ok::<_, StoreError>(store.remove_participant(&scope, id, participant)))
        .await?
        .map_err(|e| AppError::refused(e, missing(&raw)))?;
    Ok(back(&request, id, "participants-heading"))
}

/// `POST /consultations/{id}/options`
pub async fn add_option(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Body,
) -> Result<Response, AppError> {
    let pairs = checked(&viewer, body)?;
    let id = consultation_id(&raw)?;
    let values = OptionValues {
        label: value(&pairs, "label"),
        description: value(&pairs, "description"),
    };
    let draft = OptionDraft {
        label: values.label.clone(),
        description: values.description.clone(),
    };
    let scope = viewer.scope.clone();
    let added = app
        .read(move |store| Ok::<_, StoreError>(store.add_option(&scope, id, &draft)))
        .await?;
    let errors = match added {
        Ok(_) => return Ok(back(&request, id, "options-heading")),
        Err(e) => fields(e, &raw)?,
    };
    sheet_response(
        &app,
        &request,
        &viewer,
        &raw,
        Some(Refused::Option(values, errors)),
    )
    .await
}

/// `POST /consultations/{id}/options/{option}/delete`
pub async fn remove_option(
    State(app): State<AppState>,
    Path((raw, option)): Path<(String, i64)>,
    request: PageRequest,
    viewer: Viewer,
    body: Body,
) -> Result<Response, AppError> {
    checked(&viewer, body)?;
    let id = consultation_id(&raw)?;
    let scope = viewer.scope.clone();
    app.read(move |store| Ok::<_, StoreError>(store.remove_option(&scope, id, option)))
        .await?
        .map_err(|e| AppError::refused(e, missing(&raw)))?;
    Ok(back(&request, id, "options-heading"))
}

/// The cells of the matrix form: `position-{participant}-{option}` with a
/// position's code, or nothing when the participant said nothing.
fn cells(pairs: &[(String, String)]) -> Result<Vec<(i64, i64, Option<Position>)>, FieldError> {
    let mut changes = Vec::new();
    for (name, raw) in pairs {
        let Some(key) = name.strip_prefix("position-") else {
            continue;
        };
        let ids = key
            .split_once('-')
            .and_then(|(p, o)| Some((p.parse::<i64>().ok()?, o.parse::<i64>().ok()?)));
        let Some((participant, option)) = ids else {
            return Err(FieldError::new(
                "positions",
                "unknown_cell",
                format!("{name:?} is not a cell of the matrix"),
            ));
        };
        let position = if raw.trim().is_empty() {
            None
        } else {
            Some(
                raw.trim()
                    .parse::<Position>()
                    .map_err(|e: ParseCodeError| {
                        FieldError::new("positions", "unknown_position", e.to_string())
                    })?,
            )
        };
        changes.push((participant, option, position));
    }
    Ok(changes)
}

/// `POST /consultations/{id}/positions`
pub async fn set_positions(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Body,
) -> Result<Response, AppError> {
    let pairs = checked(&viewer, body)?;
    let id = consultation_id(&raw)?;
    let errors = match cells(&pairs) {
        Ok(changes) => {
            let scope = viewer.scope.clone();
            let saved = app
                .read(move |store| Ok::<_, StoreError>(store.set_positions(&scope, id, &changes)))
                .await?;
            match saved {
                Ok(()) => return Ok(back(&request, id, "matrix-heading")),
                Err(e) => fields(e, &raw)?,
            }
        }
        Err(error) => vec![error],
    };
    sheet_response(
        &app,
        &request,
        &viewer,
        &raw,
        Some(Refused::Positions(errors)),
    )
    .await
}
