//! Which actions each scope reads: the access rules over an action's
//! lead, visibility and the alliances it is shared with, as the store's
//! lists and single reads apply them.

use entente_core::RegionalGroup;
use entente_core::access::{AccessScope, AllianceId, Visibility};
use entente_core::plan::{ActionDraft, ActionId, ActionStatus, Level, Phase};
use entente_store::{ActionFilter, ActionPage, PageRequest, StoreError};

use crate::actions::{draft, setup};
use crate::fixtures::{day, iso3};
use crate::support::on_each_backend;

#[test]
fn each_scope_sees_the_actions_the_rules_allow() {
    on_each_backend("actions_scopes", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let private = store
            .create_action(&editor, &draft(world.owner, "private"))
            .unwrap();
        let shared = store
            .create_action(
                &editor,
                &ActionDraft {
                    visibility: Visibility::Alliance,
                    shared_with: vec![world.shared_alliance],
                    ..draft(world.owner, "shared")
                },
            )
            .unwrap();
        let public = store
            .create_action(
                &editor,
                &ActionDraft {
                    visibility: Visibility::Public,
                    ..draft(world.owner, "public")
                },
            )
            .unwrap();
        let expected: [(&str, &[ActionId]); 7] = [
            ("anonymous", &[public]),
            ("viewer", &[private, shared, public]),
            ("editor", &[private, shared, public]),
            ("admin", &[private, shared, public]),
            ("allied member", &[shared, public]),
            ("outsider", &[public]),
            ("site admin", &[private, shared, public]),
        ];
        for ((name, scope), (expected_name, ids)) in world.scopes(store).into_iter().zip(expected) {
            assert_eq!(name, expected_name);
            let page = store
                .list_actions(&scope, &ActionFilter::default(), PageRequest::default())
                .unwrap();
            let mut seen: Vec<ActionId> = page.actions.iter().map(|a| a.id).collect();
            seen.sort();
            assert_eq!(seen, ids, "{name}");
            assert_eq!(page.total, ids.len() as u64, "{name}");
            for id in [private, shared, public] {
                assert_eq!(
                    store.action(&scope, id).unwrap().is_some(),
                    ids.contains(&id),
                    "{name}"
                );
            }
        }
        let outsider = store.member_scope(world.outsider).unwrap();
        let hidden = store.update_action(&outsider, private, &draft(world.owner, "x"));
        assert!(
            matches!(hidden, Err(StoreError::NotFound { .. })),
            "{hidden:?}"
        );
        let viewer = store.member_scope(world.viewer).unwrap();
        let refused = store.delete_action(&viewer, private);
        assert!(
            matches!(refused, Err(StoreError::Forbidden { .. })),
            "{refused:?}"
        );
        let foreign = store.create_action(&outsider, &draft(world.owner, "theirs"));
        assert!(
            matches!(foreign, Err(StoreError::Forbidden { .. })),
            "{foreign:?}"
        );
    });
}

/// The alliances an action is shared with are also written on its row,
/// as ids separated by spaces, and the visibility rule reads them there:
/// an id must match whole (alliance 12 is not alliance 1 or 2), any one of
/// several matches, and a change of the shares changes who sees it.
#[test]
fn an_action_shared_with_alliances_is_seen_by_their_members_only() {
    on_each_backend("actions_shared_ids", |db| {
        let store = &db.store;
        let world = setup(store);
        let admin = store.member_scope(world.admin).unwrap();
        let editor = store.member_scope(world.editor).unwrap();
        let allied = store.member_scope(world.allied_member).unwrap();
        // An alliance of the owner alone whose id holds the digits of the
        // ally's alliance: 12 for 2, say.
        let needle = world.shared_alliance.0.to_string();
        let lookalike = (0..40)
            .map(|n| {
                store
                    .create_alliance(
                        &admin,
                        &crate::accounts::alliance(
                            world.owner,
                            &format!("Group {n}"),
                            Visibility::Private,
                        ),
                    )
                    .unwrap()
            })
            .find(|a| a.0.to_string().contains(&needle))
            .expect("an alliance id that holds another's digits");
        let shared = |alliances: Vec<AllianceId>| ActionDraft {
            visibility: Visibility::Alliance,
            shared_with: alliances,
            ..draft(world.owner, "shared")
        };
        let id = store
            .create_action(&editor, &shared(vec![lookalike]))
            .unwrap();
        let sees = |scope: &AccessScope| {
            let listed = store
                .list_actions(scope, &ActionFilter::default(), PageRequest::default())
                .unwrap();
            let found = store.action(scope, id).unwrap().is_some();
            assert_eq!(listed.actions.iter().any(|a| a.id == id), found);
            assert_eq!(listed.total, u64::from(found));
            found
        };
        assert!(sees(&editor));
        assert!(!sees(&allied), "alliance {lookalike:?} is not {needle}");

        store
            .update_action(&editor, id, &shared(vec![world.shared_alliance, lookalike]))
            .unwrap();
        assert!(sees(&allied), "one of two alliances is enough");
        assert_eq!(
            store
                .action(&allied, id)
                .unwrap()
                .unwrap()
                .content
                .shared_with,
            [world.shared_alliance, lookalike]
        );

        store
            .update_action(&editor, id, &shared(vec![lookalike]))
            .unwrap();
        assert!(!sees(&allied), "the share was taken back");
        assert!(sees(&editor));
    });
}

/// The fixture's two states, Turkey and France, named, then as their
/// region (both are in WEOG): lists of several states.
fn both_states() -> [ActionFilter; 2] {
    [
        ActionFilter {
            states: vec![iso3("TUR"), iso3("FRA")],
            ..ActionFilter::default()
        },
        ActionFilter {
            region: Some(RegionalGroup::Weog),
            ..ActionFilter::default()
        },
    ]
}

/// A list of states (or of a region), perhaps with a status, type, phase,
/// level or dates, is read from the states' rows of `action_states`, which
/// carry the action's visibility, lead, alliances, those columns and its
/// first and last days: after each change of an action, it says what the list read from
/// the actions' own rows says (a whole list, [`PageRequest::ALL`], is read
/// there), in the same order, for every scope, page by page too. An
/// action on two of the states has two rows, and is listed once.
#[test]
fn a_states_list_follows_every_change_of_its_actions() {
    on_each_backend("actions_state_rows", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let scopes = world.scopes(store);
        let one = |state| ActionFilter {
            states: vec![iso3(state)],
            ..ActionFilter::default()
        };
        let [both, weog] = both_states();
        let places = [one("TUR"), one("FRA"), both, weog];
        // Each status, phase and level, dates, and a type with two more:
        // what the state rows carry besides who may see the action.
        let mut narrowings: Vec<ActionFilter> = std::iter::once(None)
            .chain(ActionStatus::ALL.iter().copied().map(Some))
            .map(|status| ActionFilter {
                status,
                ..ActionFilter::default()
            })
            .collect();
        narrowings.extend(
            [Phase::Ratification, Phase::Implementation].map(|phase| ActionFilter {
                phase: Some(phase),
                ..ActionFilter::default()
            }),
        );
        narrowings.extend(
            [Level::National, Level::Regional].map(|level| ActionFilter {
                level: Some(level),
                ..ActionFilter::default()
            }),
        );
        // Dates: a first day, a last day, both.
        let range = |from: Option<&str>, to: Option<&str>| ActionFilter {
            from: from.map(day),
            to: to.map(day),
            ..ActionFilter::default()
        };
        narrowings.extend([
            range(Some("2027-01-20"), None),
            range(None, Some("2027-01-31")),
            range(Some("2027-01-10"), Some("2027-02-28")),
            range(Some("2027-03-02"), Some("2027-03-02")),
        ]);
        narrowings.push(ActionFilter {
            action_type: Some("parliamentary_briefing".to_owned()),
            status: Some(ActionStatus::UnderWay),
            phase: Some(Phase::Implementation),
            ..ActionFilter::default()
        });
        let ids =
            |page: &ActionPage| -> Vec<ActionId> { page.actions.iter().map(|a| a.id).collect() };
        let agree = |when: &str| {
            for (name, scope) in &scopes {
                for place in &places {
                    for narrowed in &narrowings {
                        let filter = ActionFilter {
                            states: place.states.clone(),
                            region: place.region,
                            ..narrowed.clone()
                        };
                        let whole = store
                            .list_actions(scope, &filter, PageRequest::ALL)
                            .unwrap();
                        let page = store
                            .list_actions(scope, &filter, PageRequest::default())
                            .unwrap();
                        assert_eq!(
                            (ids(&page), page.total),
                            (ids(&whole), whole.total),
                            "{when}: {name}, {filter:?}"
                        );
                        let mut paged = Vec::new();
                        for offset in 0..=whole.actions.len() {
                            let one = PageRequest {
                                limit: 1,
                                offset: offset as u64,
                            };
                            let page = store.list_actions(scope, &filter, one).unwrap();
                            assert_eq!(page.total, whole.total, "{when}: {name}, {filter:?}");
                            paged.extend(ids(&page));
                        }
                        assert_eq!(paged, ids(&whole), "{when}: {name}, {filter:?}, one by one");
                    }
                }
            }
        };
        let two_states = ActionDraft {
            states: vec![iso3("TUR"), iso3("FRA")],
            ..draft(world.owner, "two states")
        };
        let a = store.create_action(&editor, &two_states).unwrap();
        let shared = ActionDraft {
            visibility: Visibility::Alliance,
            shared_with: vec![world.shared_alliance],
            status: ActionStatus::Idea,
            start: None,
            end: None,
            due: Some(day("2027-01-15")),
            ..draft(world.owner, "shared")
        };
        let b = store.create_action(&editor, &shared).unwrap();
        let undated = ActionDraft {
            visibility: Visibility::Public,
            states: vec![iso3("FRA")],
            start: None,
            end: None,
            due: None,
            ..draft(world.owner, "undated")
        };
        let c = store.create_action(&editor, &undated).unwrap();
        agree("created");
        // Seen by its order and by each scope: a list of more than one.
        let all_of_tur = ActionFilter {
            states: vec![iso3("TUR")],
            ..ActionFilter::default()
        };
        let listed = store
            .list_actions(&editor, &all_of_tur, PageRequest::default())
            .unwrap();
        let listed: Vec<ActionId> = listed.actions.iter().map(|a| a.id).collect();
        assert_eq!(
            listed,
            [b, a],
            "the due date of one before the start of the other"
        );

        store
            .update_action(
                &editor,
                a,
                &ActionDraft {
                    visibility: Visibility::Public,
                    status: ActionStatus::UnderWay,
                    phase: Phase::Implementation,
                    level: Level::Regional,
                    states: vec![iso3("FRA")],
                    start: Some(day("2026-05-01")),
                    ..two_states.clone()
                },
            )
            .unwrap();
        agree("made public, under way, regional, of implementation, in one state, earlier");
        store
            .update_action(
                &editor,
                b,
                &ActionDraft {
                    visibility: Visibility::Private,
                    shared_with: Vec::new(),
                    status: ActionStatus::Done,
                    ..shared.clone()
                },
            )
            .unwrap();
        agree("no longer shared, and done");
        store.delete_action(&editor, c).unwrap();
        agree("deleted");
    });
}

/// An action on several of the filter's states has a row on each: when
/// repeated rows fill the first read of the count, more are read, and the
/// total is still exact.
#[test]
fn actions_on_several_states_are_counted_once() {
    on_each_backend("actions_state_rows_repeated", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        // 6,000 actions on both states, then 3,000 on Turkey alone: 15,000
        // rows, more than the count reads at first (10,001), for 9,000
        // actions, fewer than it counts up to. The first read holds
        // every action on both states (once or twice) and few of the
        // others.
        let both = 6_000;
        let many = both + 3_000;
        let records: Vec<_> = (0..many)
            .map(|n| {
                let mut r = crate::actions::record(n + 2, &format!("imported {n}"));
                r.states = if n < both {
                    vec![iso3("TUR"), iso3("FRA")]
                } else {
                    vec![iso3("TUR")]
                };
                r
            })
            .collect();
        store
            .import_actions(&editor, world.owner, &records, |_| {})
            .unwrap();
        for filter in both_states() {
            let page = store
                .list_actions(&editor, &filter, PageRequest::default())
                .unwrap();
            assert_eq!(
                (page.total, page.total_is_lower_bound, page.actions.len()),
                (many as u64, false, 50),
                "{filter:?}"
            );
            let mut seen: Vec<ActionId> = page.actions.iter().map(|a| a.id).collect();
            seen.dedup();
            assert_eq!(seen.len(), 50, "{filter:?}: each once");
        }
    });
}
