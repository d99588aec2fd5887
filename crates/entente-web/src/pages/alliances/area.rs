//! Where an alliance campaigns, from its page: `POST /alliances/{id}/area`
//! for admins of its owner.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use entente_core::access::can_administer;
use entente_core::{Iso3, RegionalGroup};
use entente_store::{Area, StoreError};

use super::{CreateForm, alliance_page_with};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::pages::chrome::PageRequest;
use crate::pages::org_settings::{split_codes, states_problem};
use crate::pages::orgs::checked_session;
use crate::state::AppState;
use crate::views::alliance::{self, AllianceView};

/// Where an alliance campaigns, as a form holds it.
#[derive(Debug, Default, Clone)]
pub struct AreaForm {
    /// State codes as typed.
    pub states: String,
    /// The checked regional groups, by code.
    pub regions: Vec<String>,
}

impl AreaForm {
    pub(super) fn of(view: &AllianceView) -> Self {
        AreaForm {
            states: view.states.join(", "),
            regions: view.regions.clone(),
        }
    }

    pub fn has_region(&self, code: &str) -> bool {
        self.regions.iter().any(|r| r == code)
    }

    /// The area asked for, or `None` when a code cannot be one.
    pub(super) fn area(&self) -> Option<Area> {
        let states: Result<Vec<Iso3>, _> = split_codes(&self.states).map(str::parse).collect();
        let regions: Result<Vec<RegionalGroup>, _> =
            self.regions.iter().map(|r| r.parse()).collect();
        Some(Area {
            states: states.ok()?,
            regions: regions.ok()?,
        })
    }
}

/// `POST /alliances/{id}/area`: an admin of the owner sets the states and
/// regions the alliance campaigns in; back to its page, or the page with
/// the reason (422) when a state is unknown.
pub async fn set_alliance_area(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let form = CreateForm::parse(&body);
    checked_session(&viewer, &form.csrf)?;
    let Some(id) = alliance::parse_id(&raw) else {
        return Err(AppError::AllianceNotFound(raw));
    };
    let scope = viewer.scope.clone();
    let found = app
        .read(move |store| store.alliance(&scope, id))
        .await?
        .ok_or_else(|| AppError::AllianceNotFound(raw.clone()))?;
    if !can_administer(&viewer.scope, found.owner) {
        return Err(AppError::Forbidden(format!(
            "only an admin of organisation {} may change alliance {raw}",
            found.owner
        )));
    }
    let locale = request.locale;
    // `None`: saved; otherwise the store's refusal, if it got that far.
    let refusal: Option<Option<String>> = match form.area.area() {
        None => Some(None),
        Some(area) => {
            let scope = viewer.scope.clone();
            let saved = app
                .read(move |store| Ok::<_, StoreError>(store.set_alliance_area(&scope, id, &area)))
                .await?;
            match saved {
                Ok(()) => None,
                // A well-formed code that names no state.
                Err(StoreError::Invalid { what }) => Some(Some(what)),
                Err(e) => return Err(AppError::refused(e, AppError::AllianceNotFound(raw))),
            }
        }
    };
    let Some(refusal) = refusal else {
        let lang = locale.code();
        return Ok(Redirect::to(&format!("/alliances/{raw}?lang={lang}")).into_response());
    };
    let why = states_problem(locale, &form.area.states, refusal.as_deref());
    let refused = Some((form.area, why));
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    alliance_page_with(
        &app,
        &request,
        &viewer,
        raw,
        status,
        None,
        String::new(),
        refused,
    )
    .await
}
