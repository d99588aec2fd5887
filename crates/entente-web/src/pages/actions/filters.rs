//! The filters the list and the calendar share, read from the query
//! string (`state`, `region`, `type`, `phase`, `level`, `status`, `org`,
//! `from`, `to`) and offered back as a GET form with the choices in the
//! reader's language. A value that cannot be used is a 422 naming it.

use chrono::NaiveDate;
use entente_core::plan::{ActionStatus, Level, Phase};
use entente_core::{Iso3, RegionalGroup};
use entente_store::ActionFilter;

use super::parse_day;
use crate::error::AppError;
use crate::extract::Params;
use crate::locale::Locale;
use crate::pages::chrome::group_label;
use crate::views::actions::Lookups;

/// The names of the filter parameters, kept in links that page or move
/// through months.
pub const NAMES: [&str; 9] = [
    "state", "region", "type", "phase", "level", "status", "org", "from", "to",
];

/// One option of a filter's `<select>`.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A `<select>` of the filter form.
pub struct Select {
    /// The parameter's name, also the id's stem.
    pub name: &'static str,
    pub label: String,
    pub choices: Vec<Choice>,
}

/// The filter form, as filled in by the request.
pub struct FilterForm {
    pub selects: Vec<Select>,
    pub from: String,
    pub to: String,
    /// Whether any filter is set (to offer clearing them).
    pub active: bool,
}

/// What the request asks for: the store's filter and the form showing it.
pub struct Filters {
    pub filter: ActionFilter,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub form: FilterForm,
}

impl Filters {
    /// Reads the filters of `params`; an unknown value is a 422 naming it.
    pub fn read(params: &Params, lookups: &Lookups, locale: Locale) -> Result<Filters, AppError> {
        let state = params.parse::<Iso3>("state", "an ISO 3166-1 alpha-3 code")?;
        if let Some(iso3) = state {
            if lookups.state(iso3).is_none() {
                return Err(invalid("state", iso3.as_str(), "a state Entente knows"));
            }
        }
        let region = params.parse::<RegionalGroup>("region", "a UN regional group")?;
        let action_type = params.get("type").map(str::to_owned);
        if let Some(code) = &action_type {
            if !lookups.types.iter().any(|t| &t.code == code) {
                return Err(invalid("type", code, "a kind of action of this instance"));
            }
        }
        let org = match params.get("org") {
            Some(short) => Some(
                lookups
                    .org_by_short(short)
                    .ok_or_else(|| invalid("org", short, "an organisation you can see"))?
                    .id,
            ),
            None => None,
        };
        let from = day(params, "from")?;
        let to = day(params, "to")?;
        let filter = ActionFilter {
            states: state.into_iter().collect(),
            region,
            action_type,
            phase: params.parse::<Phase>("phase", "a phase")?,
            level: params.parse::<Level>("level", "a level")?,
            status: params.parse::<ActionStatus>("status", "a status")?,
            org,
            alliance: None,
            from,
            to,
        };
        let mut form = form(params, lookups, locale);
        // A date input shows only ISO days, whatever was typed.
        form.from = from.map(|d| d.to_string()).unwrap_or_default();
        form.to = to.map(|d| d.to_string()).unwrap_or_default();
        Ok(Filters {
            filter,
            from,
            to,
            form,
        })
    }
}

fn invalid(name: &'static str, raw: &str, expected: &str) -> AppError {
    AppError::InvalidParameter {
        name,
        reason: format!("{raw:?} is not {expected}"),
    }
}

fn day(params: &Params, name: &'static str) -> Result<Option<NaiveDate>, AppError> {
    params
        .get(name)
        .map(|raw| parse_day(raw).ok_or_else(|| invalid(name, raw, "a date (YYYY-MM-DD)")))
        .transpose()
}

fn form(params: &Params, lookups: &Lookups, locale: Locale) -> FilterForm {
    let current = |name: &str| params.get(name).unwrap_or_default().to_owned();
    let select = |name: &'static str, key: &str, options: Vec<(String, String)>| {
        let chosen = current(name);
        Select {
            name,
            label: locale.t(key),
            choices: options
                .into_iter()
                .map(|(value, label)| Choice {
                    selected: value.eq_ignore_ascii_case(&chosen),
                    value,
                    label,
                })
                .collect(),
        }
    };
    let coded = |prefix: &str, codes: &[&'static str]| -> Vec<(String, String)> {
        codes
            .iter()
            .map(|c| {
                let key = format!("{prefix}-{}", c.replace('_', "-"));
                ((*c).to_owned(), locale.t(&key))
            })
            .collect()
    };
    let states = lookups
        .states_by_name(locale)
        .into_iter()
        .map(|(iso3, name)| (iso3.to_string(), name))
        .collect();
    let regions = RegionalGroup::ALL
        .iter()
        .map(|g| (g.code().to_owned(), group_label(locale, Some(*g))))
        .collect();
    let types = lookups
        .types
        .iter()
        .map(|t| (t.code.clone(), t.label(locale.code()).to_owned()))
        .collect();
    let orgs = lookups
        .orgs
        .iter()
        .map(|o| (o.short_name.clone(), o.name.clone()))
        .collect();
    let phases: Vec<_> = Phase::ALL.iter().map(|p| p.code()).collect();
    let levels: Vec<_> = Level::ALL.iter().map(|l| l.code()).collect();
    let statuses: Vec<_> = ActionStatus::ALL.iter().map(|s| s.code()).collect();
    FilterForm {
        selects: vec![
            select("state", "actions-filter-state", states),
            select("region", "actions-filter-region", regions),
            select("type", "actions-filter-type", types),
            select(
                "phase",
                "actions-filter-phase",
                coded("action-phase", &phases),
            ),
            select(
                "level",
                "actions-filter-level",
                coded("action-level", &levels),
            ),
            select(
                "status",
                "actions-filter-status",
                coded("action-status", &statuses),
            ),
            select("org", "actions-filter-org", orgs),
        ],
        from: String::new(),
        to: String::new(),
        active: NAMES.iter().any(|n| params.get(n).is_some()),
    }
}
