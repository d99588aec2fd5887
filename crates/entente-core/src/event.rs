//! Treaty events: dated, sourced facts about one state and one treaty.
//! A state's status is derived from these, never typed in by hand.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::{Iso3, TreatyId};

/// How a state consented to be bound (the UN depositary's suffixes in brackets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentKind {
    Ratification,
    /// `a`
    Accession,
    /// `d`
    Succession,
    /// `A`
    Acceptance,
    /// `AA`
    Approval,
}

/// Which part of OPCAT an Art. 24 declaration postpones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Art24Part {
    /// Part III: visits of the Subcommittee on Prevention of Torture.
    PartIii,
    /// Part IV: the National Preventive Mechanism.
    PartIv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Signature,
    Consent(ConsentKind),
    /// OPCAT Art. 24(1): postponement of Part III or Part IV for up to three years.
    Art24Declaration(Art24Part),
    /// OPCAT Art. 24(2): the Committee against Torture extends a postponement by up to two years.
    Art24Extension,
    /// The state designated its National Preventive Mechanism.
    NpmDesignation,
    /// The state notified the designation to the UN (Art. 17).
    NpmNotification,
    /// The NPM carried out visits or published a report: it is operating.
    NpmOperation,
    /// An assessment found the NPM meets the OPCAT criteria (Arts. 18-23).
    NpmMeetsCriteria,
    /// A visit of the Subcommittee on Prevention of Torture.
    SptVisit,
    Denunciation,
}

impl EventKind {
    pub const ALL: [EventKind; 15] = [
        EventKind::Signature,
        EventKind::Consent(ConsentKind::Ratification),
        EventKind::Consent(ConsentKind::Accession),
        EventKind::Consent(ConsentKind::Succession),
        EventKind::Consent(ConsentKind::Acceptance),
        EventKind::Consent(ConsentKind::Approval),
        EventKind::Art24Declaration(Art24Part::PartIii),
        EventKind::Art24Declaration(Art24Part::PartIv),
        EventKind::Art24Extension,
        EventKind::NpmDesignation,
        EventKind::NpmNotification,
        EventKind::NpmOperation,
        EventKind::NpmMeetsCriteria,
        EventKind::SptVisit,
        EventKind::Denunciation,
    ];

    /// The stable snake_case code used in data files, the database and the API.
    pub fn code(self) -> &'static str {
        match self {
            EventKind::Signature => "signature",
            EventKind::Consent(ConsentKind::Ratification) => "ratification",
            EventKind::Consent(ConsentKind::Accession) => "accession",
            EventKind::Consent(ConsentKind::Succession) => "succession",
            EventKind::Consent(ConsentKind::Acceptance) => "acceptance",
            EventKind::Consent(ConsentKind::Approval) => "approval",
            EventKind::Art24Declaration(Art24Part::PartIii) => "art24_declaration_part_iii",
            EventKind::Art24Declaration(Art24Part::PartIv) => "art24_declaration_part_iv",
            EventKind::Art24Extension => "art24_extension",
            EventKind::NpmDesignation => "npm_designation",
            EventKind::NpmNotification => "npm_notification",
            EventKind::NpmOperation => "npm_operation",
            EventKind::NpmMeetsCriteria => "npm_meets_criteria",
            EventKind::SptVisit => "spt_visit",
            EventKind::Denunciation => "denunciation",
        }
    }

    pub fn consent(self) -> Option<ConsentKind> {
        match self {
            EventKind::Consent(kind) => Some(kind),
            _ => None,
        }
    }
}

impl FromStr for EventKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EventKind::ALL
            .into_iter()
            .find(|k| k.code() == s)
            .ok_or_else(|| format!("{s:?} is not a treaty event kind"))
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A dated fact about one state and one treaty, with the source it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TreatyEvent {
    pub state: Iso3,
    pub treaty: TreatyId,
    pub kind: EventKind,
    pub date: NaiveDate,
    /// Identifier of the source document (see the dataset's sources).
    pub source: String,
    /// What the source adds in words (the text of a declaration, a date given only as a year).
    pub note: Option<String>,
}

impl TreatyEvent {
    /// Events that had happened on `as_of` (the day itself included).
    pub fn known_on(&self, as_of: NaiveDate) -> bool {
        self.date <= as_of
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_its_code() {
        for kind in EventKind::ALL {
            assert_eq!(kind.code().parse::<EventKind>(), Ok(kind));
        }
        let codes: std::collections::HashSet<_> = EventKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(codes.len(), EventKind::ALL.len(), "codes are unique");
    }
}
