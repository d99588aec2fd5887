//! The coordination engine over the store: each reader's findings come only
//! from the actions it may read, and an overlap, a gap and a deadline are
//! found on hand-built data.

use entente_core::access::{AccessScope, OrgId, UserId, Visibility};
use entente_core::coordination::{DeadlineKind, GapSettings, Opportunity, OverlapSettings};
use entente_core::opcat::Stage;
use entente_core::plan::{ActionDraft, ActionId, ActionStatus, Audience, Level, Phase};
use entente_store::{CoordinationFilter, Store};

use crate::accounts::World;
use crate::fixtures::{day, fixture, iso3};
use crate::support::on_each_backend;

const ROOT: AccessScope = AccessScope::SiteAdmin(UserId(0));

fn draft(lead: OrgId, visibility: Visibility, start: &str, end: &str) -> ActionDraft {
    ActionDraft {
        title: format!("Briefing of the legislature from {start}"),
        description: String::new(),
        action_type: "parliamentary_briefing".to_owned(),
        phase: Phase::Ratification,
        level: Level::National,
        states: vec![iso3("TUR")],
        audiences: vec![Audience::Legislature],
        lead,
        partners: Vec::new(),
        start: Some(day(start)),
        end: Some(day(end)),
        due: None,
        status: ActionStatus::Planned,
        budget: None,
        staff_days: None,
        expected_outcome: String::new(),
        actual_outcome: String::new(),
        outcome_event: None,
        documents: Vec::new(),
        visibility,
        shared_with: Vec::new(),
    }
}

/// The owner's public action and the unrelated organisation's private
/// one, on the same state and audience a week apart.
pub fn two_briefings(store: &Store, world: &World) -> (ActionId, ActionId) {
    store.load_reference(fixture().data()).unwrap();
    let editor = store.member_scope(world.editor).unwrap();
    let outsider = store.member_scope(world.outsider).unwrap();
    let mut public = draft(world.owner, Visibility::Public, "2027-03-01", "2027-03-02");
    public.due = Some(day("2027-02-15"));
    let public = store.create_action(&editor, &public).unwrap();
    let private = draft(
        world.unrelated,
        Visibility::Private,
        "2027-03-09",
        "2027-03-10",
    );
    let private = store.create_action(&outsider, &private).unwrap();
    (public, private)
}

#[test]
fn a_private_action_reaches_only_the_findings_of_those_who_may_read_it() {
    on_each_backend("coordination_privacy", |db| {
        let store = &db.store;
        let world = World::build(store);
        let (public, private) = two_briefings(store, &world);
        for (name, scope) in world.scopes(store) {
            let may_read = store.action(&scope, private).unwrap().is_some();
            let found = store
                .overlaps(
                    &scope,
                    &CoordinationFilter::default(),
                    OverlapSettings::default(),
                )
                .unwrap();
            let seen = found
                .ranked
                .iter()
                .any(|o| o.first == private || o.second == private);
            assert_eq!(seen, may_read, "{name}: {found:?}");
            assert_eq!(found.total, usize::from(may_read), "{name}");
            let inputs = store
                .coordination_inputs(&scope, &CoordinationFilter::default(), day("2027-01-01"))
                .unwrap();
            let ids: Vec<ActionId> = inputs.actions.iter().map(|a| a.id).collect();
            assert_eq!(ids.contains(&private), may_read, "{name}: {ids:?}");
            assert!(ids.contains(&public), "{name}: {ids:?}");
            let labels = store.action_labels(&scope, &[public, private]).unwrap();
            assert_eq!(labels.contains_key(&private), may_read, "{name}");
            assert_eq!(labels[&public].lead, world.owner);
            let deadlines = store
                .deadlines(&scope, &CoordinationFilter::default(), day("2027-01-01"))
                .unwrap();
            assert!(
                deadlines.iter().all(|d| d.action != Some(private)),
                "{name}: {deadlines:?}"
            );
        }
        let anonymous = store
            .overlaps(
                &AccessScope::Public,
                &CoordinationFilter::default(),
                OverlapSettings::default(),
            )
            .unwrap();
        assert_eq!(anonymous.total, 0);
    });
}

#[test]
fn an_overlap_is_found_and_narrowed_by_the_filter() {
    on_each_backend("coordination_overlap", |db| {
        let store = &db.store;
        let world = World::build(store);
        let (public, private) = two_briefings(store, &world);
        let found = store
            .overlaps(
                &ROOT,
                &CoordinationFilter::default(),
                OverlapSettings::default(),
            )
            .unwrap();
        assert_eq!(found.total, 1);
        let overlap = found.ranked[0];
        assert_eq!((overlap.first, overlap.second), (public, private));
        assert_eq!(overlap.state, iso3("TUR"));
        assert_eq!(overlap.audience, Audience::Legislature);
        assert_eq!(overlap.opportunity, Opportunity::JointAction);
        assert_eq!(overlap.days_apart, 7);
        let narrow = |filter: CoordinationFilter| {
            store
                .overlaps(&ROOT, &filter, OverlapSettings::default())
                .unwrap()
                .total
        };
        let france = CoordinationFilter {
            states: vec![iso3("FRA")],
            ..CoordinationFilter::default()
        };
        assert_eq!(narrow(france), 0);
        let implementation = CoordinationFilter {
            phase: Some(Phase::Implementation),
            ..CoordinationFilter::default()
        };
        assert_eq!(narrow(implementation), 0);
        let shared = CoordinationFilter {
            alliance: Some(world.shared_alliance),
            ..CoordinationFilter::default()
        };
        assert_eq!(narrow(shared), 0, "the unrelated organisation is no member");
        let close = OverlapSettings {
            window_days: 3,
            ..OverlapSettings::default()
        };
        let tight = store
            .overlaps(&ROOT, &CoordinationFilter::default(), close)
            .unwrap();
        assert_eq!(tight.total, 0);
    });
}

#[test]
fn a_gap_and_a_deadline_are_found_from_the_treaty_events() {
    on_each_backend("coordination_gaps_deadlines", |db| {
        let store = &db.store;
        let world = World::build(store);
        let (public, _) = two_briefings(store, &world);
        let ivory_coast = CoordinationFilter {
            states: vec![iso3("CIV")],
            ..CoordinationFilter::default()
        };
        let as_of = day("2027-01-01");
        let gaps = store
            .gaps(&ROOT, &ivory_coast, as_of, GapSettings::default())
            .unwrap();
        assert!(!gaps.is_empty());
        assert!(gaps.iter().all(|g| g.state == iso3("CIV")), "{gaps:?}");
        assert_eq!(gaps[0].stage, Stage::PartyNpmPending);
        assert!(gaps[0].npm_overdue, "{gaps:?}");
        assert_eq!(gaps[0].since, day("2023-03-01"));
        let deadlines = store.deadlines(&ROOT, &ivory_coast, as_of).unwrap();
        let npm = deadlines
            .iter()
            .find(|d| d.kind == DeadlineKind::NpmDue)
            .expect("an NPM deadline");
        assert!(npm.overdue && npm.date < as_of, "{npm:?}");
        assert!(deadlines.iter().all(|d| d.action.is_none()));
        let all = store
            .deadlines(&ROOT, &CoordinationFilter::default(), as_of)
            .unwrap();
        let due = all
            .iter()
            .find(|d| d.action == Some(public))
            .expect("the action's due date");
        assert_eq!(
            (due.kind, due.date, due.overdue, due.state),
            (
                DeadlineKind::ActionDue,
                day("2027-02-15"),
                false,
                iso3("TUR")
            )
        );
        let later = store
            .deadlines(&ROOT, &CoordinationFilter::default(), day("2027-06-01"))
            .unwrap();
        assert!(later.iter().any(|d| d.action == Some(public) && d.overdue));
        let before_accession = store
            .gaps(
                &ROOT,
                &ivory_coast,
                day("2020-01-01"),
                GapSettings::default(),
            )
            .unwrap();
        assert!(before_accession.iter().all(|g| !g.npm_overdue));
    });
}
