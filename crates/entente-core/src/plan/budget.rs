//! Budgets: an amount in an ISO 4217 currency, held exactly in the
//! currency's minor unit (cents, centimes), and the parsing of amounts as
//! spreadsheets write them in English, French and Spanish.

use std::fmt;

use iso_currency::Currency;

/// A non-negative amount of money in one currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// In the currency's minor unit: 1234.50 EUR is 123450.
    pub minor: i64,
    pub currency: Currency,
}

/// Why an amount or currency is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BudgetError {
    #[error("{0:?} is not an ISO 4217 currency code (for example EUR, USD, CHF, XOF)")]
    UnknownCurrency(String),
    #[error("{0:?} is not an amount (write 1234.50, 1 234,50 or 1,234.50)")]
    NotAnAmount(String),
    #[error("{amount:?} has more than {exponent} decimals, the currency's smallest unit")]
    TooManyDecimals { amount: String, exponent: u16 },
    #[error("{0:?} is negative: a budget is zero or more")]
    Negative(String),
    #[error("{0:?} is too large")]
    TooLarge(String),
}

impl Budget {
    /// Parses an amount written with a comma or a point as decimal mark
    /// (see [`parse_amount`]) in the currency `code`.
    pub fn parse(amount: &str, code: &str) -> Result<Budget, BudgetError> {
        let currency = currency(code)?;
        let minor = parse_amount(amount, exponent(currency))?;
        Ok(Budget { minor, currency })
    }

    /// The currency's code: "EUR".
    pub fn currency_code(&self) -> &'static str {
        self.currency.code()
    }

    /// The amount with a point as decimal mark and no grouping, as data
    /// files and the API carry it: "1234.50".
    pub fn amount_text(&self) -> String {
        let exponent = exponent(self.currency);
        if exponent == 0 {
            return self.minor.to_string();
        }
        let scale = 10_i64.pow(u32::from(exponent));
        format!(
            "{}.{:0width$}",
            self.minor / scale,
            self.minor % scale,
            width = usize::from(exponent)
        )
    }
}

impl fmt::Display for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount_text(), self.currency_code())
    }
}

/// The currency an ISO 4217 code names, upper or lower case.
pub fn currency(code: &str) -> Result<Currency, BudgetError> {
    Currency::from_code(&code.trim().to_ascii_uppercase())
        .ok_or_else(|| BudgetError::UnknownCurrency(code.to_owned()))
}

/// Decimal places of the currency's minor unit; none for units without one
/// (gold, SDR), which are counted whole.
fn exponent(currency: Currency) -> u16 {
    currency.exponent().unwrap_or(0)
}

/// Parses a non-negative amount into minor units of a currency with
/// `exponent` decimals. Spaces (also no-break and thin spaces) and
/// apostrophes group thousands. With both a comma and a point, the last
/// one is the decimal mark. With one of them, appearing more than once, it
/// groups thousands; appearing once, it is the decimal mark, except when
/// exactly three digits follow and the currency has fewer than three
/// decimals ("12,000 EUR" is twelve thousand, "12,50 EUR" twelve and a half).
pub fn parse_amount(text: &str, exponent: u16) -> Result<i64, BudgetError> {
    let not_amount = || BudgetError::NotAnAmount(text.to_owned());
    let trimmed = text.trim();
    if trimmed.starts_with('-') {
        return Err(BudgetError::Negative(text.to_owned()));
    }
    let compact: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\''))
        .collect();
    if compact.is_empty()
        || !compact
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(not_amount());
    }
    let (whole, fraction) = split_decimal(&compact, exponent).ok_or_else(not_amount)?;
    if whole.is_empty() && fraction.is_empty() {
        return Err(not_amount());
    }
    if fraction.len() > usize::from(exponent) {
        return Err(BudgetError::TooManyDecimals {
            amount: text.to_owned(),
            exponent,
        });
    }
    let padded = format!("{fraction:0<width$}", width = usize::from(exponent));
    let digits = format!("{whole}{padded}");
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Ok(0);
    }
    digits
        .parse::<i64>()
        .map_err(|_| BudgetError::TooLarge(text.to_owned()))
}

/// Splits digits with separators into whole digits and decimal digits, or
/// `None` when the separators make no sense (grouping in the decimals, two
/// decimal marks).
fn split_decimal(compact: &str, exponent: u16) -> Option<(String, String)> {
    let commas = compact.matches(',').count();
    let points = compact.matches('.').count();
    let decimal_mark = match (commas, points) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let mark = if commas > 0 { ',' } else { '.' };
            let count = commas.max(points);
            let after = compact.rsplit(mark).next().unwrap_or("");
            let grouping = count > 1 || (after.len() == 3 && exponent < 3);
            if grouping { None } else { Some(mark) }
        }
        _ => {
            let last_comma = compact.rfind(',')?;
            let last_point = compact.rfind('.')?;
            Some(if last_comma > last_point { ',' } else { '.' })
        }
    };
    let (whole, fraction) = match decimal_mark {
        Some(mark) => {
            let (whole, fraction) = compact.rsplit_once(mark)?;
            (whole, fraction)
        }
        None => (compact, ""),
    };
    if fraction.contains([',', '.']) {
        return None;
    }
    let group_mark = match decimal_mark {
        Some(',') => '.',
        Some(_) => ',',
        None if whole.contains(',') => ',',
        None => '.',
    };
    if whole.contains(decimal_mark.unwrap_or(' ')) {
        return None;
    }
    if !whole
        .split(group_mark)
        .skip(1)
        .all(|group| group.len() == 3)
    {
        return None;
    }
    Some((whole.replace(group_mark, ""), fraction.to_owned()))
}
