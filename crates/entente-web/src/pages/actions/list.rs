//! `GET /actions`: the actions the reader may see (the public ones when
//! anonymous), filtered, fifty to a page.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use entente_store::ActionPage;

use super::filters::{FilterForm, Filters};
use super::{PAGE_SIZE, writes_for};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::total_key;
use crate::pages::chrome::{Chrome, PageRequest, encode};
use crate::pages::{frame, render};
use crate::state::AppState;
use crate::views::actions::{ActionSummary, Lookups};

#[derive(Template)]
#[template(path = "actions.html")]
pub struct ActionsPage {
    pub chrome: Chrome,
    pub filters: FilterForm,
    /// Parameters the filter form carries along (none here).
    pub keep: Vec<(String, String)>,
    pub rows: Vec<ActionSummary>,
    /// "1–50 of 120", or that nothing matches.
    pub range: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub may_create: bool,
    /// The calendar with the same filters.
    pub calendar_href: String,
}

/// `GET /actions`
pub async fn list_actions(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let page = request
        .params
        .parse::<u64>("page", "a page number")?
        .unwrap_or(1);
    if page == 0 {
        return Err(AppError::InvalidParameter {
            name: "page",
            reason: "pages are numbered from 1".to_owned(),
        });
    }
    let locale = request.locale;
    let scope = viewer.scope.clone();
    let lookups = app.read(move |store| Lookups::load(store, &scope)).await?;
    let filters = Filters::read(&request.params, &lookups, locale)?;
    let offset = (page - 1).saturating_mul(u64::from(PAGE_SIZE));
    let scope = viewer.scope.clone();
    let filter = filters.filter.clone();
    let found: ActionPage = app
        .read(move |store| {
            let slice = entente_store::PageRequest {
                limit: PAGE_SIZE,
                offset,
            };
            store.list_actions(&scope, &filter, slice)
        })
        .await?;
    let shown = found.actions.len() as u64;
    let range = if shown == 0 {
        locale.t("actions-none")
    } else {
        locale.t_args(
            &total_key("actions-range", found.total_is_lower_bound),
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
        format!("/actions?{}", encode(&pairs))
    };
    let more = found.total_is_lower_bound || offset + shown < found.total;
    let may_create = lookups.orgs.iter().any(|o| writes_for(&viewer.scope, o.id));
    let page = ActionsPage {
        chrome: frame(&app, &request, locale.t("actions-title"), "actions").await?,
        rows: found
            .actions
            .iter()
            .map(|a| ActionSummary::new(a, &lookups, locale))
            .collect(),
        range,
        previous: (page > 1).then(|| link(page - 1)),
        next: more.then(|| link(page + 1)),
        may_create,
        calendar_href: format!(
            "/actions/calendar?{}",
            encode(&request.params.without(&["page"]))
        ),
        filters: filters.form,
        keep: Vec::new(),
    };
    Ok(render(&page)?.into_response())
}
