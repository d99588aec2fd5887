//! A state's standing under any treaty on a given day: signed, party, withdrawn.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::event::{ConsentKind, EventKind, TreatyEvent};

/// Where a state stands under one treaty, in the order a campaign moves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Participation {
    NoAction,
    Signatory,
    Party,
    /// Was a party, then denounced the treaty.
    Withdrawn,
}

/// The facts that decide a state's participation in one treaty on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TreatyStatus {
    pub signed: Option<NaiveDate>,
    pub consent: Option<(ConsentKind, NaiveDate)>,
    pub denounced: Option<NaiveDate>,
}

impl TreatyStatus {
    /// The status on `as_of`, from one state's events under one treaty.
    /// Later events are ignored; when an event repeats, the earliest counts.
    pub fn from_events<'a>(
        events: impl IntoIterator<Item = &'a TreatyEvent>,
        as_of: NaiveDate,
    ) -> Self {
        let mut status = TreatyStatus::default();
        for event in events.into_iter().filter(|e| e.known_on(as_of)) {
            match event.kind {
                EventKind::Signature => status.signed = earliest(status.signed, event.date),
                EventKind::Consent(kind)
                    if status.consent.is_none_or(|(_, date)| event.date < date) =>
                {
                    status.consent = Some((kind, event.date));
                }
                EventKind::Denunciation => {
                    status.denounced = earliest(status.denounced, event.date)
                }
                _ => {}
            }
        }
        status
    }

    pub fn participation(&self) -> Participation {
        match (self.consent, self.denounced, self.signed) {
            (Some(_), Some(_), _) => Participation::Withdrawn,
            (Some(_), None, _) => Participation::Party,
            (None, _, Some(_)) => Participation::Signatory,
            (None, _, None) => Participation::NoAction,
        }
    }

    pub fn is_party(&self) -> bool {
        self.participation() == Participation::Party
    }
}

fn earliest(current: Option<NaiveDate>, date: NaiveDate) -> Option<NaiveDate> {
    Some(current.map_or(date, |c| c.min(date)))
}
