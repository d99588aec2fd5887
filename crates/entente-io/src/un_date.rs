//! Dates as the UN Treaty Collection prints them: "20 Sep\t 2006 a" in status
//! tables (day, month, year, then the depositary's suffix) and "23 March 2012"
//! above a declaration.

use chrono::NaiveDate;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A filled date cell of a status table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateCell {
    pub date: NaiveDate,
    /// The letters after the date (`a`, `d`, `A`, `AA`), as printed.
    pub suffix: Option<String>,
}

/// Reads a status-table cell. An empty cell (blanks and no-break spaces only)
/// is `Ok(None)`; anything else must be `day month year [suffix]`.
pub fn parse_cell(cell: &str) -> Result<Option<DateCell>, String> {
    let tokens: Vec<&str> = cell.split(is_blank).filter(|t| !t.is_empty()).collect();
    match tokens.as_slice() {
        [] => Ok(None),
        [day, month, year] => Ok(Some(DateCell {
            date: day_month_year(day, month, year).map_err(|why| quoted(cell, &why))?,
            suffix: None,
        })),
        [day, month, year, suffix] => {
            let date = day_month_year(day, month, year).map_err(|why| quoted(cell, &why))?;
            if !(1..=2).contains(&suffix.len()) || !suffix.chars().all(|c| c.is_ascii_alphabetic())
            {
                return Err(quoted(
                    cell,
                    &format!("{suffix:?} is not a depositary suffix"),
                ));
            }
            Ok(Some(DateCell {
                date,
                suffix: Some((*suffix).to_owned()),
            }))
        }
        _ => Err(quoted(
            cell,
            "expected day, month, year and an optional suffix",
        )),
    }
}

/// Reads a date written out in full, "23 March 2012" (abbreviated months are accepted too).
pub fn parse_long(text: &str) -> Result<NaiveDate, String> {
    let tokens: Vec<&str> = text.split(is_blank).filter(|t| !t.is_empty()).collect();
    match tokens.as_slice() {
        [day, month, year] => day_month_year(day, month, year).map_err(|why| quoted(text, &why)),
        _ => Err(quoted(text, "expected day, month and year")),
    }
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}'
}

fn quoted(text: &str, why: &str) -> String {
    format!("{:?} is not a date ({why})", text.trim_matches(is_blank))
}

fn day_month_year(day: &str, month: &str, year: &str) -> Result<NaiveDate, String> {
    let day_number: u32 = digits(day, 1..=2).ok_or_else(|| format!("{day:?} is not a day"))?;
    let month_number = month_number(month).ok_or_else(|| format!("{month:?} is not a month"))?;
    let year_number: i32 = digits(year, 4..=4).ok_or_else(|| format!("{year:?} is not a year"))?;
    NaiveDate::from_ymd_opt(year_number, month_number, day_number).ok_or_else(|| {
        format!(
            "{} {year_number} has no day {day_number}",
            capitalised(MONTHS[month_number as usize - 1])
        )
    })
}

fn digits<T: std::str::FromStr>(text: &str, len: std::ops::RangeInclusive<usize>) -> Option<T> {
    if len.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

fn month_number(text: &str) -> Option<u32> {
    let lower = text.trim_end_matches('.').to_lowercase();
    let position = MONTHS
        .iter()
        .position(|m| *m == lower || (lower.len() == 3 && m.starts_with(lower.as_str())))?;
    u32::try_from(position).ok().map(|p| p + 1)
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_cells_as_printed() {
        assert_eq!(
            parse_cell("20 Sep\t 2006 "),
            Ok(Some(DateCell {
                date: ymd(2006, 9, 20),
                suffix: None
            }))
        );
        assert_eq!(
            parse_cell(" \u{a0}4 Apr\t 2006 a"),
            Ok(Some(DateCell {
                date: ymd(2006, 4, 4),
                suffix: Some("a".into())
            }))
        );
        assert_eq!(
            parse_cell("1 Jan 2010 AA")
                .unwrap()
                .unwrap()
                .suffix
                .as_deref(),
            Some("AA")
        );
        assert_eq!(parse_cell("\u{a0}"), Ok(None));
        assert_eq!(parse_cell(""), Ok(None));
    }

    #[test]
    fn rejects_impossible_and_misspelt_dates() {
        let error = parse_cell("31 Feb 2005").unwrap_err();
        assert!(error.contains("\"31 Feb 2005\""), "{error}");
        assert!(error.contains("February 2005 has no day 31"), "{error}");
        assert!(
            parse_cell("31 Fab 2010")
                .unwrap_err()
                .contains("\"Fab\" is not a month")
        );
        assert!(parse_cell("1 Jan 10").is_err());
        assert!(parse_cell("1 Jan 2010 a b").is_err());
        assert!(parse_cell("1 Jan 2010 1").is_err());
    }

    proptest::proptest! {
        #[test]
        fn the_cell_reader_never_panics(cell in "\\PC*") {
            let _ = parse_cell(&cell);
            let _ = parse_long(&cell);
        }

        #[test]
        fn every_real_day_reads_back(days in 0u32..80_000, suffix in proptest::option::of("a|d|A|AA")) {
            let date = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(u64::from(days));
            let printed_suffix = suffix.as_deref().map(|s| format!(" {s}")).unwrap_or_default();
            let cell = format!("{}\t {}{printed_suffix}", date.format("%e %b"), date.format("%Y"));
            proptest::prop_assert_eq!(parse_cell(&cell), Ok(Some(DateCell { date, suffix })));
        }
    }

    #[test]
    fn reads_long_dates() {
        assert_eq!(parse_long("23 March 2012"), Ok(ymd(2012, 3, 23)));
        assert_eq!(parse_long(" 8 February 2010 "), Ok(ymd(2010, 2, 8)));
        assert!(parse_long("March 2012").is_err());
    }
}
