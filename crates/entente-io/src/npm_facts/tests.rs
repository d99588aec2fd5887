use entente_core::Names;
use entente_core::implementation::{DatePrecision, ReportPublished, disagreements};

use super::*;

fn state(iso3: &str, en: &str) -> State {
    State {
        iso3: iso3.parse().unwrap(),
        iso2: iso3[..2].to_owned(),
        m49: 1,
        names: Names {
            en: en.into(),
            fr: en.into(),
            es: en.into(),
        },
        formal_names: Names {
            en: format!("the Republic of {en}"),
            fr: String::new(),
            es: String::new(),
        },
        region: None,
        subregion: None,
        regional_group: None,
        un_member: true,
    }
}

fn states() -> Vec<State> {
    vec![
        state("CYP", "Cyprus"),
        state("ALB", "Albania"),
        state("AUS", "Australia"),
        state("BOL", "Bolivia (Plurinational State of)"),
    ]
}

const STATEMENTS: &str = "\
state_name,iso3,npm_name,npm_type,npm_type_group,designation_date_or_year,legal_basis,source_url,source_as_of,ratification_date,source_org,notes,is_primary
Albania,ALB,People's Advocate (Avokati i Popullit),Ombuds Institution,Ombuds institution,2008,Law N° 9888,https://apt.example/albania,current APT page,,APT,,1
Albania,ALB,People's Advocate,,,,,https://ohchr.example/npm,page lists 94 States parties,2003-10-01,OHCHR,OHCHR table row 2,0
Cyprus,CYP,Commissioner for Administration,Ombuds Institution,Ombuds institution,2009-03-27,Law 2(III)/2009,https://apt.example/cyprus,old APT page,2009-04-29,APT,CAT/OP/CYP/1 gives 28 July 2009 - differs from 27 March 2009 law date,1
Australia,AUS,Multi-body NPM,Multiple Institutions,Multiple bodies,Coordinator nominated July 2018,,https://apt.example/australia,current,,APT,,1
Australia,AUS,NO NPM,,,,,https://ohchr.example/npm,page lists 94 States parties,2017-12-21,OHCHR,,0
";

#[test]
fn every_statement_is_kept_as_the_source_has_it_with_the_date_read_and_its_note() {
    let found = parse_statements(STATEMENTS.as_bytes(), "all_sources.csv", &states()).unwrap();
    assert_eq!(found.len(), 5);
    let albania = &found[0];
    assert_eq!(albania.npm_name, "People's Advocate (Avokati i Popullit)");
    assert_eq!(albania.designation_text, "2008");
    let date = albania.designation.unwrap();
    assert_eq!(
        (date.to_string(), date.precision),
        ("2008".into(), DatePrecision::Year)
    );
    assert_eq!(
        albania.designation_note.as_deref(),
        Some("read from the start of the source's text, which gives the year only")
    );
    assert!(albania.is_primary && !found[1].is_primary);
    assert_eq!(
        found[1].ratification_date,
        Some("2003-10-01".parse().unwrap())
    );
    // No date at the start of the text: none is guessed.
    assert_eq!(found[3].designation, None);
    assert_eq!(found[3].designation_note, None);
    // Albania's two sources agree; Cyprus's records a conflict; Australia's disagree on existence.
    assert!(disagreements(&found[..2]).is_empty());
    assert_eq!(disagreements(&found[2..3]).len(), 1);
    assert_eq!(disagreements(&found[3..]).len(), 1);
}

#[test]
fn a_designation_text_gives_its_leading_date_and_how_it_was_read() {
    let (date, note) = designation_date("2013 (law in force Jan 2013); Committee established 2018")
        .unwrap()
        .unwrap();
    assert_eq!(date.to_string(), "2013");
    assert!(
        note.ends_with("the rest of the text is the source's own"),
        "{note}"
    );
    let (date, _) = designation_date("2009-07 (amendments)").unwrap().unwrap();
    assert_eq!(date.precision, DatePrecision::Month);
    assert_eq!(designation_date("operational November 2014"), Ok(None));
    assert_eq!(
        designation_date("2006/2007 (Art. 17 declaration)"),
        Ok(None)
    );
    assert_eq!(designation_date(""), Ok(None));
    assert!(designation_date("2009-02-30 (law)").is_err());
}

#[test]
fn a_bad_statement_row_names_file_row_and_field() {
    let bad_date = STATEMENTS.replace("2009-03-27", "2009-13-27");
    let err = parse_statements(bad_date.as_bytes(), "all_sources.csv", &states()).unwrap_err();
    assert_eq!(err.kind, ImportErrorKind::BadDate);
    assert_eq!(
        err.to_string(),
        "all_sources.csv: row 4 (Cyprus), designation_date_or_year: \"2009-13-27\" is not a date: no such day"
    );
    let unknown = STATEMENTS.replace("Cyprus,CYP", "Cyprus,CYQ");
    let err = parse_statements(unknown.as_bytes(), "all_sources.csv", &states()).unwrap_err();
    assert_eq!(err.kind, ImportErrorKind::UnknownName);
    assert!(err.to_string().contains("row 4 (Cyprus), iso3"), "{err}");
    let flag = STATEMENTS.replace("OHCHR table row 2,0", "OHCHR table row 2,yes");
    let err = parse_statements(flag.as_bytes(), "all_sources.csv", &states()).unwrap_err();
    assert!(
        err.to_string().contains("row 3 (Albania), is_primary"),
        "{err}"
    );
    let no_source = STATEMENTS.replace("https://apt.example/cyprus", "");
    let err = parse_statements(no_source.as_bytes(), "all_sources.csv", &states()).unwrap_err();
    assert!(
        err.to_string()
            .contains("row 4 (Cyprus), source_url: empty"),
        "{err}"
    );
}

const VISITS: &str = "\
state_name,iso3,start_date,end_date,year,visit_type,report_published,source_url,report_published_detail,notes
Albania,ALB,,,2024,,unknown,https://news.example/2024,unknown,SPT Chair statement July 2024
Cyprus,CYP,2013-09-03,2013-09-06,2013,NPM advisory visit,yes,https://docs.example/cyp,yes (report to NPM only),
Bolivia,BOL,,,,,no,https://docs.example/bol,no,year not given
Bolivia,BOL,2016-05,2016-09,2016,second visit,yes,https://docs.example/bol2,yes,suspended and resumed
";

#[test]
fn visits_keep_their_dates_or_year_and_the_report_status_as_given() {
    let found = parse_visits(VISITS.as_bytes(), "spt_visits.csv", &states()).unwrap();
    assert_eq!(found.len(), 4);
    assert_eq!(found[3].start.unwrap().precision, DatePrecision::Month);
    assert_eq!((found[0].start, found[0].year), (None, Some(2024)));
    assert_eq!(found[1].start.unwrap().to_string(), "2013-09-03");
    assert_eq!(found[1].report_published, ReportPublished::Yes);
    assert_eq!(found[1].report_published_detail, "yes (report to NPM only)");
    assert_eq!(found[1].visit_type, "NPM advisory visit");
    assert_eq!((found[2].start, found[2].year), (None, None));
}

#[test]
fn a_bad_visit_row_names_file_row_and_field() {
    let check = |text: String, expected: &str| {
        let err = parse_visits(text.as_bytes(), "spt_visits.csv", &states()).unwrap_err();
        assert!(err.to_string().contains(expected), "{err} lacks {expected}");
    };
    check(
        VISITS.replace(",yes,https", ",perhaps,https"),
        "row 3 (Cyprus), report_published",
    );
    check(
        VISITS.replace("2013-09-06", "2013-09-01"),
        "row 3 (Cyprus), end_date",
    );
    check(
        VISITS.replace("2013-09-06,2013", "2013-09-06,2014"),
        "row 3 (Cyprus), year",
    );
    check(
        VISITS.replace(",,2024,", ",,24 AD,"),
        "row 2 (Albania), year",
    );
}

const ART17: &str = "\
state_name,iso3,as_of,source_url,later_status_note
Bolivia,BOL,snapshot 2016-2019,https://ohchr.example/art17,NPM powers transferred 2021
";

#[test]
fn the_art17_list_keeps_its_snapshot_and_later_note() {
    let found = parse_art17(ART17.as_bytes(), "overdue_art17.csv", &states()).unwrap();
    assert_eq!(found[0].as_of, "snapshot 2016-2019");
    assert_eq!(found[0].later_status_note, "NPM powers transferred 2021");
    let twice = format!("{ART17}Bolivia,BOL,snapshot,https://x.example,\n");
    let err = parse_art17(twice.as_bytes(), "overdue_art17.csv", &states()).unwrap_err();
    assert_eq!(err.kind, ImportErrorKind::Duplicate);
    let no_date = ART17.replace("snapshot 2016-2019", "");
    let err = parse_art17(no_date.as_bytes(), "overdue_art17.csv", &states()).unwrap_err();
    assert!(err.to_string().contains("row 2 (Bolivia), as_of"), "{err}");
}

const PUBLISHED: &str = "\
state_name_as_in_source,publication_year_as_listed,category,source_url,as_of
Bolivia (Plurinational State of),2018,State party published SPT visit report,https://ohchr.example/fund,2023 call
Republic of Cyprus,2013 and 2019,State party published SPT visit report,https://ohchr.example/fund,2023 call
";

#[test]
fn published_reports_are_matched_by_name_and_an_unknown_name_is_an_error() {
    let matcher = StateMatcher::new(&states());
    let found = parse_published_reports(PUBLISHED.as_bytes(), "published.csv", &matcher).unwrap();
    assert_eq!(found[0].state.as_str(), "BOL");
    assert_eq!(found[1].state.as_str(), "CYP");
    assert_eq!(found[1].year_as_listed, "2013 and 2019");
    assert_eq!(found[1].name_in_source, "Republic of Cyprus");
    let unknown = PUBLISHED.replace("Republic of Cyprus", "Atlantis");
    let err = parse_published_reports(unknown.as_bytes(), "published.csv", &matcher).unwrap_err();
    assert_eq!(
        err.to_string(),
        "published.csv: row 3, state_name_as_in_source: \"Atlantis\" matches no state"
    );
}
