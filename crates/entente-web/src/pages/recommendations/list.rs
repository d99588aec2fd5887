//! `GET /recommendations`: the recommendations the reader may see (the
//! public ones when anonymous), filtered by state, body, status, theme and
//! tag, fifty to a page.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use entente_core::Iso3;
use entente_core::recommendation::{Body, FollowUpStatus, Theme};
use entente_store::{RecommendationFilter, RecommendationPage};

use super::{PAGE_SIZE, body_label, status_label, theme_label};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::actions::writes_for;
use crate::pages::chrome::{Chrome, PageRequest, encode};
use crate::pages::{frame, render};
use crate::state::AppState;
use crate::views::actions::Lookups;

/// A select of the filter form.
pub struct Select {
    pub name: &'static str,
    pub label: String,
    /// Value, label, selected.
    pub choices: Vec<(String, String, bool)>,
}

/// One row of the list.
pub struct Row {
    pub href: String,
    pub state: String,
    pub body: String,
    pub source: String,
    pub paragraph: String,
    pub excerpt: String,
    pub status_code: &'static str,
    pub status: String,
    pub demo: bool,
}

#[derive(Template)]
#[template(path = "recommendations.html")]
pub struct RecommendationsPage {
    pub chrome: Chrome,
    pub selects: Vec<Select>,
    pub tag: String,
    pub active: bool,
    pub rows: Vec<Row>,
    pub range: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub may_create: bool,
    /// For each organisation the reader edits for: the link to import its
    /// recommendations from a spreadsheet, and its words.
    pub import_links: Vec<(String, String)>,
}

/// `GET /recommendations`
pub async fn list_recommendations(
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
    let filter = RecommendationFilter {
        states: params
            .parse::<Iso3>("state", "an ISO 3166 alpha-3 code")?
            .into_iter()
            .collect(),
        body: params.parse::<Body>("body", "a recommending body")?,
        status: params.parse::<FollowUpStatus>("status", "a follow-up status")?,
        theme: params.parse::<Theme>("theme", "a theme")?,
        tag: params
            .get("tag")
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty()),
        ..RecommendationFilter::default()
    };
    let locale = request.locale;
    let offset = (page - 1).saturating_mul(u64::from(PAGE_SIZE));
    let scope = viewer.scope.clone();
    let query = filter.clone();
    let (found, lookups): (RecommendationPage, Lookups) = app
        .read(move |store| {
            let slice = entente_store::PageRequest {
                limit: PAGE_SIZE,
                offset,
            };
            Ok::<_, entente_store::StoreError>((
                store.list_recommendations(&scope, &query, slice)?,
                Lookups::load(store, &scope)?,
            ))
        })
        .await?;
    let chrome = frame(&app, &request, locale.t("recs-title"), "recommendations").await?;
    let shown = found.recommendations.len() as u64;
    let range = if shown == 0 {
        locale.t("recs-none")
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
        format!("/recommendations?{}", encode(&pairs))
    };
    let more = offset + shown < found.total;
    let rows = found
        .recommendations
        .iter()
        .map(|r| {
            let c = &r.content;
            Row {
                href: chrome.href(&format!("/recommendations/{}", r.id)),
                state: lookups.state_name(c.state, locale),
                body: body_label(c.body, locale),
                source: source_label(
                    &c.document_symbol,
                    &c.document_title,
                    c.document_date,
                    locale,
                ),
                paragraph: c.paragraph.clone(),
                excerpt: excerpt(&c.text),
                status_code: r.status.code(),
                status: status_label(r.status, locale),
                demo: c.demo,
            }
        })
        .collect();
    let page_view = RecommendationsPage {
        selects: selects(&filter, &lookups, locale),
        tag: filter.tag.clone().unwrap_or_default(),
        active: filter != RecommendationFilter::default(),
        rows,
        range,
        previous: (page > 1).then(|| link(page - 1)),
        next: more.then(|| link(page + 1)),
        may_create: lookups.orgs.iter().any(|o| writes_for(&viewer.scope, o.id)),
        import_links: lookups
            .orgs
            .iter()
            .filter(|o| writes_for(&viewer.scope, o.id))
            .map(|o| {
                (
                    chrome.href(&format!("/orgs/{}/recommendations/import", o.short_name)),
                    locale.t_args("recs-import", &[("name", o.name.clone().into())]),
                )
            })
            .collect(),
        chrome,
    };
    Ok(render(&page_view)?.into_response())
}

fn selects(filter: &RecommendationFilter, lookups: &Lookups, locale: Locale) -> Vec<Select> {
    let state = filter.states.first().copied();
    vec![
        Select {
            name: "state",
            label: locale.t("rec-field-state"),
            choices: lookups
                .states_by_name(locale)
                .into_iter()
                .map(|(iso3, name)| (iso3.to_string(), name, Some(iso3) == state))
                .collect(),
        },
        Select {
            name: "body",
            label: locale.t("rec-field-body"),
            choices: Body::ALL
                .iter()
                .map(|b| {
                    (
                        b.code().to_owned(),
                        body_label(*b, locale),
                        filter.body == Some(*b),
                    )
                })
                .collect(),
        },
        Select {
            name: "status",
            label: locale.t("rec-field-status"),
            choices: FollowUpStatus::ALL
                .iter()
                .map(|s| {
                    (
                        s.code().to_owned(),
                        status_label(*s, locale),
                        filter.status == Some(*s),
                    )
                })
                .collect(),
        },
        Select {
            name: "theme",
            label: locale.t("rec-field-themes"),
            choices: Theme::ALL
                .iter()
                .map(|t| {
                    (
                        t.code().to_owned(),
                        theme_label(*t, locale),
                        filter.theme == Some(*t),
                    )
                })
                .collect(),
        },
    ]
}

/// The source document as one line: symbol, else title, and its date.
pub fn source_label(
    symbol: &str,
    title: &str,
    date: Option<chrono::NaiveDate>,
    locale: Locale,
) -> String {
    let name = if symbol.is_empty() { title } else { symbol };
    match date {
        Some(day) => format!("{name} ({})", locale.date(day)),
        None => name.to_owned(),
    }
}

/// The first words of a text, for a list.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 160;
    if text.chars().count() <= MAX {
        return text.to_owned();
    }
    let cut: String = text.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}
