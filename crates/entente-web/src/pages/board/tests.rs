//! Every Fluent key the board builds from a code (severities,
//! opportunities, gap kinds, deadline kinds, partner reasons and the
//! vocabularies they name) exists in every language.

use entente_core::RegionalGroup;
use entente_core::plan::{Audience, Level, Sector};

use super::rows::severity_code;
use crate::locale::Locale;
use entente_core::coordination::Severity;

fn dashed(code: &str) -> String {
    code.replace('_', "-")
}

#[test]
fn every_key_the_board_builds_exists_in_every_language() {
    let mut keys: Vec<String> = [Severity::Low, Severity::Medium, Severity::High]
        .iter()
        .map(|s| format!("board-severity-{}", severity_code(*s)))
        .collect();
    keys.extend(
        Audience::ALL
            .iter()
            .map(|a| format!("action-audience-{}", dashed(a.code()))),
    );
    keys.extend(
        Level::ALL
            .iter()
            .map(|l| format!("action-level-{}", dashed(l.code()))),
    );
    keys.extend(
        Sector::ALL
            .iter()
            .map(|s| format!("dir-sector-{}", dashed(s.code()))),
    );
    keys.extend(
        RegionalGroup::ALL
            .iter()
            .map(|g| format!("group-{}", dashed(g.code()))),
    );
    for key in [
        "board-opportunity-joint",
        "board-opportunity-sequence",
        "board-gap-missing-action",
        "board-gap-untouched-audience",
        "board-gap-no-national-partner",
        "board-gap-no-international-leverage",
        "board-gap-one-sector-only",
        "board-why-npm-overdue",
        "board-why-stage",
        "board-deadline-npm-due",
        "board-deadline-postponement-end",
        "board-deadline-action-due",
        "board-reason-acts-there",
        "board-reason-works-there",
        "board-reason-works-in-region",
        "board-reason-other-level",
        "board-reason-new-sectors",
        "board-org-unseen",
        "board-rows-cut",
        "board-overlaps-caption",
        "board-map-title",
        "board-map-desc",
        "board-filter-alliance",
        "board-partner-org",
        "board-partner-state",
        "art24-part-iii",
        "art24-part-iv",
    ] {
        keys.push(key.to_owned());
    }
    for locale in Locale::ALL {
        for key in &keys {
            assert!(locale.has(key), "{key} is missing in {}", locale.code());
        }
    }
}
