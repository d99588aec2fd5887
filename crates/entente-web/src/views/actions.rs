//! Campaign actions as the portal's pages show them: the names an action
//! points to (its kind, states, organisations, alliances) looked up once
//! per page in the reader's language, and the row every list, calendar
//! and state page shows for one action.

use std::collections::HashMap;

use chrono::NaiveDate;
use entente_core::access::{AccessScope, AllianceId, OrgId};
use entente_core::plan::{ActionDraft, ActionStatus};
use entente_core::{Iso3, State};
use entente_store::{Action, ActionType, Alliance, Organisation, Store, StoreError};

use crate::locale::Locale;

/// The names a page needs to show actions, as the reader may see them.
#[derive(Debug, Clone, Default)]
pub struct Lookups {
    pub types: Vec<ActionType>,
    pub states: Vec<State>,
    /// The directory entries the reader sees, by name.
    pub orgs: Vec<Organisation>,
    /// The alliances the reader sees.
    pub alliances: Vec<Alliance>,
    type_index: HashMap<String, usize>,
    state_index: HashMap<Iso3, usize>,
    org_index: HashMap<OrgId, usize>,
}

impl Lookups {
    /// Reads the catalogue, the states, and what `scope` sees of the
    /// directory and the alliances.
    pub fn load(store: &Store, scope: &AccessScope) -> Result<Lookups, StoreError> {
        let types = store.action_types()?;
        let states = store.states()?;
        let mut orgs = store.organisations(scope)?;
        orgs.sort_by_key(|o| o.name.to_lowercase());
        let alliances = store.alliances(scope)?;
        Ok(Lookups::new(types, states, orgs, alliances))
    }

    pub fn new(
        types: Vec<ActionType>,
        states: Vec<State>,
        orgs: Vec<Organisation>,
        alliances: Vec<Alliance>,
    ) -> Lookups {
        let type_index = types
            .iter()
            .enumerate()
            .map(|(i, t)| (t.code.clone(), i))
            .collect();
        let state_index = states
            .iter()
            .enumerate()
            .map(|(i, s)| (s.iso3, i))
            .collect();
        let org_index = orgs.iter().enumerate().map(|(i, o)| (o.id, i)).collect();
        Lookups {
            types,
            states,
            orgs,
            alliances,
            type_index,
            state_index,
            org_index,
        }
    }

    /// The kind's label in the language; its code when the catalogue lost it.
    pub fn type_label(&self, code: &str, locale: Locale) -> String {
        self.type_index.get(code).map_or_else(
            || code.to_owned(),
            |&i| self.types[i].label(locale.code()).to_owned(),
        )
    }

    pub fn state(&self, iso3: Iso3) -> Option<&State> {
        self.state_index.get(&iso3).map(|&i| &self.states[i])
    }

    /// The state's short name in the language; its code when unknown.
    pub fn state_name(&self, iso3: Iso3, locale: Locale) -> String {
        self.state(iso3)
            .map_or_else(|| iso3.to_string(), |s| state_name(s, locale).to_owned())
    }

    /// The organisation, when the reader sees it in the directory.
    pub fn org(&self, id: OrgId) -> Option<&Organisation> {
        self.org_index.get(&id).map(|&i| &self.orgs[i])
    }

    pub fn org_by_short(&self, short: &str) -> Option<&Organisation> {
        self.orgs.iter().find(|o| o.short_name == short)
    }

    pub fn alliance(&self, id: AllianceId) -> Option<&Alliance> {
        self.alliances.iter().find(|a| a.id == id)
    }

    /// The states sorted by their name in the language.
    pub fn states_by_name(&self, locale: Locale) -> Vec<(Iso3, String)> {
        let mut named: Vec<(Iso3, String)> = self
            .states
            .iter()
            .map(|s| (s.iso3, state_name(s, locale).to_owned()))
            .collect();
        named.sort_by_key(|(_, name)| sort_key(name));
        named
    }
}

/// A state's short name in the language.
pub fn state_name(state: &State, locale: Locale) -> &str {
    match locale {
        Locale::En => &state.names.en,
        Locale::Fr => &state.names.fr,
        Locale::Es => &state.names.es,
    }
}

/// A name as lists sort it: lower case, common accents folded, so
/// "Égypte" sorts among the E.
pub fn sort_key(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Î' | 'Ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ô' | 'Ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ñ' | 'Ñ' => 'n',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// One action as a list, a calendar or a state page shows it.
#[derive(Debug, Clone)]
pub struct ActionSummary {
    pub id: i64,
    pub title: String,
    pub type_label: String,
    /// The target states' names in the language.
    pub states: Vec<String>,
    /// The lead's name, or a phrase saying the reader does not see it.
    pub lead: String,
    /// The dates written out ("12 March 2026 – 14 March 2026", "due ...").
    pub dates: String,
    pub status: ActionStatus,
    pub status_label: String,
}

impl ActionSummary {
    pub fn new(action: &Action, lookups: &Lookups, locale: Locale) -> ActionSummary {
        let content = &action.content;
        ActionSummary {
            id: action.id.0,
            title: content.title.clone(),
            type_label: lookups.type_label(&content.action_type, locale),
            states: content
                .states
                .iter()
                .map(|s| lookups.state_name(*s, locale))
                .collect(),
            lead: org_label(lookups, content.lead, locale),
            dates: dates_text(content, locale),
            status: content.status,
            status_label: status_label(content.status, locale),
        }
    }

    /// The status's code, for the badge's class.
    pub fn status_code(&self) -> &'static str {
        self.status.code()
    }
}

/// An organisation's name, or a phrase saying the reader does not see it.
pub fn org_label(lookups: &Lookups, id: OrgId, locale: Locale) -> String {
    lookups
        .org(id)
        .map_or_else(|| locale.t("action-org-hidden"), |o| o.name.clone())
}

pub fn status_label(status: ActionStatus, locale: Locale) -> String {
    locale.t(&format!(
        "action-status-{}",
        status.code().replace('_', "-")
    ))
}

/// The action's dates in words: its span, or its start, or its due date.
pub fn dates_text(content: &ActionDraft, locale: Locale) -> String {
    let span = match (content.start, content.end) {
        (Some(start), Some(end)) if start != end => Some(range_text(start, end, locale)),
        (Some(day), _) | (None, Some(day)) => Some(locale.date(day)),
        (None, None) => None,
    };
    let due = content
        .due
        .map(|d| locale.t_args("action-dates-due", &[("date", locale.date(d).into())]));
    match (span, due) {
        (Some(span), Some(due)) => format!("{span}; {due}"),
        (Some(text), None) | (None, Some(text)) => text,
        (None, None) => locale.t("action-dates-none"),
    }
}

fn range_text(start: NaiveDate, end: NaiveDate, locale: Locale) -> String {
    locale.t_args(
        "action-dates-range",
        &[
            ("start", locale.date(start).into()),
            ("end", locale.date(end).into()),
        ],
    )
}
