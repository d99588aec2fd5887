//! Recommendations from files, imported all or nothing with their status
//! as a first follow-up event, and the coordination engine's gap of open
//! recommendations no action pushes, as each reader may see it.

use entente_core::access::{AccessScope, UserId, Visibility};
use entente_core::plan::{ActionStatus, Phase};
use entente_core::recommendation::{Body, FollowUpKind, FollowUpStatus, Theme};
use entente_io::plan::RecommendationRecord;
use entente_store::{
    CoordinationFilter, ImportError, PageRequest, RecommendationFilter, Store, StoreError,
};

use crate::fixtures::iso3;
use crate::recommendations::{action, draft, follow_up, setup};
use crate::support::on_each_backend;

const ROOT: AccessScope = AccessScope::SiteAdmin(UserId(0));

fn record(line: usize, state: &str, status: FollowUpStatus) -> RecommendationRecord {
    RecommendationRecord {
        line,
        state: iso3(state),
        body: Body::Spt,
        document_symbol: format!("CAT/OP/{state}/1"),
        document_title: String::new(),
        document_url: None,
        document_date: None,
        addressed_to: String::new(),
        paragraph: line.to_string(),
        text: "Give the NPM a budget line of its own.".to_owned(),
        themes: vec![Theme::Npm],
        tags: vec!["budget".to_owned()],
        status,
        visibility: Visibility::Public,
        shared_with: Vec::new(),
    }
}

fn stored(store: &Store) -> u64 {
    store
        .list_recommendations(&ROOT, &RecommendationFilter::default(), PageRequest::ALL)
        .unwrap()
        .total
}

#[test]
fn a_file_of_recommendations_is_imported_whole_or_not_at_all() {
    on_each_backend("recommendation_import", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let shared = RecommendationRecord {
            visibility: Visibility::Alliance,
            shared_with: vec!["opcat COALITION".to_owned()],
            ..record(3, "FRA", FollowUpStatus::NotStarted)
        };
        let unknown_alliance = RecommendationRecord {
            visibility: Visibility::Alliance,
            shared_with: vec!["Nobody".to_owned()],
            ..record(4, "FRA", FollowUpStatus::NotStarted)
        };
        let unknown_state = record(5, "ZZZ", FollowUpStatus::NotStarted);
        let first = record(2, "TUR", FollowUpStatus::InProgress);
        let refused = store.import_recommendation_records(
            &editor,
            world.owner,
            &[
                first.clone(),
                shared.clone(),
                unknown_alliance,
                unknown_state,
            ],
        );
        let Err(ImportError::Rows(rows)) = refused else {
            panic!("{refused:?}");
        };
        let found: Vec<(usize, &str, &str)> = rows
            .iter()
            .map(|r| (r.line, r.field.as_str(), r.value.as_str()))
            .collect();
        assert!(found.contains(&(4, "shared_with", "Nobody")), "{rows:#?}");
        assert!(found.contains(&(5, "state", "ZZZ")), "{rows:#?}");
        assert!(found.iter().all(|(line, ..)| *line >= 4), "{rows:#?}");
        assert_eq!(stored(store), 0, "nothing is written");

        let outsider = store.member_scope(world.outsider).unwrap();
        let forbidden = store.import_recommendation_records(
            &outsider,
            world.owner,
            std::slice::from_ref(&first),
        );
        assert!(
            matches!(
                forbidden,
                Err(ImportError::Store(StoreError::Forbidden { .. }))
            ),
            "{forbidden:?}"
        );

        let summary = store
            .import_recommendation_records(&editor, world.owner, &[first, shared])
            .unwrap();
        assert_eq!((summary.inserted, summary.updated), (2, 0));
        let all = store
            .list_recommendations(&editor, &RecommendationFilter::default(), PageRequest::ALL)
            .unwrap()
            .recommendations;
        let in_progress = all.iter().find(|r| r.content.paragraph == "2").unwrap();
        assert_eq!(in_progress.status, FollowUpStatus::InProgress);
        assert_eq!(in_progress.content.owner, world.owner);
        let events = store.follow_ups(&editor, in_progress.id).unwrap();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].event.kind, FollowUpKind::Other);
        assert_eq!(events[0].recorded_by_org, Some(world.owner));
        let shared = all.iter().find(|r| r.content.paragraph == "3").unwrap();
        assert_eq!(shared.status, FollowUpStatus::NotStarted);
        assert_eq!(shared.content.shared_with, [world.shared_alliance]);
        assert!(store.follow_ups(&editor, shared.id).unwrap().is_empty());
    });
}

#[test]
fn an_open_recommendation_nobody_pushes_is_a_finding_only_for_those_who_see_it() {
    on_each_backend("recommendation_unpushed", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let outsider = store.member_scope(world.outsider).unwrap();
        let public =
            |state: &str, paragraph: &str| entente_core::recommendation::RecommendationDraft {
                state: iso3(state),
                visibility: Visibility::Public,
                ..draft(world.owner, paragraph)
            };
        let pushed = store
            .create_recommendation(&editor, &public("TUR", "1"))
            .unwrap();
        let unpushed = store
            .create_recommendation(&editor, &public("TUR", "2"))
            .unwrap();
        let private = store
            .create_recommendation(&editor, &draft(world.owner, "3"))
            .unwrap();
        let elsewhere = store
            .create_recommendation(&editor, &public("FRA", "4"))
            .unwrap();
        let done = store
            .create_recommendation(&editor, &public("TUR", "5"))
            .unwrap();
        store
            .add_follow_up(
                &editor,
                done,
                &follow_up("2025-01-10", FollowUpStatus::Implemented, world.owner),
            )
            .unwrap();
        let letter = store
            .create_action(
                &editor,
                &action(world.owner, ActionStatus::Planned, Visibility::Public),
            )
            .unwrap();
        store.link_action(&editor, pushed, letter).unwrap();

        let found = |scope: &AccessScope, filter: &CoordinationFilter| -> Vec<_> {
            store
                .unpushed_recommendations(scope, filter)
                .unwrap()
                .iter()
                .map(|r| r.id)
                .collect()
        };
        let all = CoordinationFilter::default();
        assert_eq!(found(&editor, &all), [elsewhere, unpushed, private]);
        assert_eq!(
            found(&outsider, &all),
            [elsewhere, unpushed],
            "a private recommendation never reaches another organisation"
        );
        assert_eq!(found(&AccessScope::Public, &all), [elsewhere, unpushed]);
        let turkey = CoordinationFilter {
            states: vec![iso3("TUR")],
            ..CoordinationFilter::default()
        };
        assert_eq!(found(&editor, &turkey), [unpushed, private]);
        let ratification = CoordinationFilter {
            phase: Some(Phase::Ratification),
            ..CoordinationFilter::default()
        };
        assert_eq!(
            found(&editor, &ratification),
            [elsewhere, pushed, unpushed, private],
            "the pushing action is of the implementation phase"
        );
        let coalition = CoordinationFilter {
            alliance: Some(world.shared_alliance),
            ..CoordinationFilter::default()
        };
        assert_eq!(found(&editor, &coalition), [elsewhere, unpushed, private]);
        assert_eq!(
            found(&outsider, &coalition),
            [elsewhere, pushed, unpushed],
            "an alliance the reader may not see counts no action"
        );
    });
}
