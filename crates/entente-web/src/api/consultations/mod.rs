//! `/api/v1/consultations`: consultations (typically national, on the
//! design of the NPM) with their participants, the options discussed and
//! each participant's position on each option, read with the positions
//! matrix and the consensus figures of each option; and
//! `/api/v1/states/{iso3}/consultations`. Reading takes whatever the
//! session or token may read (a hidden consultation answers exactly as a
//! missing one, `consultation_not_found`); changing one takes an editor or
//! admin of its owner. Broken rules come back together as `invalid_fields`.

pub mod parts;
mod views;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use entente_core::Iso3;
use entente_core::access::{AccessScope, AllianceId, RecordAccess, Visibility, can_write};
use entente_core::consultation::{ConsultationDraft, ConsultationId, ConsultationKind};
use entente_core::plan::FieldError;
use entente_store::{ConsultationFilter, PageRequest, Store, StoreError};

use views::{ConsultationInput, ConsultationList, ConsultationView, ListParams};

use crate::api::actions::body::{AllianceNumber, OrgName};
use crate::api::recommendations::{code, json, parse_param, signed_in};
use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::locale::form_pairs;
use crate::state::AppState;

pub(super) fn missing(id: impl std::fmt::Display) -> AppError {
    AppError::ConsultationNotFound(id.to_string())
}

pub(super) fn number(raw: &str) -> Result<ConsultationId, AppError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(ConsultationId)
        .ok_or_else(|| missing(raw))
}

pub(super) fn short_name(name: &OrgName) -> String {
    match name {
        OrgName::ShortName(s) | OrgName::Entry { short_name: s } => s.trim().to_owned(),
    }
}

fn list_query(
    store: &Store,
    scope: &AccessScope,
    raw: Option<&str>,
) -> Result<Result<(ConsultationFilter, PageRequest), AppError>, StoreError> {
    let pairs: Vec<(String, String)> = raw.map(|q| form_pairs(q).collect()).unwrap_or_default();
    const KNOWN: [&str; 5] = ["state", "kind", "owner", "limit", "offset"];
    if let Some((name, _)) = pairs.iter().find(|(k, _)| !KNOWN.contains(&k.as_str())) {
        return Ok(Err(AppError::InvalidParameter {
            name: "query",
            reason: format!("{name:?} is not a parameter of this list"),
        }));
    }
    let parsed = (|| {
        let limit = parse_param::<u32>(&pairs, "limit")?.unwrap_or(PageRequest::DEFAULT_LIMIT);
        if limit == 0 || limit > PageRequest::MAX_LIMIT {
            return Err(AppError::InvalidParameter {
                name: "limit",
                reason: format!("{limit} is not between 1 and 500"),
            });
        }
        let page = PageRequest {
            limit,
            offset: parse_param::<u64>(&pairs, "offset")?.unwrap_or(0),
        };
        let filter = ConsultationFilter {
            states: parse_param::<Iso3>(&pairs, "state")?.into_iter().collect(),
            kind: parse_param::<ConsultationKind>(&pairs, "kind")?,
            owner: None,
        };
        Ok((filter, page, parse_param::<String>(&pairs, "owner")?))
    })();
    let (mut filter, page, owner) = match parsed {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    if let Some(short) = owner {
        match store.organisation_by_short_name(scope, &short)? {
            Some(org) => filter.owner = Some(org.id),
            None => {
                return Ok(Err(AppError::InvalidParameter {
                    name: "owner",
                    reason: format!("no organisation you may see has the short name {short:?}"),
                }));
            }
        }
    }
    Ok(Ok((filter, page)))
}

/// The draft a body makes, every bad value named.
fn draft(
    store: &Store,
    scope: &AccessScope,
    input: ConsultationInput,
    demo: bool,
) -> Result<Result<ConsultationDraft, AppError>, StoreError> {
    let state = input
        .state
        .trim()
        .to_uppercase()
        .parse::<Iso3>()
        .map_err(|e| FieldError::new("state", "unknown_state", e.to_string()));
    let kind = code::<ConsultationKind>("kind", &input.kind);
    let visibility = match &input.visibility {
        Some(v) => code::<Visibility>("visibility", v),
        None => Ok(Visibility::Private),
    };
    let short = short_name(&input.owner);
    let owner = store
        .organisation_by_short_name(scope, &short)?
        .map(|o| o.id)
        .ok_or_else(|| {
            FieldError::new(
                "owner",
                "unknown_organisation",
                "no organisation you may see has this short name",
            )
        });
    if let Ok(owner) = owner {
        if !can_write(scope, &RecordAccess::private(owner)) {
            return Ok(Err(AppError::Forbidden(format!(
                "only editors of {short:?} may record its consultations"
            ))));
        }
    }
    let shared_with: Vec<AllianceId> = input
        .shared_with
        .iter()
        .map(|a| match a {
            AllianceNumber::Id(id) | AllianceNumber::Entry { id } => AllianceId(*id),
        })
        .collect();
    Ok(match (state, kind, visibility, owner) {
        (Ok(state), Ok(kind), Ok(visibility), Ok(owner)) => {
            let draft = ConsultationDraft {
                state,
                title: input.title.trim().to_owned(),
                kind,
                start: input.start,
                end: input.end,
                outcome: input.outcome.trim().to_owned(),
                owner,
                visibility,
                shared_with,
                demo,
            };
            draft
                .validate()
                .map(|()| draft)
                .map_err(AppError::InvalidFields)
        }
        (state, kind, visibility, owner) => Err(AppError::InvalidFields(
            [state.err(), kind.err(), visibility.err(), owner.err()]
                .into_iter()
                .flatten()
                .collect(),
        )),
    })
}

/// The consultation with its matrix, as `scope` sees it after a change.
pub(super) fn read_back(
    store: &Store,
    scope: &AccessScope,
    id: ConsultationId,
) -> Result<ConsultationView, StoreError> {
    let unreadable = || StoreError::Corrupt {
        what: format!("consultation {id} is not readable after its change"),
    };
    let consultation = store.consultation(scope, id)?.ok_or_else(unreadable)?;
    let matrix = store.positions_matrix(scope, id)?.ok_or_else(unreadable)?;
    views::view(store, scope, consultation, Some(matrix))
}

/// The consultations the reader may see.
///
/// Latest start first, undated last; filtered and paged. Without the
/// positions matrix, which `GET /api/v1/consultations/{id}` gives.
#[utoipa::path(
    get,
    path = "/api/v1/consultations",
    tag = "consultations",
    params(ListParams),
    responses(
        (status = 200, description = "A page of visible consultations", body = ConsultationList),
        (status = 422, description = "A parameter cannot be used (`invalid_parameter`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_consultations(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Json<ConsultationList>, AppError> {
    let scope = viewer.scope;
    let list = app
        .read(move |store| {
            let (filter, page) = match list_query(store, &scope, raw.as_deref())? {
                Ok(q) => q,
                Err(e) => return Ok(Err(e)),
            };
            let found = store.list_consultations(&scope, &filter, page)?;
            Ok::<_, StoreError>(Ok(ConsultationList {
                total: found.total,
                limit: page.limit,
                offset: page.offset,
                items: found
                    .consultations
                    .into_iter()
                    .map(|c| views::view(store, &scope, c, None))
                    .collect::<Result<_, _>>()?,
            }))
        })
        .await??;
    Ok(Json(list))
}

/// The consultations on one state the reader may see, latest first.
#[utoipa::path(
    get,
    path = "/api/v1/states/{iso3}/consultations",
    tag = "consultations",
    params(("iso3" = String, Path, description = "ISO 3166-1 alpha-3 code")),
    responses(
        (status = 200, description = "The visible consultations on the state", body = [ConsultationView]),
        (status = 404, description = "No such state (`state_not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_state_consultations(
    State(app): State<AppState>,
    Path(code): Path<String>,
    viewer: Viewer,
) -> Result<Json<Vec<ConsultationView>>, AppError> {
    let iso3: Iso3 = code
        .parse()
        .map_err(|_| AppError::StateNotFound(code.clone()))?;
    let scope = viewer.scope;
    let list = app
        .read(move |store| {
            if store.state(iso3)?.is_none() {
                return Ok::<_, StoreError>(Err(AppError::StateNotFound(code)));
            }
            Ok(Ok(store
                .state_consultations(&scope, iso3)?
                .into_iter()
                .map(|c| views::view(store, &scope, c, None))
                .collect::<Result<Vec<_>, _>>()?))
        })
        .await??;
    Ok(Json(list))
}

/// One consultation with its positions matrix and the consensus figures
/// of each option, overall and by sector.
///
/// A read from outside the owner of a consultation that is not public is
/// logged in the owner's audit log.
#[utoipa::path(
    get,
    path = "/api/v1/consultations/{id}",
    tag = "consultations",
    params(("id" = i64, Path, description = "The consultation's number")),
    responses(
        (status = 200, description = "The consultation", body = ConsultationView),
        (status = 404, description = "No such consultation, or hidden from the reader (`consultation_not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_consultation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<Json<ConsultationView>, AppError> {
    let id = number(&raw)?;
    let scope = viewer.scope;
    let found = app
        .read(move |store| {
            let Some(c) = store.consultation(&scope, id)? else {
                return Ok::<_, StoreError>(None);
            };
            let content = &c.content;
            crate::auth::audit_outside_read(
                store,
                &scope,
                content.owner,
                content.visibility,
                "consultation",
                id.0,
            )?;
            let matrix = store.positions_matrix(&scope, id)?;
            Ok(Some(views::view(store, &scope, c, matrix)?))
        })
        .await?;
    found.map(Json).ok_or_else(|| missing(raw))
}

/// Records a consultation.
///
/// Needs an editor or admin of the owner; the visibility is `private`
/// unless given.
#[utoipa::path(
    post,
    path = "/api/v1/consultations",
    tag = "consultations",
    request_body = ConsultationInput,
    responses(
        (status = 201, description = "The new consultation", body = ConsultationView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the owner, or a read-only token", body = ErrorBody),
        (status = 422, description = "Broken rules, each with its field (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn create_consultation(
    State(app): State<AppState>,
    viewer: Viewer,
    input: Result<Json<ConsultationInput>, JsonRejection>,
) -> Result<(StatusCode, Json<ConsultationView>), AppError> {
    let scope = signed_in(&viewer)?;
    let input = json(input)?;
    let created = app
        .read(move |store| {
            let draft = match draft(store, &scope, input, false)? {
                Ok(d) => d,
                Err(e) => return Ok(Err(e)),
            };
            let id = match store.create_consultation(&scope, &draft) {
                Ok(id) => id,
                Err(e) => return Ok(Err(AppError::refused(e, missing("new")))),
            };
            Ok::<_, StoreError>(Ok(read_back(store, &scope, id)?))
        })
        .await??;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Replaces a consultation's content.
///
/// Its participants, options and positions stay.
#[utoipa::path(
    put,
    path = "/api/v1/consultations/{id}",
    tag = "consultations",
    params(("id" = i64, Path, description = "The consultation's number")),
    request_body = ConsultationInput,
    responses(
        (status = 200, description = "The consultation as changed", body = ConsultationView),
        (status = 403, description = "Not an editor of its owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such consultation, or hidden (`consultation_not_found`)", body = ErrorBody),
        (status = 422, description = "Broken rules (`invalid_fields`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn update_consultation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
    input: Result<Json<ConsultationInput>, JsonRejection>,
) -> Result<Json<ConsultationView>, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    let input = json(input)?;
    let updated = app
        .read(move |store| {
            let Some(before) = store.consultation(&scope, id)? else {
                return Ok(Err(missing(id)));
            };
            if !can_write(&scope, &before.content.access()) {
                return Ok(Err(AppError::Forbidden(format!(
                    "only editors of its owner may change consultation {id}"
                ))));
            }
            let draft = match draft(store, &scope, input, before.content.demo)? {
                Ok(d) => d,
                Err(e) => return Ok(Err(e)),
            };
            if let Err(e) = store.update_consultation(&scope, id, &draft) {
                return Ok(Err(AppError::refused(e, missing(id))));
            }
            Ok::<_, StoreError>(Ok(read_back(store, &scope, id)?))
        })
        .await??;
    Ok(Json(updated))
}

/// Deletes a consultation with its participants, options and positions.
#[utoipa::path(
    delete,
    path = "/api/v1/consultations/{id}",
    tag = "consultations",
    params(("id" = i64, Path, description = "The consultation's number")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not an editor of its owner (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such consultation, or hidden (`consultation_not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn delete_consultation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    let id = number(&raw)?;
    app.read(move |store| Ok::<_, StoreError>(store.delete_consultation(&scope, id)))
        .await?
        .map_err(|e| AppError::refused(e, missing(raw)))?;
    Ok(StatusCode::NO_CONTENT)
}
