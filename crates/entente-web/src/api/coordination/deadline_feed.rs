//! `GET /api/v1/calendar/deadlines.ics`: the coordination engine's
//! deadlines (Art. 17 due dates, Art. 24 postponement ends, due dates of
//! open actions) as an iCalendar feed, with the deadlines API's filters and
//! `org` for what concerns one organisation. Like the action feeds, it
//! takes `?token=ent_...` for calendar programs that cannot send headers.

use std::collections::{BTreeSet, HashMap};

use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use entente_core::coordination;
use entente_core::notification::{self, Finding, Plan};
use entente_io::plan::{DeadlineEntry, deadlines_calendar};
use entente_store::StoreError;

use super::query::{filter, params};
use crate::api::calendar::reader;
use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::extract::AsOf;
use crate::locale::Locale;
use crate::notifications::rows::outside_chrome;
use crate::pages::board::rows::Sources;
use crate::state::AppState;
use crate::views::actions::Lookups;

/// The deadlines as an iCalendar feed.
///
/// One all-day event per deadline on `as_of` (today by default) the
/// reader may see, with the deadlines API's filters; `org` (a short name)
/// keeps the due dates of that organisation's actions and the deadlines of
/// the states it works in. Events are written in `lang` (en, fr, es).
/// Subscribe with `?token=ent_...` (a read token is enough).
#[utoipa::path(
    get,
    path = "/api/v1/calendar/deadlines.ics",
    tag = "exports",
    params(
        ("as_of" = Option<String>, Query, description = "The day of the analysis (YYYY-MM-DD); today by default"),
        ("state" = Option<String>, Query, description = "Only this state (ISO 3166 alpha-3)"),
        ("region" = Option<String>, Query, description = "Only states of this UN regional group"),
        ("alliance" = Option<i64>, Query, description = "Only actions of this alliance's members"),
        ("phase" = Option<String>, Query, description = "Only actions of this phase"),
        ("org" = Option<String>, Query, description = "Only what concerns this organisation (short name)"),
        ("lang" = Option<String>, Query, description = "The language of the events: en (default), fr or es"),
        ("token" = Option<String>, Query, description = "An API token (`ent_...`) whose user's view the feed shows"),
    ),
    responses(
        (status = 200, description = "The feed", content_type = "text/calendar"),
        (status = 401, description = "The token is not valid (`invalid_token`)", body = ErrorBody),
        (status = 404, description = "No such organisation, or hidden from the reader (`org_not_found`)", body = ErrorBody),
        (status = 422, description = "A parameter cannot be used (`invalid_parameter`, `invalid_as_of`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_deadline_calendar(
    State(app): State<AppState>,
    viewer: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let params = params(raw.as_deref(), &["org", "lang", "token"])?;
    let as_of = AsOf::parse(params.get("as_of"))?.date;
    let filter = filter(&params)?;
    let locale = match params.get("lang").map(str::trim) {
        None | Some("") => Locale::En,
        Some(code) => Locale::ALL
            .into_iter()
            .find(|l| l.code() == code)
            .ok_or_else(|| AppError::InvalidParameter {
                name: "lang",
                reason: format!("{code:?} is not one of en, fr, es"),
            })?,
    };
    let org = params.get("org").map(|s| s.trim().to_owned());
    let scope = reader(&app, viewer, raw.as_deref()).await?;
    let found = app
        .read(move |store| {
            let org = match org {
                Some(short) => match store.organisation_by_short_name(&scope, &short)? {
                    Some(org) => Some(org.id),
                    None => return Ok::<_, StoreError>(Err(AppError::OrgNotFound(short))),
                },
                None => None,
            };
            let inputs = store.coordination_inputs(&scope, &filter, as_of)?;
            let deadlines = match org {
                None => coordination::deadlines(&inputs.states, &inputs.actions, as_of),
                Some(org) => {
                    let plan = Plan {
                        actions: &inputs.actions,
                        profiles: &inputs.profiles,
                        states: &inputs.states,
                        groups: &inputs.groups,
                    };
                    let worked_in = notification::states_of(&BTreeSet::from([org]), plan);
                    let states: Vec<_> = inputs
                        .states
                        .iter()
                        .filter(|s| worked_in.contains(&s.state))
                        .cloned()
                        .collect();
                    let own: Vec<_> = inputs
                        .actions
                        .iter()
                        .filter(|a| a.organisations().any(|o| o == org))
                        .cloned()
                        .collect();
                    coordination::deadlines(&states, &own, as_of)
                }
            };
            let ids: Vec<_> = deadlines.iter().filter_map(|d| d.action).collect();
            let labels = store.action_labels(&scope, &ids)?;
            let lookups = Lookups::load(store, &scope)?;
            Ok(Ok((deadlines, labels, lookups)))
        })
        .await??;
    let (deadlines, labels, lookups) = found;
    let chrome = outside_chrome(&app, locale, "/board").await?;
    let sources = Sources {
        chrome: &chrome,
        lookups: &lookups,
        labels: &labels,
        actions: HashMap::new(),
    };
    let entries: Vec<DeadlineEntry> = deadlines
        .iter()
        .map(|d| {
            let row = sources.deadline(d);
            let (summary, url) = match &row.action {
                Some(action) => (
                    format!("{}: {} ({})", row.state, row.what, action.title),
                    app.public_link(&action.href),
                ),
                None => (
                    format!("{}: {}", row.state, row.what),
                    app.public_link(&chrome.href(&format!("/states/{}", d.state))),
                ),
            };
            let description = if row.overdue {
                locale.t_args("notifications-overdue-since", &[("date", row.date.into())])
            } else {
                String::new()
            };
            DeadlineEntry {
                key: Finding::Deadline(d.clone()).key(),
                date: d.date,
                summary,
                description,
                url: Some(url),
            }
        })
        .collect();
    let title = format!("Entente: {}", locale.t("notifications-feed-title"));
    let body = deadlines_calendar(&title, &entries, Utc::now());
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, no-cache"),
        ],
        body,
    )
        .into_response())
}
