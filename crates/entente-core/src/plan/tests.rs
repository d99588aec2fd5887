use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::Iso3;
use crate::access::{AllianceId, OrgId, Visibility};

fn draft() -> ActionDraft {
    ActionDraft {
        title: "Briefing for the justice committee".into(),
        description: String::new(),
        action_type: "parliamentary_briefing".into(),
        phase: Phase::Ratification,
        level: Level::National,
        states: vec!["SEN".parse::<Iso3>().unwrap()],
        audiences: vec![Audience::Legislature],
        lead: OrgId(1),
        partners: vec![OrgId(2)],
        start: NaiveDate::from_ymd_opt(2027, 3, 1),
        end: NaiveDate::from_ymd_opt(2027, 3, 2),
        due: None,
        status: ActionStatus::Planned,
        budget: Some(Budget::parse("1 500,50", "eur").unwrap()),
        staff_days: Some(2.5),
        expected_outcome: String::new(),
        actual_outcome: String::new(),
        outcome_event: None,
        documents: vec![],
        visibility: Visibility::Private,
        shared_with: vec![],
    }
}

fn codes(draft: &ActionDraft) -> Vec<(&'static str, &'static str)> {
    draft
        .validate()
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.field, e.code))
        .collect()
}

#[test]
fn a_complete_draft_is_valid() {
    assert_eq!(draft().validate(), Ok(()));
}

#[test]
fn each_broken_rule_names_its_field() {
    let mut d = draft();
    d.title = "  ".into();
    d.end = NaiveDate::from_ymd_opt(2027, 2, 1);
    d.partners = vec![OrgId(1)];
    d.states.clear();
    d.staff_days = Some(-1.0);
    d.visibility = Visibility::Alliance;
    assert_eq!(
        codes(&d),
        vec![
            ("title", "required"),
            ("states", "required"),
            ("partners", "partner_is_lead"),
            ("end", "end_before_start"),
            ("staff_days", "negative"),
            ("visibility", "invalid_visibility"),
        ]
    );
    d.visibility = Visibility::Alliance;
    d.shared_with = vec![AllianceId(3)];
    assert!(!codes(&d).contains(&("visibility", "invalid_visibility")));
}

#[test]
fn documents_must_be_web_addresses() {
    let mut d = draft();
    d.documents = vec![DocumentLink {
        title: "Letter".into(),
        url: "javascript:alert(1)".into(),
    }];
    assert_eq!(codes(&d), vec![("documents", "not_a_web_address")]);
}

#[test]
fn amounts_are_read_as_spreadsheets_write_them() {
    let eur = |text: &str| parse_amount(text, 2);
    assert_eq!(eur("1234.5"), Ok(123_450));
    assert_eq!(eur("1 234,50"), Ok(123_450));
    assert_eq!(eur("1\u{202f}234,50"), Ok(123_450));
    assert_eq!(eur("1,234.50"), Ok(123_450));
    assert_eq!(eur("1.234,50"), Ok(123_450));
    assert_eq!(eur("12,000"), Ok(1_200_000));
    assert_eq!(eur("1.000.000"), Ok(100_000_000));
    assert_eq!(eur("0"), Ok(0));
    assert_eq!(eur(",5"), Ok(50));
    assert_eq!(parse_amount("12,000", 3), Ok(12_000));
    assert_eq!(parse_amount("150", 0), Ok(150));
    assert!(matches!(eur("-5"), Err(BudgetError::Negative(_))));
    assert!(matches!(eur("12.345.6"), Err(BudgetError::NotAnAmount(_))));
    assert!(matches!(eur("1,2,3"), Err(BudgetError::NotAnAmount(_))));
    assert!(matches!(eur("ten"), Err(BudgetError::NotAnAmount(_))));
    assert!(matches!(eur(""), Err(BudgetError::NotAnAmount(_))));
    assert!(matches!(
        eur("1.2345"),
        Err(BudgetError::TooManyDecimals { .. })
    ));
    assert!(matches!(
        eur("99999999999999999999"),
        Err(BudgetError::TooLarge(_))
    ));
}

#[test]
fn currencies_are_iso_4217() {
    assert_eq!(Budget::parse("10", "xof").unwrap().to_string(), "10 XOF");
    assert_eq!(
        Budget::parse("10,5", "EUR").unwrap().to_string(),
        "10.50 EUR"
    );
    assert!(matches!(
        Budget::parse("10", "EUO"),
        Err(BudgetError::UnknownCurrency(_))
    ));
}

#[test]
fn builtin_action_type_codes_are_valid_and_unique() {
    let mut seen = std::collections::BTreeSet::new();
    for kind in BUILTIN_ACTION_TYPES {
        check_action_type_code(kind.code).unwrap();
        assert!(seen.insert(kind.code), "{} twice", kind.code);
    }
    assert!(check_action_type_code("Bad code").is_err());
}

proptest! {
    /// What an amount prints as parses back to the same amount.
    #[test]
    fn amount_text_parses_back(minor in 0_i64..10_000_000_000, code in prop::sample::select(vec!["EUR", "USD", "XOF", "JPY", "KWD", "CHF"])) {
        let budget = Budget { minor, currency: iso_currency::Currency::from_code(code).unwrap() };
        let back = Budget::parse(&budget.amount_text(), code).unwrap();
        prop_assert_eq!(back, budget);
    }
}
