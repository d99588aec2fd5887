//! `GET /consultations`: the consultations the reader may see (the public
//! ones when anonymous), filtered by state, kind and owner, fifty to a
//! page.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use entente_core::Iso3;
use entente_core::consultation::ConsultationKind;
use entente_store::{ConsultationFilter, ConsultationPage};

use super::{PAGE_SIZE, kind_label};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::actions::writes_for;
use crate::pages::chrome::{Chrome, PageRequest, encode};
use crate::pages::recommendations::list::Select;
use crate::pages::{frame, render};
use crate::state::AppState;
use crate::views::actions::{Lookups, org_label};

/// One row of the list.
pub struct Row {
    pub href: String,
    pub title: String,
    pub state: String,
    pub kind: String,
    pub dates: String,
    pub owner: String,
    pub demo: bool,
}

#[derive(Template)]
#[template(path = "consultations.html")]
pub struct ConsultationsPage {
    pub chrome: Chrome,
    pub selects: Vec<Select>,
    pub active: bool,
    pub rows: Vec<Row>,
    pub range: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub may_create: bool,
}

/// The dates of a consultation in words: its span, its start or nothing.
pub fn dates_text(
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
    locale: Locale,
) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!("{} – {}", locale.date(s), locale.date(e)),
        (Some(s), None) => locale.t_args("consult-since", &[("date", locale.date(s).into())]),
        (None, Some(e)) => locale.t_args("consult-until", &[("date", locale.date(e).into())]),
        (None, None) => locale.t("consult-undated"),
    }
}

/// `GET /consultations`
pub async fn list_consultations(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let params = &request.params;
    let page = params.parse::<u64>("page", "a page number")?.unwrap_or(1);
    if page == 0 {
        return Err(AppError::InvalidParameter {
            name: "page",
            reason: "pages are numbered from 1".to_owned(),
        });
    }
    let states: Vec<Iso3> = params
        .parse::<Iso3>("state", "an ISO 3166 alpha-3 code")?
        .into_iter()
        .collect();
    let kind = params.parse::<ConsultationKind>("kind", "a kind of consultation")?;
    let owner_short = params
        .get("owner")
        .map(|o| o.trim().to_owned())
        .filter(|o| !o.is_empty());
    let locale = request.locale;
    let offset = (page - 1).saturating_mul(u64::from(PAGE_SIZE));
    let scope = viewer.scope.clone();
    let (found, lookups, filter) = app
        .read(move |store| {
            let lookups = Lookups::load(store, &scope)?;
            let owner = match &owner_short {
                Some(short) => match lookups.org_by_short(short) {
                    Some(org) => Some(org.id),
                    None => return Ok(None),
                },
                None => None,
            };
            let filter = ConsultationFilter {
                states,
                kind,
                owner,
            };
            let slice = entente_store::PageRequest {
                limit: PAGE_SIZE,
                offset,
            };
            Ok::<_, entente_store::StoreError>(Some((
                store.list_consultations(&scope, &filter, slice)?,
                lookups,
                filter,
            )))
        })
        .await?
        .ok_or_else(|| AppError::InvalidParameter {
            name: "owner",
            reason: "no organisation you may see has this short name".to_owned(),
        })?;
    let found: ConsultationPage = found;
    let chrome = frame(&app, &request, locale.t("consults-title"), "consultations").await?;
    let shown = found.consultations.len() as u64;
    let range = if shown == 0 {
        locale.t("consults-none")
    } else {
        locale.t_args(
            "actions-range",
            &[
                ("start", (offset + 1).into()),
                ("end", (offset + shown).into()),
                ("total", found.total.into()),
            ],
        )
    };
    let link = |to: u64| {
        let mut pairs = request.params.without(&["page"]);
        pairs.push(("page".to_owned(), to.to_string()));
        format!("/consultations?{}", encode(&pairs))
    };
    let more = offset + shown < found.total;
    let rows = found
        .consultations
        .iter()
        .map(|c| {
            let d = &c.content;
            Row {
                href: chrome.href(&format!("/consultations/{}", c.id)),
                title: d.title.clone(),
                state: lookups.state_name(d.state, locale),
                kind: kind_label(d.kind, locale),
                dates: dates_text(d.start, d.end, locale),
                owner: org_label(&lookups, d.owner, locale),
                demo: d.demo,
            }
        })
        .collect();
    let page_view = ConsultationsPage {
        selects: selects(&filter, &lookups, locale),
        active: filter != ConsultationFilter::default(),
        rows,
        range,
        previous: (page > 1).then(|| link(page - 1)),
        next: more.then(|| link(page + 1)),
        may_create: lookups.orgs.iter().any(|o| writes_for(&viewer.scope, o.id)),
        chrome,
    };
    Ok(render(&page_view)?.into_response())
}

fn selects(filter: &ConsultationFilter, lookups: &Lookups, locale: Locale) -> Vec<Select> {
    let state = filter.states.first().copied();
    vec![
        Select {
            name: "state",
            label: locale.t("consult-field-state"),
            choices: lookups
                .states_by_name(locale)
                .into_iter()
                .map(|(iso3, name)| (iso3.to_string(), name, Some(iso3) == state))
                .collect(),
        },
        Select {
            name: "kind",
            label: locale.t("consult-field-kind"),
            choices: ConsultationKind::ALL
                .iter()
                .map(|k| {
                    (
                        k.code().to_owned(),
                        kind_label(*k, locale),
                        filter.kind == Some(*k),
                    )
                })
                .collect(),
        },
        Select {
            name: "owner",
            label: locale.t("consult-field-owner"),
            choices: lookups
                .orgs
                .iter()
                .map(|o| {
                    (
                        o.short_name.clone(),
                        o.name.clone(),
                        filter.owner == Some(o.id),
                    )
                })
                .collect(),
        },
    ]
}
