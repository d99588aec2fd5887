//! The usual ways spreadsheets write values, read into domain types:
//! dates as ISO or day first (`2025-03-31`, `31/03/2025`, `31.03.2025`),
//! yes and no in English, French and Spanish, lists, states as ISO codes
//! or names, amounts with a comma or a point as decimal mark, and the codes
//! of the vocabularies (or their English, French or Spanish labels).
//!
//! Each parser answers with the reason a value is refused, for a
//! [`RowError`](super::RowError).

use std::collections::HashMap;

use chrono::NaiveDate;
use entente_core::access::{OrgKind, Visibility};
use entente_core::plan::{
    ActionStatus, Audience, BUILTIN_ACTION_TYPES, Level, Phase, Sector, check_action_type_code,
};
use entente_core::recommendation::{Body, FollowUpStatus, Theme};
use entente_core::{Iso3, RegionalGroup, State};

use super::labels::labels;
use crate::names::{StateMatcher, fold};

/// A date as ISO `YYYY-MM-DD` (a time after it is dropped) or day first:
/// `dd/mm/yyyy`, `d/m/yyyy`, `dd.mm.yyyy`, `dd-mm-yyyy`.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    let refused =
        || format!("{text:?} is not a date: write 2025-03-31 or 31/03/2025 (day, month, year)");
    let date_part = text.split([' ', 'T']).next().unwrap_or(text);
    if let Ok(date) = NaiveDate::parse_from_str(date_part, "%Y-%m-%d") {
        return Ok(date);
    }
    let parts: Vec<&str> = date_part.split(['/', '.', '-']).collect();
    let [day, month, year] = parts.as_slice() else {
        return Err(refused());
    };
    if year.len() != 4 {
        return Err(format!(
            "{text:?}: write the year with four digits (31/03/2025)"
        ));
    }
    let number = |part: &str| part.parse::<u32>().ok().filter(|_| part.len() <= 2);
    match (number(day), number(month), year.parse::<i32>()) {
        (Some(day), Some(month), Ok(year)) => NaiveDate::from_ymd_opt(year, month, day)
            .ok_or_else(|| format!("{text:?} is not a day of the calendar")),
        _ => Err(refused()),
    }
}

/// Yes or no: yes/no, oui/non, sí/si/no, true/false, 1/0, x or blank-free
/// variants in any case.
pub fn parse_bool(text: &str) -> Result<bool, String> {
    match fold(text).as_str() {
        "yes" | "y" | "oui" | "o" | "si" | "true" | "vrai" | "verdadero" | "1" | "x" => Ok(true),
        "no" | "n" | "non" | "false" | "faux" | "falso" | "0" => Ok(false),
        _ => Err(format!(
            "{text:?} is not yes or no (write yes/no, oui/non, sí/no, true/false or 1/0)"
        )),
    }
}

/// The items of a list cell: separated by `;` or `|`, and also by `,` for
/// codes, which never contain one. Blank items are dropped.
pub fn split_list(text: &str, codes: bool) -> Vec<&str> {
    text.split(|c| c == ';' || c == '|' || (codes && c == ','))
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect()
}

/// Finds states by ISO 3166 code (alpha-3 or alpha-2) or by name in
/// English, French or Spanish, among the states the caller knows.
#[derive(Debug, Clone)]
pub struct StateLookup {
    by_code: HashMap<String, Iso3>,
    names: StateMatcher,
}

impl StateLookup {
    pub fn new(states: &[State]) -> Self {
        let mut by_code = HashMap::new();
        for state in states {
            by_code.insert(state.iso3.as_str().to_owned(), state.iso3);
            if state.iso2.len() == 2 {
                by_code.insert(state.iso2.to_ascii_uppercase(), state.iso3);
            }
        }
        StateLookup {
            by_code,
            names: StateMatcher::new(states),
        }
    }

    /// One state.
    pub fn find(&self, text: &str) -> Result<Iso3, String> {
        let trimmed = text.trim();
        let code = trimmed.to_ascii_uppercase();
        self.by_code
            .get(&code)
            .copied()
            .or_else(|| self.names.find(trimmed))
            .ok_or_else(|| {
                format!("{trimmed:?} is no known state (give its ISO code, such as FRA or FR, or its name)")
            })
    }

    /// A list of states separated by `;` or `|`; a piece that is no state
    /// is tried as codes separated by commas ("FRA, DEU").
    pub fn find_all(&self, text: &str) -> Result<Vec<Iso3>, Vec<String>> {
        let mut found = Vec::new();
        let mut errors = Vec::new();
        for piece in split_list(text, false) {
            match self.find(piece) {
                Ok(iso3) => found.push(iso3),
                Err(reason) => {
                    let parts: Vec<&str> = split_list(piece, true);
                    let each: Result<Vec<Iso3>, String> =
                        parts.iter().map(|part| self.find(part)).collect();
                    match each {
                        Ok(states) if parts.len() > 1 => found.extend(states),
                        Ok(_) => errors.push(reason),
                        Err(part_reason) if parts.len() > 1 => errors.push(part_reason),
                        Err(_) => errors.push(reason),
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(found)
        } else {
            Err(errors)
        }
    }
}

/// A closed vocabulary whose values a cell names by code or label.
pub trait Vocabulary: Sized + Copy + 'static {
    /// What it is called in messages: "phase", "target audience".
    const NAME: &'static str;
    fn values() -> &'static [Self];
    fn code_of(self) -> &'static str;
}

macro_rules! vocabulary {
    ($($type:ty => $name:literal, $all:expr;)+) => {
        $(impl Vocabulary for $type {
            const NAME: &'static str = $name;
            fn values() -> &'static [Self] {
                &$all
            }
            fn code_of(self) -> &'static str {
                self.code()
            }
        })+
    };
}

vocabulary! {
    Phase => "phase", Phase::ALL;
    Level => "level", Level::ALL;
    Audience => "target audience", Audience::ALL;
    ActionStatus => "status", ActionStatus::ALL;
    Sector => "sector", Sector::ALL;
    Visibility => "visibility", Visibility::ALL;
    OrgKind => "kind of organisation", OrgKind::ALL;
    RegionalGroup => "regional group", RegionalGroup::ALL;
    Body => "recommending body", Body::ALL;
    FollowUpStatus => "follow-up status", FollowUpStatus::ALL;
    Theme => "theme", Theme::ALL;
}

/// A value folded for comparison with codes and labels: "Under way",
/// "under_way" and "UNDER-WAY" are the same.
fn fold_code(text: &str) -> String {
    fold(text)
        .chars()
        .map(|c| if matches!(c, '_' | '-') { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A value of a vocabulary, named by its code (with spaces or `_`) or by
/// one of its labels in English, French or Spanish.
pub fn parse_code<T: Vocabulary>(text: &str) -> Result<T, String> {
    let trimmed = text.trim();
    // Files written by Entente hold the codes: no folding for them.
    if let Some(value) = T::values().iter().find(|v| v.code_of() == trimmed) {
        return Ok(*value);
    }
    let wanted = fold_code(text);
    T::values()
        .iter()
        .copied()
        .find(|value| {
            let code = value.code_of();
            fold_code(code) == wanted || labels(code, T::NAME).any(|l| fold_code(l) == wanted)
        })
        .ok_or_else(|| {
            let codes: Vec<&str> = T::values().iter().map(|v| v.code_of()).collect();
            format!(
                "{:?} is not a {} (write one of: {})",
                text.trim(),
                T::NAME,
                codes.join(", ")
            )
        })
}

/// Several values of a vocabulary; every refused one is reported.
pub fn parse_codes<T: Vocabulary>(text: &str) -> Result<Vec<T>, Vec<String>> {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for piece in split_list(text, true) {
        match parse_code(piece) {
            Ok(value) => found.push(value),
            Err(reason) => errors.push(reason),
        }
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(errors)
    }
}

/// A kind of action: a built-in one by code or label, or an instance's
/// own by its code (the store checks it exists).
pub fn parse_action_type(text: &str) -> Result<String, String> {
    let trimmed = text.trim();
    if BUILTIN_ACTION_TYPES.iter().any(|kind| kind.code == trimmed) {
        return Ok(trimmed.to_owned());
    }
    let wanted = fold_code(text);
    let builtin = BUILTIN_ACTION_TYPES.iter().find(|kind| {
        [kind.code, kind.en, kind.fr, kind.es]
            .iter()
            .any(|name| fold_code(name) == wanted)
    });
    if let Some(kind) = builtin {
        return Ok(kind.code.to_owned());
    }
    let code = wanted.replace(' ', "_");
    check_action_type_code(&code).map(|()| code).map_err(|_| {
        format!(
            "{:?} is not a kind of action (write a code such as meeting_executive, letter, \
             seminar, or its name)",
            text.trim()
        )
    })
}

/// A number of days, with a comma or a point as decimal mark.
pub fn parse_days(text: &str) -> Result<f64, String> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    compact
        .parse::<f64>()
        .ok()
        .filter(|days| days.is_finite())
        .ok_or_else(|| format!("{:?} is not a number of days (write 3 or 2,5)", text.trim()))
}

/// Splits "1 500 EUR", "EUR 1500" or "1500€" into amount and currency
/// code, for a budget cell without a currency column.
pub fn split_currency(text: &str) -> (String, Option<String>) {
    let trimmed = text.trim();
    let symbols = [('€', "EUR"), ('£', "GBP"), ('¥', "JPY")];
    for (symbol, code) in symbols {
        if let Some(amount) = trimmed
            .strip_suffix(symbol)
            .or_else(|| trimmed.strip_prefix(symbol))
        {
            return (amount.trim().to_owned(), Some(code.to_owned()));
        }
    }
    let is_code = |word: &str| word.len() == 3 && word.chars().all(|c| c.is_ascii_alphabetic());
    if let Some((amount, code)) = trimmed.rsplit_once(' ') {
        if is_code(code) {
            return (amount.trim().to_owned(), Some(code.to_owned()));
        }
    }
    if let Some((code, amount)) = trimmed.split_once(' ') {
        if is_code(code) {
            return (amount.trim().to_owned(), Some(code.to_owned()));
        }
    }
    (trimmed.to_owned(), None)
}
