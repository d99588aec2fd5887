//! Exports: CSV, XLSX and JSON guarded against formula injection, which
//! import back unchanged, and the iCalendar feed of actions.

use std::collections::BTreeMap;

use chrono::{TimeZone, Utc};
use entente_core::access::{OrgKind, Visibility};
use entente_core::plan::{
    ActionStatus, Audience, Budget, DocumentLink, Level, OutcomeEvent, Phase, Sector,
};
use entente_core::{EventKind, RegionalGroup, TreatyId};
use entente_io::plan::{
    ActionRecord, CalendarEntry, ContactRecord, OrganisationRecord, RecordKind, actions_calendar,
    read_actions, read_contacts, read_organisations, read_sheet, resolve_headers, write_csv,
    write_json, write_xlsx,
};

use crate::plan_support::{date, iso3, states};

fn actions() -> Vec<ActionRecord> {
    let full = ActionRecord {
        line: 2,
        signal: Some(true),
        title: "=HYPERLINK(\"http://evil.example\", \"Click\")".into(),
        description: "Two lines,\nwith \"quotes\"; and a semicolon".into(),
        action_type: "meeting_executive".into(),
        phase: Phase::Ratification,
        level: Level::National,
        states: vec![iso3("FRA"), iso3("SEN")],
        audiences: vec![Audience::Executive, Audience::CivilSociety],
        lead: Some("apt".into()),
        partners: vec!["acat-france".into(), "fiacat".into()],
        start: Some(date("2025-01-31")),
        end: Some(date("2025-03-15")),
        due: Some(date("2025-03-01")),
        status: ActionStatus::UnderWay,
        budget: Some(Budget::parse("1500.50", "EUR").unwrap()),
        staff_days: Some(2.5),
        expected_outcome: "-5 days of delay".into(),
        actual_outcome: "@mention".into(),
        outcome_event: Some(OutcomeEvent {
            state: iso3("SEN"),
            treaty: TreatyId::opcat(),
            kind: EventKind::NpmDesignation,
            date: date("2025-03-10"),
        }),
        documents: vec![
            DocumentLink {
                title: "Briefing; French".into(),
                url: "https://example.org/briefing.pdf".into(),
            },
            DocumentLink {
                title: "Letter".into(),
                url: "https://example.org/letter".into(),
            },
        ],
        visibility: Visibility::Alliance,
        shared_with: vec!["OPCAT Africa".into()],
    };
    let bare = ActionRecord {
        signal: None,
        // The description before takes two lines.
        line: 4,
        title: "+ a plain title".into(),
        description: String::new(),
        action_type: "letter".into(),
        phase: Phase::Implementation,
        level: Level::Regional,
        states: vec![iso3("MEX")],
        audiences: vec![Audience::Npm],
        lead: None,
        partners: Vec::new(),
        start: None,
        end: None,
        due: None,
        status: ActionStatus::Idea,
        budget: Some(Budget::parse("12000", "XOF").unwrap()),
        staff_days: None,
        expected_outcome: String::new(),
        actual_outcome: String::new(),
        outcome_event: None,
        documents: Vec::new(),
        visibility: Visibility::Public,
        shared_with: Vec::new(),
    };
    vec![full, bare]
}

fn organisations() -> Vec<OrganisationRecord> {
    vec![OrganisationRecord {
        line: 2,
        short_name: "apt".into(),
        name: "Association for the Prevention of Torture".into(),
        kind: OrgKind::InternationalNgo,
        level: Level::International,
        sectors: vec![Sector::TorturePrevention, Sector::Detention],
        states: vec![iso3("FRA"), iso3("CIV")],
        regions: vec![RegionalGroup::Weog, RegionalGroup::African],
        website: Some("https://www.apt.ch".into()),
        description: Some("=1+1 is not a formula here".into()),
        visibility: Visibility::Public,
    }]
}

fn contacts() -> Vec<ContactRecord> {
    vec![ContactRecord {
        line: 2,
        name: "Marie Dupont".into(),
        role: "-".into(),
        email: Some("marie@example.org".into()),
        phone: Some("+33 1 23 45 67 89".into()),
        languages: vec!["fr".into(), "en".into()],
        consent: true,
        notes: "'quoted' and 'guarded".into(),
        visibility: Visibility::Alliance,
        shared_with: vec!["OPCAT Africa".into(), "Francophonie".into()],
    }]
}

fn mapping_of(
    bytes: &[u8],
    kind: RecordKind,
) -> (entente_io::plan::Sheet, entente_io::plan::HeaderMapping) {
    let sheet = read_sheet(bytes, "export").unwrap();
    let mapping = resolve_headers(kind, &sheet.headers, &BTreeMap::new(), &[]).unwrap();
    (sheet, mapping)
}

#[test]
fn a_csv_export_imports_back_unchanged() {
    let bytes = write_csv(&actions()).unwrap();
    let (sheet, mapping) = mapping_of(&bytes, RecordKind::Actions);
    assert_eq!(
        read_actions(&sheet, &mapping, &states()).unwrap(),
        actions()
    );

    let bytes = write_csv(&organisations()).unwrap();
    let (sheet, mapping) = mapping_of(&bytes, RecordKind::Organisations);
    assert_eq!(
        read_organisations(&sheet, &mapping, &states()).unwrap(),
        organisations()
    );

    let bytes = write_csv(&contacts()).unwrap();
    let (sheet, mapping) = mapping_of(&bytes, RecordKind::Contacts);
    assert_eq!(read_contacts(&sheet, &mapping).unwrap(), contacts());
}

#[test]
fn an_xlsx_export_imports_back_unchanged() {
    let bytes = write_xlsx(&actions()).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let (sheet, mapping) = mapping_of(&bytes, RecordKind::Actions);
    // A workbook's lines are its rows, whatever the line breaks in a cell.
    let mut expected = actions();
    expected[1].line = 3;
    assert_eq!(read_actions(&sheet, &mapping, &states()).unwrap(), expected);

    let bytes = write_xlsx(&contacts()).unwrap();
    let (sheet, mapping) = mapping_of(&bytes, RecordKind::Contacts);
    assert_eq!(read_contacts(&sheet, &mapping).unwrap(), contacts());
}

#[test]
fn exports_guard_every_cell_that_a_spreadsheet_would_run() {
    let text = String::from_utf8(write_csv(&actions()).unwrap()).unwrap();
    assert!(text.starts_with("\u{feff}title,description,action_type,phase,level,states,"));
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\""),
        "{text}"
    );
    assert!(text.contains(",'-5 days of delay,'@mention,"), "{text}");
    assert!(text.contains("\n'+ a plain title,"), "{text}");
    assert!(text.contains("FRA; SEN"));
    assert!(text.contains(
        "Briefing; French <https://example.org/briefing.pdf>; Letter <https://example.org/letter>"
    ));
    assert!(text.contains("SEN opcat npm_designation 2025-03-10"));
    let raw_cells: Vec<&str> = text.split([',', '\n']).collect();
    assert!(
        !raw_cells
            .iter()
            .any(|cell| cell.starts_with(['=', '+', '-', '@'])),
        "{text}"
    );
    let contacts = String::from_utf8(write_csv(&contacts()).unwrap()).unwrap();
    assert!(contacts.contains(",'-,"), "{contacts}");
    assert!(contacts.contains(",'+33 1 23 45 67 89,"), "{contacts}");
}

#[test]
fn json_exports_use_field_names_lists_and_nulls() {
    let value: serde_json::Value = serde_json::from_slice(&write_json(&actions())).unwrap();
    let full = &value[0];
    assert_eq!(full["states"], serde_json::json!(["FRA", "SEN"]));
    assert_eq!(full["status"], "under_way");
    assert_eq!(full["budget"], "1500.50");
    assert_eq!(full["budget_currency"], "EUR");
    assert_eq!(full["staff_days"], 2.5);
    assert_eq!(full["outcome_event"]["kind"], "npm_designation");
    assert_eq!(full["documents"][1]["url"], "https://example.org/letter");
    assert_eq!(
        full["title"],
        "=HYPERLINK(\"http://evil.example\", \"Click\")"
    );
    assert!(value[1]["lead"].is_null() && value[1]["start"].is_null());
    let contacts: serde_json::Value = serde_json::from_slice(&write_json(&contacts())).unwrap();
    assert_eq!(contacts[0]["consent"], true);
    assert_eq!(contacts[0]["visibility"], "alliance");
}

fn entry(id: i64, status: ActionStatus) -> CalendarEntry {
    CalendarEntry {
        id,
        title: "Seminar, Dakar; day one".into(),
        description: "Line one\r\nLine two".into(),
        start: Some(date("2025-03-10")),
        end: Some(date("2025-03-12")),
        due: None,
        status,
        updated_at: Utc.with_ymd_and_hms(2025, 2, 1, 9, 30, 0).unwrap(),
        url: Some("https://entente.example/actions/7".into()),
    }
}

#[test]
fn the_calendar_feed_has_one_all_day_event_per_dated_action() {
    let due_only = CalendarEntry {
        start: None,
        end: None,
        due: Some(date("2025-04-30")),
        ..entry(8, ActionStatus::Planned)
    };
    let undated = CalendarEntry {
        start: None,
        end: None,
        ..entry(9, ActionStatus::Idea)
    };
    let feed = actions_calendar(
        "APT: actions",
        &[entry(7, ActionStatus::Cancelled), due_only, undated],
    );
    let lines: Vec<&str> = feed.split("\r\n").collect();
    assert_eq!(lines[0], "BEGIN:VCALENDAR");
    assert!(lines.contains(&"VERSION:2.0"));
    assert!(lines.contains(&"X-WR-CALNAME:APT: actions"), "{feed}");
    assert_eq!(
        lines.iter().filter(|l| **l == "BEGIN:VEVENT").count(),
        2,
        "{feed}"
    );
    for expected in [
        "UID:action-7@entente",
        "DTSTART;VALUE=DATE:20250310",
        "DTEND;VALUE=DATE:20250313",
        "STATUS:CANCELLED",
        "LAST-MODIFIED:20250201T093000Z",
        "DTSTAMP:20250201T093000Z",
        "SUMMARY:Seminar\\, Dakar\\; day one",
        "DESCRIPTION:Line one\\nLine two",
        "URL:https://entente.example/actions/7",
        "UID:action-8@entente",
        "DTSTART;VALUE=DATE:20250430",
        "DTEND;VALUE=DATE:20250501",
        "STATUS:CONFIRMED",
    ] {
        assert!(lines.contains(&expected), "{expected} in {feed}");
    }
    assert!(
        !feed.contains("action-9@entente"),
        "an undated action has no event"
    );
    assert_eq!(
        feed,
        actions_calendar(
            "APT: actions",
            &[
                entry(7, ActionStatus::Cancelled),
                CalendarEntry {
                    start: None,
                    end: None,
                    due: Some(date("2025-04-30")),
                    ..entry(8, ActionStatus::Planned)
                }
            ]
        ),
        "the same actions give the same feed"
    );
}
