//! `GET /board`: the coordination board of the workspace. Overlaps, the
//! gap map and table, the open recommendations no action pushes, the
//! deadline timeline and partner suggestions over
//! the plan the reader may see (the anonymous public: public actions
//! only), filtered by state, regional group, alliance and phase, as of a day.

mod filters;
pub mod proposals;
pub(crate) mod rows;
pub(crate) mod signals;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use entente_core::access::{AccessScope, OrgId, Role};
use entente_core::coordination::{
    self, Deadline, Gap, GapSettings, OverlapSettings, Overlaps, PartnerSuggestion, Place,
    PlannedAction, Playbook, Signal, SignalOverlap,
};
use entente_core::plan::ActionId;
use entente_core::{Iso3, WorldMap};
use entente_store::{
    ActionLabel, CoordinationFilter, CoordinationInputs, JointProposal, Recommendation,
    SentRequest, Store, StoreError,
};

use crate::auth::Viewer;
use crate::error::AppError;
use crate::extract::AsOf;
use crate::pages::actions::filters::{Choice, Select};
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::render;
use crate::state::AppState;
use crate::svg::map;
use crate::views::actions::Lookups;
use crate::views::read;
use filters::BoardFilters;
use rows::{DeadlineRow, GapRow, OverlapRow, PartnerRow, Sources, UnpushedRow, severity_code};

/// The overlaps the board lists at most.
const OVERLAPS_SHOWN: usize = 50;

/// The gaps and the deadlines the board lists at most; the filters narrow
/// a longer list.
const ROWS_SHOWN: usize = 200;

/// One entry of the gap map's legend.
pub struct LegendItem {
    pub class: &'static str,
    pub label: String,
    pub count: usize,
}

/// The partner form and its answer.
pub struct PartnerPanel {
    /// The reader's organisations, and the states, to choose from.
    pub selects: Vec<Select>,
    /// The suggestions, once an organisation and a state are chosen.
    pub rows: Option<Vec<PartnerRow>>,
}

/// The board's findings, as rows in the page's language.
pub struct BoardTables {
    pub overlaps: Vec<OverlapRow>,
    /// How many overlaps there are in all.
    pub overlaps_caption: String,
    pub map_svg: String,
    pub legend: Vec<LegendItem>,
    pub gaps: Vec<GapRow>,
    /// That only the first gaps are listed, when there are more.
    pub gaps_cut: Option<String>,
    pub unpushed: Vec<UnpushedRow>,
    /// That only the first unpushed recommendations are listed.
    pub unpushed_cut: Option<String>,
    pub deadlines: Vec<DeadlineRow>,
    /// That only the first deadlines are listed, when there are more.
    pub deadlines_cut: Option<String>,
    /// For members of an organisation only.
    pub partners: Option<PartnerPanel>,
    /// For members of an organisation only.
    pub signals: Option<signals::SignalPanel>,
    /// The joint actions proposed by or to the reader's organisations; for
    /// members only.
    pub proposals: Option<Vec<proposals::ProposalRow>>,
}

#[derive(Template)]
#[template(path = "board.html")]
pub struct BoardPage {
    pub chrome: Chrome,
    /// The session's form token, for proposing a joint action.
    pub csrf: String,
    pub selects: Vec<Select>,
    pub filters_active: bool,
    pub tables: BoardTables,
}

/// What the board reads from the store in one go.
struct Findings {
    lookups: Lookups,
    inputs: CoordinationInputs,
    overlaps: Overlaps,
    gaps: Vec<Gap>,
    unpushed: Vec<Recommendation>,
    deadlines: Vec<Deadline>,
    labels: BTreeMap<ActionId, ActionLabel>,
    partners: Option<Vec<PartnerSuggestion>>,
    map: WorldMap,
    signals: Vec<Signal>,
    signal_overlaps: Vec<SignalOverlap>,
    sent: Vec<SentRequest>,
    proposals: Vec<JointProposal>,
}

/// `GET /board`: the coordination board as the reader may see it.
pub async fn show_board(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
    as_of: AsOf,
) -> Result<Html<String>, AppError> {
    let locale = request.locale;
    let scope = viewer.scope.clone();
    let lookups = app.read(move |store| Lookups::load(store, &scope)).await?;
    let filters = BoardFilters::read(&request.params, &lookups, locale)?;
    let partner_query = partner_query(&request, &viewer.scope, &lookups)?;
    let scope = viewer.scope.clone();
    let filter = filters.filter.clone();
    let date = as_of.date;
    let found = app
        .read(move |store| read_findings(store, &scope, &filter, date, partner_query, lookups))
        .await?;
    let provenance = read::provenance(&app).await?;
    let chrome = Chrome::new(
        &request,
        as_of,
        &provenance,
        locale.t("board-title"),
        "board",
    );
    let tables = tables(&found, &chrome, &request, &viewer.scope);
    let csrf = viewer
        .session()
        .map(|(_, _, csrf)| csrf.to_owned())
        .unwrap_or_default();
    let page = BoardPage {
        csrf,
        selects: filters.selects,
        filters_active: filters.active,
        tables,
        chrome,
    };
    render(&page)
}

/// The findings as the reader's rows, the map and its legend.
fn tables(
    found: &Findings,
    chrome: &Chrome,
    request: &PageRequest,
    scope: &AccessScope,
) -> BoardTables {
    let locale = chrome.locale;
    let sources = Sources {
        chrome,
        lookups: &found.lookups,
        labels: &found.labels,
        actions: found.inputs.actions.iter().map(|a| (a.id, a)).collect(),
    };
    let cut = |total: usize| {
        (total > ROWS_SHOWN).then(|| {
            locale.t_args(
                "board-rows-cut",
                &[("count", ROWS_SHOWN.into()), ("total", total.into())],
            )
        })
    };
    BoardTables {
        overlaps: (found.overlaps.ranked.iter())
            .filter_map(|o| {
                let mut row = sources.overlap(o)?;
                let leads = [o.first, o.second].map(|id| found.labels.get(&id).map(|l| l.lead));
                let may = leads.into_iter().flatten().any(|lead| {
                    matches!(scope, AccessScope::Member(_))
                        && scope.role_in(lead).is_some_and(|r| r >= Role::Editor)
                });
                row.propose = may.then_some((o.first.0, o.second.0));
                Some(row)
            })
            .collect(),
        overlaps_caption: locale.count("board-overlaps-caption", found.overlaps.total),
        map_svg: gap_map(found, chrome),
        legend: legend(&found.gaps, chrome),
        gaps: (found.gaps.iter().take(ROWS_SHOWN))
            .map(|g| sources.gap(g))
            .collect(),
        gaps_cut: cut(found.gaps.len()),
        unpushed: (found.unpushed.iter().take(ROWS_SHOWN))
            .map(|r| sources.unpushed(r))
            .collect(),
        unpushed_cut: cut(found.unpushed.len()),
        deadlines: (found.deadlines.iter().take(ROWS_SHOWN))
            .map(|d| sources.deadline(d))
            .collect(),
        deadlines_cut: cut(found.deadlines.len()),
        partners: partner_panel(request, scope, &sources, found.partners.as_deref()),
        signals: matches!(scope, AccessScope::Member(_)).then(|| {
            signals::panel(
                &found.signals,
                &found.signal_overlaps,
                &found.sent,
                &found.labels,
                chrome,
                &found.lookups,
                scope,
            )
        }),
        proposals: matches!(scope, AccessScope::Member(_)).then(|| {
            (found.proposals.iter())
                .map(|p| proposals::proposal_row(p, scope, chrome))
                .collect()
        }),
    }
}

/// The organisation and state the partner form asks about, when both are
/// given; the organisation must be one of the reader's.
fn partner_query(
    request: &PageRequest,
    scope: &AccessScope,
    lookups: &Lookups,
) -> Result<Option<(OrgId, Iso3)>, AppError> {
    let (Some(short), Some(state)) = (
        request.params.get("partner_org"),
        request.params.get("partner_state"),
    ) else {
        return Ok(None);
    };
    let org = lookups
        .org_by_short(short)
        .filter(|o| member_orgs(scope).contains(&o.id))
        .ok_or_else(|| AppError::InvalidParameter {
            name: "partner_org",
            reason: format!("{short:?} is not an organisation you belong to"),
        })?;
    let iso3 = state
        .to_uppercase()
        .parse::<Iso3>()
        .ok()
        .filter(|iso3| lookups.state(*iso3).is_some())
        .ok_or_else(|| AppError::InvalidParameter {
            name: "partner_state",
            reason: format!("{state:?} is not a state Entente knows"),
        })?;
    Ok(Some((org.id, iso3)))
}

/// The organisations the reader belongs to.
fn member_orgs(scope: &AccessScope) -> Vec<OrgId> {
    match scope {
        AccessScope::Member(member) => member.memberships.keys().copied().collect(),
        AccessScope::Public | AccessScope::SiteAdmin(_) => Vec::new(),
    }
}

/// Everything the board shows, read as `scope` may see it: the rules run
/// once over one read of the plan.
fn read_findings(
    store: &Store,
    scope: &AccessScope,
    filter: &CoordinationFilter,
    as_of: chrono::NaiveDate,
    partner_query: Option<(OrgId, Iso3)>,
    lookups: Lookups,
) -> Result<Findings, StoreError> {
    let inputs = store.coordination_inputs(scope, filter, as_of)?;
    let settings = OverlapSettings {
        limit: Some(OVERLAPS_SHOWN),
        ..OverlapSettings::default()
    };
    let overlaps = coordination::overlaps(&inputs.actions, &inputs.profiles, settings);
    let gaps = coordination::gaps(
        &inputs.states,
        &inputs.actions,
        &inputs.profiles,
        &Playbook::default(),
        as_of,
        GapSettings::default(),
    );
    let deadlines = coordination::deadlines(&inputs.states, &inputs.actions, as_of);
    let signals = store.signals(scope, filter)?;
    let own: Vec<PlannedAction> = (inputs.actions.iter())
        .filter(|a| scope.role_in(a.lead).is_some())
        .cloned()
        .collect();
    let signal_overlaps =
        coordination::signal_overlaps(&own, &signals, OverlapSettings::default().window_days);
    let ids: Vec<ActionId> = overlaps
        .ranked
        .iter()
        .flat_map(|o| [o.first, o.second])
        .chain(deadlines.iter().take(ROWS_SHOWN).filter_map(|d| d.action))
        .chain(signal_overlaps.iter().map(|o| o.action))
        .collect();
    let labels = store.action_labels(scope, &ids)?;
    let partners = match partner_query {
        Some((org, state)) => store.partners(scope, org, Place::State(state))?,
        None => None,
    };
    Ok(Findings {
        lookups,
        inputs,
        overlaps,
        gaps,
        unpushed: store.unpushed_recommendations(scope, filter)?,
        deadlines,
        labels,
        partners,
        map: store.world_map()?,
        signals,
        signal_overlaps,
        sent: store.sent_contact_requests(scope)?,
        proposals: store.joint_proposals(scope)?,
    })
}

/// The partner form for a member, with the suggestions once asked.
fn partner_panel(
    request: &PageRequest,
    scope: &AccessScope,
    sources: &Sources,
    found: Option<&[PartnerSuggestion]>,
) -> Option<PartnerPanel> {
    let locale = sources.chrome.locale;
    let orgs: Vec<(String, String)> = member_orgs(scope)
        .into_iter()
        .filter_map(|id| sources.lookups.org(id))
        .map(|o| (o.short_name.clone(), o.name.clone()))
        .collect();
    if orgs.is_empty() {
        return None;
    }
    let choose = |name: &'static str, key: &str, options: Vec<(String, String)>| {
        let chosen = request.params.get(name).unwrap_or_default().to_owned();
        Select {
            name,
            label: locale.t(key),
            choices: options
                .into_iter()
                .map(|(value, label)| Choice {
                    selected: value.eq_ignore_ascii_case(&chosen),
                    value,
                    label,
                })
                .collect(),
        }
    };
    let states = sources
        .lookups
        .states_by_name(locale)
        .into_iter()
        .map(|(iso3, name)| (iso3.to_string(), name))
        .collect();
    let asked = request.params.get("partner_org").is_some();
    Some(PartnerPanel {
        selects: vec![
            choose("partner_org", "board-partner-org", orgs),
            choose("partner_state", "board-partner-state", states),
        ],
        rows: asked.then(|| {
            found
                .unwrap_or_default()
                .iter()
                .filter_map(|s| sources.partner(s))
                .collect()
        }),
    })
}

/// The world map, each state with gaps coloured by its worst one and
/// titled "name — severity".
fn gap_map(found: &Findings, chrome: &Chrome) -> String {
    let locale = chrome.locale;
    let features: HashMap<Iso3, map::MapFeature> = coordination::severity_by_state(&found.gaps)
        .into_iter()
        .map(|(iso3, severity)| {
            let code = severity_code(severity);
            let name = found.lookups.state_name(iso3, locale);
            let feature = map::MapFeature {
                class: format!("gap-{code}"),
                title: format!("{name} — {}", locale.t(&format!("board-severity-{code}"))),
                href: chrome.href(&format!("/states/{iso3}")),
            };
            (iso3, feature)
        })
        .collect();
    let title = locale.t_args(
        "board-map-title",
        &[("date", chrome.as_of_text.clone().into())],
    );
    let labels = map::MapLabels {
        title: &title,
        description: &locale.t("board-map-desc"),
    };
    map::render(&found.map, &features, &labels)
}

/// How many states are at each severity, worst first.
fn legend(gaps: &[Gap], chrome: &Chrome) -> Vec<LegendItem> {
    let worst = coordination::severity_by_state(gaps);
    ["high", "medium", "low"]
        .into_iter()
        .map(|class| LegendItem {
            class,
            label: chrome.t(&format!("board-severity-{class}")),
            count: worst
                .values()
                .filter(|s| severity_code(**s) == class)
                .count(),
        })
        .collect()
}
