//! Recommendations in files: a French `;` CSV in Windows-1252 and a
//! Spanish workbook read with their own words for fields and values, every
//! kind of bad value reported with its line, field, value and reason, and
//! exports that import back unchanged.

use std::collections::BTreeMap;

use entente_core::access::Visibility;
use entente_core::recommendation::{Body, FollowUpStatus, Theme};
use entente_io::plan::{
    RecommendationRecord, RecordKind, RowError, parse_code, read_recommendations, read_sheet,
    resolve_headers, write_csv, write_json, write_xlsx,
};

use crate::plan_support::{date, iso3, sheet_and_mapping, states};

#[test]
fn reads_a_french_windows_1252_csv_with_its_own_words() {
    let (sheet, mapping) =
        sheet_and_mapping("recommendations_fr_cp1252.csv", RecordKind::Recommendations);
    let read = read_recommendations(&sheet, &mapping, &states()).unwrap();
    assert_eq!(read.len(), 3);
    let spt = &read[0];
    assert_eq!(spt.line, 2);
    assert_eq!(spt.state, iso3("FRA"));
    assert_eq!(spt.body, Body::Spt);
    assert_eq!(spt.document_symbol, "CAT/OP/FRA/R.1");
    assert_eq!(spt.document_title, "Rapport de visite");
    assert_eq!(spt.document_date, Some(date("2024-03-15")));
    assert_eq!(spt.addressed_to, "Ministère de la Justice");
    assert_eq!(spt.paragraph, "57 (b)");
    assert_eq!(
        spt.text,
        "Garantir l’accès à un avocat dès le début de la garde à vue."
    );
    assert_eq!(spt.themes, [Theme::Safeguards, Theme::Training]);
    assert_eq!(spt.status, FollowUpStatus::InProgress);
    assert_eq!(spt.visibility, Visibility::Public);

    let cat = &read[1];
    assert_eq!((cat.state, cat.body), (iso3("SEN"), Body::Cat));
    assert_eq!(cat.document_date, Some(date("2023-11-30")));
    assert_eq!(cat.themes, [Theme::Npm]);
    assert_eq!(cat.status, FollowUpStatus::NotStarted);
    assert_eq!(cat.visibility, Visibility::Private, "private by default");

    let upr = &read[2];
    assert_eq!((upr.state, upr.body), (iso3("MEX"), Body::Upr));
    assert_eq!(upr.themes, [Theme::LegalFramework]);
    assert_eq!(upr.status, FollowUpStatus::Implemented, "« Mise en œuvre »");
    assert!(upr.text.contains("l’indépendance"), "{}", upr.text);
}

#[test]
fn reads_a_spanish_workbook_with_a_date_cell_and_an_ignored_column() {
    let bytes = crate::common::fixture("plan/recommendations_es.xlsx");
    let sheet = read_sheet(&bytes, "recommendations_es.xlsx").unwrap();
    let explicit = [("Notas internas".to_owned(), "-".to_owned())];
    let mapping = resolve_headers(
        RecordKind::Recommendations,
        &sheet.headers,
        &BTreeMap::new(),
        &explicit,
    )
    .unwrap();
    let read = read_recommendations(&sheet, &mapping, &states()).unwrap();
    assert_eq!(read.len(), 3);
    assert_eq!((read[0].state, read[0].body), (iso3("MEX"), Body::Spt));
    assert_eq!(read[0].document_date, Some(date("2024-01-15")));
    assert_eq!(read[0].themes, [Theme::Npm, Theme::Safeguards]);
    assert_eq!(read[0].status, FollowUpStatus::PartlyImplemented);
    assert_eq!(read[0].visibility, Visibility::Public);
    assert_eq!((read[1].state, read[1].body), (iso3("MEX"), Body::Upr));
    assert_eq!(read[1].status, FollowUpStatus::NotAccepted);
    assert_eq!((read[2].state, read[2].body), (iso3("FRA"), Body::Cpt));
    assert_eq!(read[2].status, FollowUpStatus::InProgress);

    // Without the mapping, the unknown header is a problem to solve.
    let error = resolve_headers(
        RecordKind::Recommendations,
        &sheet.headers,
        &BTreeMap::new(),
        &[],
    )
    .unwrap_err();
    assert!(error.to_string().contains("Notas internas"), "{error}");
}

#[test]
fn bodies_are_named_in_three_languages_and_by_their_abbreviations() {
    for (text, body) in [
        ("Sous-comité pour la prévention de la torture", Body::Spt),
        ("Subcomité", Body::Spt),
        ("SPT", Body::Spt),
        ("Comité contre la torture", Body::Cat),
        ("Committee against Torture", Body::Cat),
        ("Comité contra la Tortura", Body::Cat),
        ("Examen périodique universel", Body::Upr),
        ("EPU", Body::Upr),
        ("Universal Periodic Review", Body::Upr),
        ("european cpt", Body::Cpt),
        ("CIDH", Body::Iachr),
        ("Commission africaine", Body::Achpr),
        ("MNP", Body::Npm),
        ("Autre organe", Body::Other),
    ] {
        assert_eq!(parse_code::<Body>(text), Ok(body), "{text}");
    }
    for (text, status) in [
        ("Pas commencée", FollowUpStatus::NotStarted),
        ("pendiente", FollowUpStatus::NotStarted),
        ("en curso", FollowUpStatus::InProgress),
        (
            "Partiellement mise en œuvre",
            FollowUpStatus::PartlyImplemented,
        ),
        ("Implemented", FollowUpStatus::Implemented),
        ("Aplicada", FollowUpStatus::Implemented),
        ("Rejetée", FollowUpStatus::NotAccepted),
        ("noted", FollowUpStatus::NotAccepted),
    ] {
        assert_eq!(parse_code::<FollowUpStatus>(text), Ok(status), "{text}");
    }
    let refused = parse_code::<Body>("Tribunal").unwrap_err();
    assert!(refused.contains("not a recommending body"), "{refused}");
}

fn errors_on(errors: &[RowError], line: usize) -> Vec<(&str, &str)> {
    errors
        .iter()
        .filter(|e| e.line == line)
        .map(|e| (e.field.as_str(), e.value.as_str()))
        .collect()
}

#[test]
fn reports_every_kind_of_bad_value_and_returns_nothing() {
    let (sheet, mapping) =
        sheet_and_mapping("recommendations_bad.csv", RecordKind::Recommendations);
    let errors = read_recommendations(&sheet, &mapping, &states()).unwrap_err();
    assert!(
        errors_on(&errors, 2).is_empty(),
        "the good row: {errors:#?}"
    );
    let expected: [(usize, &[(&str, &str)]); 12] = [
        (3, &[("state", "Atlantis")]),
        (4, &[("body", "Tribunal")]),
        (5, &[("document_date", "31/02/2024")]),
        (6, &[("themes", "weather")]),
        (7, &[("status", "almost")]),
        (8, &[("visibility", "secret")]),
        (9, &[("text", "")]),
        (10, &[("document_symbol", "")]),
        (11, &[("document_url", "ftp://example.org")]),
        (12, &[("visibility", "alliance")]),
        (13, &[("state", ""), ("body", "")]),
        (14, &[("columns", "")]),
    ];
    for (line, fields) in expected {
        assert_eq!(errors_on(&errors, line), fields, "line {line}: {errors:#?}");
    }
    assert_eq!(errors.len(), 13, "{errors:#?}");
    let date = errors.iter().find(|e| e.line == 5).unwrap();
    assert!(date.reason.contains("not a day"), "{date}");
    let state = errors.iter().find(|e| e.line == 3).unwrap();
    assert!(state.reason.contains("no known state"), "{state}");
}

fn records() -> Vec<RecommendationRecord> {
    let full = RecommendationRecord {
        line: 2,
        state: iso3("SEN"),
        body: Body::Spt,
        document_symbol: "CAT/OP/SEN/R.1".into(),
        document_title: "=Report; with a semicolon".into(),
        document_url: Some("https://example.org/report.pdf".into()),
        document_date: Some(date("2024-05-02")),
        addressed_to: "Ministère de la Justice".into(),
        paragraph: "-57 (b)".into(),
        text: "Two lines,\nwith \"quotes\"".into(),
        themes: vec![Theme::Npm, Theme::VulnerableGroups],
        tags: vec!["visite 2024".into(), "prisons".into()],
        status: FollowUpStatus::PartlyImplemented,
        visibility: Visibility::Alliance,
        shared_with: vec!["OPCAT Africa".into()],
    };
    let bare = RecommendationRecord {
        line: 4,
        state: iso3("MEX"),
        body: Body::Other,
        document_symbol: String::new(),
        document_title: "Informe anual".into(),
        document_url: None,
        document_date: None,
        addressed_to: String::new(),
        paragraph: String::new(),
        text: "@ ratify".into(),
        themes: Vec::new(),
        tags: Vec::new(),
        status: FollowUpStatus::NotStarted,
        visibility: Visibility::Private,
        shared_with: Vec::new(),
    };
    vec![full, bare]
}

#[test]
fn csv_and_xlsx_exports_import_back_unchanged() {
    let bytes = write_csv(&records()).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.starts_with("\u{feff}state,body,document_symbol,document_title,"));
    assert!(text.contains("'=Report; with a semicolon"), "{text}");
    let sheet = read_sheet(&bytes, "export.csv").unwrap();
    let mapping = resolve_headers(
        RecordKind::Recommendations,
        &sheet.headers,
        &BTreeMap::new(),
        &[],
    )
    .unwrap();
    assert_eq!(
        read_recommendations(&sheet, &mapping, &states()).unwrap(),
        records()
    );

    let bytes = write_xlsx(&records()).unwrap();
    let sheet = read_sheet(&bytes, "export.xlsx").unwrap();
    let mapping = resolve_headers(
        RecordKind::Recommendations,
        &sheet.headers,
        &BTreeMap::new(),
        &[],
    )
    .unwrap();
    let mut expected = records();
    expected[1].line = 3;
    assert_eq!(
        read_recommendations(&sheet, &mapping, &states()).unwrap(),
        expected
    );

    let json: serde_json::Value = serde_json::from_slice(&write_json(&records())).unwrap();
    assert_eq!(json[0]["body"], "spt");
    assert_eq!(json[0]["status"], "partly_implemented");
    assert_eq!(json[0]["themes"][1], "vulnerable_groups");
}
