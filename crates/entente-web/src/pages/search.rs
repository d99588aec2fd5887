//! `GET /search?q=...`: the portal's search across actions, organisations
//! and alliances, hits grouped by kind (the first ten of each, with a link
//! to all of one kind), or one kind paged by fifty when `kind` is chosen.
//! A query with no word to search comes back with a message beside the
//! field, never an error page.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use entente_store::{PageRequest as StorePage, SearchKind};

use super::chrome::{Chrome, PageRequest, encode};
use super::{frame, render};
use crate::api::search::{SearchHitView, SearchResults, run};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::state::AppState;

/// Hits of each kind shown when all kinds are searched.
const PER_KIND: u32 = 10;
/// Hits per page when one kind is searched.
const PER_PAGE: u32 = 50;

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub chrome: Chrome,
    pub query: String,
    /// The kind chosen, "" for all.
    pub kind: String,
    pub kinds: Vec<(&'static str, String)>,
    /// Why the query was refused, translated.
    pub problem: Option<String>,
    pub groups: Vec<HitGroup>,
    /// Whether a query ran and nothing was found.
    pub nothing: bool,
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// The hits of one kind.
pub struct HitGroup {
    pub heading: String,
    pub hits: Vec<SearchHitView>,
    /// "All N actions" when more match than are shown.
    pub more: Option<(String, String)>,
}

/// What the reader asked.
struct Asked {
    query: String,
    kind: Option<SearchKind>,
    offset: u64,
}

impl Asked {
    fn from(request: &PageRequest) -> Asked {
        let params = &request.params;
        Asked {
            query: params.get("q").unwrap_or_default().to_owned(),
            kind: params.get("kind").and_then(|k| k.parse().ok()),
            offset: params
                .get("offset")
                .and_then(|o| o.parse().ok())
                .unwrap_or(0),
        }
    }

    /// The address of this search with another kind and offset.
    fn link(&self, chrome: &Chrome, kind: Option<SearchKind>, offset: u64) -> String {
        let mut pairs = vec![("q".to_owned(), self.query.clone())];
        if let Some(kind) = kind {
            pairs.push(("kind".to_owned(), kind.code().to_owned()));
        }
        if offset > 0 {
            pairs.push(("offset".to_owned(), offset.to_string()));
        }
        chrome.href(&format!("/search?{}", encode(&pairs)))
    }
}

/// `GET /search`
pub async fn search_records(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let asked = Asked::from(&request);
    let locale = request.locale;
    let chrome = frame(&app, &request, locale.t("search-title"), "search").await?;
    let mut page = SearchPage {
        kinds: SearchKind::ALL
            .iter()
            .map(|k| (k.code(), locale.t(&format!("search-kind-{}", k.code()))))
            .collect(),
        query: asked.query.clone(),
        kind: asked.kind.map(|k| k.code().to_owned()).unwrap_or_default(),
        problem: None,
        groups: Vec::new(),
        nothing: false,
        previous: None,
        next: None,
        chrome,
    };
    if !asked.query.is_empty() {
        let wanted: Vec<SearchKind> = asked.kind.map_or(SearchKind::ALL.to_vec(), |k| vec![k]);
        let limit = if asked.kind.is_some() {
            PER_PAGE
        } else {
            PER_KIND
        };
        // One search per kind, side by side: the page waits for the
        // slowest rather than for all three in turn.
        let searches: Vec<_> = wanted
            .into_iter()
            .map(|kind| {
                let (query, scope) = (asked.query.clone(), viewer.scope.clone());
                let page = StorePage {
                    limit,
                    offset: asked.offset,
                };
                app.start_read(move |store| {
                    run(store, &scope, &query, &[kind], page)
                        .map(|found| found.map(|results| (kind, results)))
                })
            })
            .collect();
        // Every kind refuses the same query alike: the first refusal says why.
        let mut found = Vec::new();
        let mut refused = None;
        for search in searches {
            match search.await? {
                Ok(results) => found.push(results),
                Err(problem) => refused = refused.or(Some(problem)),
            }
        }
        match refused {
            None => fill(&mut page, &asked, found),
            Some(refused) => page.problem = Some(page.chrome.code("search-problem", refused.code)),
        }
    }
    Ok(render(&page)?.into_response())
}

/// Puts the hits in groups, with links to more and to other pages.
fn fill(page: &mut SearchPage, asked: &Asked, found: Vec<(SearchKind, SearchResults)>) {
    let locale = page.chrome.locale;
    page.nothing = found.iter().all(|(_, r)| r.total == 0);
    for (kind, results) in found {
        if results.hits.is_empty() {
            continue;
        }
        let shown = results.offset + results.hits.len() as u64;
        let (total, lower_bound) = (results.total, results.total_is_lower_bound);
        let heading = locale.total(
            &format!("search-heading-{}", kind.code()),
            total,
            lower_bound,
        );
        let follows = lower_bound || total > shown;
        let more = (asked.kind.is_none() && follows).then(|| {
            let label = locale.total(&format!("search-all-{}", kind.code()), total, lower_bound);
            (label, asked.link(&page.chrome, Some(kind), 0))
        });
        if asked.kind.is_some() {
            page.previous = (results.offset > 0).then(|| {
                let back = results.offset.saturating_sub(u64::from(PER_PAGE));
                asked.link(&page.chrome, asked.kind, back)
            });
            page.next = follows.then(|| asked.link(&page.chrome, asked.kind, shown));
        }
        page.groups.push(HitGroup {
            heading,
            hits: results.hits,
            more,
        });
    }
}
