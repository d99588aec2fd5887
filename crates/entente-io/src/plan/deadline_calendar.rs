//! The coordination engine's deadlines as an iCalendar feed (RFC 5545):
//! one all-day event per deadline (an Art. 17 due date, the end of an
//! Art. 24 postponement, an action's due date), its UID made from what
//! the deadline is so that calendar programs update it in place.

use chrono::{DateTime, Days, NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property};

/// What the feed shows of one deadline, in the reader's words.
#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineEntry {
    /// Stable for the same deadline: `deadline:FRA:npm_due:-:2027-03-01`.
    pub key: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    pub url: Option<String>,
}

/// The event's UID: the deadline's key, made safe, `@entente`.
pub fn deadline_uid(key: &str) -> String {
    let safe: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{safe}@entente")
}

fn event(entry: &DeadlineEntry, stamp: DateTime<Utc>) -> Event {
    let after = entry
        .date
        .checked_add_days(Days::new(1))
        .unwrap_or(entry.date);
    let mut event = Event::new();
    event
        .uid(&deadline_uid(&entry.key))
        .timestamp(stamp)
        .summary(&entry.summary.replace(['\r', '\n'], " "))
        .starts(entry.date)
        .ends(after);
    if !entry.description.trim().is_empty() {
        event.description(&entry.description.replace("\r\n", "\n"));
    }
    if let Some(url) = &entry.url {
        event.url(url);
    }
    event.done()
}

/// The feed: a calendar named `calendar_name` with an event per entry,
/// stamped `stamp` (the time of the answer).
pub fn deadlines_calendar(
    calendar_name: &str,
    entries: &[DeadlineEntry],
    stamp: DateTime<Utc>,
) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//Entente//Deadlines//EN"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .name(&calendar_name.replace(['\r', '\n'], " "));
    for entry in entries {
        calendar.push(event(entry, stamp));
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_all_day_event_per_deadline_with_a_stable_uid() {
        let entry = DeadlineEntry {
            key: "deadline:FRA:npm_due:-:2027-03-01".into(),
            date: "2027-03-01".parse().unwrap(),
            summary: "France: NPM due (Art. 17)".into(),
            description: "Overdue".into(),
            url: Some("https://entente.example.org/states/FRA".into()),
        };
        let stamp = "2027-01-01T00:00:00Z".parse().unwrap();
        let feed = deadlines_calendar("Entente: deadlines", &[entry], stamp);
        assert!(
            feed.contains("UID:deadline-FRA-npm-due---2027-03-01@entente"),
            "{feed}"
        );
        assert!(feed.contains("DTSTART;VALUE=DATE:20270301"), "{feed}");
        assert!(feed.contains("DTEND;VALUE=DATE:20270302"), "{feed}");
        assert!(feed.contains("SUMMARY:France: NPM due (Art. 17)"), "{feed}");
    }
}
