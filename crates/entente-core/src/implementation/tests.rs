use chrono::NaiveDate;

use super::*;
use crate::access::{OrgId, Visibility};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn statement(name: &str, npm_type: &str, date: Option<&str>) -> NpmStatement {
    NpmStatement {
        state: "CYP".parse().unwrap(),
        npm_name: name.to_owned(),
        npm_type: npm_type.to_owned(),
        npm_type_group: String::new(),
        designation_text: date.unwrap_or_default().to_owned(),
        designation: date.map(|d| PartialDate::parse(d).unwrap()),
        designation_note: None,
        legal_basis: String::new(),
        ratification_date: None,
        source_url: "https://example.org/npm".to_owned(),
        source_org: "APT".to_owned(),
        source_as_of: String::new(),
        notes: String::new(),
        is_primary: false,
    }
}

fn fields(found: &[Disagreement]) -> Vec<DisagreementField> {
    found.iter().map(|d| d.field).collect()
}

#[test]
fn partial_dates_keep_their_precision_and_compare_on_what_both_give() {
    let year = PartialDate::parse("2008").unwrap();
    let day_of = PartialDate::parse("2008-04-08").unwrap();
    assert_eq!(year.precision, DatePrecision::Year);
    assert_eq!(year.to_string(), "2008");
    assert_eq!(
        PartialDate::parse("2009-07").unwrap().to_string(),
        "2009-07"
    );
    assert!(year.agrees_with(&day_of));
    assert!(day_of.agrees_with(&year));
    let march = PartialDate::parse("2009-03-27").unwrap();
    let july = PartialDate::parse("2009-07-28").unwrap();
    assert!(!march.agrees_with(&july));
    assert!(!PartialDate::parse("2007").unwrap().agrees_with(&year));
    assert!(PartialDate::parse("2009-02-30").is_err());
    assert!(PartialDate::parse("around 2009").is_err());
}

#[test]
fn names_agree_despite_case_punctuation_and_a_parenthesised_translation() {
    assert!(names_agree(
        "People's Advocate (Avokati i Popullit)",
        "people's advocate"
    ));
    assert!(names_agree(
        "The Commissioner for Human Rights (Ombudsman)",
        "Commissioner for Human Rights"
    ));
    assert!(!names_agree(
        "Human Rights Defender",
        "Human Rights Defender of the Republic of Armenia"
    ));
}

#[test]
fn agreeing_sources_raise_no_marker() {
    let found = disagreements(&[
        statement(
            "People's Advocate (Avokati i Popullit)",
            "Ombuds Institution",
            Some("2008"),
        ),
        statement("People's Advocate", "", None),
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_different_date_name_or_type_is_a_disagreement_naming_the_statements() {
    let found = disagreements(&[
        statement("Ombudsman", "Ombuds Institution", Some("2009-03-27")),
        statement("Ombudsman", "ombuds institution", Some("2009-07-28")),
        statement("Ombudsman", "", None),
    ]);
    assert_eq!(fields(&found), vec![DisagreementField::DesignationDate]);
    assert_eq!(found[0].statements, vec![0, 1]);

    let found = disagreements(&[
        statement("Ombudsman's Office", "Ombuds Institution", None),
        statement(
            "Servicio para la Prevención de la Tortura",
            "New Specialised Institution",
            None,
        ),
    ]);
    assert_eq!(
        fields(&found),
        vec![DisagreementField::Name, DisagreementField::Type]
    );
}

#[test]
fn one_source_naming_an_npm_and_another_denying_one_disagree_on_existence() {
    let found = disagreements(&[
        statement("Multi-body Australian NPM", "Multiple Institutions", None),
        statement("NO NPM", "", None),
    ]);
    assert_eq!(fields(&found), vec![DisagreementField::Existence]);
    assert_eq!(found[0].statements, vec![0, 1]);
}

#[test]
fn a_conflict_recorded_in_a_single_source_is_shown() {
    let mut liechtenstein = statement(
        "Corrections Commission",
        "New Specialised Institution",
        Some("2007"),
    );
    liechtenstein.notes = "Conflicting designation year within APT sources (2007 vs 2008)".into();
    let found = disagreements(&[liechtenstein]);
    assert_eq!(fields(&found), vec![DisagreementField::StatedInSource]);
    assert!(disagreements(&[statement("NO NPM", "", None)]).is_empty());
}

#[test]
fn the_follow_up_is_due_six_months_after_the_report_was_sent() {
    assert_eq!(follow_up_deadline(day("2024-03-15")), day("2024-09-15"));
    // A shorter month ends the period on its last day.
    assert_eq!(follow_up_deadline(day("2023-08-31")), day("2024-02-29"));
    assert_eq!(follow_up_deadline(day("2025-08-31")), day("2026-02-28"));
    assert_eq!(follow_up_deadline(day("2024-12-31")), day("2025-06-30"));
}

#[test]
fn the_follow_up_as_of_a_day() {
    let sent = Some(day("2024-03-15"));
    let due = day("2024-09-15");
    assert_eq!(follow_up(None, None, day("2025-01-01")), FollowUp::NoReport);
    // A report sent after the day asked about had not been sent then.
    assert_eq!(follow_up(sent, None, day("2024-03-14")), FollowUp::NoReport);
    assert_eq!(
        follow_up(sent, None, day("2024-09-15")),
        FollowUp::Awaiting { due }
    );
    assert_eq!(
        follow_up(sent, None, day("2024-09-16")),
        FollowUp::Overdue { due, days_late: 1 }
    );
    let reply = Some(day("2024-10-01"));
    assert_eq!(
        follow_up(sent, reply, day("2024-09-20")),
        FollowUp::Overdue { due, days_late: 5 }
    );
    let replied = follow_up(sent, reply, day("2025-01-01"));
    assert_eq!(
        replied,
        FollowUp::Replied {
            due,
            on: day("2024-10-01"),
            late: true
        }
    );
    assert_eq!(replied.code(), "replied_late");
    assert!(!replied.is_overdue());
    assert_eq!(
        follow_up(sent, Some(due), day("2025-01-01")).code(),
        "replied"
    );
}

fn draft() -> SptVisitDraft {
    SptVisitDraft {
        state: "MEX".parse().unwrap(),
        start: Some(day("2024-05-01")),
        end: Some(day("2024-05-10")),
        visit_type: SptVisitType::Regular,
        report_sent_on: Some(day("2024-09-01")),
        report_published: ReportPublished::Unknown,
        report_published_on: None,
        report_url: None,
        reply_received_on: None,
        notes: String::new(),
        owner: OrgId(1),
        visibility: Visibility::Private,
        shared_with: Vec::new(),
    }
}

#[test]
fn a_visit_record_names_each_broken_rule() {
    assert_eq!(draft().validate(), Ok(()));
    let bad = SptVisitDraft {
        end: Some(day("2024-04-01")),
        report_sent_on: Some(day("2024-03-01")),
        report_url: Some("example.org".into()),
        reply_received_on: Some(day("2024-02-01")),
        visibility: Visibility::Alliance,
        ..draft()
    };
    let codes: Vec<(&str, &str)> = bad
        .validate()
        .unwrap_err()
        .iter()
        .map(|e| (e.field, e.code))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("end", "end_before_start"),
            ("report_sent_on", "before_visit"),
            ("report_published", "not_published"),
            ("report_url", "not_a_web_address"),
            ("reply_received_on", "before_report"),
            ("visibility", "invalid_visibility"),
        ]
    );
    let no_report = SptVisitDraft {
        report_sent_on: None,
        reply_received_on: Some(day("2024-12-01")),
        ..draft()
    };
    assert_eq!(no_report.validate().unwrap_err()[0].code, "no_report");
}
