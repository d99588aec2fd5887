//! Joint actions proposed from an overlap, through the API: drafting one
//! (`POST /api/v1/coordination/proposals`), the list of the user's
//! organisations' proposals, and each step (send, accept, decline,
//! withdraw). The board's pages share [`propose_in`] and [`step_in`].

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use chrono::NaiveDateTime;
use entente_core::access::AccessScope;
use entente_core::plan::ActionId;
use entente_store::{Action, JointProposal, JointWording, Store, StoreError};
use fluent_templates::fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::locale::Locale;
use crate::state::AppState;

/// A step of a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Send,
    Accept,
    Decline,
    Withdraw,
}

/// A proposal as a member of the proposing or the invited organisation
/// sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProposalView {
    pub id: i64,
    /// The proposed action (`/api/v1/actions/{id}`).
    pub action_id: i64,
    /// The proposed action's title; absent when the reader may no longer
    /// read it (the invited organisation, once declined or withdrawn).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub proposer_org: i64,
    /// Absent when the reader does not see the organisation's directory entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposer_name: Option<String>,
    pub invited_org: i64,
    /// Absent when the reader does not see the organisation's directory entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invited_name: Option<String>,
    /// The overlapping actions it joins, those the reader may read.
    pub joins: Vec<i64>,
    /// `draft`, `pending`, `accepted`, `declined` or `withdrawn`.
    #[schema(example = "pending")]
    pub status: String,
    pub created_at: NaiveDateTime,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<NaiveDateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<NaiveDateTime>,
}

impl From<&JointProposal> for ProposalView {
    fn from(p: &JointProposal) -> Self {
        ProposalView {
            id: p.id,
            action_id: p.action.0,
            title: p.title.clone(),
            proposer_org: p.proposer.0,
            proposer_name: p.proposer_name.clone().map(|(name, _)| name),
            invited_org: p.invited.0,
            invited_name: p.invited_name.clone().map(|(name, _)| name),
            joins: p.joins.iter().map(|a| a.0).collect(),
            status: p.status.code().to_owned(),
            created_at: p.created_at,
            sent_at: p.sent_at,
            decided_at: p.decided_at,
        }
    }
}

/// The overlap to draft a joint action from.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposalBody {
    /// One action of the overlap.
    pub first: i64,
    /// The other, of another organisation.
    pub second: i64,
    /// Send it to the other organisation at once, without changing the
    /// draft first; false by default.
    #[serde(default)]
    pub send: bool,
}

/// The title and description of a joint action in `locale`, from the two
/// actions it joins.
pub fn wording(locale: Locale) -> impl FnOnce(&Action, &Action) -> JointWording {
    move |a, b| {
        let args = [
            ("subject", FluentValue::from(a.content.title.clone())),
            ("name", FluentValue::from(b.content.title.clone())),
        ];
        JointWording {
            title: locale.t_args("joint-draft-title", &args),
            description: locale.t_args("joint-draft-description", &args),
        }
    }
}

/// Drafts a joint action from the overlap of `first` and `second` (and
/// sends it when `send`): what the API and the board share.
pub fn propose_in(
    store: &Store,
    scope: &AccessScope,
    locale: Locale,
    first: i64,
    second: i64,
    send: bool,
) -> Result<Result<(i64, ActionId), AppError>, StoreError> {
    let missing = || AppError::NotFound(format!("overlap of actions \"{first}\" and \"{second}\""));
    if first <= 0 || second <= 0 || first == second {
        return Ok(Err(missing()));
    }
    let made =
        store.propose_joint_action(scope, ActionId(first), ActionId(second), wording(locale));
    let (id, action) = match made {
        Ok(made) => made,
        Err(e) => return Ok(Err(AppError::refused(e, missing()))),
    };
    if send {
        store.send_joint_proposal(scope, id)?;
    }
    Ok(Ok((id, action)))
}

/// Takes `step` on proposal `id` (as written in the address).
pub fn step_in(
    store: &Store,
    scope: &AccessScope,
    id: &str,
    step: Step,
) -> Result<Result<i64, AppError>, StoreError> {
    let missing = AppError::NotFound(format!("joint proposal \"{id}\""));
    let Some(id) = id.parse::<i64>().ok().filter(|id| *id > 0) else {
        return Ok(Err(missing));
    };
    let done = match step {
        Step::Send => store.send_joint_proposal(scope, id),
        Step::Accept => store.accept_joint_proposal(scope, id),
        Step::Decline => store.decline_joint_proposal(scope, id),
        Step::Withdraw => store.withdraw_joint_proposal(scope, id),
    };
    Ok(done.map(|()| id).map_err(|e| AppError::refused(e, missing)))
}

fn signed_in(viewer: &Viewer) -> Result<AccessScope, AppError> {
    match viewer.account {
        Some(_) => Ok(viewer.scope.clone()),
        None => Err(AppError::Unauthenticated),
    }
}

/// Lists the joint proposals of the user's organisations.
///
/// Those they made (drafts included) and those sent to them, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/coordination/proposals",
    tag = "coordination",
    responses(
        (status = 200, description = "Newest first", body = Vec<ProposalView>),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn list_proposals(
    State(app): State<AppState>,
    viewer: Viewer,
) -> Result<Json<Vec<ProposalView>>, AppError> {
    let scope = signed_in(&viewer)?;
    let found = app.read(move |store| store.joint_proposals(&scope)).await?;
    Ok(Json(found.iter().map(ProposalView::from).collect()))
}

/// Proposes a joint action from an overlap.
///
/// An editor of the lead of either action the reader sees overlapping
/// drafts a private idea led by that organisation with the other as
/// partner: the kind, phase and level of `first`, the states and
/// audiences of both, dates spanning both, a title and description in the
/// reader's language (`Accept-Language`). The draft may be changed like
/// any action (`PUT /api/v1/actions/{id}`) before it is sent; the invited
/// organisation reads it once sent. Two actions the reader does not see
/// overlapping answer as missing.
#[utoipa::path(
    post,
    path = "/api/v1/coordination/proposals",
    tag = "coordination",
    request_body = ProposalBody,
    responses(
        (status = 201, description = "The proposal, a draft (or pending when sent)", body = ProposalView),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of either lead (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No overlap of these actions the reader sees (`not_found`)", body = ErrorBody),
        (status = 422, description = "The body cannot be read (`invalid_field`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn create_proposal(
    State(app): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    body: Result<Json<ProposalBody>, JsonRejection>,
) -> Result<(StatusCode, Json<ProposalView>), AppError> {
    let scope = signed_in(&viewer)?;
    let body = body.map(|Json(b)| b).map_err(|e| AppError::InvalidField {
        field: "body",
        reason: e.body_text(),
    })?;
    let locale = Locale::negotiate(None, &headers);
    let made = app
        .read(move |store| -> Result<Result<_, AppError>, StoreError> {
            let (id, _) =
                match propose_in(store, &scope, locale, body.first, body.second, body.send)? {
                    Ok(made) => made,
                    Err(e) => return Ok(Err(e)),
                };
            let proposal = store.joint_proposal(&scope, id)?;
            Ok(proposal.ok_or_else(|| AppError::NotFound(format!("joint proposal \"{id}\""))))
        })
        .await??;
    Ok((StatusCode::CREATED, Json(ProposalView::from(&made))))
}

macro_rules! step_route {
    ($name:ident, $step:expr, $path:literal, $summary:literal, $who:literal, $from:literal) => {
        #[doc = $summary]
        ///
        #[doc = $who]
        #[utoipa::path(
            post,
            path = $path,
            tag = "coordination",
            params(("id" = i64, Path, description = "The proposal's number")),
            responses(
                (status = 204, description = "Done"),
                (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
                (status = 403, description = "Not an editor of the organisation that takes this step (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
                (status = 404, description = "No proposal the reader sees has this number (`not_found`)", body = ErrorBody),
                (status = 409, description = $from, body = ErrorBody),
            ),
            security(("bearer" = []))
        )]
        pub async fn $name(
            State(app): State<AppState>,
            Path(id): Path<String>,
            viewer: Viewer,
        ) -> Result<StatusCode, AppError> {
            let scope = signed_in(&viewer)?;
            app.read(move |store| step_in(store, &scope, &id, $step))
                .await??;
            Ok(StatusCode::NO_CONTENT)
        }
    };
}

step_route!(
    send_proposal,
    Step::Send,
    "/api/v1/coordination/proposals/{id}/send",
    "Sends a drafted joint action to the invited organisation.",
    "An editor of the proposing organisation; the invited organisation's members read the action from then on.",
    "Not a draft (`conflict`)"
);
step_route!(
    accept_proposal,
    Step::Accept,
    "/api/v1/coordination/proposals/{id}/accept",
    "Accepts a joint action proposed to the user's organisation.",
    "An editor of the invited organisation; the action becomes planned, led by the proposer with the invited organisation as partner, and is audited for both.",
    "Not pending (`conflict`)"
);
step_route!(
    decline_proposal,
    Step::Decline,
    "/api/v1/coordination/proposals/{id}/decline",
    "Declines a joint action proposed to the user's organisation.",
    "An editor of the invited organisation; the proposer sees it declined, and the action stays its private idea without the invited organisation.",
    "Not pending (`conflict`)"
);
step_route!(
    withdraw_proposal,
    Step::Withdraw,
    "/api/v1/coordination/proposals/{id}/withdraw",
    "Withdraws a joint action the user's organisation proposed.",
    "An editor of the proposing organisation, while a draft or pending; the action stays its private idea without the invited organisation.",
    "Already accepted, declined or withdrawn (`conflict`)"
);
