//! The public import API: a status page or the 18-instrument table turned
//! into events and sources, on the fixtures and on the raw sources (where it
//! must yield exactly the shipped dataset's events).

use chrono::NaiveDate;
use entente_core::{Art24Part, ConsentKind, EventKind, Treaty, TreatyEvent, TreatyId};
use entente_io::{ImportErrorKind, StateMatcher, imports, ratifications};

use crate::common::{self, fixture, fixture_text};
use crate::fixture_tables::fixture_states;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn fixture_treaty(id: TreatyId) -> Treaty {
    let states = fixture_states();
    let table = ratifications::parse(
        &fixture("ratifications.csv"),
        "ratifications.csv",
        &StateMatcher::new(&states),
    )
    .unwrap();
    table.treaties.into_iter().find(|t| t.id == id).unwrap()
}

fn kinds(events: &[TreatyEvent], state: &str) -> Vec<(EventKind, NaiveDate)> {
    events
        .iter()
        .filter(|e| e.state.as_str() == state)
        .map(|e| (e.kind, e.date))
        .collect()
}

#[test]
fn a_status_page_becomes_events_citing_the_treatys_source() {
    let opcat = fixture_treaty(TreatyId::opcat());
    let page = fixture("status_page.html");
    let batch = imports::status_page(
        &page,
        "status_page.html",
        &opcat,
        &fixture_states(),
        Some(ymd(2026, 2, 3)),
    )
    .unwrap();
    assert_eq!(batch.as_of, ymd(2026, 2, 3));
    assert_eq!(batch.sources.len(), 1);
    assert_eq!(batch.sources[0].id, "untc-opcat");
    assert_eq!(batch.sources[0].as_of, ymd(2026, 2, 3));
    assert_eq!(batch.sources[0].url, opcat.status_url);
    assert!(
        batch
            .events
            .iter()
            .all(|e| e.source == "untc-opcat" && e.treaty == TreatyId::opcat())
    );
    assert_eq!(
        kinds(&batch.events, "BIH"),
        [
            (EventKind::Signature, ymd(2007, 12, 7)),
            (
                EventKind::Consent(ConsentKind::Ratification),
                ymd(2008, 10, 24)
            ),
            (
                EventKind::Art24Declaration(Art24Part::PartIv),
                ymd(2012, 3, 23)
            ),
        ]
    );
    assert_eq!(
        kinds(&batch.events, "ZMB"),
        [(EventKind::Signature, ymd(2010, 9, 27))]
    );
    assert_eq!(batch.events.len(), 8);
    let skipped: Vec<(&str, &str)> = batch
        .skipped
        .iter()
        .map(|s| (s.name.as_str(), s.location.as_str()))
        .collect();
    assert_eq!(skipped, [("France", "notifications entry 1")]);
}

#[test]
fn art24_declarations_count_for_opcat_only() {
    let mut cat = fixture_treaty(TreatyId::cat());
    cat.mtdsg_no = "IV-9".to_owned();
    let batch = imports::status_page(
        &fixture("status_page.html"),
        "status_page.html",
        &cat,
        &fixture_states(),
        Some(ymd(2026, 2, 3)),
    )
    .unwrap();
    assert_eq!(batch.sources[0].id, "untc-cat");
    assert_eq!(
        batch.events.len(),
        6,
        "signatures and consents, no Art. 24 postponement"
    );
    assert!(batch.events.iter().all(|e| e.treaty == TreatyId::cat()));
}

#[test]
fn the_day_comes_from_the_caller_or_the_page() {
    let opcat = fixture_treaty(TreatyId::opcat());
    let states = fixture_states();
    let error = imports::status_page(
        &fixture("status_page.html"),
        "status_page.html",
        &opcat,
        &states,
        None,
    )
    .unwrap_err();
    assert_eq!(error.kind, ImportErrorKind::MissingColumn);
    assert!(
        error
            .to_string()
            .starts_with("status_page.html: status header, STATUS AS AT"),
        "{error}"
    );

    let dated = fixture_text("status_page.html").replacen(
        "<body>",
        "<body><div class=\"heading-three\">STATUS AS AT : 03-02-2026 10:16:18 EDT</div>",
        1,
    );
    let batch =
        imports::status_page(dated.as_bytes(), "status_page.html", &opcat, &states, None).unwrap();
    assert_eq!(batch.as_of, ymd(2026, 2, 3));
    let batch = imports::status_page(
        dated.as_bytes(),
        "status_page.html",
        &opcat,
        &states,
        Some(ymd(2025, 1, 1)),
    )
    .unwrap();
    assert_eq!(
        batch.sources[0].as_of,
        ymd(2025, 1, 1),
        "the caller's day wins"
    );
}

#[test]
fn the_page_of_another_treaty_is_refused() {
    let cat = fixture_treaty(TreatyId::cat());
    let page = fixture_text("status_page.html").replacen(
        "<body>",
        "<body><form action=\"./ViewDetails.aspx?src=TREATY&amp;mtdsg_no=IV-9-b&amp;chapter=4\"></form>",
        1,
    );
    let error = imports::status_page(
        page.as_bytes(),
        "page.html",
        &cat,
        &fixture_states(),
        Some(ymd(2026, 2, 3)),
    )
    .unwrap_err();
    assert_eq!(error.kind, ImportErrorKind::BadValue);
    assert_eq!(
        error.to_string(),
        "page.html: the page's address, mtdsg_no: the page is the status of treaty IV-9-b, not of cat (IV-9)"
    );
}

#[test]
fn faults_name_the_row() {
    let opcat = fixture_treaty(TreatyId::opcat());
    let states = fixture_states();
    let import = |page: &str| {
        imports::status_page(
            page.as_bytes(),
            "page.html",
            &opcat,
            &states,
            Some(ymd(2026, 2, 3)),
        )
        .unwrap_err()
    };
    let page = fixture_text("status_page.html");

    let error = import(&page.replacen("<td>France<br></td>", "<td>Atlantis<br></td>", 1));
    assert_eq!(error.kind, ImportErrorKind::UnknownName);
    assert!(
        error
            .to_string()
            .starts_with("page.html: participants table row 3 (Atlantis), participant"),
        "{error}"
    );

    let error = import(&page.replacen("16 Sep\t 2005", "31 Feb\t 2005", 1));
    assert_eq!(error.kind, ImportErrorKind::BadDate);
    assert!(
        error
            .to_string()
            .starts_with("page.html: participants table row 3 (France), signature"),
        "{error}"
    );

    let cut = page.find("<td>Zambia").unwrap();
    let error = import(&page[..cut + "<td>Zambia<br></td>\n\t\t<td>27 Sep".len()]);
    assert_eq!(error.kind, ImportErrorKind::Truncated);
    assert!(
        error
            .to_string()
            .starts_with("page.html: participants table row 4: the page ends"),
        "{error}"
    );
    let error = import(
        &page[..page
            .find("<table id=\"ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_dgDec")
            .unwrap()],
    );
    assert_eq!(
        error.to_string(),
        "page.html: after participants table row 4 (Zambia): the page ends before </html>: it was not saved completely"
    );
}

#[test]
fn the_table_leaves_opcat_to_its_status_page() {
    let batch = imports::ratifications(
        &fixture("ratifications.csv"),
        "ratifications.csv",
        &fixture_states(),
        ymd(2026, 2, 3),
    )
    .unwrap();
    assert!(batch.events.iter().all(|e| e.treaty != TreatyId::opcat()));
    assert!(
        batch
            .events
            .iter()
            .all(|e| e.source == format!("untc-{}", e.treaty))
    );
    let opcat_rows = batch.skipped.iter().filter(|s| s.treaty == "opcat").count();
    assert_eq!(opcat_rows, 4);
    assert!(batch.skipped.iter().any(|s| s.name == "European Union"));
    let source_ids: Vec<&str> = batch.sources.iter().map(|s| s.id.as_str()).collect();
    assert!(
        source_ids.contains(&"untc-opcat") && source_ids.contains(&"untc-cat"),
        "{source_ids:?}"
    );
    assert_eq!(
        kinds(&batch.events, "CIV"),
        [(
            EventKind::Consent(ConsentKind::Accession),
            ymd(1995, 12, 18)
        )]
    );
}

fn shipped_events(keep: impl Fn(&TreatyEvent) -> bool) -> Vec<TreatyEvent> {
    let mut events: Vec<TreatyEvent> = entente_io::dataset::shipped()
        .unwrap()
        .events
        .into_iter()
        .filter(keep)
        .collect();
    events.sort_by_key(|e| (e.treaty.clone(), e.state, e.date, e.kind.code()));
    events
}

fn sorted(mut events: Vec<TreatyEvent>) -> Vec<TreatyEvent> {
    events.sort_by_key(|e| (e.treaty.clone(), e.state, e.date, e.kind.code()));
    events
}

#[test]
fn the_real_page_yields_the_shipped_opcat_events() {
    let Some(bytes) = common::shared_file(
        "the_real_page_yields_the_shipped_opcat_events",
        "untc/cat_op.html",
    ) else {
        return;
    };
    let shipped = entente_io::dataset::shipped().unwrap();
    let opcat = shipped
        .treaties
        .iter()
        .find(|t| t.id == TreatyId::opcat())
        .unwrap();
    let batch = imports::status_page(&bytes, "cat_op.html", opcat, &shipped.states, None).unwrap();
    assert_eq!(
        batch.as_of, shipped.as_of,
        "the page's own STATUS AS AT day"
    );
    let source = shipped
        .sources
        .iter()
        .find(|s| s.id == "untc-opcat")
        .unwrap();
    assert_eq!(batch.sources.as_slice(), std::slice::from_ref(source));
    assert_eq!(
        sorted(batch.events),
        shipped_events(|e| e.source == "untc-opcat")
    );
}

#[test]
fn the_real_table_yields_the_shipped_events_of_the_other_treaties() {
    let Some(bytes) = common::shared_file(
        "the_real_table_yields_the_shipped_events_of_the_other_treaties",
        "untc/un_hr_ratifications.csv",
    ) else {
        return;
    };
    let shipped = entente_io::dataset::shipped().unwrap();
    let batch = imports::ratifications(
        &bytes,
        "un_hr_ratifications.csv",
        &shipped.states,
        shipped.as_of,
    )
    .unwrap();
    let untc_sources: Vec<_> = shipped
        .sources
        .iter()
        .filter(|s| s.id.starts_with("untc-"))
        .cloned()
        .collect();
    assert_eq!(batch.sources, untc_sources);
    assert_eq!(
        sorted(batch.events),
        shipped_events(|e| e.source.starts_with("untc-") && e.treaty != TreatyId::opcat())
    );
}
