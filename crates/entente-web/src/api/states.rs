//! `/api/v1/states`: states with their OPCAT stage, and one state's profile.

use axum::Json;
use axum::extract::{Path, State as AppStateExtractor};
use chrono::NaiveDate;
use entente_core::{Iso3, RegionalGroup, Stage};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{AppError, ErrorBody};
use crate::extract::{AsOf, Params};
use crate::state::AppState;
use crate::views::board::BoardEntry;
use crate::views::profile::StateProfile;
use crate::views::read;

/// States with their OPCAT stage on one day.
#[derive(Debug, Serialize, ToSchema)]
pub struct StateList {
    pub as_of: NaiveDate,
    pub count: usize,
    pub states: Vec<BoardEntry>,
}

/// List states with their OPCAT stage.
///
/// The states followed by the campaign (UN members, and any state with a CAT
/// or OPCAT event), sorted by ISO code, as they stood on `as_of`.
#[utoipa::path(
    get,
    path = "/api/v1/states",
    tag = "states",
    params(
        ("region" = Option<u16>, Query, description = "M49 region or sub-region code, e.g. 150 (Europe)"),
        ("regional_group" = Option<String>, Query, description = "UN regional group: african, asia_pacific, eastern_european, grulac or weog"),
        ("stage" = Option<String>, Query, description = "OPCAT stage code, e.g. party_npm_pending"),
        ("as_of" = Option<NaiveDate>, Query, description = "The day to show the status for (YYYY-MM-DD); today by default"),
    ),
    responses(
        (status = 200, description = "The states", body = StateList),
        (status = 422, description = "A parameter is malformed (`invalid_as_of`, `invalid_parameter`)", body = ErrorBody),
    )
)]
pub async fn list_states(
    AppStateExtractor(app): AppStateExtractor<AppState>,
    params: Params,
    as_of: AsOf,
) -> Result<Json<StateList>, AppError> {
    let region: Option<u16> = params.parse("region", "an M49 area code, such as 150")?;
    let group: Option<RegionalGroup> = params.parse(
        "regional_group",
        "one of african, asia_pacific, eastern_european, grulac, weog",
    )?;
    let stage: Option<Stage> = params.parse("stage", "an OPCAT stage code, such as signatory")?;
    let board = read::board(&app, as_of.date).await?;
    let states: Vec<BoardEntry> = board
        .entries
        .into_iter()
        .filter(|e| {
            region.is_none_or(|code| {
                [&e.state.region, &e.state.subregion]
                    .into_iter()
                    .flatten()
                    .any(|a| a.code == code)
            })
        })
        .filter(|e| group.is_none_or(|g| e.state.regional_group == Some(g)))
        .filter(|e| stage.is_none_or(|s| e.stage == s))
        .collect();
    Ok(Json(StateList {
        as_of: board.as_of,
        count: states.len(),
        states,
    }))
}

/// Show one state's treaty status.
///
/// Names, region, regional group, its standing under each core treaty, its
/// OPCAT stage and deadlines, and its events with their sources, on `as_of`.
#[utoipa::path(
    get,
    path = "/api/v1/states/{iso3}",
    tag = "states",
    params(
        ("iso3" = String, Path, description = "ISO 3166-1 alpha-3 code, any case", example = "FRA"),
        ("as_of" = Option<NaiveDate>, Query, description = "The day to show the status for (YYYY-MM-DD); today by default"),
    ),
    responses(
        (status = 200, description = "The state's profile", body = StateProfile),
        (status = 404, description = "No state has this code (`state_not_found`)", body = ErrorBody),
        (status = 422, description = "`as_of` is malformed (`invalid_as_of`)", body = ErrorBody),
    )
)]
pub async fn show_state(
    AppStateExtractor(app): AppStateExtractor<AppState>,
    Path(code): Path<String>,
    as_of: AsOf,
) -> Result<Json<StateProfile>, AppError> {
    let iso3: Iso3 = code
        .parse()
        .map_err(|_| AppError::StateNotFound(code.clone()))?;
    Ok(Json(read::state_profile(&app, iso3, as_of.date).await?))
}
