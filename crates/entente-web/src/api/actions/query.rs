//! The filters and page of an action list, from the query string: `state`
//! (repeatable or comma-separated ISO3 codes), `region`, `type`, `phase`,
//! `level`, `status`, `org` (short name), `alliance` (number), `from`,
//! `to`, `limit` and `offset`. Every value that names nothing the reader
//! may see is refused, naming its parameter.

use chrono::NaiveDate;
use entente_core::access::AllianceId;
use entente_core::plan::{ActionStatus, Level, Phase};
use entente_core::{Iso3, RegionalGroup};
use entente_store::{ActionFilter, PageRequest, Store};

use super::view::Names;
use crate::error::AppError;
use crate::locale::form_pairs;

/// The query parameters of an action list, as written.
#[derive(Debug, Clone, Default)]
pub struct ActionQuery {
    pairs: Vec<(String, String)>,
}

/// The parameters the list understands, for the OpenAPI document and to
/// refuse the others.
pub const PARAMETERS: [&str; 12] = [
    "state", "region", "type", "phase", "level", "status", "org", "alliance", "from", "to",
    "limit", "offset",
];

fn invalid(name: &'static str, reason: String) -> AppError {
    AppError::InvalidParameter { name, reason }
}

impl ActionQuery {
    pub fn from_query(query: Option<&str>) -> Self {
        ActionQuery {
            pairs: query.map(|q| form_pairs(q).collect()).unwrap_or_default(),
        }
    }

    /// Every non-empty value of `name`, comma-separated ones split.
    fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// The one value of `name`, if given.
    fn one(&self, name: &'static str) -> Result<Option<&str>, AppError> {
        let values = self.all(name);
        match values.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(one)),
            _ => Err(invalid(name, "give one value".to_owned())),
        }
    }

    fn parsed<T: std::str::FromStr>(
        &self,
        name: &'static str,
        expected: &str,
    ) -> Result<Option<T>, AppError> {
        self.one(name)?
            .map(|raw| {
                raw.parse()
                    .map_err(|_| invalid(name, format!("{raw:?} is not {expected}")))
            })
            .transpose()
    }

    /// Refuses a parameter the list does not know, which would otherwise
    /// be silently ignored and return more than was asked for.
    pub fn check_known(&self, extra: &[&str]) -> Result<(), AppError> {
        for (name, _) in &self.pairs {
            if !PARAMETERS.contains(&name.as_str()) && !extra.contains(&name.as_str()) {
                return Err(AppError::InvalidParameter {
                    name: "query",
                    reason: format!("{name:?} is not a parameter of this list"),
                });
            }
        }
        Ok(())
    }

    /// The page asked for: `limit` 1 to 500 (50 by default), `offset`.
    pub fn page(&self) -> Result<PageRequest, AppError> {
        let limit = self
            .parsed::<u32>("limit", "a whole number")?
            .unwrap_or(PageRequest::DEFAULT_LIMIT);
        if limit == 0 || limit > PageRequest::MAX_LIMIT {
            return Err(invalid(
                "limit",
                format!("{limit} is not between 1 and {}", PageRequest::MAX_LIMIT),
            ));
        }
        let offset = self.parsed::<u64>("offset", "a whole number")?.unwrap_or(0);
        Ok(PageRequest { limit, offset })
    }

    /// The filter, every name checked against what the reader sees.
    pub fn filter(&self, store: &Store, names: &Names) -> Result<ActionFilter, AppError> {
        let simple = self.simple_filter()?;
        self.checked(store, names, simple)
    }

    /// The filters that need nothing but the query.
    fn simple_filter(&self) -> Result<ActionFilter, AppError> {
        let mut states = Vec::new();
        for raw in self.all("state") {
            let iso3: Iso3 = raw.parse().map_err(|_| {
                invalid(
                    "state",
                    format!("{raw:?} is not an ISO 3166-1 alpha-3 code"),
                )
            })?;
            states.push(iso3);
        }
        let from = self.date("from")?;
        let to = self.date("to")?;
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                return Err(invalid("to", format!("{to} is before from ({from})")));
            }
        }
        Ok(ActionFilter {
            states,
            region: self.parsed::<RegionalGroup>("region", "a UN regional group")?,
            action_type: self.one("type")?.map(str::to_owned),
            phase: self.parsed::<Phase>("phase", "a phase (ratification, implementation)")?,
            level: self.parsed::<Level>("level", "a level (international, regional, national)")?,
            status: self.parsed::<ActionStatus>(
                "status",
                "a status (idea, planned, under_way, done, cancelled)",
            )?,
            org: None,
            alliance: None,
            from,
            to,
        })
    }

    fn date(&self, name: &'static str) -> Result<Option<NaiveDate>, AppError> {
        self.one(name)?
            .map(|raw| {
                NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| {
                    invalid(
                        name,
                        format!("{raw:?} is not a date of the form YYYY-MM-DD"),
                    )
                })
            })
            .transpose()
    }

    /// Adds `org` and `alliance`, and checks that the states and the kind
    /// of action exist.
    fn checked(
        &self,
        store: &Store,
        names: &Names,
        mut filter: ActionFilter,
    ) -> Result<ActionFilter, AppError> {
        if let Some(short) = self.one("org")? {
            filter.org = Some(names.org_by_short_name(short).ok_or_else(|| {
                invalid(
                    "org",
                    format!("no organisation you can see has the short name {short:?}"),
                )
            })?);
        }
        if let Some(raw) = self.one("alliance")? {
            let id = raw
                .parse::<i64>()
                .ok()
                .map(AllianceId)
                .filter(|id| names.alliances.contains_key(id))
                .ok_or_else(|| {
                    invalid(
                        "alliance",
                        format!("no alliance you can see has the number {raw:?}"),
                    )
                })?;
            filter.alliance = Some(id);
        }
        if !filter.states.is_empty() {
            let known = store.states().map_err(AppError::internal)?;
            for state in &filter.states {
                if !known.iter().any(|s| s.iso3 == *state) {
                    return Err(invalid(
                        "state",
                        format!("{state} is not a state Entente knows"),
                    ));
                }
            }
        }
        if let Some(code) = &filter.action_type {
            let kinds = store.action_types().map_err(AppError::internal)?;
            if !kinds.iter().any(|k| &k.code == code) {
                return Err(invalid(
                    "type",
                    format!("{code:?} is not a kind of action of this instance"),
                ));
            }
        }
        Ok(filter)
    }
}
