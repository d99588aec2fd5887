//! Translation coverage: the three languages have the same keys, every key a
//! template or the code builds exists, and dates read as each language writes them.

use std::collections::BTreeSet;

use axum::http::{HeaderMap, HeaderValue, header};
use chrono::NaiveDate;
use entente_core::{EventKind, RegionalGroup, Stage};

use super::Locale;

const LOCALES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
const TEMPLATES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");

/// The text of every Fluent file of a language (`main.ftl` and one file per
/// part of the workspace), each with its name.
fn files(lang: &str) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = std::fs::read_dir(format!("{LOCALES_DIR}/{lang}"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path.display().to_string(), text)
        })
        .collect();
    found.sort();
    found
}

fn keys(lang: &str) -> BTreeSet<String> {
    let text: String = files(lang)
        .into_iter()
        .map(|(_, text)| text + "\n")
        .collect();
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k.to_owned()))
        .collect()
}

#[test]
fn every_language_has_the_same_keys() {
    let en = keys("en");
    assert!(en.len() > 100, "the English file was read");
    for lang in ["fr", "es"] {
        let other = keys(lang);
        let missing: Vec<_> = en.difference(&other).collect();
        let extra: Vec<_> = other.difference(&en).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
    }
}

/// The string literals passed to `chrome.t("...")` in the templates.
fn template_keys() -> Vec<(String, String)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(TEMPLATES_DIR).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for piece in text.split(".t(\"").skip(1) {
            let key = piece.split('"').next().unwrap().to_owned();
            found.push((path.display().to_string(), key));
        }
    }
    found
}

#[test]
fn every_key_the_templates_use_exists_in_every_language() {
    let used = template_keys();
    assert!(
        used.len() > 40,
        "the templates were scanned: {}",
        used.len()
    );
    for locale in Locale::ALL {
        for (file, key) in &used {
            assert!(
                locale.has(key),
                "{file} uses {key:?}, missing in {}",
                locale.code()
            );
        }
    }
}

#[test]
fn every_key_the_code_builds_exists_in_every_language() {
    let mut built: Vec<String> = Vec::new();
    built.extend(
        Stage::ALL
            .iter()
            .map(|s| format!("stage-{}", s.code().replace('_', "-"))),
    );
    built.extend(
        RegionalGroup::ALL
            .iter()
            .map(|g| format!("group-{}", g.code().replace('_', "-"))),
    );
    built.extend(
        EventKind::ALL
            .iter()
            .map(|k| format!("event-{}", k.code().replace('_', "-"))),
    );
    built.extend((1..=12).map(|m| format!("month-{m}")));
    for code in [
        "state_not_found",
        "treaty_not_found",
        "not_found",
        "invalid_as_of",
        "invalid_parameter",
        "unauthenticated",
        "invalid_token",
        "token_read_only",
        "csrf_rejected",
        "two_factor_required",
        "internal",
        "org_not_found",
        "alliance_not_found",
        "contact_not_found",
        "forbidden",
        "invalid_field",
        "conflict",
        "action_not_found",
        "invalid_fields",
        "consultation_not_found",
    ] {
        built.push(format!("error-{code}"));
    }
    let treaties = [
        "cerd",
        "iccpr",
        "iccpr_op1",
        "iccpr_op2",
        "icescr",
        "icescr_op",
        "cedaw",
        "cedaw_op",
        "cat",
        "opcat",
        "crc",
        "crc_op_ac",
        "crc_op_sc",
        "crc_op_ic",
        "cmw",
        "crpd",
        "crpd_op",
        "ced",
    ];
    for id in treaties {
        built.push(format!("treaty-{id}"));
        built.push(format!("treaty-{id}-short"));
    }
    built.extend(
        entente_core::access::Role::ALL
            .iter()
            .map(|r| format!("role-{}", r.code())),
    );
    built.extend(
        entente_core::access::TokenScope::ALL
            .iter()
            .map(|s| format!("token-scope-{}", s.code())),
    );
    for problem in [
        entente_auth::PasswordProblem::TooShort,
        entente_auth::PasswordProblem::TooLong,
        entente_auth::PasswordProblem::TooCommon,
        entente_auth::PasswordProblem::ContainsPersonalInfo,
    ] {
        built.push(format!("password-{}", problem.code()));
    }
    built.extend(
        entente_core::access::OrgKind::ALL
            .iter()
            .map(|k| format!("org-kind-{}", k.code())),
    );
    built.extend(
        entente_core::access::Visibility::ALL
            .iter()
            .map(|v| format!("visibility-{}", v.code())),
    );
    built.extend(
        entente_core::access::Visibility::ALL
            .iter()
            .map(|v| format!("alliance-visibility-{}", v.code())),
    );
    for p in ["no-action", "signatory", "party", "withdrawn"] {
        built.push(format!("participation-{p}"));
    }
    use entente_core::consultation::{ConsultationKind, ParticipantSector, Position};
    let consult = |prefix: &str, code: &str| format!("consult-{prefix}-{}", code.replace('_', "-"));
    built.extend(
        ConsultationKind::ALL
            .iter()
            .map(|k| consult("kind", k.code())),
    );
    built.extend(
        ParticipantSector::ALL
            .iter()
            .map(|s| consult("sector", s.code())),
    );
    built.extend(Position::ALL.iter().map(|p| consult("position", p.code())));
    for locale in Locale::ALL {
        for key in &built {
            assert!(locale.has(key), "{key:?} missing in {}", locale.code());
        }
    }
}

#[test]
fn dates_are_written_as_each_language_writes_them() {
    let day = NaiveDate::from_ymd_opt(2008, 11, 11).unwrap();
    assert_eq!(Locale::En.date(day), "11 November 2008");
    assert_eq!(Locale::Fr.date(day), "11 novembre 2008");
    assert_eq!(Locale::Es.date(day), "11 de noviembre de 2008");
    let first = NaiveDate::from_ymd_opt(2006, 6, 1).unwrap();
    assert_eq!(Locale::Fr.date(first), "1er juin 2006");
    assert_eq!(Locale::En.date(first), "1 June 2006");
}

#[test]
fn french_puts_a_non_breaking_space_before_colons() {
    for (file, text) in files("fr") {
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            assert!(
                !line.contains(" :"),
                "{file}: ordinary space before a colon: {line}"
            );
        }
    }
    assert!(Locale::Fr.t("source-label").contains("\u{a0}:"));
}

#[test]
fn the_query_wins_then_accept_language_then_english() {
    let mut headers = HeaderMap::new();
    assert_eq!(Locale::negotiate(None, &headers), Locale::En);
    headers.insert(
        header::ACCEPT_LANGUAGE,
        HeaderValue::from_static("de-CH, es;q=0.5, fr-CA;q=0.8"),
    );
    assert_eq!(Locale::negotiate(None, &headers), Locale::Fr);
    assert_eq!(Locale::negotiate(Some("lang=es"), &headers), Locale::Es);
    assert_eq!(Locale::negotiate(Some("lang=xx"), &headers), Locale::Fr);
    headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("fr;q=0"));
    assert_eq!(Locale::negotiate(None, &headers), Locale::En);
}

#[test]
fn counts_are_pluralised() {
    assert_eq!(Locale::En.count("legend-total", 1), "1 state");
    assert_eq!(Locale::En.count("legend-total", 96), "96 states");
    assert_eq!(Locale::Es.count("duration-months", 2), "2 meses");
}
