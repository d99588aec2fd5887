//! The store reads behind each view, one function per view, so handlers
//! never talk to the store and every read runs off the async runtime.

use chrono::NaiveDate;
use entente_core::access::AccessScope;
use entente_core::{Iso3, Source, State, Treaty, TreatyEvent, TreatyId, WorldMap};
use entente_store::{EventFilter, Store, StoreError};

use super::board::{Board, PartyStep, party_steps};
use super::order::in_depositary_order;
use super::profile::StateProfile;
use super::treaty::{ParticipantFilter, Participants, TreatySummary};
use crate::error::AppError;
use crate::state::AppState;

/// What every page's footer credits: the dataset's day and its sources.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    pub dataset_as_of: Option<NaiveDate>,
    pub sources: Vec<Source>,
}

pub async fn provenance(app: &AppState) -> Result<Provenance, AppError> {
    app.read(|store| {
        Ok::<_, entente_store::StoreError>(Provenance {
            dataset_as_of: store.dataset_as_of()?,
            sources: store.sources()?,
        })
    })
    .await
}

/// Everything the OPCAT dashboard draws.
pub struct Dashboard {
    pub board: Board,
    pub steps: Vec<PartyStep>,
    pub map: WorldMap,
}

fn cat_and_opcat(as_of: NaiveDate) -> EventFilter {
    EventFilter {
        state: None,
        treaties: Some(vec![TreatyId::cat(), TreatyId::opcat()]),
        as_of: Some(as_of),
    }
}

/// The CAT and OPCAT events of every state, with those that stages 6 and 7
/// take from public NPM records: the public portal never counts a private
/// profile or assessment.
fn public_stage_events(store: &Store, as_of: NaiveDate) -> Result<Vec<TreatyEvent>, StoreError> {
    let mut events = store.events(&cat_and_opcat(as_of))?;
    events.extend(store.npm_stage_events(&AccessScope::Public, None, as_of)?);
    Ok(events)
}

pub async fn board(app: &AppState, as_of: NaiveDate) -> Result<Board, AppError> {
    let (states, events) = app
        .read(move |store| {
            Ok::<_, entente_store::StoreError>((
                store.states()?,
                public_stage_events(store, as_of)?,
            ))
        })
        .await?;
    Ok(Board::build(&states, &events, as_of))
}

pub async fn dashboard(app: &AppState, as_of: NaiveDate) -> Result<Dashboard, AppError> {
    let (states, events, map) = app
        .read(move |store| {
            Ok::<_, entente_store::StoreError>((
                store.states()?,
                public_stage_events(store, as_of)?,
                store.world_map()?,
            ))
        })
        .await?;
    let opcat = TreatyId::opcat();
    let opcat_events: Vec<TreatyEvent> = events
        .iter()
        .filter(|e| e.treaty == opcat)
        .cloned()
        .collect();
    Ok(Dashboard {
        board: Board::build(&states, &events, as_of),
        steps: party_steps(&opcat_events, as_of),
        map,
    })
}

/// Every treaty, as the UN lists them rather than as the store keys them.
fn treaties_in_order(store: &Store) -> Result<Vec<Treaty>, StoreError> {
    let mut treaties = store.treaties()?;
    in_depositary_order(&mut treaties);
    Ok(treaties)
}

pub async fn state_profile(
    app: &AppState,
    iso3: Iso3,
    as_of: NaiveDate,
) -> Result<StateProfile, AppError> {
    let read = app
        .read(move |store| {
            let Some(state) = store.state(iso3)? else {
                return Ok(None);
            };
            let filter = EventFilter {
                state: Some(iso3),
                treaties: None,
                as_of: Some(as_of),
            };
            let mut events = store.events(&filter)?;
            events.extend(store.npm_stage_events(&AccessScope::Public, Some(&[iso3]), as_of)?);
            Ok::<_, entente_store::StoreError>(Some((
                state,
                treaties_in_order(store)?,
                events,
                store.sources()?,
            )))
        })
        .await?;
    let (state, treaties, events, sources) =
        read.ok_or_else(|| AppError::StateNotFound(iso3.to_string()))?;
    Ok(StateProfile::build(
        &state, &treaties, &events, &sources, as_of,
    ))
}

pub async fn treaty_summaries(
    app: &AppState,
    as_of: NaiveDate,
) -> Result<Vec<TreatySummary>, AppError> {
    let (treaties, states, events) = app
        .read(move |store| {
            let filter = EventFilter {
                state: None,
                treaties: None,
                as_of: Some(as_of),
            };
            Ok::<_, entente_store::StoreError>((
                treaties_in_order(store)?,
                store.states()?,
                store.events(&filter)?,
            ))
        })
        .await?;
    Ok(TreatySummary::list(&treaties, &states, &events, as_of))
}

/// A treaty, its summary and its participants; `None` for an unknown id.
pub struct TreatyPage {
    pub treaty: Treaty,
    pub summary: TreatySummary,
    pub participants: Participants,
    /// Every state, to offer the regions that have participants as filters.
    pub states: Vec<State>,
}

pub async fn treaty_page(
    app: &AppState,
    id: &str,
    as_of: NaiveDate,
    filter: ParticipantFilter,
    lang: &'static str,
) -> Result<TreatyPage, AppError> {
    let not_found = || AppError::TreatyNotFound(id.to_owned());
    let treaty_id: TreatyId = id.parse().map_err(|_| not_found())?;
    let read = app
        .read(move |store| {
            let Some(treaty) = store.treaty(&treaty_id)? else {
                return Ok(None);
            };
            let filter = EventFilter {
                state: None,
                treaties: Some(vec![treaty_id]),
                as_of: Some(as_of),
            };
            Ok::<_, entente_store::StoreError>(Some((
                treaty,
                store.states()?,
                store.events(&filter)?,
            )))
        })
        .await?;
    let (treaty, states, events) = read.ok_or_else(not_found)?;
    let summary =
        TreatySummary::list(std::slice::from_ref(&treaty), &states, &events, as_of).remove(0);
    let participants = Participants::build(&treaty.id, &states, &events, as_of, filter, lang);
    Ok(TreatyPage {
        treaty,
        summary,
        participants,
        states,
    })
}
