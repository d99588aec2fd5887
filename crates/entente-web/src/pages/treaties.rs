//! The treaty pages: `/treaties` lists the 18 core instruments with their
//! counts; `/treaties/{id}` lists a treaty's participants, filterable by
//! M49 region and regional group and sortable, all with plain GET links.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State as AppStateExtractor};
use axum::response::Html;
use entente_core::{Participation, RegionalGroup, State};

use super::chrome::{
    Chrome, PageRequest, area_label, consent_code, encode, group_label, participation_code,
};
use super::render;
use crate::error::AppError;
use crate::extract::{AsOf, Params};
use crate::locale::Locale;
use crate::state::AppState;
use crate::views::read;
use crate::views::treaty::{ParticipantFilter, SortKey};

pub struct TreatyListRow {
    pub name: String,
    pub short: String,
    pub href: String,
    pub mtdsg_no: String,
    pub parties: usize,
    pub signatories: usize,
}

#[derive(Template)]
#[template(path = "treaties.html")]
pub struct TreatiesPage {
    pub chrome: Chrome,
    pub lead: String,
    pub rows: Vec<TreatyListRow>,
}

/// `GET /treaties`: the core treaties and their counts on the day asked for.
pub async fn list_treaties(
    AppStateExtractor(app): AppStateExtractor<AppState>,
    request: PageRequest,
    as_of: AsOf,
) -> Result<Html<String>, AppError> {
    let (summaries, provenance) = tokio::try_join!(
        read::treaty_summaries(&app, as_of.date),
        read::provenance(&app)
    )?;
    let locale = request.locale;
    let chrome = Chrome::new(
        &request,
        as_of,
        &provenance,
        locale.t("treaties-title"),
        "treaties",
    );
    let rows = summaries
        .iter()
        .map(|s| TreatyListRow {
            name: chrome.treaty_name(&s.id),
            short: chrome.treaty_short(&s.id),
            href: chrome.href(&format!("/treaties/{}", s.id)),
            mtdsg_no: s.mtdsg_no.clone(),
            parties: s.parties,
            signatories: s.signatories,
        })
        .collect();
    let lead = locale.t_args(
        "treaties-lead",
        &[("date", chrome.as_of_text.clone().into())],
    );
    render(&TreatiesPage { chrome, lead, rows })
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct SortHeader {
    pub label: String,
    pub href: String,
    /// `ascending` when the table is sorted by this column, else empty.
    pub aria_sort: &'static str,
}

pub struct ParticipantRow {
    pub name: String,
    pub href: String,
    pub region: String,
    pub group: String,
    pub signature: String,
    pub consent: String,
    pub kind: String,
    pub participation: String,
    pub class: &'static str,
}

#[derive(Template)]
#[template(path = "treaty.html")]
pub struct TreatyPage {
    pub chrome: Chrome,
    pub name: String,
    pub short: String,
    pub meta: Vec<String>,
    pub status_url: String,
    pub regions: Vec<Choice>,
    pub groups: Vec<Choice>,
    pub sort: &'static str,
    pub reset_href: String,
    pub headers: Vec<SortHeader>,
    pub count: String,
    pub rows: Vec<ParticipantRow>,
}

/// The participant filter from the query; bad values are 422s naming the parameter.
pub fn participant_filter(params: &Params) -> Result<ParticipantFilter, AppError> {
    Ok(ParticipantFilter {
        region: params.parse("region", "an M49 area code, such as 150")?,
        regional_group: params.parse::<RegionalGroup>(
            "regional_group",
            "one of african, asia_pacific, eastern_european, grulac, weog",
        )?,
        sort: params
            .parse("sort", "one of name, signature, consent")?
            .unwrap_or_default(),
    })
}

/// `GET /treaties/{id}`: a treaty's participants on the day asked for.
pub async fn show_treaty(
    AppStateExtractor(app): AppStateExtractor<AppState>,
    Path(id): Path<String>,
    request: PageRequest,
    as_of: AsOf,
) -> Result<Html<String>, AppError> {
    let filter = participant_filter(&request.params)?;
    let locale = request.locale;
    let (page, provenance) = tokio::try_join!(
        read::treaty_page(&app, &id, as_of.date, filter, locale.code()),
        read::provenance(&app)
    )?;
    let treaty_id = &page.treaty.id;
    let name = locale.t(&format!("treaty-{treaty_id}"));
    let chrome = Chrome::new(&request, as_of, &provenance, name.clone(), "treaties");
    let mut meta = vec![locale.t_args(
        "treaty-depositary",
        &[("number", page.treaty.mtdsg_no.clone().into())],
    )];
    if let Some(year) = page.treaty.opened_year {
        meta.push(locale.t_args("treaty-opened", &[("year", year.to_string().into())]));
    }
    let p = &page.participants;
    let count = locale.t_args(
        "participants-count",
        &[
            ("total", p.participants.len().into()),
            ("parties", p.parties.into()),
            ("signatories", p.signatories.into()),
        ],
    );
    let treaty_page = TreatyPage {
        short: locale.t(&format!("treaty-{treaty_id}-short")),
        meta,
        status_url: page.treaty.status_url.clone(),
        regions: region_choices(&page.states, filter.region, locale),
        groups: group_choices(filter.regional_group, locale),
        sort: filter.sort.code(),
        reset_href: chrome.href(&format!("/treaties/{treaty_id}")),
        headers: sort_headers(&request, filter.sort, locale),
        count,
        rows: participant_rows(&page.participants.participants, &chrome),
        name,
        chrome,
    };
    render(&treaty_page)
}

/// Regions and sub-regions that have states, regions first, by code.
fn region_choices(states: &[State], selected: Option<u16>, locale: Locale) -> Vec<Choice> {
    let mut areas: BTreeMap<(u8, u16), String> = BTreeMap::new();
    for s in states {
        for (rank, area) in [(0, &s.region), (1, &s.subregion)] {
            if let Some(a) = area {
                areas.insert((rank, a.code), area_label(locale, a.code, &a.name_en));
            }
        }
    }
    areas
        .into_iter()
        .map(|((rank, code), label)| Choice {
            value: code.to_string(),
            label: if rank == 0 {
                label
            } else {
                format!("— {label}")
            },
            selected: selected == Some(code),
        })
        .collect()
}

fn group_choices(selected: Option<RegionalGroup>, locale: Locale) -> Vec<Choice> {
    RegionalGroup::ALL
        .into_iter()
        .map(|g| Choice {
            value: g.code().to_owned(),
            label: group_label(locale, Some(g)),
            selected: selected == Some(g),
        })
        .collect()
}

/// Column headers that re-sort the table, keeping every other parameter.
fn sort_headers(request: &PageRequest, current: SortKey, locale: Locale) -> Vec<SortHeader> {
    let others = request.params.without(&["sort"]);
    [
        ("col-state", SortKey::Name),
        ("col-signature", SortKey::Signature),
        ("col-consent", SortKey::Consent),
    ]
    .into_iter()
    .map(|(key, sort)| {
        let mut pairs = others.clone();
        pairs.push(("sort".to_owned(), sort.code().to_owned()));
        if !pairs.iter().any(|(k, _)| k == "lang") {
            pairs.push(("lang".to_owned(), locale.code().to_owned()));
        }
        SortHeader {
            label: locale.t(key),
            href: format!("{}?{}", request.path, encode(&pairs)),
            aria_sort: if sort == current { "ascending" } else { "" },
        }
    })
    .collect()
}

fn participant_rows(
    participants: &[crate::views::treaty::Participant],
    chrome: &Chrome,
) -> Vec<ParticipantRow> {
    let locale = chrome.locale;
    participants
        .iter()
        .map(|p| ParticipantRow {
            name: p.state.name(chrome.lang).to_owned(),
            href: chrome.href(&format!("/states/{}", p.state.iso3)),
            region: p.state.region.as_ref().map_or_else(
                || "—".to_owned(),
                |a| area_label(locale, a.code, &a.name_en),
            ),
            group: group_label(locale, p.state.regional_group),
            signature: locale.date_or_dash(p.signature),
            consent: locale.date_or_dash(p.consent),
            kind: p.consent_kind.map_or_else(
                || "—".to_owned(),
                |k| chrome.code("consent", consent_code(k)),
            ),
            participation: chrome.code("participation", participation_code(p.participation)),
            class: match p.participation {
                Participation::Party => "is-party",
                Participation::Signatory => "is-signatory",
                _ => "",
            },
        })
        .collect()
}
