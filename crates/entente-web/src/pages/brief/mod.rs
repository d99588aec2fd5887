//! The country brief at `/states/{iso3}/brief`: one printable page a
//! coordinator takes to a meeting. The state's treaty status and deadlines,
//! its NPM as the sources state it and as the viewpoints assess it, the SPT's
//! visits, the open recommendations, the coalition's actions of the coming
//! months, and the gaps and deadlines the coordination engine finds there:
//! each part read through the same functions as the state page and the
//! board, so only what the reader may see is in it. Printed on A4 without
//! the portal's navigation (see the stylesheet's brief section).

mod coalition;

use std::collections::BTreeSet;

use askama::Template;
use axum::extract::{Path, State as AppStateExtractor};
use axum::response::Html;
use chrono::Utc;
use entente_core::Iso3;
use entente_core::access::AccessScope;

use super::chrome::{Chrome, PageRequest, SourceLine, stage_label};
use super::dashboard::violation_text;
use super::implementation::StateImplementation;
use super::npm::{ComparisonTable, DEMO_MARK, StateNpm};
use super::recommendations::state::StateRecommendations;
use super::render;
use super::states::{
    Fact, TimelineRow, TreatyRow, identity, opcat_facts, timeline_row, treaty_rows,
};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::extract::AsOf;
use crate::locale::Locale;
use crate::state::AppState;
use crate::views::profile::StateProfile;
use crate::views::read;
use coalition::{ActionRow, Coalition};

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
    /// The sources of the state's OPCAT events, each once with its date.
    pub sources: Vec<SourceLine>,
    /// Who gave each viewpoint's ratings, and when: the comparison's cells
    /// say only the rating.
    pub assessors: Vec<AssessorLine>,
}

/// One viewpoint of the comparison and the assessments its ratings come from.
pub struct AssessorLine {
    pub viewpoint: String,
    /// "Government assessment (29 September 2025)", once each.
    pub assessments: Vec<String>,
}

/// The assessments behind each viewpoint's column, once each, in the order
/// of the criteria; viewpoints with none are left out.
fn assessors(table: &ComparisonTable) -> Vec<AssessorLine> {
    (table.viewpoints.iter().enumerate())
        .filter_map(|(column, viewpoint)| {
            let mut assessments: Vec<String> = Vec::new();
            for cell in table.rows.iter().filter_map(|r| r.cells.get(column)) {
                let line = format!("{} ({})", cell.assessor, cell.date);
                if cell.present && !assessments.contains(&line) {
                    assessments.push(line);
                }
            }
            (!assessments.is_empty()).then(|| AssessorLine {
                viewpoint: viewpoint.clone(),
                assessments,
            })
        })
        .collect()
}

/// The sources of the state's OPCAT events, once each, as the portal's
/// footer credits them; the other treaties' status is credited to the UN
/// Treaty Collection as a whole, and the NPM facts name their sources in
/// their own table.
fn state_sources(profile: &StateProfile, locale: Locale) -> Vec<SourceLine> {
    let mut seen = BTreeSet::new();
    (profile.opcat_events())
        .filter_map(|e| e.source.as_ref())
        .filter(|s| seen.insert(s.id.clone()))
        .map(|s| SourceLine {
            title: s.title.clone(),
            url: s.url.clone(),
            detail: format!(
                "{}, {}",
                s.publisher,
                locale.t_args(
                    "footer-source-as-of",
                    &[("date", locale.date(s.as_of).into())]
                )
            ),
        })
        .collect()
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
        sources: state_sources(&profile, locale),
        assessors: assessors(&npm.table),
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
