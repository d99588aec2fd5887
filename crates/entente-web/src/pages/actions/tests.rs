//! The action pages' own rules: the days and numbers they read, and every
//! Fluent key their code builds from a code (statuses, audiences, field
//! names, problem codes) existing in every language.

use chrono::NaiveDate;
use entente_core::access::Visibility;
use entente_core::plan::{ActionId, ActionStatus, Audience, Level, Phase};

use super::{action_id, parse_day};
use crate::locale::Locale;

#[test]
fn days_are_read_in_iso_and_day_first_forms() {
    let day = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
    assert_eq!(parse_day("2026-03-12"), Some(day));
    assert_eq!(parse_day(" 12/03/2026 "), Some(day));
    assert_eq!(parse_day("12.03.2026"), Some(day));
    assert_eq!(parse_day("31/02/2026"), None);
    assert_eq!(parse_day("03/12"), None);
    assert_eq!(parse_day("12/03/0026"), None);
}

#[test]
fn only_positive_numbers_name_actions() {
    assert_eq!(action_id("7").unwrap(), ActionId(7));
    for raw in ["0", "-3", "x", ""] {
        assert_eq!(action_id(raw).unwrap_err().code(), "action_not_found");
    }
}

fn dashed(code: &str) -> String {
    code.replace('_', "-")
}

#[test]
fn every_key_the_action_pages_build_exists_in_every_language() {
    let mut keys: Vec<String> = Vec::new();
    keys.extend(
        ActionStatus::ALL
            .iter()
            .map(|s| format!("action-status-{}", dashed(s.code()))),
    );
    keys.extend(
        Phase::ALL
            .iter()
            .map(|p| format!("action-phase-{}", dashed(p.code()))),
    );
    keys.extend(
        Level::ALL
            .iter()
            .map(|l| format!("action-level-{}", dashed(l.code()))),
    );
    keys.extend(
        Audience::ALL
            .iter()
            .map(|a| format!("action-audience-{}", dashed(a.code()))),
    );
    keys.extend(
        Visibility::ALL
            .iter()
            .map(|v| format!("action-visibility-{}", v.code())),
    );
    // Every field a problem can name, and every code the draft's rules,
    // the store and the form's reading give.
    for field in [
        "title",
        "description",
        "action_type",
        "phase",
        "level",
        "states",
        "audiences",
        "lead",
        "partners",
        "start",
        "end",
        "due",
        "status",
        "budget_amount",
        "budget_currency",
        "staff_days",
        "expected_outcome",
        "actual_outcome",
        "outcome_event",
        "documents",
        "visibility",
        "shared_with",
    ] {
        keys.push(format!("action-field-{field}"));
    }
    for code in [
        "required",
        "too_long",
        "duplicate",
        "partner_is_lead",
        "end_before_start",
        "negative",
        "not_a_web_address",
        "invalid_visibility",
        "unknown_organisation",
        "not_in_alliance",
        "unknown_event",
        "unknown_state",
        "unknown_action_type",
        "unknown_currency",
        "not_an_amount",
        "too_many_decimals",
        "too_large",
        "not_a_date",
        "not_a_number",
        "invalid_choice",
        "not_editor",
    ] {
        keys.push(format!("action-error-{}", dashed(code)));
    }
    keys.extend((1..=7).flat_map(|d| [format!("weekday-{d}"), format!("weekday-short-{d}")]));
    keys.push("calendar-capped".to_owned());
    for locale in Locale::ALL {
        for key in &keys {
            assert!(locale.has(key), "{key} is missing in {}", locale.code());
        }
    }
}
