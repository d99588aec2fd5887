//! Column types for reading the plan in bulk: a code parsed straight from
//! the text the database returns (no `String` per row and column) and a
//! date read from SQLite's `YYYY-MM-DD` text without a format parser. A
//! million actions carry several million such cells.

use std::fmt::Display;
use std::str::FromStr;

use chrono::NaiveDate;
use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, Queryable};
use diesel::pg::{Pg, PgValue};
use diesel::sql_types::{Date, SingleValue, Text};
use diesel::sqlite::{Sqlite, SqliteValue};

use crate::connection::Db;

/// A stored code, parsed into `T` as it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Code<T>(pub T);

fn parse<T>(text: &str) -> deserialize::Result<Code<T>>
where
    T: FromStr,
    T::Err: Display,
{
    text.parse()
        .map(Code)
        .map_err(|e| format!("stored code {text:?}: {e}").into())
}

/// A list of stored codes separated by one space (see `plan::part_codes`),
/// each parsed into `T` as it is read; empty text is an empty list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Codes<T>(pub Vec<T>);

fn parse_list<T>(text: &str) -> deserialize::Result<Codes<T>>
where
    T: FromStr,
    T::Err: Display,
{
    text.split_ascii_whitespace()
        .map(|word| parse(word).map(|Code(value)| value))
        .collect::<deserialize::Result<Vec<T>>>()
        .map(Codes)
}

/// The impls that read a column of text into `$column<T>` with `$parse`,
/// on each backend, written once for [`Code`] and [`Codes`].
macro_rules! text_column {
    ($column:ident, $parse:ident) => {
        impl<T> FromSql<Text, Sqlite> for $column<T>
        where
            T: FromStr,
            T::Err: Display,
        {
            fn from_sql(mut value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
                $parse(value.read_text())
            }
        }

        impl<T> FromSql<Text, Pg> for $column<T>
        where
            T: FromStr,
            T::Err: Display,
        {
            fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
                $parse(std::str::from_utf8(value.as_bytes())?)
            }
        }

        impl<T> FromSql<Text, Db> for $column<T>
        where
            T: FromStr,
            T::Err: Display,
        {
            fn from_sql(value: <Db as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                value.from_sql::<Self, Text>()
            }
        }

        impl<T, ST, DB> Queryable<ST, DB> for $column<T>
        where
            DB: Backend,
            ST: SingleValue,
            Self: FromSql<ST, DB>,
        {
            type Row = Self;

            fn build(row: Self) -> deserialize::Result<Self> {
                Ok(row)
            }
        }
    };
}

text_column!(Code, parse);
text_column!(Codes, parse_list);

/// A stored date: SQLite's `YYYY-MM-DD` text read by hand, PostgreSQL's
/// binary date as diesel reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Day(pub NaiveDate);

/// `YYYY-MM-DD`, as SQLite's `date()` writes it (the columns' CHECK).
fn iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

impl FromSql<Date, Sqlite> for Day {
    fn from_sql(mut value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        let text = value.read_text();
        match iso_date(text) {
            Some(day) => Ok(Day(day)),
            // Anything else SQLite may hold, read as diesel reads it.
            None => Ok(Day(NaiveDate::parse_from_str(text, "%F")?)),
        }
    }
}

impl FromSql<Date, Pg> for Day {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        <NaiveDate as FromSql<Date, Pg>>::from_sql(value).map(Day)
    }
}

impl FromSql<Date, Db> for Day {
    fn from_sql(value: <Db as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        value.from_sql::<Self, Date>()
    }
}

impl<ST, DB> Queryable<ST, DB> for Day
where
    DB: Backend,
    ST: SingleValue,
    Self: FromSql<ST, DB>,
{
    type Row = Self;

    fn build(row: Self) -> deserialize::Result<Self> {
        Ok(row)
    }
}

#[cfg(test)]
mod tests {
    use super::iso_date;
    use chrono::NaiveDate;

    #[test]
    fn lists_of_codes_are_read_word_by_word() {
        use super::{Codes, parse_list};
        let read = |text| parse_list::<i64>(text).map_err(|e| e.to_string());
        assert_eq!(read("3 12 45"), Ok(Codes(vec![3, 12, 45])));
        assert_eq!(read(""), Ok(Codes(Vec::new())));
        assert!(read("3 x").unwrap_err().contains("\"x\""));
    }

    #[test]
    fn dates_are_read_as_chrono_reads_them() {
        for text in ["2027-01-31", "0001-01-01", "9999-12-31", "2028-02-29"] {
            assert_eq!(
                iso_date(text),
                NaiveDate::parse_from_str(text, "%F").ok(),
                "{text}"
            );
        }
        for text in [
            "2027-02-29",
            "2027-13-01",
            "2027-1-01",
            "2027/01/01",
            "20270101xx",
            "",
        ] {
            assert_eq!(iso_date(text), None, "{text}");
        }
    }
}
