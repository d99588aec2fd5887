//! The OPCAT dashboard at `/`: map, legend, regional-group tables, the
//! chart of parties over time, overdue NPMs and Art. 27 findings.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State as AppStateExtractor;
use axum::response::Html;
use chrono::NaiveDate;
use entente_core::Stage;
use entente_core::opcat::Art27Violation;

use super::chrome::{Chrome, PageRequest, group_label, stage_label};
use super::render;
use crate::error::AppError;
use crate::extract::AsOf;
use crate::locale::Locale;
use crate::state::AppState;
use crate::svg::{chart, map};
use crate::views::board::{Board, BoardEntry, months_between};
use crate::views::order::collation_key;
use crate::views::read;

pub struct LegendItem {
    pub class: String,
    pub label: String,
    pub count: usize,
}

pub struct StateLink {
    pub name: String,
    pub href: String,
    pub stage: String,
}

pub struct GroupTableRow {
    pub label: String,
    pub counts: Vec<usize>,
    pub total: usize,
    pub summary: String,
    pub states: Vec<StateLink>,
}

pub struct StepRow {
    pub date: String,
    pub parties: usize,
}

pub struct OverdueRow {
    pub state: StateLink,
    pub entry_into_force: String,
    pub due: String,
    pub overdue_by: String,
}

pub struct ViolationRow {
    pub state: StateLink,
    pub findings: Vec<String>,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct DashboardPage {
    pub chrome: Chrome,
    pub lead: String,
    pub figures: Vec<(usize, String)>,
    pub map_svg: String,
    pub legend: Vec<LegendItem>,
    pub stage_headers: Vec<String>,
    pub groups: Vec<GroupTableRow>,
    pub totals: Vec<usize>,
    pub total: usize,
    pub chart_svg: String,
    pub steps: Vec<StepRow>,
    pub overdue: Vec<OverdueRow>,
    pub violations: Vec<ViolationRow>,
}

/// The first day the chart shows: 2006, the year OPCAT entered into force,
/// unless the reader looks at an earlier day.
fn chart_start(as_of: NaiveDate) -> NaiveDate {
    let year_of_entry = NaiveDate::from_ymd_opt(2006, 1, 1).unwrap_or(as_of);
    let adoption = NaiveDate::from_ymd_opt(2002, 12, 18).unwrap_or(as_of);
    if as_of > year_of_entry {
        year_of_entry
    } else {
        adoption
    }
}

/// `GET /`: where every state stands under OPCAT on the day asked for.
pub async fn show_dashboard(
    AppStateExtractor(app): AppStateExtractor<AppState>,
    request: PageRequest,
    as_of: AsOf,
) -> Result<Html<String>, AppError> {
    let (dashboard, provenance) =
        tokio::try_join!(read::dashboard(&app, as_of.date), read::provenance(&app))?;
    let locale = request.locale;
    let title = locale.t("dashboard-title");
    let chrome = Chrome::new(&request, as_of, &provenance, title, "dashboard");
    let board = &dashboard.board;
    let link = |e: &BoardEntry| state_link(&chrome, e);

    let date = || locale.date(as_of.date).into();
    let map_svg = world_map(&dashboard, &chrome);
    let chart_svg = parties_chart(&dashboard, locale, as_of.date);
    let overdue = board.overdue();
    let page = DashboardPage {
        lead: locale.t_args("dashboard-lead", &[("date", date())]),
        figures: vec![
            (
                board.parties(),
                locale.count("figure-parties", board.parties()),
            ),
            (
                board.signatories(),
                locale.count("figure-signatories", board.signatories()),
            ),
            (overdue.len(), locale.count("figure-overdue", overdue.len())),
        ],
        map_svg,
        legend: legend(board, locale),
        stage_headers: Stage::ALL.iter().map(|s| stage_label(locale, *s)).collect(),
        groups: group_rows(board, locale, &link),
        totals: board.stage_counts().iter().map(|c| c.count).collect(),
        total: board.entries.len(),
        chart_svg,
        steps: dashboard
            .steps
            .iter()
            .map(|s| StepRow {
                date: locale.date(s.date),
                parties: s.parties,
            })
            .collect(),
        overdue: overdue
            .iter()
            .map(|e| OverdueRow {
                state: link(e),
                entry_into_force: locale.date_or_dash(e.status.entry_into_force),
                due: locale.date_or_dash(e.status.npm_due),
                overdue_by: e
                    .status
                    .npm_due
                    .map_or_else(String::new, |due| overdue_duration(locale, due, as_of.date)),
            })
            .collect(),
        violations: board
            .violations()
            .iter()
            .map(|e| ViolationRow {
                state: link(e),
                findings: e
                    .status
                    .violations
                    .iter()
                    .map(|v| violation_text(locale, v))
                    .collect(),
            })
            .collect(),
        chrome,
    };
    render(&page)
}

/// The map, each state titled "name — stage" and linked to its page.
fn world_map(dashboard: &read::Dashboard, chrome: &Chrome) -> String {
    let locale = chrome.locale;
    let features = dashboard
        .board
        .entries
        .iter()
        .map(|e| {
            let feature = map::MapFeature {
                class: format!("stage-{}", e.stage_number),
                title: format!(
                    "{} — {}",
                    e.state.name(locale.code()),
                    stage_label(locale, e.stage)
                ),
                href: chrome.href(&format!("/states/{}", e.state.iso3)),
            };
            (e.state.iso3, feature)
        })
        .collect::<HashMap<_, _>>();
    let title = locale.t_args("map-title", &[("date", chrome.as_of_text.clone().into())]);
    let labels = map::MapLabels {
        title: &title,
        description: &locale.t("map-desc"),
    };
    map::render(&dashboard.map, &features, &labels)
}

fn parties_chart(dashboard: &read::Dashboard, locale: Locale, as_of: NaiveDate) -> String {
    let start = chart_start(as_of);
    let title = locale.t_args(
        "chart-title",
        &[
            ("start", locale.date(start).into()),
            ("end", locale.date(as_of).into()),
        ],
    );
    let labels = chart::ChartLabels {
        title: &title,
        description: &locale.t("chart-desc"),
        y_axis: &locale.t("chart-y-axis"),
    };
    chart::render(&dashboard.steps, start, as_of, &labels)
}

fn state_link(chrome: &Chrome, e: &BoardEntry) -> StateLink {
    StateLink {
        name: e.state.name(chrome.lang).to_owned(),
        href: chrome.href(&format!("/states/{}", e.state.iso3)),
        stage: stage_label(chrome.locale, e.stage),
    }
}

fn legend(board: &Board, locale: Locale) -> Vec<LegendItem> {
    board
        .stage_counts()
        .into_iter()
        .map(|c| LegendItem {
            class: format!("stage-{}", c.number),
            label: stage_label(locale, c.stage),
            count: c.count,
        })
        .collect()
}

fn group_rows(
    board: &Board,
    locale: Locale,
    link: &dyn Fn(&BoardEntry) -> StateLink,
) -> Vec<GroupTableRow> {
    board
        .group_rows()
        .into_iter()
        .map(|row| {
            let label = group_label(locale, row.group);
            let mut states: Vec<StateLink> = row.entries.iter().map(|e| link(e)).collect();
            states.sort_by_cached_key(|s| collation_key(&s.name, locale.code()));
            GroupTableRow {
                summary: match row.group {
                    Some(_) => locale.t_args(
                        "group-states-summary",
                        &[
                            ("group", label.clone().into()),
                            ("count", row.entries.len().into()),
                        ],
                    ),
                    None => locale.count("no-group-states-summary", row.entries.len()),
                },
                label,
                total: row.entries.len(),
                counts: row.counts,
                states,
            }
        })
        .collect()
}

/// "3 years, 2 months" in the page's language.
pub fn overdue_duration(locale: Locale, due: NaiveDate, as_of: NaiveDate) -> String {
    let months = months_between(due, as_of);
    let (years, months) = (months / 12, months % 12);
    let years_text = locale.count("duration-years", years as usize);
    let months_text = locale.count("duration-months", months as usize);
    match (years, months) {
        (0, 0) => locale.t("duration-under-month"),
        (0, _) => months_text,
        (_, 0) => years_text,
        _ => locale.t_args(
            "duration-years-months",
            &[("years", years_text.into()), ("months", months_text.into())],
        ),
    }
}

pub fn violation_text(locale: Locale, violation: &Art27Violation) -> String {
    let (key, date) = match violation {
        Art27Violation::ConsentWithoutCatParty { opcat_consent } => {
            ("violation-consent-without-cat-party", opcat_consent)
        }
        Art27Violation::SignatureWithoutCat { opcat_signature } => {
            ("violation-signature-without-cat", opcat_signature)
        }
    };
    locale.t_args(key, &[("date", locale.date(*date).into())])
}
