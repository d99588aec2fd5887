//! The plan as the coordination rules read it in bulk, against the same
//! actions read one by one: the same open actions with the same states,
//! audiences and partners for every reader and filter; and one analysis
//! from one read finds what the four separate questions find.

use entente_core::access::{AccessScope, Visibility};
use entente_core::coordination::{OverlapSettings, Place, PlannedAction};
use entente_core::plan::{ActionDraft, ActionId, ActionStatus, Audience, Level, Phase};
use entente_store::{CoordinationFilter, Store};

use crate::accounts::World;
use crate::coordination::two_briefings;
use crate::fixtures::{day, iso3};
use crate::support::on_each_backend;

/// A handful of actions of every shape beside the two briefings: several
/// states, audiences and partners, shared with an alliance, undated, of
/// the other phase, done.
fn more_actions(store: &Store, world: &World) -> Vec<ActionId> {
    let editor = store.member_scope(world.editor).unwrap();
    let outsider = store.member_scope(world.outsider).unwrap();
    let base = ActionDraft {
        title: "Round table".to_owned(),
        description: String::new(),
        action_type: "seminar".to_owned(),
        phase: Phase::Ratification,
        level: Level::National,
        states: vec![iso3("FRA"), iso3("TUR"), iso3("CIV")],
        audiences: vec![Audience::Npm, Audience::Executive, Audience::Legislature],
        lead: world.owner,
        partners: vec![world.ally],
        start: Some(day("2027-03-05")),
        end: Some(day("2027-03-20")),
        due: Some(day("2027-04-01")),
        status: ActionStatus::UnderWay,
        budget: None,
        staff_days: None,
        expected_outcome: String::new(),
        actual_outcome: String::new(),
        outcome_event: None,
        documents: Vec::new(),
        visibility: Visibility::Public,
        shared_with: Vec::new(),
    };
    let shared = ActionDraft {
        visibility: Visibility::Alliance,
        shared_with: vec![world.shared_alliance],
        states: vec![iso3("CIV"), iso3("FRA")],
        audiences: vec![Audience::Judiciary],
        ..base.clone()
    };
    let undated = ActionDraft {
        start: None,
        end: None,
        due: None,
        status: ActionStatus::Idea,
        partners: Vec::new(),
        ..base.clone()
    };
    let implementation = ActionDraft {
        phase: Phase::Implementation,
        level: Level::International,
        start: Some(day("2027-02-01")),
        end: None,
        ..base.clone()
    };
    let done = ActionDraft {
        status: ActionStatus::Done,
        ..base.clone()
    };
    let mut ids: Vec<ActionId> = [&base, &shared, &undated, &implementation, &done]
        .into_iter()
        .map(|draft| store.create_action(&editor, draft).unwrap())
        .collect();
    let hearing = ActionDraft {
        title: "Hearing".to_owned(),
        lead: world.unrelated,
        partners: Vec::new(),
        visibility: Visibility::Private,
        level: Level::Regional,
        states: vec![iso3("FRA")],
        audiences: vec![Audience::Npm, Audience::Public],
        start: Some(day("2027-03-10")),
        end: Some(day("2027-03-11")),
        status: ActionStatus::Planned,
        ..done
    };
    ids.push(store.create_action(&outsider, &hearing).unwrap());
    // Parts changed after creation: the read sees the new ones.
    let changed = ActionDraft {
        states: vec![iso3("TUR"), iso3("CIV")],
        audiences: vec![Audience::Legislature],
        partners: Vec::new(),
        ..base.clone()
    };
    store.update_action(&editor, ids[0], &changed).unwrap();
    ids
}

/// The action as the rules should see it, read on its own, with its
/// states, audiences and partners in the order the bulk read gives them
/// (by code, by code, by id); `None` when `scope` may not read it, it is
/// closed, or `filter` leaves it out.
fn read_alone(
    store: &Store,
    scope: &AccessScope,
    filter: &CoordinationFilter,
    id: ActionId,
) -> Option<PlannedAction> {
    let action = store.action(scope, id).unwrap()?;
    let mut planned = PlannedAction::from_draft(id, &action.content);
    if planned.status.is_closed() || filter.phase.is_some_and(|p| p != planned.phase) {
        return None;
    }
    if !filter.states.is_empty() {
        planned.states.retain(|s| filter.states.contains(s));
        if planned.states.is_empty() {
            return None;
        }
    }
    planned.states.sort_by_key(|s| s.to_string());
    planned.audiences.sort_by_key(|a| a.code());
    planned.partners.sort();
    Some(planned)
}

#[test]
fn the_bulk_read_of_the_plan_matches_each_action_read_alone() {
    on_each_backend("coordination_read_bulk", |db| {
        let store = &db.store;
        let world = World::build(store);
        let (public, private) = two_briefings(store, &world);
        let mut ids = vec![public, private];
        ids.extend(more_actions(store, &world));
        let filters = [
            CoordinationFilter::default(),
            CoordinationFilter {
                states: vec![iso3("FRA"), iso3("CIV")],
                ..CoordinationFilter::default()
            },
            CoordinationFilter {
                phase: Some(Phase::Implementation),
                ..CoordinationFilter::default()
            },
        ];
        for (name, scope) in world.scopes(store) {
            for filter in &filters {
                let read = store
                    .coordination_inputs(&scope, filter, day("2027-01-01"))
                    .unwrap()
                    .actions;
                let alone: Vec<PlannedAction> = ids
                    .iter()
                    .filter_map(|id| read_alone(store, &scope, filter, *id))
                    .collect();
                assert_eq!(read, alone, "{name}, {filter:?}");
            }
        }
        let root = world.scopes(store).pop().unwrap().1;
        let everything = store
            .coordination_inputs(&root, &CoordinationFilter::default(), day("2027-01-01"))
            .unwrap();
        assert_eq!(
            everything.actions.len(),
            ids.len() - 1,
            "all but the done one"
        );
    });
}

#[test]
fn one_analysis_finds_what_the_four_questions_find() {
    on_each_backend("coordination_read_analysis", |db| {
        let store = &db.store;
        let world = World::build(store);
        two_briefings(store, &world);
        more_actions(store, &world);
        let as_of = day("2027-01-01");
        let settings = OverlapSettings {
            limit: Some(3),
            ..OverlapSettings::default()
        };
        let filters = [
            CoordinationFilter::default(),
            CoordinationFilter {
                states: vec![iso3("TUR")],
                ..CoordinationFilter::default()
            },
        ];
        for (name, scope) in world.scopes(store) {
            for filter in &filters {
                for place in [Place::State(iso3("FRA")), Place::State(iso3("TUR"))] {
                    let found = store
                        .analysis(&scope, filter, as_of, settings, Some((world.owner, place)))
                        .unwrap();
                    let what = format!("{name}, {filter:?}, {place:?}");
                    assert_eq!(
                        found.overlaps,
                        store.overlaps(&scope, filter, settings).unwrap(),
                        "{what}"
                    );
                    assert_eq!(
                        found.gaps,
                        store
                            .gaps(&scope, filter, as_of, Default::default())
                            .unwrap(),
                        "{what}"
                    );
                    assert_eq!(
                        found.deadlines,
                        store.deadlines(&scope, filter, as_of).unwrap(),
                        "{what}"
                    );
                    assert_eq!(
                        found.partners,
                        Some(store.partners(&scope, world.owner, place).unwrap()),
                        "{what}"
                    );
                }
            }
            let none = store
                .analysis(&scope, &filters[0], as_of, settings, None)
                .unwrap();
            assert_eq!(none.partners, None, "{name}");
        }
    });
}
