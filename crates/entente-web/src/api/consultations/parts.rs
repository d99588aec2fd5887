//! The parts of a consultation over the API: its participants, its
//! options and the positions taken, changed by editors of its owner.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use entente_core::consultation::{OptionDraft, ParticipantDraft, ParticipantSector, Position};
use entente_core::plan::FieldError;
use entente_store::StoreError;

use super::views::{
    self, ConsultationView, OptionInput, ParticipantInput, ParticipantView, PositionInput,
};
use super::{missing, number, read_back, short_name};
use crate::api::recommendations::{code, json, signed_in};
use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::state::AppState;

/// Adds a participant.
///
/// An organisation of the directory the writer may see (by short name,
/// once per consultation), or a body outside it named in full; with its
/// sector.
#[utoipa::path(
    post,
    path = "/api/v1/consultations/{id}/participants",
    tag = "consultations",
    params(("id" = i64, Path, description = "The consultation's number")),
    request_body = ParticipantInput,
    responses(
        (status = 201, description = "The new participant", body = ParticipantView),
        (status = 403, description = "Not an editor of its owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such consultation, or hidden (`consultation_not_found`)", body = ErrorBody),
        (status = 422, description = "Broken rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn add_participant(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    input: Result<Json<ParticipantInput>, JsonRejection>,
) -> Result<(StatusCode, Json<ParticipantView>), AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    let input = json(input)?;
    let added = app
        .read(move |store| {
            if store.consultation(&scope, id)?.is_none() {
                return Ok(Err(missing(id)));
            }
            let sector = code::<ParticipantSector>("sector", &input.sector);
            let org = match &input.org {
                None => Ok(None),
                Some(name) => {
                    let short = short_name(name);
                    store
                        .organisation_by_short_name(&scope, &short)?
                        .map(|o| Some(o.id))
                        .ok_or_else(|| {
                            FieldError::new(
                                "org",
                                "unknown_organisation",
                                "no organisation you may see has this short name",
                            )
                        })
                }
            };
            let participant = match (org, sector) {
                (Ok(org), Ok(sector)) => ParticipantDraft {
                    org,
                    name: input.name.trim().to_owned(),
                    sector,
                },
                (org, sector) => {
                    let errors = [org.err(), sector.err()].into_iter().flatten().collect();
                    return Ok(Err(AppError::InvalidFields(errors)));
                }
            };
            let added = match store.add_participant(&scope, id, &participant) {
                Ok(added) => added,
                Err(e) => return Ok(Err(AppError::refused(e, missing(id)))),
            };
            let matrix = store.positions_matrix(&scope, id)?.unwrap_or_default();
            let stored = matrix
                .participants
                .iter()
                .find(|p| p.id == added)
                .ok_or_else(|| StoreError::Corrupt {
                    what: format!("participant {added} is not readable"),
                })?;
            Ok::<_, StoreError>(Ok(views::participant_view(store, &scope, stored)?))
        })
        .await??;
    Ok((StatusCode::CREATED, Json(added)))
}

/// Removes a participant with its positions.
#[utoipa::path(
    delete,
    path = "/api/v1/consultations/{id}/participants/{participant}",
    tag = "consultations",
    params(
        ("id" = i64, Path, description = "The consultation's number"),
        ("participant" = i64, Path, description = "The participant's number"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, description = "Not an editor of its owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such consultation or participant, or hidden (`consultation_not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn remove_participant(
    State(app): State<AppState>,
    Path((raw, participant)): Path<(String, i64)>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    app.read(move |store| Ok::<_, StoreError>(store.remove_participant(&scope, id, participant)))
        .await?
        .map_err(|e| AppError::refused(e, missing(raw)))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds an option to discuss (an NPM model, a draft clause).
#[utoipa::path(
    post,
    path = "/api/v1/consultations/{id}/options",
    tag = "consultations",
    params(("id" = i64, Path, description = "The consultation's number")),
    request_body = OptionInput,
    responses(
        (status = 201, description = "The consultation with its new option", body = ConsultationView),
        (status = 403, description = "Not an editor of its owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such consultation, or hidden (`consultation_not_found`)", body = ErrorBody),
        (status = 422, description = "Broken rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn add_option(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    input: Result<Json<OptionInput>, JsonRejection>,
) -> Result<(StatusCode, Json<ConsultationView>), AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    let input = json(input)?;
    let option = OptionDraft {
        label: input.label,
        description: input.description,
    };
    let added = app
        .read(move |store| {
            if let Err(e) = store.add_option(&scope, id, &option) {
                return Ok(Err(AppError::refused(e, missing(id))));
            }
            Ok::<_, StoreError>(Ok(read_back(store, &scope, id)?))
        })
        .await??;
    Ok((StatusCode::CREATED, Json(added)))
}

/// Removes an option with the positions taken on it.
#[utoipa::path(
    delete,
    path = "/api/v1/consultations/{id}/options/{option}",
    tag = "consultations",
    params(
        ("id" = i64, Path, description = "The consultation's number"),
        ("option" = i64, Path, description = "The option's number"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, description = "Not an editor of its owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such consultation or option, or hidden (`consultation_not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn remove_option(
    State(app): State<AppState>,
    Path((raw, option)): Path<(String, i64)>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    app.read(move |store| Ok::<_, StoreError>(store.remove_option(&scope, id, option)))
        .await?
        .map_err(|e| AppError::refused(e, missing(raw)))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Sets a participant's position on an option.
///
/// It replaces the position they had; the answer is the consultation with
/// its matrix and consensus figures as they now stand.
#[utoipa::path(
    put,
    path = "/api/v1/consultations/{id}/positions",
    tag = "consultations",
    params(("id" = i64, Path, description = "The consultation's number")),
    request_body = PositionInput,
    responses(
        (status = 200, description = "The consultation as it now stands", body = ConsultationView),
        (status = 403, description = "Not an editor of its owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such consultation, or hidden (`consultation_not_found`)", body = ErrorBody),
        (status = 422, description = "An unknown participant, option or position (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn set_position(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    input: Result<Json<PositionInput>, JsonRejection>,
) -> Result<Json<ConsultationView>, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    let input = json(input)?;
    let set = app
        .read(move |store| {
            if store.consultation(&scope, id)?.is_none() {
                return Ok(Err(missing(id)));
            }
            let position = match code::<Position>("position", &input.position) {
                Ok(p) => p,
                Err(e) => return Ok(Err(AppError::InvalidFields(vec![e]))),
            };
            if let Err(e) =
                store.set_position(&scope, id, input.participant, input.option, position)
            {
                return Ok(Err(AppError::refused(e, missing(id))));
            }
            Ok::<_, StoreError>(Ok(read_back(store, &scope, id)?))
        })
        .await??;
    Ok(Json(set))
}
