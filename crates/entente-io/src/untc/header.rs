//! What the page says about itself above the tables: the totals of
//! signatories and parties, the day it describes ("STATUS AS AT") and the
//! depositary number of the treaty it is about.

use chrono::NaiveDate;
use scraper::Html;

use super::html::{selector, visible_text};
use crate::error::{ImportError, ImportErrorKind};

/// "Signatories : 76. Parties : 96" in the page header.
pub(super) fn counts(document: &Html, label: &str) -> Result<(u32, u32), ImportError> {
    let status = selector(r#"[id$="rptStatus_ctl00_tcText"]"#);
    let header = document
        .select(&status)
        .next()
        .map(|element| visible_text(element, &|_| false))
        .ok_or_else(|| {
            ImportError::new(
                ImportErrorKind::Truncated,
                label,
                "the status header (\"Signatories : … Parties : …\") is missing",
            )
        })?;
    let count_after = |word: &str| -> Result<u32, ImportError> {
        let rest = header
            .find(word)
            .map(|at| &header[at + word.len()..])
            .unwrap_or("");
        let digits: String = rest
            .trim_start_matches(|c: char| !c.is_ascii_digit())
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().map_err(|_| {
            ImportError::new(
                ImportErrorKind::Malformed,
                label,
                format!("the status header {header:?} has no count of {word}"),
            )
            .at("status header")
        })
    };
    Ok((count_after("Signatories")?, count_after("Parties")?))
}

const STATUS_AS_AT: &str = "STATUS AS AT";

/// The day of "STATUS AS AT : 03-02-2026 10:16:18 EDT" (day, month, year),
/// or `None` when the page does not print the line (a page saved in part).
pub(super) fn status_as_at(document: &Html, label: &str) -> Result<Option<NaiveDate>, ImportError> {
    let Some(line) = document
        .select(&selector("div"))
        .map(|div| visible_text(div, &|_| false))
        .find(|text| text.to_ascii_uppercase().starts_with(STATUS_AS_AT))
    else {
        return Ok(None);
    };
    let day = line[STATUS_AS_AT.len()..]
        .trim_start_matches([' ', ':'])
        .split_whitespace()
        .next()
        .unwrap_or("");
    NaiveDate::parse_from_str(day, "%d-%m-%Y")
        .map(Some)
        .map_err(|_| {
            ImportError::new(
                ImportErrorKind::BadDate,
                label,
                format!("{line:?} does not give a day as DD-MM-YYYY"),
            )
            .at("status header")
            .field(STATUS_AS_AT)
        })
}

/// The depositary number the page was saved from (`mtdsg_no=IV-9-b` in the
/// address the page posts back to), or `None` when the page does not say.
pub(super) fn mtdsg_no(document: &Html) -> Option<String> {
    let action = document
        .select(&selector("form[action]"))
        .filter_map(|form| form.attr("action"))
        .find(|action| action.contains("mtdsg_no="))?;
    let value = action.split_once("mtdsg_no=")?.1;
    let number = value.split(['&', '#']).next().unwrap_or("").trim();
    (!number.is_empty()).then(|| number.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_day_and_the_treaty_the_page_describes() {
        let document = Html::parse_document(
            r#"<html><body><form action="./ViewDetails.aspx?src=TREATY&amp;mtdsg_no=IV-9-b&amp;chapter=4">
            <div class="heading-three">STATUS AS AT : 03-02-2026 10:16:18 EDT</div></form></body></html>"#,
        );
        assert_eq!(
            status_as_at(&document, "page.html"),
            Ok(NaiveDate::from_ymd_opt(2026, 2, 3))
        );
        assert_eq!(mtdsg_no(&document).as_deref(), Some("IV-9-b"));
    }

    #[test]
    fn a_page_without_them_says_nothing_and_a_bad_day_is_an_error() {
        let bare = Html::parse_document("<html><body><div>Signatories : 1</div></body></html>");
        assert_eq!(status_as_at(&bare, "page.html"), Ok(None));
        assert_eq!(mtdsg_no(&bare), None);
        let wrong = Html::parse_document(
            "<html><body><div>STATUS AS AT : 31-02-2026 10:16:18 EDT</div></body></html>",
        );
        let error = status_as_at(&wrong, "page.html").unwrap_err();
        assert_eq!(error.kind, ImportErrorKind::BadDate);
        assert!(
            error
                .to_string()
                .starts_with("page.html: status header, STATUS AS AT"),
            "{error}"
        );
    }
}
