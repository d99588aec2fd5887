//! The board's GET filters (state, UN regional group, alliance, phase) as
//! the store's coordination filter and as the form that shows them.

use entente_core::access::AllianceId;
use entente_core::plan::Phase;
use entente_core::{Iso3, RegionalGroup};
use entente_store::CoordinationFilter;

use crate::error::AppError;
use crate::extract::Params;
use crate::locale::Locale;
use crate::pages::actions::filters::{Choice, Select};
use crate::pages::chrome::group_label;
use crate::views::actions::Lookups;

/// The parameters the filter form sets.
const NAMES: [&str; 4] = ["state", "region", "alliance", "phase"];

/// The filters read from the query, and the form that shows them.
pub struct BoardFilters {
    pub filter: CoordinationFilter,
    pub selects: Vec<Select>,
    /// Whether any filter is set (the form then offers to clear them).
    pub active: bool,
}

impl BoardFilters {
    /// Reads the filters of `params`; an unknown value is a 422 naming it.
    pub fn read(params: &Params, lookups: &Lookups, locale: Locale) -> Result<Self, AppError> {
        let state = params
            .get("state")
            .map(|raw| {
                raw.to_uppercase()
                    .parse::<Iso3>()
                    .ok()
                    .filter(|iso3| lookups.state(*iso3).is_some())
                    .ok_or_else(|| invalid("state", raw, "a state Entente knows"))
            })
            .transpose()?;
        let alliance = params
            .parse::<i64>("alliance", "an alliance's number")?
            .map(AllianceId);
        if let Some(id) = alliance {
            if lookups.alliance(id).is_none() {
                return Err(invalid(
                    "alliance",
                    &id.0.to_string(),
                    "an alliance you can see",
                ));
            }
        }
        let filter = CoordinationFilter {
            alliance,
            region: params.parse::<RegionalGroup>("region", "a UN regional group")?,
            states: state.into_iter().collect(),
            phase: params.parse::<Phase>("phase", "a phase")?,
        };
        Ok(BoardFilters {
            filter,
            selects: selects(params, lookups, locale),
            active: NAMES.iter().any(|n| params.get(n).is_some()),
        })
    }
}

fn invalid(name: &'static str, raw: &str, expected: &str) -> AppError {
    AppError::InvalidParameter {
        name,
        reason: format!("{raw:?} is not {expected}"),
    }
}

/// A select of `options`, the one the query chose selected.
fn select(
    params: &Params,
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
) -> Select {
    let chosen = params.get(name).unwrap_or_default().to_owned();
    Select {
        name,
        label,
        choices: options
            .into_iter()
            .map(|(value, label)| Choice {
                selected: value.eq_ignore_ascii_case(&chosen),
                value,
                label,
            })
            .collect(),
    }
}

fn selects(params: &Params, lookups: &Lookups, locale: Locale) -> Vec<Select> {
    let states = lookups
        .states_by_name(locale)
        .into_iter()
        .map(|(iso3, name)| (iso3.to_string(), name))
        .collect();
    let regions = RegionalGroup::ALL
        .iter()
        .map(|g| (g.code().to_owned(), group_label(locale, Some(*g))))
        .collect();
    let alliances = lookups
        .alliances
        .iter()
        .map(|a| (a.id.0.to_string(), a.name.clone()))
        .collect();
    let phases = Phase::ALL
        .iter()
        .map(|p| {
            let key = format!("action-phase-{}", p.code().replace('_', "-"));
            (p.code().to_owned(), locale.t(&key))
        })
        .collect();
    vec![
        select(params, "state", locale.t("actions-filter-state"), states),
        select(params, "region", locale.t("actions-filter-region"), regions),
        select(
            params,
            "alliance",
            locale.t("board-filter-alliance"),
            alliances,
        ),
        select(params, "phase", locale.t("actions-filter-phase"), phases),
    ]
}
