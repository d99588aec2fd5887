//! `/api/v1/treaties`: the core treaties with their counts, a treaty's
//! participants, and the count of states at each OPCAT stage.

use axum::Json;
use axum::extract::{Path, State as AppStateExtractor};
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{AppError, ErrorBody};
use crate::extract::{AsOf, Params};
use crate::pages::treaties::participant_filter;
use crate::state::AppState;
use crate::views::board::StageCount;
use crate::views::read;
use crate::views::treaty::{ParticipantFilter, Participants, TreatySummary};

/// The core treaties on one day.
#[derive(Debug, Serialize, ToSchema)]
pub struct TreatyList {
    pub as_of: NaiveDate,
    /// In the UN's depositary order (by `mtdsg_no`, numerically: IV-2, IV-3,
    /// IV-3-a, …, IV-16).
    pub treaties: Vec<TreatySummary>,
}

/// How many states were at each OPCAT stage on one day.
#[derive(Debug, Serialize, ToSchema)]
pub struct StageCounts {
    pub as_of: NaiveDate,
    /// States followed by the campaign.
    pub total: usize,
    pub parties: usize,
    /// Signatories that are not parties.
    pub signatories: usize,
    pub stages: Vec<StageCount>,
}

/// List the core human rights treaties.
///
/// The 18 core international human rights instruments with their number of
/// parties and of signatories on `as_of`, in the UN's depositary order.
#[utoipa::path(
    get,
    path = "/api/v1/treaties",
    tag = "treaties",
    params(("as_of" = Option<NaiveDate>, Query, description = "The day to count on (YYYY-MM-DD); today by default")),
    responses(
        (status = 200, description = "The treaties", body = TreatyList),
        (status = 422, description = "`as_of` is malformed (`invalid_as_of`)", body = ErrorBody),
    )
)]
pub async fn list_treaties(
    AppStateExtractor(app): AppStateExtractor<AppState>,
    as_of: AsOf,
) -> Result<Json<TreatyList>, AppError> {
    Ok(Json(TreatyList {
        as_of: as_of.date,
        treaties: read::treaty_summaries(&app, as_of.date).await?,
    }))
}

/// Show one treaty with its counts.
#[utoipa::path(
    get,
    path = "/api/v1/treaties/{id}",
    tag = "treaties",
    params(
        ("id" = String, Path, description = "Treaty identifier, e.g. opcat, cat, iccpr_op2", example = "opcat"),
        ("as_of" = Option<NaiveDate>, Query, description = "The day to count on (YYYY-MM-DD); today by default"),
    ),
    responses(
        (status = 200, description = "The treaty", body = TreatySummary),
        (status = 404, description = "No treaty has this identifier (`treaty_not_found`)", body = ErrorBody),
        (status = 422, description = "`as_of` is malformed (`invalid_as_of`)", body = ErrorBody),
    )
)]
pub async fn show_treaty(
    AppStateExtractor(app): AppStateExtractor<AppState>,
    Path(id): Path<String>,
    as_of: AsOf,
) -> Result<Json<TreatySummary>, AppError> {
    let page = read::treaty_page(&app, &id, as_of.date, ParticipantFilter::default(), "en").await?;
    Ok(Json(page.summary))
}

/// List a treaty's participants.
///
/// States that signed or joined the treaty by `as_of`, with their signature
/// and consent dates, optionally filtered and sorted. Counts are after filtering.
#[utoipa::path(
    get,
    path = "/api/v1/treaties/{id}/participants",
    tag = "treaties",
    params(
        ("id" = String, Path, description = "Treaty identifier, e.g. opcat", example = "opcat"),
        ("region" = Option<u16>, Query, description = "M49 region or sub-region code, e.g. 150 (Europe)"),
        ("regional_group" = Option<String>, Query, description = "UN regional group: african, asia_pacific, eastern_european, grulac or weog"),
        ("sort" = Option<String>, Query, description = "name (default, English names), signature or consent; dated sorts put undated states last"),
        ("as_of" = Option<NaiveDate>, Query, description = "The day to show the status for (YYYY-MM-DD); today by default"),
    ),
    responses(
        (status = 200, description = "The participants", body = Participants),
        (status = 404, description = "No treaty has this identifier (`treaty_not_found`)", body = ErrorBody),
        (status = 422, description = "A parameter is malformed (`invalid_as_of`, `invalid_parameter`)", body = ErrorBody),
    )
)]
pub async fn list_participants(
    AppStateExtractor(app): AppStateExtractor<AppState>,
    Path(id): Path<String>,
    params: Params,
    as_of: AsOf,
) -> Result<Json<Participants>, AppError> {
    let filter = participant_filter(&params)?;
    let page = read::treaty_page(&app, &id, as_of.date, filter, "en").await?;
    Ok(Json(page.participants))
}

/// Count states at each OPCAT stage.
///
/// The seven stages, from "not a party to CAT" to "NPM meets the OPCAT
/// criteria", with the number of states at each on `as_of`.
#[utoipa::path(
    get,
    path = "/api/v1/treaties/opcat/stages",
    tag = "treaties",
    params(("as_of" = Option<NaiveDate>, Query, description = "The day to count on (YYYY-MM-DD); today by default")),
    responses(
        (status = 200, description = "Counts per stage", body = StageCounts),
        (status = 422, description = "`as_of` is malformed (`invalid_as_of`)", body = ErrorBody),
    )
)]
pub async fn list_stage_counts(
    AppStateExtractor(app): AppStateExtractor<AppState>,
    as_of: AsOf,
) -> Result<Json<StageCounts>, AppError> {
    let board = read::board(&app, as_of.date).await?;
    Ok(Json(StageCounts {
        as_of: board.as_of,
        total: board.entries.len(),
        parties: board.parties(),
        signatories: board.signatories(),
        stages: board.stage_counts(),
    }))
}
