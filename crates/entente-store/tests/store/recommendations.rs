//! Recommendations in the store: read back whole, seen by each scope as the
//! access rules say, their status from the latest follow-up, the actions
//! that push them and the gap rule's inputs, imported all or nothing.

use entente_core::access::{AccessScope, OrgId, UserId, Visibility};
use entente_core::plan::{ActionDraft, ActionStatus, Audience, Level, Phase};
use entente_core::recommendation::{
    Body, FollowUpDraft, FollowUpKind, FollowUpStatus, RecommendationDraft, Theme,
};
use entente_store::{
    AuditAction, AuditFilter, ImportRefusal, NewFollowUp, PageRequest, RecommendationFilter, Store,
    StoreError,
};

use crate::accounts::World;
use crate::fixtures::{day, fixture, iso3};
use crate::support::on_each_backend;

const ROOT: AccessScope = AccessScope::SiteAdmin(UserId(0));

pub(crate) fn draft(owner: OrgId, paragraph: &str) -> RecommendationDraft {
    RecommendationDraft {
        state: iso3("TUR"),
        body: Body::Spt,
        document_symbol: "CAT/OP/TUR/1".to_owned(),
        document_title: "Report on the visit to Türkiye".to_owned(),
        document_url: Some("https://www.ohchr.org/en/report".to_owned()),
        document_date: Some(day("2019-05-02")),
        addressed_to: "Ministry of Justice".to_owned(),
        paragraph: paragraph.to_owned(),
        text: "Give the NPM a budget line of its own.".to_owned(),
        themes: vec![Theme::Npm],
        tags: vec!["budget".to_owned()],
        owner,
        visibility: Visibility::Private,
        shared_with: Vec::new(),
        demo: false,
    }
}

pub(crate) fn action(lead: OrgId, status: ActionStatus, visibility: Visibility) -> ActionDraft {
    ActionDraft {
        title: "Letter to the Ministry of Justice".to_owned(),
        description: String::new(),
        action_type: "letter".to_owned(),
        phase: Phase::Implementation,
        level: Level::National,
        states: vec![iso3("TUR")],
        audiences: vec![Audience::Executive],
        lead,
        partners: Vec::new(),
        start: Some(day("2026-01-10")),
        end: None,
        due: None,
        status,
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

pub(crate) fn follow_up(date: &str, status: FollowUpStatus, org: OrgId) -> NewFollowUp {
    NewFollowUp {
        event: FollowUpDraft {
            date: day(date),
            kind: FollowUpKind::NgoAssessment,
            status,
            note: "Seen in the 2024 budget law.".to_owned(),
        },
        recorded_by: org,
    }
}

pub(crate) fn setup(store: &Store) -> World {
    store.load_reference(fixture().data()).unwrap();
    World::build(store)
}

#[test]
fn a_recommendation_is_read_back_as_written_and_audited() {
    on_each_backend("recommendations_round_trip", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let written = draft(world.owner, "57 (b)");
        let id = store.create_recommendation(&editor, &written).unwrap();
        let read = store.recommendation(&editor, id).unwrap().unwrap();
        assert_eq!(read.content, written);
        assert_eq!(read.status, FollowUpStatus::NotStarted);
        assert_eq!(read.created_by, Some(world.editor));
        let mut changed = written.clone();
        changed.paragraph = "58".to_owned();
        changed.themes = vec![Theme::Safeguards, Theme::Npm];
        store.update_recommendation(&editor, id, &changed).unwrap();
        let read = store.recommendation(&editor, id).unwrap().unwrap();
        assert_eq!(read.content.paragraph, "58");
        assert_eq!(read.content.themes, [Theme::Npm, Theme::Safeguards]);
        let log = store.audit_entries(&ROOT, &AuditFilter::default()).unwrap();
        let ours: Vec<_> = log
            .iter()
            .filter(|e| e.entry.record_kind.as_deref() == Some("recommendation"))
            .map(|e| (e.entry.action, e.entry.detail.clone()))
            .collect();
        assert_eq!(
            ours.iter().map(|(a, _)| *a).collect::<Vec<_>>(),
            [AuditAction::RecordUpdated, AuditAction::RecordCreated],
            "{ours:?}"
        );
        assert!(ours[0].1.contains("paragraph"), "{ours:?}");
        store.delete_recommendation(&editor, id).unwrap();
        assert_eq!(store.recommendation(&editor, id).unwrap(), None);
    });
}

#[test]
fn each_scope_sees_what_the_access_rules_say_and_hidden_answers_like_missing() {
    on_each_backend("recommendations_visibility", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let private = store
            .create_recommendation(&editor, &draft(world.owner, "1"))
            .unwrap();
        let shared = store
            .create_recommendation(
                &editor,
                &RecommendationDraft {
                    visibility: Visibility::Alliance,
                    shared_with: vec![world.shared_alliance],
                    ..draft(world.owner, "2")
                },
            )
            .unwrap();
        let public = store
            .create_recommendation(
                &editor,
                &RecommendationDraft {
                    visibility: Visibility::Public,
                    ..draft(world.owner, "3")
                },
            )
            .unwrap();
        for (name, scope) in world.scopes(store) {
            let seen: Vec<_> = store
                .list_recommendations(
                    &scope,
                    &RecommendationFilter::default(),
                    PageRequest::default(),
                )
                .unwrap()
                .recommendations
                .iter()
                .map(|r| r.id)
                .collect();
            let expected = match name {
                "anonymous" | "outsider" => vec![public],
                "allied member" => vec![shared, public],
                _ => vec![private, shared, public],
            };
            let mut seen_sorted = seen.clone();
            seen_sorted.sort();
            assert_eq!(seen_sorted, expected, "{name}");
            let hidden = store.recommendation(&scope, private).unwrap();
            assert_eq!(hidden.is_some(), expected.contains(&private), "{name}");
            if !expected.contains(&private) {
                assert!(store.follow_ups(&scope, private).unwrap().is_empty());
                let refused = store.add_follow_up(
                    &scope,
                    private,
                    &follow_up("2024-01-01", FollowUpStatus::Implemented, world.unrelated),
                );
                assert!(
                    matches!(refused, Err(StoreError::NotFound { .. })),
                    "{name}: {refused:?}"
                );
            }
        }
        let viewer = store.member_scope(world.viewer).unwrap();
        let refused = store.delete_recommendation(&viewer, private);
        assert!(
            matches!(refused, Err(StoreError::Forbidden { .. })),
            "{refused:?}"
        );
    });
}

#[test]
fn the_status_is_the_latest_follow_up_by_date_and_lists_filter_on_it() {
    on_each_backend("recommendations_status", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let id = store
            .create_recommendation(&editor, &draft(world.owner, "1"))
            .unwrap();
        let other = store
            .create_recommendation(&editor, &draft(world.owner, "2"))
            .unwrap();
        store
            .add_follow_up(
                &editor,
                id,
                &follow_up("2024-06-01", FollowUpStatus::PartlyImplemented, world.owner),
            )
            .unwrap();
        // Recorded later but dated earlier: it does not change the status.
        let earlier = store
            .add_follow_up(
                &editor,
                id,
                &follow_up("2023-01-15", FollowUpStatus::InProgress, world.owner),
            )
            .unwrap();
        let read = store.recommendation(&editor, id).unwrap().unwrap();
        assert_eq!(read.status, FollowUpStatus::PartlyImplemented);
        assert_eq!(store.follow_ups(&editor, id).unwrap().len(), 2);
        let implemented = store
            .add_follow_up(
                &editor,
                id,
                &follow_up("2025-02-01", FollowUpStatus::Implemented, world.owner),
            )
            .unwrap();
        assert_eq!(
            store.recommendation(&editor, id).unwrap().unwrap().status,
            FollowUpStatus::Implemented
        );
        let open: Vec<_> = store
            .open_recommendations(&editor, iso3("TUR"))
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(open, [other], "an implemented one is no longer open");
        let filter = RecommendationFilter {
            status: Some(FollowUpStatus::Implemented),
            ..RecommendationFilter::default()
        };
        let found = store
            .list_recommendations(&editor, &filter, PageRequest::default())
            .unwrap();
        assert_eq!(found.total, 1);
        store.delete_follow_up(&editor, id, implemented).unwrap();
        assert_eq!(
            store.recommendation(&editor, id).unwrap().unwrap().status,
            FollowUpStatus::PartlyImplemented
        );
        store.delete_follow_up(&editor, id, earlier).unwrap();
        let refused = store.add_follow_up(
            &editor,
            id,
            &follow_up("2999-01-01", FollowUpStatus::Implemented, world.owner),
        );
        assert!(
            matches!(refused, Err(StoreError::Fields { ref errors }) if errors[0].field == "date"),
            "{refused:?}"
        );
        let refused = store.add_follow_up(
            &editor,
            id,
            &follow_up("2024-01-01", FollowUpStatus::Implemented, world.unrelated),
        );
        assert!(
            matches!(refused, Err(StoreError::Fields { ref errors }) if errors[0].field == "recorded_by"),
            "{refused:?}"
        );
    });
}

#[test]
fn an_open_recommendation_no_visible_action_pushes_is_a_gap() {
    on_each_backend("recommendations_gap", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let public = |paragraph| RecommendationDraft {
            visibility: Visibility::Public,
            ..draft(world.owner, paragraph)
        };
        let pushed = store.create_recommendation(&editor, &public("1")).unwrap();
        let pushed_privately = store.create_recommendation(&editor, &public("2")).unwrap();
        let unpushed = store.create_recommendation(&editor, &public("3")).unwrap();
        let cancelled_only = store.create_recommendation(&editor, &public("4")).unwrap();
        let open_action = store
            .create_action(
                &editor,
                &action(world.owner, ActionStatus::Planned, Visibility::Public),
            )
            .unwrap();
        let private_action = store
            .create_action(
                &editor,
                &action(world.owner, ActionStatus::Planned, Visibility::Private),
            )
            .unwrap();
        let cancelled = store
            .create_action(
                &editor,
                &action(world.owner, ActionStatus::Cancelled, Visibility::Public),
            )
            .unwrap();
        store.link_action(&editor, pushed, open_action).unwrap();
        store.link_action(&editor, pushed, open_action).unwrap();
        store
            .link_action(&editor, pushed_privately, private_action)
            .unwrap();
        store
            .link_action(&editor, cancelled_only, cancelled)
            .unwrap();
        let gaps = |scope: &AccessScope| -> Vec<_> {
            entente_core::recommendation::unpushed(
                &store.recommendation_standings(scope, &[]).unwrap(),
            )
            .iter()
            .map(|r| r.id)
            .collect()
        };
        assert_eq!(gaps(&editor), [unpushed, cancelled_only]);
        assert_eq!(
            gaps(&AccessScope::Public),
            [pushed_privately, unpushed, cancelled_only],
            "an action the public may not see does not count for it"
        );
        let outsider = store.member_scope(world.outsider).unwrap();
        let linked = store.pushing_actions(&outsider, pushed_privately).unwrap();
        assert!(
            linked.is_empty(),
            "a private action stays hidden: {linked:?}"
        );
        assert_eq!(store.pushing_actions(&editor, pushed).unwrap().len(), 1);
        let refused = store.link_action(&outsider, unpushed, open_action);
        assert!(
            matches!(refused, Err(StoreError::Forbidden { .. })),
            "{refused:?}"
        );
        // The outsider's own recommendation cannot be linked to an action it may not see.
        let theirs = store
            .create_recommendation(&outsider, &draft(world.unrelated, "9"))
            .unwrap();
        let refused = store.link_action(&outsider, theirs, private_action);
        assert!(
            matches!(refused, Err(StoreError::Fields { .. })),
            "{refused:?}"
        );
        store.unlink_action(&editor, pushed, open_action).unwrap();
        assert_eq!(gaps(&editor), [pushed, unpushed, cancelled_only]);
    });
}

#[test]
fn related_recommendations_are_linked_both_ways_and_hidden_ones_left_out() {
    on_each_backend("recommendations_related", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let spt = store
            .create_recommendation(
                &editor,
                &RecommendationDraft {
                    visibility: Visibility::Public,
                    ..draft(world.owner, "1")
                },
            )
            .unwrap();
        let cat = store
            .create_recommendation(
                &editor,
                &RecommendationDraft {
                    body: Body::Cat,
                    ..draft(world.owner, "2")
                },
            )
            .unwrap();
        store.link_related(&editor, cat, spt).unwrap();
        let from_spt: Vec<_> = store
            .related_recommendations(&editor, spt)
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(from_spt, [cat]);
        let from_cat: Vec<_> = store
            .related_recommendations(&editor, cat)
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(from_cat, [spt]);
        assert!(
            store
                .related_recommendations(&AccessScope::Public, spt)
                .unwrap()
                .is_empty()
        );
        let refused = store.link_related(&editor, spt, spt);
        assert!(
            matches!(refused, Err(StoreError::Fields { .. })),
            "{refused:?}"
        );
        store.unlink_related(&editor, spt, cat).unwrap();
        assert!(
            store
                .related_recommendations(&editor, spt)
                .unwrap()
                .is_empty()
        );
    });
}

#[test]
fn an_import_writes_every_recommendation_or_none_naming_each_bad_row() {
    on_each_backend("recommendations_import", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let good = draft(world.owner, "1");
        let bad_state = RecommendationDraft {
            state: iso3("XXX"),
            ..draft(world.owner, "2")
        };
        let not_ours = draft(world.unrelated, "3");
        let refused = store.import_recommendations(&editor, &[good.clone(), bad_state, not_ours]);
        match refused {
            Err(ImportRefusal::Rows(rows)) => {
                let named: Vec<_> = rows
                    .iter()
                    .map(|(row, errors)| (*row, errors[0].field, errors[0].code))
                    .collect();
                assert_eq!(
                    named,
                    [(1, "state", "unknown_state"), (2, "owner", "not_editor")]
                );
            }
            other => panic!("expected refused rows, got {other:?}"),
        }
        let none = store
            .list_recommendations(
                &ROOT,
                &RecommendationFilter::default(),
                PageRequest::default(),
            )
            .unwrap();
        assert_eq!(none.total, 0, "nothing written");
        let ids = store
            .import_recommendations(&editor, &[good.clone(), draft(world.owner, "2")])
            .unwrap();
        assert_eq!(ids.len(), 2);
        let filter = RecommendationFilter {
            theme: Some(Theme::Npm),
            tag: Some("budget".to_owned()),
            body: Some(Body::Spt),
            states: vec![iso3("TUR")],
            ..RecommendationFilter::default()
        };
        assert_eq!(
            store
                .list_recommendations(&editor, &filter, PageRequest::default())
                .unwrap()
                .total,
            2
        );
    });
}
