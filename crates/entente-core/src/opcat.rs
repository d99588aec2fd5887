//! OPCAT's rules: entry into force (Art. 28), the NPM due date (Art. 17) and
//! its postponement (Art. 24), the CAT precondition (Art. 27), and the stage
//! a state has reached, all as of a given day.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::event::{Art24Part, ConsentKind, EventKind, TreatyEvent};
use crate::status::TreatyStatus;

/// OPCAT entered into force on 22 June 2006, the 30th day after the 20th instrument (Art. 28(1)).
pub const ENTRY_INTO_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2006, 6, 22) {
    Some(date) => date,
    None => panic!("valid date"),
};
/// For a later state, OPCAT enters into force on the 30th day after its deposit (Art. 28(2)).
pub const DAYS_AFTER_DEPOSIT: u64 = 30;
/// Art. 17: the NPM is due at the latest one year after entry into force for the state.
pub const NPM_DUE_MONTHS: u32 = 12;
/// Art. 24(1): a postponement lasts at most three years...
pub const POSTPONEMENT_MONTHS: u32 = 36;
/// ... and Art. 24(2): the Committee against Torture may extend it by two more.
pub const EXTENSION_MONTHS: u32 = 24;

/// The stages of DOMAIN.md, in the order a state moves through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    NotCatParty,
    CatPartyNotSigned,
    Signatory,
    PartyNpmPending,
    NpmDesignated,
    NpmOperating,
    NpmMeetsCriteria,
}

impl Stage {
    pub const ALL: [Stage; 7] = [
        Stage::NotCatParty,
        Stage::CatPartyNotSigned,
        Stage::Signatory,
        Stage::PartyNpmPending,
        Stage::NpmDesignated,
        Stage::NpmOperating,
        Stage::NpmMeetsCriteria,
    ];

    /// 1 to 7, as numbered in DOMAIN.md.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    pub fn code(self) -> &'static str {
        match self {
            Stage::NotCatParty => "not_cat_party",
            Stage::CatPartyNotSigned => "cat_party_not_signed",
            Stage::Signatory => "signatory",
            Stage::PartyNpmPending => "party_npm_pending",
            Stage::NpmDesignated => "npm_designated",
            Stage::NpmOperating => "npm_operating",
            Stage::NpmMeetsCriteria => "npm_meets_criteria",
        }
    }

    pub fn is_party(self) -> bool {
        self >= Stage::PartyNpmPending
    }
}

impl std::str::FromStr for Stage {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Stage::ALL
            .into_iter()
            .find(|st| st.code() == s)
            .ok_or_else(|| format!("{s:?} is not an OPCAT stage"))
    }
}

/// A breach of Art. 27 found in the data: reported, never hidden or corrected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Art27Violation {
    /// OPCAT ratified or acceded to without being a CAT party on that day.
    ConsentWithoutCatParty { opcat_consent: NaiveDate },
    /// OPCAT signed without having signed or joined CAT by that day.
    SignatureWithoutCat { opcat_signature: NaiveDate },
}

/// Everything the rules derive about one state under OPCAT on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpcatStatus {
    pub as_of: NaiveDate,
    pub stage: Stage,
    pub cat: TreatyStatus,
    pub opcat: TreatyStatus,
    /// When OPCAT entered into force for the state (Art. 28), once it is a party.
    pub entry_into_force: Option<NaiveDate>,
    /// Which part an Art. 24 declaration postpones, if one was made.
    pub postponement: Option<Art24Part>,
    /// When the Art. 24 postponement (with any extension) ends.
    pub postponement_end: Option<NaiveDate>,
    /// The date by which the NPM must exist (Art. 17, moved by an Art. 24 Part IV postponement).
    pub npm_due: Option<NaiveDate>,
    /// The NPM is still not designated after its due date.
    pub npm_overdue: bool,
    pub npm_designated: Option<NaiveDate>,
    pub violations: Vec<Art27Violation>,
}

/// Entry into force for a state that deposited its instrument on `deposit` (Art. 28).
pub fn entry_into_force(deposit: NaiveDate) -> NaiveDate {
    let thirtieth_day = deposit + Days::new(DAYS_AFTER_DEPOSIT);
    thirtieth_day.max(ENTRY_INTO_FORCE)
}

/// The OPCAT status of one state on `as_of`, from its CAT and OPCAT events.
/// Events after `as_of` play no part; the order of the events does not matter.
pub fn derive<'a>(
    cat_events: impl IntoIterator<Item = &'a TreatyEvent>,
    opcat_events: impl IntoIterator<Item = &'a TreatyEvent> + Clone,
    as_of: NaiveDate,
) -> OpcatStatus {
    let cat = TreatyStatus::from_events(cat_events, as_of);
    let opcat = TreatyStatus::from_events(opcat_events.clone(), as_of);
    let known: Vec<&TreatyEvent> = opcat_events
        .into_iter()
        .filter(|e| e.known_on(as_of))
        .collect();
    let first = |kind: EventKind| {
        known
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.date)
            .min()
    };

    let party = opcat.is_party();
    let entry_into_force = opcat
        .consent
        .filter(|_| party)
        .map(|(_, deposit)| entry_into_force(deposit));

    let postponement = [Art24Part::PartIv, Art24Part::PartIii]
        .into_iter()
        .find(|part| first(EventKind::Art24Declaration(*part)).is_some());
    let postponement_end = match (entry_into_force, postponement) {
        (Some(eif), Some(_)) => {
            let extension = if first(EventKind::Art24Extension).is_some() {
                EXTENSION_MONTHS
            } else {
                0
            };
            eif.checked_add_months(Months::new(POSTPONEMENT_MONTHS + extension))
        }
        _ => None,
    };
    // Art. 24 postpones the Part IV obligations themselves; we read the NPM due
    // date as the end of that postponement, never earlier than the Art. 17 year.
    let npm_due = entry_into_force.and_then(|eif| {
        let art17 = eif.checked_add_months(Months::new(NPM_DUE_MONTHS))?;
        Some(match (postponement, postponement_end) {
            (Some(Art24Part::PartIv), Some(end)) => art17.max(end),
            _ => art17,
        })
    });

    let npm_designated = [EventKind::NpmDesignation, EventKind::NpmNotification]
        .into_iter()
        .filter_map(first)
        .min();
    let stage = if party {
        if first(EventKind::NpmMeetsCriteria).is_some() {
            Stage::NpmMeetsCriteria
        } else if first(EventKind::NpmOperation).is_some() {
            Stage::NpmOperating
        } else if npm_designated.is_some() {
            Stage::NpmDesignated
        } else {
            Stage::PartyNpmPending
        }
    } else if opcat.signed.is_some() {
        Stage::Signatory
    } else if cat.is_party() {
        Stage::CatPartyNotSigned
    } else {
        Stage::NotCatParty
    };
    let npm_overdue = stage == Stage::PartyNpmPending && npm_due.is_some_and(|due| as_of > due);

    OpcatStatus {
        as_of,
        stage,
        violations: art27_violations(&cat, &opcat),
        cat,
        opcat,
        entry_into_force,
        postponement,
        postponement_end,
        npm_due,
        npm_overdue,
        npm_designated,
    }
}

fn art27_violations(cat: &TreatyStatus, opcat: &TreatyStatus) -> Vec<Art27Violation> {
    let mut violations = Vec::new();
    if let Some((_, consent)) = opcat.consent {
        let cat_party_then = cat.consent.is_some_and(|(_, date)| date <= consent);
        if !cat_party_then {
            violations.push(Art27Violation::ConsentWithoutCatParty {
                opcat_consent: consent,
            });
        }
    }
    if let Some(signed) = opcat.signed {
        let cat_then = cat.signed.is_some_and(|d| d <= signed)
            || cat.consent.is_some_and(|(_, d)| d <= signed);
        if !cat_then {
            violations.push(Art27Violation::SignatureWithoutCat {
                opcat_signature: signed,
            });
        }
    }
    violations
}

/// The consent kinds that make a state a party, for labels and filters.
pub const CONSENT_KINDS: [ConsentKind; 5] = [
    ConsentKind::Ratification,
    ConsentKind::Accession,
    ConsentKind::Succession,
    ConsentKind::Acceptance,
    ConsentKind::Approval,
];

#[cfg(test)]
mod tests;
