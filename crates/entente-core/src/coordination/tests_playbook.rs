//! The default playbook and the checks an instance's edited one must pass.

use super::*;
use crate::opcat::Stage;
use crate::plan::{Audience, BUILTIN_ACTION_TYPES};

fn builtin_codes() -> Vec<&'static str> {
    BUILTIN_ACTION_TYPES.iter().map(|t| t.code).collect()
}

#[test]
fn the_default_playbook_is_valid_against_the_built_in_catalogue() {
    assert_eq!(Playbook::default().validate(&builtin_codes()), Ok(()));
}

#[test]
fn every_stage_a_campaign_works_on_has_a_play() {
    let playbook = Playbook::default();
    assert!(playbook.play(Stage::NotCatParty, false).is_none());
    for stage in &Stage::ALL[1..] {
        let play = playbook.play(*stage, false).unwrap();
        assert_eq!(play.stage, *stage);
        assert!(!play.npm_overdue);
    }
    let signatory = playbook.play(Stage::Signatory, false).unwrap();
    assert_eq!(signatory.audiences[0], Audience::Legislature);
    assert!(
        signatory
            .action_types
            .contains(&"parliamentary_briefing".to_owned())
    );
}

#[test]
fn an_overdue_npm_gets_the_overdue_play_or_else_the_stage_s() {
    let mut playbook = Playbook::default();
    let overdue = playbook.play(Stage::PartyNpmPending, true).unwrap();
    assert!(overdue.npm_overdue);
    assert!(overdue.action_types.contains(&"joint_statement".to_owned()));
    let pending = playbook.play(Stage::PartyNpmPending, false).unwrap();
    assert!(pending.action_types.contains(&"mapping_study".to_owned()));
    playbook.plays.retain(|p| !p.npm_overdue);
    let fallback = playbook.play(Stage::PartyNpmPending, true).unwrap();
    assert!(!fallback.npm_overdue);
}

#[test]
fn french_reasons_use_typographic_apostrophes() {
    for play in Playbook::default().plays {
        assert!(!play.reason.fr.contains('\''), "{}", play.reason.fr);
        for mark in [" :", " ;", " !", " ?", "\u{a0}:"] {
            assert!(!play.reason.fr.contains(mark), "{}", play.reason.fr);
        }
    }
}

#[test]
fn an_edited_playbook_is_refused_with_every_fault_named() {
    let mut playbook = Playbook::default();
    let mut broken = playbook.plays[0].clone();
    broken.action_types.push("carrier_pigeon".into());
    broken.reason.es = " ".into();
    playbook.plays.push(broken);
    let mut empty = playbook.plays[1].clone();
    empty.stage = Stage::NpmOperating;
    empty.npm_overdue = true;
    empty.audiences.clear();
    empty.action_types.clear();
    playbook.plays.push(empty);
    let errors = playbook.validate(&builtin_codes()).unwrap_err();
    let stage = "cat_party_not_signed";
    assert_eq!(
        errors,
        vec![
            PlaybookError::Duplicate {
                stage,
                npm_overdue: false
            },
            PlaybookError::UnknownActionType {
                stage,
                npm_overdue: false,
                code: "carrier_pigeon".into()
            },
            PlaybookError::NoReason {
                stage,
                npm_overdue: false,
                language: "es"
            },
            PlaybookError::OverdueOutsidePending {
                stage: "npm_operating"
            },
            PlaybookError::Empty {
                stage: "npm_operating",
                npm_overdue: true,
                what: "kind of action"
            },
            PlaybookError::Empty {
                stage: "npm_operating",
                npm_overdue: true,
                what: "audience"
            },
        ]
    );
    assert_eq!(
        errors[1].to_string(),
        "the play for cat_party_not_signed: \"carrier_pigeon\" is not a kind of action of the catalogue"
    );
    let own = ["carrier_pigeon"];
    let codes: Vec<&str> = builtin_codes().into_iter().chain(own).collect();
    let errors = playbook.validate(&codes).unwrap_err();
    assert!(
        !errors
            .iter()
            .any(|e| matches!(e, PlaybookError::UnknownActionType { .. }))
    );
}
