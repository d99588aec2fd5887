//! `GET /actions/calendar?month=YYYY-MM`: a month as a grid of weeks,
//! Monday first, each action on the days it spans (or its due day), with
//! the list's filters. The grid is a real table with a caption and day
//! headers; on a phone it becomes a list of the days that have actions.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, Days, Months, NaiveDate, Utc};
use entente_store::{Action, StoreError};

use super::filters::{FilterForm, Filters};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::{Locale, total_key};
use crate::pages::chrome::{Chrome, PageRequest, encode};
use crate::pages::{frame, render};
use crate::state::AppState;
use crate::views::actions::{Lookups, status_label};

/// An action on one day of the grid.
pub struct Entry {
    pub id: i64,
    pub title: String,
    pub status_code: &'static str,
    pub status_label: String,
    /// The day is its due date rather than a day of its span.
    pub due: bool,
}

pub struct Day {
    pub number: u32,
    pub iso: String,
    /// "Monday 12 March 2026", for readers who do not see the columns.
    pub full: String,
    pub in_month: bool,
    pub today: bool,
    pub entries: Vec<Entry>,
}

/// The most actions a month shows: a calendar of a large instance without
/// filters would otherwise be a page of hundreds of thousands of links.
const MONTH_LIMIT: u32 = 500;

#[derive(Template)]
#[template(path = "actions_calendar.html")]
pub struct CalendarPage {
    pub chrome: Chrome,
    pub caption: String,
    /// Full and short weekday names, Monday first.
    pub weekdays: Vec<(String, String)>,
    pub weeks: Vec<Vec<Day>>,
    pub empty: bool,
    /// Says that the month holds more actions than the grid shows.
    pub capped: Option<String>,
    pub previous_href: String,
    pub next_href: String,
    pub list_href: String,
    pub filters: FilterForm,
    /// The month, carried by the filter form.
    pub keep: Vec<(String, String)>,
}

/// `GET /actions/calendar`
pub async fn show_calendar(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let first = month(request.params.get("month"))?;
    let locale = request.locale;
    let scope = viewer.scope.clone();
    let lookups = app.read(move |store| Lookups::load(store, &scope)).await?;
    let filters = Filters::read(&request.params, &lookups, locale)?;
    let last = end_of_month(first);
    let grid_start = first - Days::new(u64::from(first.weekday().num_days_from_monday()));
    let grid_end = last + Days::new(u64::from(6 - last.weekday().num_days_from_monday()));
    let mut filter = filters.filter.clone();
    filter.from = Some(filters.from.map_or(grid_start, |d| d.max(grid_start)));
    filter.to = Some(filters.to.map_or(grid_end, |d| d.min(grid_end)));
    let scope = viewer.scope.clone();
    let (actions, total) = if filter.from <= filter.to {
        app.read(move |store| {
            let first = entente_store::PageRequest {
                limit: MONTH_LIMIT,
                offset: 0,
            };
            let found = store.list_actions(&scope, &filter, first)?;
            Ok::<_, StoreError>((found.actions, (found.total, found.total_is_lower_bound)))
        })
        .await?
    } else {
        (Vec::new(), (0, false))
    };
    let (total, lower_bound) = total;
    let capped = (lower_bound || total > actions.len() as u64).then(|| {
        locale.t_args(
            &total_key("calendar-capped", lower_bound),
            &[("count", actions.len().into()), ("total", total.into())],
        )
    });
    let today = Utc::now().date_naive();
    let weeks = grid(grid_start, grid_end, first, today, &actions, locale);
    let month_link = |day: NaiveDate| {
        let mut pairs = request.params.without(&["month"]);
        pairs.push(("month".to_owned(), day.format("%Y-%m").to_string()));
        format!("/actions/calendar?{}", encode(&pairs))
    };
    let caption = locale.t_args(
        "calendar-caption",
        &[
            (
                "month",
                locale.t(&format!("month-{}", first.month())).into(),
            ),
            ("year", first.year().to_string().into()),
        ],
    );
    let page = CalendarPage {
        chrome: frame(&app, &request, locale.t("calendar-title"), "actions").await?,
        caption,
        weekdays: (1..=7)
            .map(|d| {
                (
                    locale.t(&format!("weekday-{d}")),
                    locale.t(&format!("weekday-short-{d}")),
                )
            })
            .collect(),
        empty: actions.is_empty(),
        capped,
        weeks,
        previous_href: month_link(first - Months::new(1)),
        next_href: month_link(first + Months::new(1)),
        list_href: format!(
            "/actions?{}",
            encode(&request.params.without(&["month", "page"]))
        ),
        filters: filters.form,
        keep: vec![("month".to_owned(), first.format("%Y-%m").to_string())],
    };
    Ok(render(&page)?.into_response())
}

/// The first day of the month asked for (`YYYY-MM`), this month by default.
fn month(raw: Option<&str>) -> Result<NaiveDate, AppError> {
    let Some(raw) = raw else {
        let today = Utc::now().date_naive();
        return Ok(today.with_day(1).unwrap_or(today));
    };
    NaiveDate::parse_from_str(&format!("{raw}-01"), "%Y-%m-%d")
        .ok()
        .filter(|d| (1900..=2200).contains(&d.year()))
        .ok_or_else(|| AppError::InvalidParameter {
            name: "month",
            reason: format!("{raw:?} is not a month of the form YYYY-MM"),
        })
}

fn end_of_month(first: NaiveDate) -> NaiveDate {
    (first + Months::new(1)).pred_opt().unwrap_or(first)
}

/// The days of the grid, by week, each with the actions it holds.
fn grid(
    start: NaiveDate,
    end: NaiveDate,
    first: NaiveDate,
    today: NaiveDate,
    actions: &[Action],
    locale: Locale,
) -> Vec<Vec<Day>> {
    let mut days: Vec<Day> = start
        .iter_days()
        .take_while(|d| *d <= end)
        .map(|date| Day {
            number: date.day(),
            iso: date.to_string(),
            full: format!(
                "{} {}",
                locale.t(&format!("weekday-{}", date.weekday().number_from_monday())),
                locale.date(date)
            ),
            in_month: date.month() == first.month(),
            today: date == today,
            entries: Vec::new(),
        })
        .collect();
    for action in actions {
        let content = &action.content;
        let entry = |due| Entry {
            id: action.id.0,
            title: content.title.clone(),
            status_code: content.status.code(),
            status_label: status_label(content.status, locale),
            due,
        };
        let span = match (content.start, content.end) {
            (Some(from), to) => Some((from, to.unwrap_or(from).max(from))),
            (None, Some(day)) => Some((day, day)),
            (None, None) => None,
        };
        if let Some((from, to)) = span {
            for date in from
                .max(start)
                .iter_days()
                .take_while(|d| *d <= to.min(end))
            {
                days[index(start, date)].entries.push(entry(false));
            }
        }
        if let Some(due) = content.due.filter(|d| (start..=end).contains(d)) {
            let covered = span.is_some_and(|(from, to)| (from..=to).contains(&due));
            if !covered {
                days[index(start, due)].entries.push(entry(true));
            }
        }
    }
    let mut weeks = Vec::new();
    while !days.is_empty() {
        let rest = days.split_off(days.len().min(7));
        weeks.push(days);
        days = rest;
    }
    weeks
}

fn index(start: NaiveDate, date: NaiveDate) -> usize {
    usize::try_from((date - start).num_days()).unwrap_or(0)
}
