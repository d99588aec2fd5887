//! Actions as an iCalendar feed (RFC 5545) that calendar programs
//! subscribe to: one all-day event per dated action, with a UID that stays
//! the same from one fetch to the next so programs update events in place.

use chrono::{DateTime, Days, NaiveDate, Utc};
use entente_core::plan::ActionStatus;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};

/// What the feed shows of one action.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEntry {
    /// The action's identifier, which makes the event's UID.
    pub id: i64,
    pub title: String,
    pub description: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub updated_at: DateTime<Utc>,
    /// The action's page, if the feed links to it.
    pub url: Option<String>,
}

/// The event's UID: `action-<id>@entente`.
pub fn action_uid(id: i64) -> String {
    format!("action-{id}@entente")
}

/// The days an entry covers: start to end (or start alone), else its due
/// date alone; `None` for an undated action, which the feed leaves out.
fn days(entry: &CalendarEntry) -> Option<(NaiveDate, NaiveDate)> {
    match (entry.start, entry.end, entry.due) {
        (Some(start), end, _) => Some((start, end.filter(|end| *end >= start).unwrap_or(start))),
        (None, Some(end), _) => Some((end, end)),
        (None, None, Some(due)) => Some((due, due)),
        (None, None, None) => None,
    }
}

/// Line breaks as iCalendar text wants them: `\n` only.
fn plain(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn event(entry: &CalendarEntry) -> Option<Event> {
    let (first, last) = days(entry)?;
    // DTEND of an all-day event is the day after the last one (RFC 5545 3.6.1).
    let after = last.checked_add_days(Days::new(1)).unwrap_or(last);
    let mut event = Event::new();
    event
        .uid(&action_uid(entry.id))
        .timestamp(entry.updated_at)
        .last_modified(entry.updated_at)
        .summary(&plain(&entry.title))
        .starts(first)
        .ends(after);
    if !entry.description.trim().is_empty() {
        event.description(&plain(&entry.description));
    }
    if let Some(url) = &entry.url {
        event.url(url);
    }
    event.status(match entry.status {
        ActionStatus::Cancelled => EventStatus::Cancelled,
        ActionStatus::Idea => EventStatus::Tentative,
        ActionStatus::Planned | ActionStatus::UnderWay | ActionStatus::Done => {
            EventStatus::Confirmed
        }
    });
    Some(event.done())
}

/// The feed: a calendar named `calendar_name` with an event for each dated
/// entry, in the order given.
pub fn actions_calendar(calendar_name: &str, entries: &[CalendarEntry]) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//Entente//Shared plan//EN"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .name(&calendar_name.replace(['\r', '\n'], " "));
    for event in entries.iter().filter_map(event) {
        calendar.push(event);
    }
    calendar.done().to_string()
}
