//! Search across actions, organisations and alliances: words meet across
//! inflections and accents in English, French and Spanish; a reader finds
//! (and counts) only what they may read; every write is reflected at once;
//! an empty query is refused by name.

use entente_core::access::{AccessScope, OrgId, UserId, Visibility};
use entente_core::plan::{ActionDraft, ActionStatus, Audience, Level, Phase};
use entente_io::plan::ActionRecord;
use entente_store::{OrganisationChanges, PageRequest, SearchKind, SearchPage, Store, StoreError};

use crate::accounts::World;
use crate::fixtures::{day, fixture, iso3};
use crate::support::on_each_backend;

const ROOT: AccessScope = AccessScope::SiteAdmin(UserId(0));

fn draft(lead: OrgId, title: &str, description: &str, visibility: Visibility) -> ActionDraft {
    ActionDraft {
        title: title.to_owned(),
        description: description.to_owned(),
        action_type: "parliamentary_briefing".to_owned(),
        phase: Phase::Ratification,
        level: Level::National,
        states: vec![iso3("TUR")],
        audiences: vec![Audience::Legislature],
        lead,
        partners: Vec::new(),
        start: Some(day("2027-03-01")),
        end: None,
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

fn setup(store: &Store) -> World {
    store.load_reference(fixture().data()).unwrap();
    World::build(store)
}

fn search(store: &Store, scope: &AccessScope, query: &str) -> SearchPage {
    store
        .search(scope, query, &[], PageRequest::default())
        .unwrap_or_else(|e| panic!("{query:?}: {e}"))
}

fn titles(page: &SearchPage) -> Vec<&str> {
    page.hits.iter().map(|h| h.title.as_str()).collect()
}

#[test]
fn words_meet_across_inflections_and_accents_in_each_language() {
    on_each_backend("search_languages", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let public = Visibility::Public;
        for (title, description) in [
            (
                "Table ronde",
                "Les negociations sur le MNP avancent avec le ministère.",
            ),
            ("Briefing", "Negotiations with the ministry on the NPM law."),
            (
                "Reunión",
                "Dos ratificaciones pendientes en la región andina.",
            ),
            ("Séminaire", "Un séminaire à l'université de Dakar."),
        ] {
            store
                .create_action(&editor, &draft(world.owner, title, description, public))
                .unwrap();
        }
        let found = |query: &str| titles(&search(store, &AccessScope::Public, query)).join(",");
        assert_eq!(found("négociation"), "Table ronde");
        assert_eq!(found("NEGOCIATIONS"), "Table ronde");
        assert_eq!(found("negotiation"), "Briefing");
        assert_eq!(found("ratificación"), "Reunión");
        assert_eq!(found("universites seminaires"), "Séminaire");
        assert_eq!(
            found("ministere"),
            "Table ronde",
            "accents folded, French stem"
        );
        assert_eq!(found("negotiation dakar"), "", "every word must match");

        let page = search(store, &AccessScope::Public, "négociation ministère");
        let hit = &page.hits[0];
        assert_eq!((hit.kind, page.total), (SearchKind::Action, 1));
        assert!(hit.snippet.contains("negociations"), "{hit:?}");

        let orgs = search(store, &ROOT, "apt full name");
        assert_eq!(orgs.hits[0].kind, SearchKind::Organisation);
        assert_eq!(orgs.hits[0].short_name.as_deref(), Some("apt"));
        // An action with the word too: a search of alliances alone still
        // finds only them (they are looked for among their own entries).
        store
            .create_action(
                &editor,
                &draft(world.owner, "Coordinate", "Coordinate the visits.", public),
            )
            .unwrap();
        let alliances = store
            .search(
                &ROOT,
                "coordinate",
                &[SearchKind::Alliance],
                PageRequest::default(),
            )
            .unwrap();
        assert_eq!(alliances.total, 3, "{alliances:?}");
        assert!(
            alliances
                .hits
                .iter()
                .all(|h| h.kind == SearchKind::Alliance)
        );
    });
}

#[test]
fn readers_find_and_count_only_what_they_may_read() {
    on_each_backend("search_visibility", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let word = "zanzibarite";
        let text = format!("Confidential {word} strategy");
        let private = draft(world.owner, "Private plan", &text, Visibility::Private);
        store.create_action(&editor, &private).unwrap();
        let shared = ActionDraft {
            shared_with: vec![world.shared_alliance],
            ..draft(world.owner, "Shared plan", &text, Visibility::Alliance)
        };
        store.create_action(&editor, &shared).unwrap();
        let expected: [(&str, &[&str]); 7] = [
            ("anonymous", &[]),
            ("viewer", &["Private plan", "Shared plan"]),
            ("editor", &["Private plan", "Shared plan"]),
            ("admin", &["Private plan", "Shared plan"]),
            ("allied member", &["Shared plan"]),
            ("outsider", &[]),
            ("site admin", &["Private plan", "Shared plan"]),
        ];
        for ((name, scope), (expected_name, wanted)) in
            world.scopes(store).into_iter().zip(expected)
        {
            assert_eq!(name, expected_name);
            let page = search(store, &scope, word);
            let mut seen = titles(&page);
            seen.sort_unstable();
            assert_eq!(seen, wanted, "{name}");
            assert_eq!(
                page.total,
                wanted.len() as u64,
                "{name}: the count leaks nothing"
            );
        }
        // Directory entries and alliances follow their own rules: the
        // unrelated organisation's entry is private, the drafting group too.
        assert_eq!(search(store, &ROOT, "other full name").total, 1);
        assert_eq!(
            search(store, &AccessScope::Public, "other full name").total,
            0
        );
        let outsider = store.member_scope(world.outsider).unwrap();
        let drafting = search(store, &outsider, "drafting group");
        assert_eq!(drafting.total, 0, "{drafting:?}");
        let viewer = store.member_scope(world.viewer).unwrap();
        assert_eq!(search(store, &viewer, "drafting group").total, 1);
    });
}

#[test]
fn changes_and_deletions_are_found_at_once() {
    on_each_backend("search_updates", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let public = Visibility::Public;
        let first = draft(world.owner, "Kickoff", "Meeting in Ankara", public);
        let id = store.create_action(&editor, &first).unwrap();
        assert_eq!(search(store, &editor, "ankara").total, 1);
        let moved = draft(world.owner, "Kickoff", "Meeting in Istanbul", public);
        store.update_action(&editor, id, &moved).unwrap();
        assert_eq!(search(store, &editor, "ankara").total, 0);
        assert_eq!(search(store, &editor, "istanbul").total, 1);
        let hidden = draft(
            world.owner,
            "Kickoff",
            "Meeting in Istanbul",
            Visibility::Private,
        );
        store.update_action(&editor, id, &hidden).unwrap();
        assert_eq!(search(store, &AccessScope::Public, "istanbul").total, 0);
        store.delete_action(&editor, id).unwrap();
        assert_eq!(search(store, &ROOT, "istanbul").total, 0);

        let admin = store.member_scope(world.admin).unwrap();
        let changes = OrganisationChanges {
            name: "Association pour la prévention de la torture".to_owned(),
            kind: entente_core::access::OrgKind::InternationalNgo,
            website: None,
            description: Some("Genève".to_owned()),
            visibility: Visibility::Public,
            profile: entente_store::OrganisationProfile::default(),
        };
        store
            .update_organisation(&admin, world.owner, &changes)
            .unwrap();
        let found = search(store, &AccessScope::Public, "prevention geneve");
        assert_eq!(
            found.hits[0].short_name.as_deref(),
            Some("apt"),
            "{found:?}"
        );
        assert_eq!(
            search(store, &AccessScope::Public, "apt full name").total,
            0
        );
    });
}

#[test]
fn imports_are_indexed_and_the_index_can_be_rebuilt() {
    on_each_backend("search_import", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let records: Vec<ActionRecord> = (0..1200)
            .map(|i| {
                let d = draft(
                    world.owner,
                    &format!("Imported {i}"),
                    "Bulk letters",
                    Visibility::Private,
                );
                ActionRecord {
                    line: i + 2,
                    signal: None,
                    title: d.title,
                    description: if i == 777 {
                        "Bulk letters, lettre unique".to_owned()
                    } else {
                        d.description
                    },
                    action_type: d.action_type,
                    phase: d.phase,
                    level: d.level,
                    states: d.states,
                    audiences: d.audiences,
                    lead: None,
                    partners: Vec::new(),
                    start: d.start,
                    end: d.end,
                    due: d.due,
                    status: d.status,
                    budget: None,
                    staff_days: None,
                    expected_outcome: String::new(),
                    actual_outcome: String::new(),
                    outcome_event: None,
                    documents: Vec::new(),
                    visibility: Visibility::Private,
                    shared_with: Vec::new(),
                }
            })
            .collect();
        store
            .import_actions(&editor, world.owner, &records, |_| {})
            .unwrap();
        // More than a search counts: it says so.
        let common = search(store, &editor, "letter");
        assert_eq!(
            (common.total, common.total_is_lower_bound),
            (SearchPage::RANKED, true)
        );
        let unique = search(store, &editor, "unique");
        assert_eq!(titles(&unique), ["Imported 777"]);
        let page = store
            .search(
                &editor,
                "letters",
                &[],
                PageRequest {
                    limit: 10,
                    offset: 1195,
                },
            )
            .unwrap();
        // A page past the counted limit counts to its end: exact again.
        assert_eq!(
            (page.hits.len(), page.total, page.total_is_lower_bound),
            (5, 1200, false)
        );

        db.execute_raw("DELETE FROM search_entries");
        assert_eq!(search(store, &editor, "letter").total, 0);
        store.rebuild_search_index().unwrap();
        assert!(search(store, &editor, "letter").total_is_lower_bound);
        assert_eq!(search(store, &ROOT, "opcat coalition").total, 1);
    });
}

#[test]
fn queries_without_words_are_refused_by_name() {
    on_each_backend("search_refused", |db| {
        let store = &db.store;
        setup(store);
        for query in ["", "the of and", "  ?!… -- ", "de la y el", "l' d'"] {
            match store.search(&AccessScope::Public, query, &[], PageRequest::default()) {
                Err(StoreError::Fields { errors }) => {
                    assert_eq!((errors[0].field, errors[0].code), ("q", "no_search_terms"));
                }
                other => panic!("{query:?}: {other:?}"),
            }
        }
        let long = "word ".repeat(50);
        let refused = store.search(&AccessScope::Public, &long, &[], PageRequest::default());
        assert!(
            matches!(refused, Err(StoreError::Fields { .. })),
            "{refused:?}"
        );
        // FTS5 and tsquery syntax in a query is only text.
        for query in [
            "\"OR\" NEAR(a b) *",
            "NPM & !law | c:*",
            "opcat) OR (1=1",
            "x⑴⑵ ½x ﬁnal (1)",
            "'; DROP TABLE actions; --",
        ] {
            store
                .search(&AccessScope::Public, query, &[], PageRequest::default())
                .unwrap();
        }
    });
}

#[test]
fn records_stored_before_the_index_existed_are_indexed_when_it_is_made() {
    on_each_backend("search_backfill", |db| {
        let store = &db.store;
        setup(store);
        // The database as the release before search left it.
        let undo: &[&str] = match db.backend() {
            entente_store::Backend::Sqlite => &[
                "DROP TRIGGER search_entries_updated",
                "DROP TRIGGER search_entries_deleted",
                "DROP TRIGGER search_entries_inserted",
                "DROP TABLE search_fts",
                "DROP TABLE search_entries",
            ],
            entente_store::Backend::Postgres => &["DROP TABLE search_entries"],
        };
        for sql in undo {
            db.execute_raw(sql);
        }
        db.execute_raw("DELETE FROM __diesel_schema_migrations WHERE version = '20261204000000'");
        assert_eq!(store.migrate().unwrap(), ["20261204000000"]);
        assert_eq!(search(store, &ROOT, "opcat coalition").total, 1);
        assert_eq!(search(store, &ROOT, "apt full name").total, 1);
        assert_eq!(store.migrate().unwrap(), Vec::<String>::new());
    });
}
