//! The gap rules on hand-built states at every stage, as of given days.

use super::tests_support::{action, d, dated, iso, profile, state_at};
use super::*;
use crate::access::OrgKind;
use crate::event::{Art24Part, ConsentKind, EventKind};
use crate::opcat::Stage;

pub(super) const RATIFY: EventKind = EventKind::Consent(ConsentKind::Ratification);
pub(super) const CAT: &[(EventKind, &str)] = &[(RATIFY, "2000-01-01")];
pub(super) const AS_OF: &str = "2026-06-01";

pub(super) fn found(
    states: &[StateAtStage],
    actions: &[PlannedAction],
    profiles: &Profiles,
) -> Vec<Gap> {
    gaps(
        states,
        actions,
        profiles,
        &Playbook::default(),
        d(AS_OF),
        GapSettings::default(),
    )
}

pub(super) fn kinds(gaps: &[Gap], state: &str) -> Vec<(GapKind, Severity)> {
    gaps.iter()
        .filter(|g| g.state == iso(state))
        .map(|g| (g.kind.clone(), g.severity))
        .collect()
}

fn missing(code: &str) -> GapKind {
    GapKind::MissingAction {
        action_type: code.into(),
    }
}

fn untouched(audience: Audience) -> GapKind {
    GapKind::UntouchedAudience { audience }
}

pub(super) fn on(
    state: &str,
    mut a: PlannedAction,
    kind: &str,
    audiences: &[Audience],
) -> PlannedAction {
    a.states = vec![iso(state)].into();
    a.action_type = kind.into();
    a.audiences = audiences.into();
    a
}

#[test]
fn a_state_outside_cat_has_no_play_and_so_no_missing_work() {
    let outside = state_at("AAA", &[], &[], "1990-01-01", AS_OF);
    assert_eq!(outside.status.stage, Stage::NotCatParty);
    assert!(found(&[outside], &[], &Profiles::new()).is_empty());
}

#[test]
fn a_signatory_with_nothing_planned_lacks_every_kind_and_audience() {
    let signatory = state_at(
        "CCC",
        CAT,
        &[(EventKind::Signature, "2010-05-05")],
        "2010-05-05",
        AS_OF,
    );
    assert_eq!(signatory.status.stage, Stage::Signatory);
    let result = found(&[signatory], &[], &Profiles::new());
    assert_eq!(
        kinds(&result, "CCC"),
        vec![
            (missing("briefing_paper"), Severity::Medium),
            (missing("legal_study"), Severity::Medium),
            (missing("media_work"), Severity::Medium),
            (missing("parliamentary_briefing"), Severity::Medium),
            (missing("seminar"), Severity::Medium),
            (untouched(Audience::Legislature), Severity::Medium),
            (untouched(Audience::Executive), Severity::Low),
        ]
    );
    assert!(
        result
            .iter()
            .all(|g| g.since == d("2010-05-05") && !g.npm_overdue)
    );
}

#[test]
fn international_pressure_alone_in_one_sector_is_lopsided() {
    use crate::plan::Sector::TorturePrevention;
    let not_signed = state_at("BBB", CAT, &[], "2000-01-01", AS_OF);
    assert_eq!(not_signed.status.stage, Stage::CatPartyNotSigned);
    let profiles: Profiles = [profile(
        7,
        OrgKind::InternationalNgo,
        Level::International,
        &[TorturePrevention],
    )]
    .into_iter()
    .map(|p| (p.id, p))
    .collect();
    let letter = on(
        "BBB",
        dated(action(1, 7), "2026-07-01", ""),
        "letter",
        &[Audience::Executive],
    );
    let result = found(
        std::slice::from_ref(&not_signed),
        std::slice::from_ref(&letter),
        &profiles,
    );
    let found_kinds = kinds(&result, "BBB");
    assert!(!found_kinds.iter().any(|(k, _)| *k == missing("letter")));
    assert!(
        !found_kinds
            .iter()
            .any(|(k, _)| *k == untouched(Audience::Executive))
    );
    assert!(found_kinds.contains(&(missing("awareness"), Severity::Medium)));
    assert!(found_kinds.contains(&(untouched(Audience::Public), Severity::Low)));
    assert!(found_kinds.contains(&(GapKind::NoNationalPartner, Severity::Medium)));
    assert!(found_kinds.contains(&(
        GapKind::OneSectorOnly {
            sector: TorturePrevention
        },
        Severity::Low
    )));

    // A national partner with another sector, known only by the action's level.
    let mut joint = letter;
    joint.partners = vec![OrgId(8)].into();
    let result = found(std::slice::from_ref(&not_signed), &[joint], &profiles);
    let found_kinds = kinds(&result, "BBB");
    assert!(
        !found_kinds
            .iter()
            .any(|(k, _)| *k == GapKind::NoNationalPartner)
    );
    let national_only = on(
        "BBB",
        dated(action(2, 9), "2026-07-01", ""),
        "awareness",
        &[Audience::Public],
    );
    let result = found(&[not_signed], &[national_only], &Profiles::new());
    assert!(kinds(&result, "BBB").contains(&(GapKind::NoInternationalLeverage, Severity::Medium)));
}

#[test]
fn only_planned_or_under_way_work_in_the_horizon_covers() {
    let not_signed = state_at("BBB", CAT, &[], "2000-01-01", AS_OF);
    let kind = "meeting_executive";
    let covers = |a: PlannedAction| {
        let result = found(
            std::slice::from_ref(&not_signed),
            &[on("BBB", a, kind, &[Audience::Executive])],
            &Profiles::new(),
        );
        !kinds(&result, "BBB")
            .iter()
            .any(|(k, _)| *k == missing(kind))
    };
    assert!(
        covers(dated(action(1, 1), "2026-11-30", "")),
        "within six months"
    );
    assert!(
        !covers(dated(action(1, 1), "2026-12-02", "")),
        "after the horizon"
    );
    assert!(
        !covers(dated(action(1, 1), "2026-01-01", "2026-05-31")),
        "over before as_of"
    );
    assert!(
        covers(dated(action(1, 1), "2026-05-01", "2026-06-01")),
        "ends on as_of"
    );
    assert!(!covers(action(1, 1)), "planned with no date");
    let mut ongoing = dated(action(1, 1), "2025-01-01", "");
    ongoing.status = ActionStatus::UnderWay;
    assert!(covers(ongoing.clone()), "under way with no end");
    for status in [
        ActionStatus::Idea,
        ActionStatus::Done,
        ActionStatus::Cancelled,
    ] {
        let mut a = dated(action(1, 1), "2026-07-01", "");
        a.status = status;
        assert!(!covers(a), "{status}");
    }
    let mut elsewhere = dated(action(1, 1), "2026-07-01", "");
    elsewhere.states = vec![iso("ZZZ")].into();
    let result = found(
        std::slice::from_ref(&not_signed),
        &[elsewhere],
        &Profiles::new(),
    );
    assert!(
        kinds(&result, "BBB")
            .iter()
            .any(|(k, _)| *k == missing(kind))
    );
    let longer = GapSettings { horizon_months: 12 };
    let late = on(
        "BBB",
        dated(action(1, 1), "2027-01-15", ""),
        kind,
        &[Audience::Executive],
    );
    let result = gaps(
        &[not_signed],
        &[late],
        &Profiles::new(),
        &Playbook::default(),
        d(AS_OF),
        longer,
    );
    assert!(
        !kinds(&result, "BBB")
            .iter()
            .any(|(k, _)| *k == missing(kind))
    );
}

#[test]
fn an_art_24_declaration_moves_the_npm_due_date_and_so_the_play() {
    let opcat = [(RATIFY, "2024-01-01")];
    let declared = [
        (RATIFY, "2024-01-01"),
        (EventKind::Art24Declaration(Art24Part::PartIv), "2024-01-01"),
    ];
    let plain = state_at("DDD", CAT, &opcat, "2024-01-31", AS_OF);
    let postponed = state_at("FFF", CAT, &declared, "2024-01-31", AS_OF);
    assert!(plain.status.npm_overdue, "due 2025-01-31");
    assert!(!postponed.status.npm_overdue, "postponed to 2027-01-31");
    let result = found(&[postponed.clone(), plain], &[], &Profiles::new());
    let overdue = kinds(&result, "DDD");
    assert!(overdue.contains(&(missing("joint_statement"), Severity::High)));
    assert!(!overdue.iter().any(|(k, _)| *k == missing("mapping_study")));
    let pending = kinds(&result, "FFF");
    // Ratified two years ago: not yet stuck, so low however little is planned.
    assert!(pending.contains(&(missing("mapping_study"), Severity::Low)));
    assert!(pending.contains(&(untouched(Audience::Nhri), Severity::Low)));
    assert!(
        !pending
            .iter()
            .any(|(k, _)| *k == missing("joint_statement"))
    );
    assert!(
        result[0].npm_overdue && result[0].state == iso("DDD"),
        "overdue first"
    );

    let later = state_at("FFF", CAT, &declared, "2024-01-31", "2027-03-01");
    assert!(later.status.npm_overdue);
    let result = gaps(
        &[later],
        &[],
        &Profiles::new(),
        &Playbook::default(),
        d("2027-03-01"),
        GapSettings::default(),
    );
    assert!(kinds(&result, "FFF").contains(&(missing("joint_statement"), Severity::High)));
}

#[test]
fn states_with_an_npm_get_the_plays_of_their_stage() {
    let party = |code: &str, extra: &[(EventKind, &str)]| {
        let mut events = vec![
            (RATIFY, "2010-01-01"),
            (EventKind::NpmDesignation, "2011-01-01"),
        ];
        events.extend_from_slice(extra);
        state_at(code, CAT, &events, "2011-01-01", AS_OF)
    };
    let designated = party("GGG", &[]);
    let operating = party("HHH", &[(EventKind::NpmOperation, "2012-01-01")]);
    let meets = party(
        "III",
        &[
            (EventKind::NpmOperation, "2012-01-01"),
            (EventKind::NpmMeetsCriteria, "2015-01-01"),
        ],
    );
    assert_eq!(designated.status.stage, Stage::NpmDesignated);
    assert_eq!(operating.status.stage, Stage::NpmOperating);
    assert_eq!(meets.status.stage, Stage::NpmMeetsCriteria);
    let training = on(
        "GGG",
        dated(action(1, 1), "2026-07-01", ""),
        "training",
        &[Audience::Npm],
    );
    let result = found(
        &[designated, operating, meets],
        &[training],
        &Profiles::new(),
    );
    let designated = kinds(&result, "GGG");
    assert!(
        !designated
            .iter()
            .any(|(k, _)| *k == missing("training") || *k == untouched(Audience::Npm))
    );
    assert!(designated.contains(&(missing("seminar"), Severity::Medium)));
    for code in ["HHH", "III"] {
        let found_kinds = kinds(&result, code);
        assert!(
            found_kinds.contains(&(missing("follow_up"), Severity::Medium)),
            "{code}"
        );
        assert!(
            found_kinds.contains(&(untouched(Audience::Npm), Severity::Medium)),
            "{code}"
        );
    }
}
