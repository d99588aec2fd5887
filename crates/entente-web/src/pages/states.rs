//! The state page at `/states/{ISO3}`: names and regions, standing under
//! each core treaty, OPCAT stage and deadlines, and the sourced timeline.

use askama::Template;
use axum::extract::{Path, State as AppStateExtractor};
use axum::response::Html;
use entente_core::{Art24Part, EventKind, Iso3, Participation};

use super::chrome::{
    Chrome, PageRequest, area_label, consent_code, group_label, participation_code, stage_label,
};
use super::dashboard::{overdue_duration, violation_text};
use super::render;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::extract::AsOf;
use crate::locale::Locale;
use crate::state::AppState;
use crate::views::actions::{ActionSummary, Lookups};
use crate::views::profile::{EventView, OpcatView, StateProfile};
use crate::views::{AreaView, read};

pub struct Fact {
    pub label: String,
    pub value: String,
    /// A class that flags the value (e.g. `overdue`), or empty.
    pub class: &'static str,
}

pub struct TreatyRow {
    pub name: String,
    pub short: String,
    pub href: String,
    pub signature: String,
    pub consent: String,
    pub kind: String,
    pub participation: String,
    pub class: &'static str,
}

pub struct SourceCredit {
    pub title: String,
    pub url: String,
    pub detail: String,
}

pub struct TimelineRow {
    pub date: String,
    pub iso_date: String,
    pub label: String,
    pub note: Option<String>,
    pub source: Option<SourceCredit>,
}

#[derive(Template)]
#[template(path = "state.html")]
pub struct StatePage {
    pub chrome: Chrome,
    pub name: String,
    pub identity: Vec<Fact>,
    pub stage_class: String,
    pub stage_label: String,
    pub stage_number: String,
    pub opcat: Vec<Fact>,
    pub treaties: Vec<TreatyRow>,
    pub timeline: Vec<TimelineRow>,
    pub violations: Vec<String>,
    /// The first campaign actions on the state the reader may see.
    pub rows: Vec<ActionSummary>,
    /// How many there are, in words.
    pub actions_count: String,
    pub actions_total: u64,
    pub iso3: String,
    pub recommendations: super::recommendations::state::StateRecommendations,
    pub npm: super::npm::StateNpm,
    pub implementation: super::implementation::StateImplementation,
    pub consultations: super::consultations::state::StateConsultations,
}

/// How many actions the state page lists before linking to the rest.
const STATE_ACTIONS_SHOWN: u32 = 10;

/// `GET /states/{iso3}`: one state's treaty status on the day asked for.
pub async fn show_state(
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
    let (rows, (actions_total, lower_bound)) = state_actions(&app, &viewer, iso3, locale).await?;
    let name = profile.state.name(locale.code()).to_owned();
    let title = locale.t_args("state-title", &[("name", name.clone().into())]);
    let chrome = Chrome::new(&request, as_of, &provenance, title, "states");
    let npm = super::npm::state_npm(&app, &viewer, iso3, as_of.date, &chrome).await?;
    let implementation =
        super::implementation::state_implementation(&app, &viewer, iso3, as_of.date, &chrome)
            .await?;
    let recommendations =
        super::recommendations::state::state_recommendations(&app, &viewer, iso3, &chrome).await?;
    let consultations =
        super::consultations::state::state_consultations(&app, &viewer, iso3, &chrome).await?;
    let page = StatePage {
        identity: identity(&profile, locale),
        stage_class: format!("stage-{}", profile.opcat.stage_number),
        stage_label: stage_label(locale, profile.opcat.stage),
        stage_number: locale.t_args(
            "stage-number",
            &[("number", profile.opcat.stage_number.into())],
        ),
        opcat: opcat_facts(&profile.opcat, locale, as_of),
        treaties: treaty_rows(&profile, &chrome),
        timeline: profile
            .opcat_events()
            .map(|e| timeline_row(e, locale))
            .collect(),
        violations: profile
            .opcat
            .art27_violations
            .iter()
            .map(|v| violation_text(locale, v))
            .collect(),
        name,
        chrome,
        rows,
        actions_count: locale.total("state-actions-count", actions_total, lower_bound),
        actions_total,
        iso3: iso3.to_string(),
        recommendations,
        npm,
        implementation,
        consultations,
    };
    render(&page)
}

/// The first campaign actions on `iso3` that the reader may see, and how
/// many there are.
async fn state_actions(
    app: &AppState,
    viewer: &Viewer,
    iso3: Iso3,
    locale: Locale,
) -> Result<(Vec<ActionSummary>, (u64, bool)), AppError> {
    let scope = viewer.scope.clone();
    app.read(move |store| {
        let filter = entente_store::ActionFilter {
            states: vec![iso3],
            ..entente_store::ActionFilter::default()
        };
        let first = entente_store::PageRequest {
            limit: STATE_ACTIONS_SHOWN,
            offset: 0,
        };
        let page = store.list_actions(&scope, &filter, first)?;
        if page.total == 0 {
            return Ok::<_, entente_store::StoreError>((Vec::new(), (0, false)));
        }
        let lookups = Lookups::load(store, &scope)?;
        let rows = page
            .actions
            .iter()
            .map(|a| ActionSummary::new(a, &lookups, locale))
            .collect();
        Ok((rows, (page.total, page.total_is_lower_bound)))
    })
    .await
}

fn area(locale: Locale, area: &Option<AreaView>) -> String {
    area.as_ref().map_or_else(
        || "—".to_owned(),
        |a| area_label(locale, a.code, &a.name_en),
    )
}

pub(crate) fn identity(profile: &StateProfile, locale: Locale) -> Vec<Fact> {
    let formal = match locale {
        Locale::En => &profile.formal_names.en,
        Locale::Fr => &profile.formal_names.fr,
        Locale::Es => &profile.formal_names.es,
    };
    let fact = |key: &str, value: String| Fact {
        label: locale.t(key),
        value,
        class: "",
    };
    vec![
        fact("state-formal-name", formal.clone()),
        fact("state-iso3", profile.state.iso3.to_string()),
        fact("state-region", area(locale, &profile.state.region)),
        fact("state-subregion", area(locale, &profile.state.subregion)),
        fact(
            "state-group",
            group_label(locale, profile.state.regional_group),
        ),
    ]
}

pub(crate) fn opcat_facts(opcat: &OpcatView, locale: Locale, as_of: AsOf) -> Vec<Fact> {
    let mut facts = Vec::new();
    let mut fact = |key: &str, value: String, class: &'static str| {
        facts.push(Fact {
            label: locale.t(key),
            value,
            class,
        });
    };
    let Some(eif) = opcat.entry_into_force else {
        fact("state-entry-into-force", locale.t("state-not-in-force"), "");
        return facts;
    };
    fact("state-entry-into-force", locale.date(eif), "");
    if let Some(due) = opcat.npm_due {
        let status = if opcat.npm_overdue {
            let duration = overdue_duration(locale, due, as_of.date);
            locale.t_args("state-npm-overdue", &[("duration", duration.into())])
        } else {
            locale.t("state-npm-in-time")
        };
        let class = if opcat.npm_overdue { "overdue" } else { "" };
        fact(
            "state-npm-due",
            format!("{} — {status}", locale.date(due)),
            class,
        );
    }
    if let Some(day) = opcat.npm_designated {
        fact("state-npm-designated", locale.date(day), "");
    }
    if let Some(part) = opcat.postponement {
        let key = match part {
            Art24Part::PartIii => "art24-part-iii",
            Art24Part::PartIv => "art24-part-iv",
        };
        let part = locale.t(key);
        fact("state-postponement", part, "");
        fact(
            "state-postponement-end",
            locale.date_or_dash(opcat.postponement_end),
            "",
        );
    }
    facts
}

pub(crate) fn treaty_rows(profile: &StateProfile, chrome: &Chrome) -> Vec<TreatyRow> {
    let locale = chrome.locale;
    profile
        .treaties
        .iter()
        .map(|t| TreatyRow {
            name: chrome.treaty_name(&t.treaty),
            short: chrome.treaty_short(&t.treaty),
            href: chrome.href(&format!("/treaties/{}", t.treaty)),
            signature: locale.date_or_dash(t.signature),
            consent: locale.date_or_dash(t.consent),
            kind: t.consent_kind.map_or_else(
                || "—".to_owned(),
                |k| chrome.code("consent", consent_code(k)),
            ),
            participation: chrome.code("participation", participation_code(t.participation)),
            class: match t.participation {
                Participation::Party => "is-party",
                Participation::Signatory => "is-signatory",
                _ => "",
            },
        })
        .collect()
}

pub(crate) fn timeline_row(event: &EventView, locale: Locale) -> TimelineRow {
    TimelineRow {
        date: locale.date(event.date),
        iso_date: event.date.to_string(),
        label: locale.t(&format!("event-{}", event.kind.code().replace('_', "-"))),
        // Stages 6 and 7 are derived by Entente from members' records, so
        // their note is Entente's own words, said in the reader's language.
        note: match event.kind {
            EventKind::NpmOperation => Some(locale.t("event-note-npm-operation")),
            EventKind::NpmMeetsCriteria => Some(locale.t("event-note-npm-meets-criteria")),
            _ => event.note.clone(),
        },
        source: event.source.as_ref().map(|s| SourceCredit {
            title: s.title.clone(),
            url: s.url.clone(),
            detail: format!(
                "{}, {}",
                s.publisher,
                locale.t_args("source-as-of", &[("date", locale.date(s.as_of).into())])
            ),
        }),
    }
}
