//! The query parameters the coordination findings share: the board's
//! filters and a page size, any unknown parameter refused by name.

use entente_core::access::AllianceId;
use entente_core::plan::Phase;
use entente_core::{Iso3, RegionalGroup};
use entente_store::CoordinationFilter;

use crate::error::AppError;
use crate::extract::Params;

/// The filters every finding takes.
const FILTERS: [&str; 6] = ["as_of", "state", "region", "alliance", "phase", "limit"];

/// The findings listed when `limit` is not given, and at most.
const DEFAULT_LIMIT: usize = 50;
const MAX_LIMIT: usize = 500;

/// The widest window between two overlapping actions: a year.
pub(super) const MAX_WINDOW_DAYS: u32 = 366;

/// The query's parameters, any unknown one refused by name.
pub(super) fn params(raw: Option<&str>, extra: &[&str]) -> Result<Params, AppError> {
    let pairs: Vec<(String, String)> = raw
        .map(|q| crate::locale::form_pairs(q).collect())
        .unwrap_or_default();
    if let Some((name, _)) = pairs
        .iter()
        .find(|(k, _)| !FILTERS.contains(&k.as_str()) && !extra.contains(&k.as_str()))
    {
        return Err(AppError::InvalidParameter {
            name: "query",
            reason: format!("{name:?} is not a parameter of this finding"),
        });
    }
    Ok(Params::from_query(raw))
}

/// `state`, `region`, `alliance` and `phase` as the store's filter.
pub(super) fn filter(params: &Params) -> Result<CoordinationFilter, AppError> {
    let state = params
        .get("state")
        .map(|code| {
            code.to_uppercase()
                .parse::<Iso3>()
                .map_err(|e| AppError::InvalidParameter {
                    name: "state",
                    reason: e.to_string(),
                })
        })
        .transpose()?;
    let region = coded::<RegionalGroup>(params, "region")?;
    let phase = coded::<Phase>(params, "phase")?;
    let alliance = params.parse::<i64>("alliance", "an alliance's number")?;
    Ok(CoordinationFilter {
        alliance: alliance.map(AllianceId),
        region,
        states: state.into_iter().collect(),
        phase,
    })
}

/// A vocabulary's code, or a 422 that lists the accepted ones.
fn coded<T>(params: &Params, name: &'static str) -> Result<Option<T>, AppError>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    params
        .get(name)
        .map(|code| {
            code.parse()
                .map_err(|e: T::Err| AppError::InvalidParameter {
                    name,
                    reason: e.to_string(),
                })
        })
        .transpose()
}

/// `limit`: 1 to 500, 50 by default.
pub(super) fn limit(params: &Params) -> Result<usize, AppError> {
    let limit = params
        .parse::<usize>("limit", "a whole number")?
        .unwrap_or(DEFAULT_LIMIT);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(AppError::InvalidParameter {
            name: "limit",
            reason: format!("{limit} is not between 1 and {MAX_LIMIT}"),
        });
    }
    Ok(limit)
}
