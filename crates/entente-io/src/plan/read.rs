//! Sheets read into records: every line's every value parsed, and the
//! rules of the domain that need no database checked (an end before the
//! start, a partner that is also the lead, personal data made public), so
//! a preview lists every fault of a file before anything is stored.

use std::collections::HashMap;

use entente_core::access::{AllianceId, OrgId, RecordAccess, Visibility};
use entente_core::plan::{
    ActionStatus, Budget, BudgetError, DocumentLink, Level, OutcomeEvent, Phase, check_web_address,
};
use entente_core::{EventKind, State, TreatyId};

use super::mapping::HeaderMapping;
use super::row::{Row, read_rows};
use super::sheet::Sheet;
use super::values::{StateLookup, parse_action_type, parse_bool, parse_days, split_currency};
use super::{ActionRecord, ContactRecord, OrganisationRecord, RecordKind, RowError};
use crate::names::fold;

/// The actions of a sheet, or every refused value of every line.
pub fn read_actions(
    sheet: &Sheet,
    mapping: &HeaderMapping,
    states: &[State],
) -> Result<Vec<ActionRecord>, Vec<RowError>> {
    let lookup = StateLookup::new(states);
    read_rows(sheet, mapping, RecordKind::Actions, |row| {
        let record = read_action(row, &lookup);
        check_action(row, &record);
        Some(record)
    })
}

/// The action of a line; a refused value leaves a stand-in, so the rules
/// of the core still check the others (the record is dropped anyway).
fn read_action(row: &mut Row<'_>, lookup: &StateLookup) -> ActionRecord {
    let action_type = match row.get("action_type") {
        "" => String::new(),
        text => parse_action_type(text)
            .map_err(|reason| row.refuse("action_type", reason))
            .unwrap_or_default(),
    };
    let phase = row.code("phase", None);
    let level = row.code("level", None);
    let states = row.states("states", lookup);
    let audiences = row.codes("audiences");
    let start = row.date("start");
    let end = row.date("end");
    let due = row.date("due");
    let status = row.code("status", Some(ActionStatus::Planned));
    let budget = budget(row);
    let staff_days = match row.get("staff_days") {
        "" => None,
        text => parse_days(text)
            .map_err(|reason| row.refuse("staff_days", reason))
            .ok(),
    };
    let outcome_event = outcome_event(row, lookup);
    let documents = match parse_documents(row.get("documents")) {
        Ok(documents) => documents,
        Err(reason) => {
            row.refuse("documents", reason);
            Vec::new()
        }
    };
    let visibility = row.code("visibility", Some(Visibility::Private));
    let signal = match row.get("signal") {
        "" => None,
        text => parse_bool(text)
            .map_err(|reason| row.refuse("signal", reason))
            .ok(),
    };
    ActionRecord {
        line: row.line,
        title: row.text("title"),
        description: row.text("description"),
        action_type,
        phase: phase.unwrap_or(Phase::Ratification),
        level: level.unwrap_or(Level::National),
        states,
        audiences,
        lead: row.optional_text("lead"),
        partners: row.names("partners"),
        start,
        end,
        due,
        status: status.unwrap_or(ActionStatus::Planned),
        budget,
        staff_days,
        expected_outcome: row.text("expected_outcome"),
        actual_outcome: row.text("actual_outcome"),
        outcome_event,
        documents,
        visibility: visibility.unwrap_or(Visibility::Private),
        shared_with: row.names("shared_with"),
        signal,
    }
}

/// An amount with its currency: from the currency column, or written in
/// the amount ("1 500 EUR") when there is none.
fn budget(row: &mut Row<'_>) -> Option<Budget> {
    let amount = row.get("budget");
    if amount.is_empty() {
        return None;
    }
    let (amount, code) = match row.get("budget_currency") {
        "" => split_currency(amount),
        code => (amount.to_owned(), Some(code.to_owned())),
    };
    let Some(code) = code else {
        row.refuse(
            "budget_currency",
            "give the budget's currency, an ISO 4217 code such as EUR, USD or CHF",
        );
        return None;
    };
    match Budget::parse(&amount, &code) {
        Ok(budget) => Some(budget),
        Err(error @ BudgetError::UnknownCurrency(_)) => {
            row.errors.push(RowError {
                line: row.line,
                field: "budget_currency".to_owned(),
                value: code,
                reason: error.to_string(),
            });
            None
        }
        Err(error) => {
            row.refuse("budget", error.to_string());
            None
        }
    }
}

/// "FRA opcat ratification 2019-01-01": state, treaty, kind of event, date.
fn outcome_event(row: &mut Row<'_>, lookup: &StateLookup) -> Option<OutcomeEvent> {
    let text = row.get("outcome_event");
    if text.is_empty() {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let parsed = match words.as_slice() {
        [state @ .., treaty, kind, date] if !state.is_empty() => {
            lookup.find(&state.join(" ")).and_then(|state| {
                Ok(OutcomeEvent {
                    state,
                    treaty: treaty.parse::<TreatyId>().map_err(|e| e.to_string())?,
                    kind: kind.parse::<EventKind>()?,
                    date: super::values::parse_date(date)?,
                })
            })
        }
        _ => Err(format!(
            "{text:?}: write the state, the treaty, the kind of event and its date, \
             such as \"FRA opcat ratification 2008-11-11\""
        )),
    };
    parsed
        .map_err(|reason| row.refuse("outcome_event", reason))
        .ok()
}

/// Links as Entente writes them, `title <url>` separated by `;`, or bare
/// addresses (each its own title).
pub fn parse_documents(text: &str) -> Result<Vec<DocumentLink>, String> {
    let mut documents = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ';' || c == '|');
        if rest.is_empty() {
            return Ok(documents);
        }
        let Some(open) = rest.find('<') else {
            for url in super::values::split_list(rest, false) {
                documents.push(DocumentLink {
                    title: url.to_owned(),
                    url: url.to_owned(),
                });
            }
            return Ok(documents);
        };
        let after = &rest[open + 1..];
        let close = after
            .find('>')
            .ok_or_else(|| format!("{text:?}: a '<' opens an address that no '>' closes"))?;
        let url = after[..close].trim().to_owned();
        let title = rest[..open].trim();
        documents.push(DocumentLink {
            title: if title.is_empty() {
                url.clone()
            } else {
                title.to_owned()
            },
            url,
        });
        rest = &after[close + 1..];
    }
}

/// The action rules of the core, with names standing for organisations
/// and alliances: the same name is the same one.
fn check_action(row: &mut Row<'_>, record: &ActionRecord) {
    let mut ids: HashMap<String, i64> = HashMap::new();
    let mut id_of = |name: &str| {
        let next = ids.len() as i64 + 1;
        *ids.entry(fold(name)).or_insert(next)
    };
    let lead = record
        .lead
        .as_deref()
        .map_or(OrgId(0), |name| OrgId(id_of(name)));
    let partners = record.partners.iter().map(|p| OrgId(id_of(p))).collect();
    let mut alliances: HashMap<String, i64> = HashMap::new();
    let shared_with = record
        .shared_with
        .iter()
        .map(|name| {
            let next = alliances.len() as i64 + 1;
            AllianceId(*alliances.entry(fold(name)).or_insert(next))
        })
        .collect();
    let draft = record.to_draft(lead, partners, shared_with);
    if let Err(field_errors) = draft.validate() {
        for error in field_errors {
            if !row.refused(error.field) {
                row.refuse(error.field, error.message);
            }
        }
    }
}

/// The organisations of a sheet, or every refused value of every line.
pub fn read_organisations(
    sheet: &Sheet,
    mapping: &HeaderMapping,
    states: &[State],
) -> Result<Vec<OrganisationRecord>, Vec<RowError>> {
    let lookup = StateLookup::new(states);
    let mut seen: HashMap<String, usize> = HashMap::new();
    read_rows(sheet, mapping, RecordKind::Organisations, |row| {
        let short_name = row.required_text("short_name");
        if let Some(first) = seen.insert(fold(&short_name), row.line) {
            if !short_name.is_empty() {
                row.refuse(
                    "short_name",
                    format!("line {first} has the same short name"),
                );
            }
        }
        let name = row.required_text("name");
        let kind = row.code("kind", None);
        let level = row.code("level", Some(Level::National));
        let sectors = row.codes("sectors");
        let states = row.states("states", &lookup);
        let regions = row.codes("regions");
        let website = row.optional_text("website");
        if let Some(Err(reason)) = website.as_deref().map(check_web_address) {
            row.refuse("website", reason);
        }
        let visibility = row.code("visibility", Some(Visibility::Private));
        Some(OrganisationRecord {
            line: row.line,
            short_name,
            name,
            kind: kind?,
            level: level?,
            sectors,
            states,
            regions,
            website,
            description: row.optional_text("description"),
            visibility: visibility?,
        })
    })
}

/// The contacts of a sheet, or every refused value of every line.
pub fn read_contacts(
    sheet: &Sheet,
    mapping: &HeaderMapping,
) -> Result<Vec<ContactRecord>, Vec<RowError>> {
    read_rows(sheet, mapping, RecordKind::Contacts, |row| {
        let name = row.required_text("name");
        let email = row.optional_text("email");
        if let Some(Err(reason)) = email.as_deref().map(check_email) {
            row.refuse("email", reason);
        }
        let languages = languages(row);
        let consent = match row.get("consent") {
            "" => false,
            text => parse_bool(text)
                .map_err(|reason| row.refuse("consent", reason))
                .unwrap_or(false),
        };
        let visibility = row.code("visibility", Some(Visibility::Private))?;
        let shared_with = row.names("shared_with");
        let access = RecordAccess {
            owner: OrgId(0),
            visibility,
            shared_with: (1..=shared_with.len() as i64).map(AllianceId).collect(),
            personal: true,
        };
        if let Err(invalid) = access.validate() {
            row.refuse("visibility", invalid.to_string());
        }
        Some(ContactRecord {
            line: row.line,
            name,
            role: row.text("role"),
            email,
            phone: row.optional_text("phone"),
            languages,
            consent,
            notes: row.text("notes"),
            visibility,
            shared_with,
        })
    })
}

fn check_email(email: &str) -> Result<(), String> {
    match email.split_once('@') {
        Some((local, domain))
            if !local.is_empty()
                && domain.contains('.')
                && !domain.contains('@')
                && !email.contains(char::is_whitespace) =>
        {
            Ok(())
        }
        _ => Err(format!("{email:?} is not an e-mail address")),
    }
}

/// Language codes (ISO 639: "en", "fr"), or the names of the three
/// languages of the product in any of them.
fn languages(row: &mut Row<'_>) -> Vec<String> {
    const NAMES: [(&str, &[&str]); 3] = [
        ("en", &["english", "anglais", "ingles"]),
        ("fr", &["french", "francais", "frances"]),
        ("es", &["spanish", "espagnol", "espanol", "castellano"]),
    ];
    let mut codes = Vec::new();
    for item in super::values::split_list(row.get("languages"), true) {
        let folded = fold(item);
        let named = NAMES
            .iter()
            .find(|(_, names)| names.contains(&folded.as_str()))
            .map(|(code, _)| (*code).to_owned());
        let is_code =
            (2..=3).contains(&folded.len()) && folded.chars().all(|c| c.is_ascii_lowercase());
        match named {
            Some(code) => codes.push(code),
            None if is_code => codes.push(folded),
            None => row.refuse(
                "languages",
                format!("{item:?} is not a language code (write en, fr, es, ar, ...)"),
            ),
        }
    }
    codes
}
