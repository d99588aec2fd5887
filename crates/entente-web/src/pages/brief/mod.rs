//! The country brief at `/states/{iso3}/brief`: one printable page a
//! coordinator takes to a meeting. The state's treaty status and deadlines,
//! its NPM as the sources state it and as the viewpoints assess it, the SPT's
//! visits, the open recommendations, the coalition's actions of the coming
//! months, and the gaps and deadlines the coordination engine finds there:
//! each part read through the same functions as the state page and the
//! board, so only what the reader may see is in it. Printed on A4 without
//! the portal's navigation (see the stylesheet's brief section).

mod coalition;

use askama::Template;
use axum::extract::{Path, State as AppStateExtractor};
use axum::response::Html;
use chrono::Utc;
use entente_core::Iso3;
use entente_core::access::AccessScope;

use super::chrome::{Chrome, PageRequest, stage_label};
use super::dashboard::violation_text;
use super::implementation::StateImplementation;
use super::npm::StateNpm;
use super::recommendations::state::StateRecommendations;
use super::render;
use super::states::{
    Fact, TimelineRow, TreatyRow, identity, opcat_facts, timeline_row, treaty_rows,
};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::extract::AsOf;
use crate::state::AppState;
use crate::views::read;
use coalition::{ActionRow, Coalition};

/// The text `entente demo` puts in the names of the records it makes.
const DEMO_MARK: &str = "(demo)";

#[derive(Template)]
#[template(path = "brief.html")]
pub struct BriefPage {
    pub chrome: Chrome,
    pub name: String,
    /// "Produced on 29 November 2026 at 05:40 UTC".
    pub produced: String,
    /// "The situation as of 29 November 2026".
    pub as_of: String,
    pub identity: Vec<Fact>,
    pub stage_class: String,
    pub stage_label: String,
    pub stage_number: String,
    pub opcat: Vec<Fact>,
    pub violations: Vec<String>,
    pub treaties: Vec<TreatyRow>,
    pub timeline: Vec<TimelineRow>,
    pub npm: StateNpm,
    pub implementation: StateImplementation,
    pub recommendations: StateRecommendations,
    pub coalition: Coalition,
    /// Some record in the brief was made up by `entente demo`.
    pub demo: bool,
    pub state_href: String,
    /// "Back to the page of France".
    pub back: String,
    /// Where the brief says who may see what it shows.
    pub reader_note: String,
}

/// `GET /states/{iso3}/brief`: the country brief as the reader may see it.
pub async fn show_brief(
    AppStateExtractor(app): AppStateExtractor<AppState>,
    Path(code): Path<String>,
    request: PageRequest,
    as_of: AsOf,
    viewer: Viewer,
) -> Result<Html<String>, AppError> {
    let iso3: Iso3 = code
        .parse()
        .map_err(|_| AppError::StateNotFound(code.clone()))?;
    let (profile, provenance) = tokio::try_join!(
        read::state_profile(&app, iso3, as_of.date),
        read::provenance(&app)
    )?;
    let locale = request.locale;
    let name = profile.state.name(locale.code()).to_owned();
    let title = locale.t_args("brief-title", &[("name", name.clone().into())]);
    let chrome = Chrome::new(&request, as_of, &provenance, title, "states");
    let date = as_of.date;
    let npm = super::npm::state_npm(&app, &viewer, iso3, date, &chrome).await?;
    let implementation =
        super::implementation::state_implementation(&app, &viewer, iso3, date, &chrome).await?;
    let recommendations =
        super::recommendations::state::state_recommendations(&app, &viewer, iso3, &chrome).await?;
    let coalition = coalition::coalition(&app, &viewer, iso3, &chrome).await?;
    let demo = npm.bodies.iter().any(|b| b.contains(DEMO_MARK))
        || npm
            .table
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .any(|c| c.assessor.contains(DEMO_MARK))
        || recommendations.rows.iter().any(|r| r.demo)
        || coalition.actions.iter().any(|a: &ActionRow| a.demo);
    let now = Utc::now();
    let page = BriefPage {
        produced: locale.t_args(
            "brief-produced",
            &[
                ("date", locale.date(now.date_naive()).into()),
                ("time", now.format("%H:%M").to_string().into()),
            ],
        ),
        as_of: locale.t_args("brief-as-of", &[("date", locale.date(date).into())]),
        identity: identity(&profile, locale),
        stage_class: format!("stage-{}", profile.opcat.stage_number),
        stage_label: stage_label(locale, profile.opcat.stage),
        stage_number: locale.t_args(
            "stage-number",
            &[("number", profile.opcat.stage_number.into())],
        ),
        opcat: opcat_facts(&profile.opcat, locale, as_of),
        violations: (profile.opcat.art27_violations.iter())
            .map(|v| violation_text(locale, v))
            .collect(),
        treaties: treaty_rows(&profile, &chrome),
        timeline: profile
            .opcat_events()
            .map(|e| timeline_row(e, locale))
            .collect(),
        npm,
        implementation,
        recommendations,
        coalition,
        demo,
        state_href: chrome.href(&format!("/states/{iso3}")),
        back: locale.t_args("brief-back", &[("name", name.clone().into())]),
        reader_note: locale.t(match viewer.scope {
            AccessScope::Public => "brief-reader-public",
            AccessScope::Member(_) | AccessScope::SiteAdmin(_) => "brief-reader-member",
        }),
        name,
        chrome,
    };
    render(&page)
}
