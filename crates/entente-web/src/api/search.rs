//! `GET /api/v1/search`: actions, organisations and alliances found by
//! their words, as far as the reader may see them. The same hits feed the
//! portal's search page.

use axum::Json;
use axum::extract::{RawQuery, State};
use entente_core::access::AccessScope;
use entente_core::plan::FieldError;
use entente_store::{PageRequest, SearchHit, SearchKind, Store, StoreError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::extract::Params;
use crate::state::AppState;

/// The parameters the search understands; any other is refused.
const PARAMETERS: [&str; 4] = ["q", "kind", "limit", "offset"];

/// One record found.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchHitView {
    /// `action`, `organisation` or `alliance`.
    #[schema(example = "action")]
    pub kind: String,
    /// The record's number.
    pub id: i64,
    /// The organisation's short name, which its addresses use.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "apt")]
    pub short_name: Option<String>,
    /// The action's title, the organisation's or alliance's name.
    pub title: String,
    /// The passage of the record's text where the words are, or its
    /// beginning; plain text.
    pub snippet: String,
    /// The record in the API.
    #[schema(example = "/api/v1/actions/12")]
    pub api_path: String,
    /// The record's page on the portal.
    #[schema(example = "/actions/12")]
    pub page_path: String,
}

impl From<SearchHit> for SearchHitView {
    fn from(hit: SearchHit) -> Self {
        let key = match (&hit.kind, &hit.short_name) {
            (SearchKind::Organisation, Some(short)) => short.clone(),
            _ => hit.id.to_string(),
        };
        let collection = match hit.kind {
            SearchKind::Action => "actions",
            SearchKind::Organisation => "orgs",
            SearchKind::Alliance => "alliances",
        };
        SearchHitView {
            kind: hit.kind.code().to_owned(),
            id: hit.id,
            short_name: hit.short_name,
            title: hit.title,
            snippet: hit.snippet,
            api_path: format!("/api/v1/{collection}/{key}"),
            page_path: format!("/{collection}/{key}"),
        }
    }
}

/// A page of hits, best first.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// How many records match that the reader may see; when
    /// `total_is_lower_bound`, more than this many.
    pub total: u64,
    /// Counting stopped at `total` (1,000, or the end of the page when
    /// that is further): more than `total` records match, and at least one
    /// follows this page; the hits are then the best of the 1,000 newest
    /// matches and the 1,000 newest with every word in their title. False
    /// when `total` is exact and every match was ranked.
    pub total_is_lower_bound: bool,
    pub limit: u32,
    pub offset: u64,
    pub hits: Vec<SearchHitView>,
}

/// The kinds named by `kind` (comma-separated or repeated), all when absent.
pub fn kinds(raw: &[(String, String)]) -> Result<Vec<SearchKind>, AppError> {
    let mut kinds = Vec::new();
    for value in raw
        .iter()
        .filter(|(k, _)| k == "kind")
        .flat_map(|(_, v)| v.split(','))
    {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let kind = value
            .parse()
            .map_err(
                |e: entente_store::UnknownSearchKind| AppError::InvalidParameter {
                    name: "kind",
                    reason: e.to_string(),
                },
            )?;
        kinds.push(kind);
    }
    Ok(kinds)
}

/// Runs a search for a reader: the results, or why the query itself was
/// refused (`q`: no word to search, too long).
pub fn run(
    store: &Store,
    scope: &AccessScope,
    query: &str,
    kinds: &[SearchKind],
    page: PageRequest,
) -> Result<Result<SearchResults, FieldError>, StoreError> {
    match store.search(scope, query, kinds, page) {
        Ok(found) => Ok(Ok(SearchResults {
            query: query.to_owned(),
            total: found.total,
            total_is_lower_bound: found.total_is_lower_bound,
            limit: page.limit,
            offset: page.offset,
            hits: found.hits.into_iter().map(SearchHitView::from).collect(),
        })),
        Err(StoreError::Fields { mut errors }) if !errors.is_empty() => Ok(Err(errors.remove(0))),
        Err(e) => Err(e),
    }
}

/// Searches actions, organisations and alliances.
///
/// Every word of `q` must match, in any of its English, French or Spanish
/// forms, with or without accents ("négociation" finds "negociations");
/// words in titles weigh more. Only records the reader may see are found
/// or counted. A query with no word left once common words ("the", "de",
/// "y") and punctuation are set aside, or longer than 200 characters or
/// 12 words, is refused with `invalid_parameter` naming `q`.
#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "search",
    params(
        ("q" = String, Query, description = "The words to find"),
        ("kind" = Option<Vec<String>>, Query, description = "`action`, `organisation` or `alliance`; repeat the parameter or separate kinds with commas; all kinds by default"),
        ("limit" = Option<u32>, Query, description = "Page size, 1 to 500; 50 by default"),
        ("offset" = Option<u64>, Query, description = "How many hits to skip"),
    ),
    responses(
        (status = 200, description = "A page of hits, best first", body = SearchResults),
        (status = 422, description = "A parameter cannot be used, or the query has no word to search (`invalid_parameter`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn search_records(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchResults>, AppError> {
    let pairs: Vec<(String, String)> = raw
        .as_deref()
        .map(|q| crate::locale::form_pairs(q).collect())
        .unwrap_or_default();
    if let Some((name, _)) = pairs
        .iter()
        .find(|(k, _)| !PARAMETERS.contains(&k.as_str()))
    {
        return Err(AppError::InvalidParameter {
            name: "query",
            reason: format!("{name:?} is not a parameter of the search"),
        });
    }
    let params = Params::from_query(raw.as_deref());
    let query = params.get("q").unwrap_or_default().to_owned();
    let kinds = kinds(&pairs)?;
    let page = page(&params)?;
    let scope = viewer.scope;
    let results = app
        .read(move |store| run(store, &scope, &query, &kinds, page))
        .await?;
    results
        .map(Json)
        .map_err(|refused| AppError::InvalidParameter {
            name: "q",
            reason: refused.message,
        })
}

/// The page asked for: `limit` 1 to 500 (50 by default), `offset`.
pub fn page(params: &Params) -> Result<PageRequest, AppError> {
    let limit = params
        .parse::<u32>("limit", "a whole number")?
        .unwrap_or(PageRequest::DEFAULT_LIMIT);
    if limit == 0 || limit > PageRequest::MAX_LIMIT {
        return Err(AppError::InvalidParameter {
            name: "limit",
            reason: format!("{limit} is not between 1 and {}", PageRequest::MAX_LIMIT),
        });
    }
    let offset = params
        .parse::<u64>("offset", "a whole number")?
        .unwrap_or(0);
    Ok(PageRequest { limit, offset })
}
