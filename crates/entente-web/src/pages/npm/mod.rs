//! A state's NPM in the workspace, at `/states/{iso3}/npm`: its profile(s)
//! with the annual reports, and the assessments compared criterion by
//! criterion across the viewpoints (state, NPM, civil society, SPT), with
//! disagreements flagged; and the forms that record them
//! ([`form`]). Everything shown is what the reader may see.

pub mod form;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use chrono::NaiveDate;
use entente_core::Iso3;
use entente_core::access::{AccessScope, RecordAccess, can_write};
use entente_core::monitoring::{Comparison, Rating, Viewpoint};
use entente_store::{Assessment, NpmProfile, StoreError};

use super::chrome::{Chrome, PageRequest};
use super::render;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::extract::AsOf;
use crate::locale::Locale;
use crate::state::AppState;
use crate::views::actions::Lookups;
use crate::views::read;

/// The text that marks demo records (see `entente demo`).
pub(crate) const DEMO_MARK: &str = "(demo)";

pub struct BodyLine {
    pub name: String,
    pub role: String,
}

pub struct ReportLine {
    pub year: i32,
    pub url: String,
    pub title: String,
    pub published: String,
}

pub struct Fact {
    pub label: String,
    pub value: String,
}

/// One profile as the page shows it.
pub struct ProfileCard {
    pub id: i64,
    pub heading: String,
    pub bodies: Vec<BodyLine>,
    pub facts: Vec<Fact>,
    pub website: Option<String>,
    pub notes: String,
    pub reports: Vec<ReportLine>,
    pub demo: bool,
    pub editable: bool,
}

/// One viewpoint's cell of the comparison.
pub struct CellView {
    pub present: bool,
    pub rating: String,
    /// The rating's code, for its colour-blind-safe class and mark.
    pub code: &'static str,
    pub mark: &'static str,
    pub evidence: String,
    pub date: String,
    pub assessor: String,
}

pub struct ComparisonRow {
    pub criterion: String,
    pub disagreement: bool,
    pub cells: Vec<CellView>,
}

/// The comparison as a table: criteria down, viewpoints across.
pub struct ComparisonTable {
    pub viewpoints: Vec<String>,
    pub rows: Vec<ComparisonRow>,
    /// How many criteria the viewpoints disagree on, in words; empty when none.
    pub disagreements: String,
    pub empty: bool,
}

pub struct AssessmentLine {
    pub id: i64,
    pub viewpoint: String,
    pub assessor: String,
    pub date: String,
    pub source: String,
    pub demo: bool,
    pub editable: bool,
}

#[derive(Template)]
#[template(path = "npm.html")]
pub struct NpmPage {
    pub chrome: Chrome,
    pub heading: String,
    pub iso3: String,
    pub state_href: String,
    pub profiles: Vec<ProfileCard>,
    pub table: ComparisonTable,
    pub assessments: Vec<AssessmentLine>,
    /// The reader edits for some organisation: the forms are offered.
    pub writer: bool,
}

/// The mark beside a rating: a shape as well as a colour, so the rating
/// reads without colour vision.
pub fn rating_mark(rating: Rating) -> &'static str {
    match rating {
        Rating::Meets => "●",
        Rating::Partly => "◐",
        Rating::DoesNotMeet => "○",
        Rating::NotKnown => "?",
    }
}

pub fn label(locale: Locale, prefix: &str, code: &str) -> String {
    locale.t(&format!("{prefix}-{}", code.replace('_', "-")))
}

/// The comparison as the page and the state page's section show it.
pub fn comparison_table(comparison: &Comparison, locale: Locale) -> ComparisonTable {
    let rows: Vec<ComparisonRow> = comparison
        .rows
        .iter()
        .map(|row| ComparisonRow {
            criterion: label(locale, "npm-criterion", row.criterion.code()),
            disagreement: row.disagreement,
            cells: row
                .cells
                .iter()
                .map(|cell| match cell {
                    Some(c) => CellView {
                        present: true,
                        rating: label(locale, "npm-rating", c.rating.code()),
                        code: c.rating.code(),
                        mark: rating_mark(c.rating),
                        evidence: c.evidence.clone(),
                        date: locale.date(c.date),
                        assessor: c.assessor.clone(),
                    },
                    None => CellView {
                        present: false,
                        rating: locale.t("npm-not-assessed"),
                        code: "none",
                        mark: "–",
                        evidence: String::new(),
                        date: String::new(),
                        assessor: String::new(),
                    },
                })
                .collect(),
        })
        .collect();
    ComparisonTable {
        viewpoints: Viewpoint::ALL
            .iter()
            .map(|v| label(locale, "npm-viewpoint", v.code()))
            .collect(),
        disagreements: match rows.iter().filter(|r| r.disagreement).count() {
            0 => String::new(),
            n => locale.count("npm-disagreements", n),
        },
        empty: comparison.is_empty(),
        rows,
    }
}

fn writes(scope: &AccessScope, access: &RecordAccess) -> bool {
    can_write(scope, access)
}

fn day_or_dash(locale: Locale, day: Option<NaiveDate>) -> String {
    locale.date_or_dash(day)
}

fn profile_card(
    profile: &NpmProfile,
    lookups: &Lookups,
    scope: &AccessScope,
    locale: Locale,
) -> ProfileCard {
    let c = &profile.content;
    let fact = |key: &str, value: String| Fact {
        label: locale.t(key),
        value,
    };
    let owner = lookups
        .org(c.owner)
        .map_or_else(|| "—".to_owned(), |o| o.name.clone());
    let mut facts = vec![
        fact(
            "npm-field-model",
            label(locale, "npm-model", c.model.code()),
        ),
        fact(
            "npm-field-legal_basis",
            if c.legal_basis.is_empty() {
                "—".to_owned()
            } else {
                c.legal_basis.clone()
            },
        ),
        fact("npm-field-law_date", day_or_dash(locale, c.law_date)),
        fact(
            "npm-field-designation_date",
            day_or_dash(locale, c.designation_date),
        ),
        fact(
            "npm-field-operation_start",
            day_or_dash(locale, c.operation_start),
        ),
        fact(
            "npm-field-staff",
            c.staff.map_or_else(|| "—".to_owned(), |s| s.to_string()),
        ),
        fact(
            "npm-field-budget",
            c.budget.map_or_else(|| "—".to_owned(), |b| b.to_string()),
        ),
    ];
    facts.push(fact("npm-recorded-by", owner));
    facts.push(fact(
        "npm-field-visibility",
        label(locale, "npm-visibility", c.visibility.code()),
    ));
    let demo = c.bodies.iter().any(|b| b.name.contains(DEMO_MARK)) || c.notes.contains("Demo data");
    ProfileCard {
        id: profile.id.0,
        heading: c
            .bodies
            .first()
            .map_or_else(|| locale.t("npm-profile"), |b| b.name.clone()),
        bodies: c
            .bodies
            .iter()
            .map(|b| BodyLine {
                name: b.name.clone(),
                role: b.role.clone(),
            })
            .collect(),
        facts,
        website: c.website.clone(),
        notes: c.notes.clone(),
        reports: c
            .annual_reports
            .iter()
            .map(|r| ReportLine {
                year: r.year,
                url: r.url.clone(),
                title: if r.title.is_empty() {
                    r.year.to_string()
                } else {
                    r.title.clone()
                },
                published: day_or_dash(locale, r.published),
            })
            .collect(),
        demo,
        editable: writes(scope, &c.access()),
    }
}

fn assessment_line(assessment: &Assessment, scope: &AccessScope, locale: Locale) -> AssessmentLine {
    let c = &assessment.content;
    AssessmentLine {
        id: assessment.id.0,
        viewpoint: label(locale, "npm-viewpoint", c.viewpoint.code()),
        assessor: c.assessor.clone(),
        date: locale.date(c.date),
        source: c.source.clone(),
        demo: c.assessor.contains(DEMO_MARK),
        editable: writes(scope, &c.access()),
    }
}

/// The state's code from the address, for a state Entente knows.
pub async fn known_state(
    app: &AppState,
    code: &str,
) -> Result<(Iso3, String, String, String), AppError> {
    let missing = || AppError::StateNotFound(code.to_owned());
    let iso3: Iso3 = code.parse().map_err(|_| missing())?;
    let state = app
        .read(move |store| store.state(iso3))
        .await?
        .ok_or_else(missing)?;
    Ok((
        iso3,
        state.names.en.clone(),
        state.names.fr.clone(),
        state.names.es.clone(),
    ))
}

pub fn state_name(locale: Locale, names: &(Iso3, String, String, String)) -> String {
    match locale {
        Locale::En => names.1.clone(),
        Locale::Fr => names.2.clone(),
        Locale::Es => names.3.clone(),
    }
}

/// `GET /states/{iso3}/npm`
pub async fn show_state_npm(
    State(app): State<AppState>,
    Path(code): Path<String>,
    request: PageRequest,
    as_of: AsOf,
    viewer: Viewer,
) -> Result<Html<String>, AppError> {
    let state = known_state(&app, &code).await?;
    let iso3 = state.0;
    let scope = viewer.scope.clone();
    let (profiles, assessments, comparison, lookups) = app
        .read(move |store| {
            Ok::<_, StoreError>((
                store.npm_profiles_of_state(&scope, iso3)?,
                store.assessments_of_state(&scope, iso3)?,
                store.assessment_comparison(&scope, iso3, as_of.date)?,
                Lookups::load(store, &scope)?,
            ))
        })
        .await?;
    let locale = request.locale;
    let name = state_name(locale, &state);
    let heading = locale.t_args("npm-title", &[("name", name.into())]);
    let provenance = read::provenance(&app).await?;
    let chrome = Chrome::new(&request, as_of, &provenance, heading.clone(), "states");
    let scope = &viewer.scope;
    let page = NpmPage {
        heading,
        iso3: iso3.to_string(),
        state_href: chrome.href(&format!("/states/{iso3}")),
        profiles: profiles
            .iter()
            .map(|p| profile_card(p, &lookups, scope, locale))
            .collect(),
        table: comparison_table(&comparison, locale),
        assessments: assessments
            .iter()
            .filter(|a| a.content.date <= as_of.date)
            .map(|a| assessment_line(a, scope, locale))
            .collect(),
        writer: viewer.session().is_some()
            && lookups
                .orgs
                .iter()
                .any(|o| can_write(scope, &RecordAccess::private(o.id))),
        chrome,
    };
    render(&page)
}

/// The state page's NPM section: what the reader may see of the state's
/// NPM, in brief, with the comparison by viewpoint.
pub struct StateNpm {
    pub href: String,
    pub bodies: Vec<String>,
    pub operating: Option<String>,
    pub reports: usize,
    pub table: ComparisonTable,
    /// Something is recorded that the reader may see.
    pub any: bool,
}

/// The state page's NPM section for `iso3` on `as_of`.
pub async fn state_npm(
    app: &AppState,
    viewer: &Viewer,
    iso3: Iso3,
    as_of: NaiveDate,
    chrome: &Chrome,
) -> Result<StateNpm, AppError> {
    let scope = viewer.scope.clone();
    let (profiles, comparison) = app
        .read(move |store| {
            Ok::<_, StoreError>((
                store.npm_profiles_of_state(&scope, iso3)?,
                store.assessment_comparison(&scope, iso3, as_of)?,
            ))
        })
        .await?;
    let locale = chrome.locale;
    let operating = profiles
        .iter()
        .filter_map(|p| p.content.operation_start)
        .filter(|d| *d <= as_of)
        .min()
        .map(|d| locale.date(d));
    Ok(StateNpm {
        href: chrome.href(&format!("/states/{iso3}/npm")),
        bodies: profiles
            .iter()
            .flat_map(|p| p.content.bodies.iter().map(|b| b.name.clone()))
            .collect(),
        operating,
        reports: profiles
            .iter()
            .map(|p| p.content.annual_reports.len())
            .sum(),
        any: !profiles.is_empty() || !comparison.is_empty(),
        table: comparison_table(&comparison, locale),
    })
}
