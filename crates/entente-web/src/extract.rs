//! Request extractors shared by pages and API: the day the status is shown
//! for (`?as_of=`) and the query parameters, parsed with errors that name
//! the parameter.

use std::str::FromStr;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use chrono::NaiveDate;

use crate::error::AppError;
use crate::locale::form_pairs;

/// The day the status is shown for: `?as_of=YYYY-MM-DD`, today by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsOf {
    pub date: NaiveDate,
    /// Whether the reader chose the day (then links carry it along).
    pub explicit: bool,
}

impl AsOf {
    pub fn today() -> Self {
        AsOf {
            date: chrono::Utc::now().date_naive(),
            explicit: false,
        }
    }

    pub fn parse(value: Option<&str>) -> Result<Self, AppError> {
        match value.map(str::trim) {
            None | Some("") => Ok(AsOf::today()),
            Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map(|date| AsOf {
                    date,
                    explicit: true,
                })
                .map_err(|_| AppError::InvalidAsOf(text.to_owned())),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for AsOf {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let params = Params::from_query(parts.uri.query());
        AsOf::parse(params.get("as_of"))
    }
}

/// The decoded query string, with typed accessors that report bad values.
#[derive(Debug, Clone, Default)]
pub struct Params(Vec<(String, String)>);

impl Params {
    pub fn from_query(query: Option<&str>) -> Self {
        Params(query.map(|q| form_pairs(q).collect()).unwrap_or_default())
    }

    /// The first non-empty value of `name`; empty form fields mean "any".
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }

    /// `name` parsed as `T`, `None` when absent, a 422 naming it when malformed.
    pub fn parse<T>(&self, name: &'static str, expected: &str) -> Result<Option<T>, AppError>
    where
        T: FromStr,
    {
        self.get(name)
            .map(|raw| {
                raw.parse().map_err(|_| AppError::InvalidParameter {
                    name,
                    reason: format!("{raw:?} is not {expected}"),
                })
            })
            .transpose()
    }

    /// Every pair but those named, to carry the rest along in links and forms.
    pub fn without(&self, names: &[&str]) -> Vec<(String, String)> {
        self.0
            .iter()
            .filter(|(k, _)| !names.contains(&k.as_str()))
            .cloned()
            .collect()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Params::from_query(parts.uri.query()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_of_defaults_to_today_and_rejects_bad_dates() {
        assert!(!AsOf::parse(None).unwrap().explicit);
        let day = AsOf::parse(Some("2008-01-01")).unwrap();
        assert_eq!(day.date, NaiveDate::from_ymd_opt(2008, 1, 1).unwrap());
        assert!(day.explicit);
        for bad in ["2008-13-01", "01/01/2008", "yesterday", "2008-02-30"] {
            let err = AsOf::parse(Some(bad)).unwrap_err();
            assert_eq!(err.code(), "invalid_as_of", "{bad}");
            assert!(err.to_string().contains("as_of"));
        }
    }

    #[test]
    fn params_name_the_bad_parameter() {
        let params = Params::from_query(Some("region=abc&regional_group=&x=1"));
        let err = params.parse::<u16>("region", "an M49 code").unwrap_err();
        assert_eq!(err.code(), "invalid_parameter");
        assert!(err.to_string().contains("region"), "{err}");
        assert_eq!(params.get("regional_group"), None);
        assert_eq!(params.without(&["region"]).len(), 2);
    }
}
