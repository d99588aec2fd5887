//! The status page parser on a small page written for the tests, intact and damaged.

use chrono::NaiveDate;
use entente_core::{Art24Part, ConsentKind};
use entente_io::ImportErrorKind;
use entente_io::untc::parse_status_page;

use crate::common::fixture_text;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn damaged(from: &str, to: &str) -> entente_io::ImportError {
    let page = fixture_text("status_page.html");
    assert!(page.contains(from), "the fixture contains {from:?}");
    parse_status_page(page.replacen(from, to, 1).as_bytes(), "status_page.html")
        .expect_err("the damaged page is rejected")
}

#[test]
fn reads_every_section() {
    let page = parse_status_page(
        fixture_text("status_page.html").as_bytes(),
        "status_page.html",
    )
    .unwrap();
    assert_eq!((page.signatories, page.parties), (3, 3));
    let names: Vec<&str> = page.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Albania", "Bosnia and Herzegovina", "France", "Zambia"]
    );
    let bosnia = page.participant("Bosnia and Herzegovina").unwrap();
    assert_eq!(bosnia.signature.map(|s| s.date), Some(ymd(2007, 12, 7)));
    assert_eq!(
        bosnia.consent.map(|c| (c.date, c.kind)),
        Some((ymd(2008, 10, 24), ConsentKind::Ratification))
    );
    let albania = page.participant("Albania").unwrap();
    assert_eq!(
        albania.consent.map(|c| (c.date, c.kind)),
        Some((ymd(2003, 10, 1), ConsentKind::Accession))
    );
    assert_eq!(page.participant("Zambia").unwrap().consent, None);

    let art24: Vec<_> = page
        .declarations
        .iter()
        .map(|d| (d.participant.as_str(), d.art24.map(|a| (a.part, a.date))))
        .collect();
    assert_eq!(
        art24,
        [
            (
                "Bosnia and Herzegovina",
                Some((Art24Part::PartIv, ymd(2012, 3, 23)))
            ),
            ("France", None),
            ("Albania", Some((Art24Part::PartIii, ymd(2003, 10, 1)))),
        ]
    );
    let bosnia_text = &page.declarations[0].text;
    assert!(
        bosnia_text.starts_with("Declaration: “In accordance with article 24"),
        "{bosnia_text}"
    );
    assert!(
        !bosnia_text.contains("23 March 2012") && !bosnia_text.contains('6'),
        "{bosnia_text}"
    );
    assert_eq!(page.notifications.len(), 1);
    assert_eq!(page.notifications[0].participant, "France");
}

#[test]
fn a_row_with_an_extra_cell_is_malformed() {
    let error = damaged("<td>Zambia<br></td>", "<td>Zambia<br></td><td></td>");
    assert_eq!(error.kind, ImportErrorKind::Malformed, "{error}");
    assert!(
        error
            .to_string()
            .contains("participants table row 4: expected 3 cells"),
        "{error}"
    );
}

#[test]
fn a_missing_row_disagrees_with_the_header() {
    let page = fixture_text("status_page.html");
    let start = page
        .find("<tr class=\"trBGGrey\">\n\t\t<td>Zambia")
        .unwrap();
    let end = start + page[start..].find("</tr>").unwrap() + "</tr>".len();
    let truncated = format!("{}{}", &page[..start], &page[end..]);
    let error = parse_status_page(truncated.as_bytes(), "status_page.html").unwrap_err();
    assert_eq!(error.kind, ImportErrorKind::Truncated);
    assert_eq!(
        error.to_string(),
        "status_page.html: participants table: the participants table lists 2 signatures and 3 ratifications, \
         accessions or successions, but the header counts 3 signatories and 3 parties"
    );
}

#[test]
fn a_page_without_its_table_or_its_end_is_truncated() {
    let error = damaged("_tblgrid", "_tblgone");
    assert_eq!(error.kind, ImportErrorKind::Truncated);
    assert!(
        error
            .to_string()
            .contains("participants table (id …_tblgrid) is missing"),
        "{error}"
    );

    let page = fixture_text("status_page.html");
    let half = &page[..page.len() / 2];
    let error = parse_status_page(half.as_bytes(), "status_page.html").unwrap_err();
    assert_eq!(error.kind, ImportErrorKind::Truncated);
    assert!(error.to_string().contains("ends before </html>"), "{error}");

    let error = damaged("Signatories :   3.   Parties :   3", "Status unavailable");
    assert_eq!(error.kind, ImportErrorKind::Malformed);
}

#[test]
fn an_impossible_date_names_row_and_field() {
    let error = damaged("16 Sep\t 2005", "31 Feb\t 2005");
    assert_eq!(error.kind, ImportErrorKind::BadDate);
    assert_eq!(
        error.to_string(),
        "status_page.html: participants table row 3 (France), signature: \"31 Feb 2005\" is not a date (February 2005 has no day 31)"
    );
    let error = damaged("11 Nov\t 2008", "11 Nov\t 2008 x");
    assert_eq!(
        error.to_string(),
        "status_page.html: participants table row 3 (France), consent: \"x\" is not a consent suffix (none, a, d, A or AA)"
    );
    let error = damaged("23 March 2012", "23 Marhc 2012");
    assert_eq!(error.kind, ImportErrorKind::BadDate);
    assert!(
        error
            .to_string()
            .starts_with("status_page.html: declarations entry 1 (Bosnia and Herzegovina), date:"),
        "{error}"
    );
}

#[test]
fn a_participant_listed_twice_is_a_duplicate() {
    let error = damaged("<td>Zambia<br></td>", "<td>France<br></td>");
    assert_eq!(error.kind, ImportErrorKind::Duplicate);
    assert_eq!(
        error.to_string(),
        "status_page.html: participants table row 4 (France), participant: France is listed twice"
    );
}

#[test]
fn bytes_that_are_not_text_are_rejected() {
    let error = parse_status_page(&[0xff, 0xfe, 0x00], "status_page.html").unwrap_err();
    assert_eq!(error.kind, ImportErrorKind::Malformed);
}
