//! The portal's three languages: choosing one for a request (`?lang=`, then
//! Accept-Language, then English) and looking up its Fluent messages.

use std::borrow::Cow;
use std::collections::HashMap;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use chrono::{Datelike, NaiveDate};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks around arguments would end up inside HTML
        // attributes and test strings; our arguments are plain names and numbers.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static FR: LanguageIdentifier = langid!("fr");
static ES: LanguageIdentifier = langid!("es");

/// A language of the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    En,
    Fr,
    Es,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Fr, Locale::Es];

    /// The BCP 47 code, as used in `?lang=` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::Es => "es",
        }
    }

    /// The language's own name, for the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Fr => "Français",
            Locale::Es => "Español",
        }
    }

    fn from_code(code: &str) -> Option<Locale> {
        let primary = code.split(['-', '_']).next()?.trim();
        Locale::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    fn langid(self) -> &'static LanguageIdentifier {
        match self {
            Locale::En => &EN,
            Locale::Fr => &FR,
            Locale::Es => &ES,
        }
    }

    /// The language for a request: an explicit `?lang=` wins, then the best
    /// match in Accept-Language by quality, then English.
    pub fn negotiate(query: Option<&str>, headers: &HeaderMap) -> Locale {
        let asked = query.and_then(|q| {
            form_pairs(q)
                .find(|(k, _)| k == "lang")
                .and_then(|(_, v)| Locale::from_code(&v))
        });
        asked
            .or_else(|| {
                headers
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(from_accept_language)
            })
            .unwrap_or(Locale::En)
    }

    /// The message `key`; a missing key is a bug caught by the tests, so the
    /// key itself is shown rather than failing the page.
    pub fn t(self, key: &str) -> String {
        LOCALES
            .try_lookup(self.langid(), key)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message `key` with named arguments.
    pub fn t_args(self, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
            .collect();
        LOCALES
            .try_lookup_with_args(self.langid(), key, &args)
            .unwrap_or_else(|| key.to_owned())
    }

    /// Whether `key` exists in this language (for the key-coverage tests).
    /// Every variable the files use is supplied, since a message whose
    /// variables are missing does not format.
    #[cfg(test)]
    pub fn has(self, key: &str) -> bool {
        const VARIABLES: [&str; 22] = [
            "subject",
            "date",
            "count",
            "name",
            "group",
            "start",
            "end",
            "years",
            "months",
            "duration",
            "number",
            "year",
            "total",
            "parties",
            "signatories",
            "day",
            "month",
            "email",
            "minutes",
            "min",
            "max",
            "time",
        ];
        let args: Vec<_> = VARIABLES
            .iter()
            .map(|v| (*v, FluentValue::from(1)))
            .collect();
        self.t_args(key, &args) != key
    }

    /// A date written out the way the language writes it: "11 November 2008",
    /// "11 novembre 2008", "11 de noviembre de 2008".
    pub fn date(self, date: NaiveDate) -> String {
        let month = self.t(&format!("month-{}", date.month()));
        self.t_args(
            "date-long",
            &[
                ("day", FluentValue::from(date.day())),
                ("month", FluentValue::from(month)),
                // A string, so no locale ever groups the digits of a year.
                ("year", FluentValue::from(date.year().to_string())),
            ],
        )
    }

    /// An optional date, or the language's dash for "none".
    pub fn date_or_dash(self, date: Option<NaiveDate>) -> String {
        date.map_or_else(|| "—".to_owned(), |d| self.date(d))
    }

    /// A count with its noun, pluralised by Fluent (`key` takes `$count`).
    pub fn count(self, key: &str, count: usize) -> String {
        self.t_args(key, &[("count", FluentValue::from(count))])
    }

    /// [`Locale::count`] for a total that may have stopped counting
    /// (`lower_bound`: more than `count` match): then the message `key`
    /// followed by `-more`, which says "more than".
    pub fn total(self, key: &str, count: u64, lower_bound: bool) -> String {
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        self.count(&total_key(key, lower_bound), count)
    }
}

/// The message for a total: `key`, or `key-more` ("more than") when the
/// total is a lower bound.
pub fn total_key(key: &str, lower_bound: bool) -> String {
    if lower_bound {
        format!("{key}-more")
    } else {
        key.to_owned()
    }
}

/// Decoded `key=value` pairs of a query string.
pub fn form_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned()))
}

fn from_accept_language(value: &str) -> Option<Locale> {
    let mut best: Option<(f32, Locale)> = None;
    for item in value.split(',') {
        let mut parts = item.split(';');
        let Some(locale) = parts.next().and_then(|tag| Locale::from_code(tag.trim())) else {
            continue;
        };
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
            best = Some((quality, locale));
        }
    }
    best.map(|(_, locale)| locale)
}

impl<S: Send + Sync> FromRequestParts<S> for Locale {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Locale::negotiate(parts.uri.query(), &parts.headers))
    }
}

#[cfg(test)]
mod tests;
