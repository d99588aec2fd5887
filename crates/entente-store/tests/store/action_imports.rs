//! An import of actions writes what writing the same actions one by one
//! writes: the same stored actions, search entries (so the same hits) and
//! list order, across the import's chunks; and a file refused at its end,
//! or a write that fails at its end, leaves nothing behind.

use std::collections::BTreeSet;

use entente_core::access::{AccessScope, OrgId, UserId, Visibility};
use entente_core::plan::{ActionDraft, ActionId, ActionStatus, Audience, Level, Phase};
use entente_io::plan::ActionRecord;
use entente_store::{ActionFilter, Backend, ImportError, PageRequest, SearchKind, Store};

use crate::accounts::World;
use crate::fixtures::{day, fixture, iso3};
use crate::support::{TestDb, on_each_backend};

const ROOT: AccessScope = AccessScope::SiteAdmin(UserId(0));

/// Titles and texts in the three languages, with accents, apostrophes and
/// empty outcomes, so that every path of the search's analysis is taken.
const TITLES: [&str; 4] = [
    "Négociation avec le Parlement",
    "Parliamentary briefings on OPCAT",
    "Reunión con la Defensoría del Pueblo",
    "L'accord du ministère — suivi",
];
const TEXTS: [&str; 3] = [
    "Lettres aux députés, négociations et réunions",
    "Letters to members of parliament; negotiations",
    "",
];
const WORDS: [&str; 6] = [
    "négociation",
    "parliament",
    "defensoria",
    "accord",
    "letters",
    "réunion",
];

fn setup(store: &Store) -> World {
    store.load_reference(fixture().data()).unwrap();
    World::build(store)
}

/// The `i`-th action of a varied plan: dates spread over a year and some
/// undated, so that the list's order is not the order of writing.
fn varied(lead: OrgId, i: usize) -> ActionDraft {
    let offset = u64::try_from(i * 37 % 400).unwrap();
    let date = day("2027-01-01") + chrono::Days::new(offset);
    ActionDraft {
        title: format!("{} {i}", TITLES[i % 4]),
        description: TEXTS[i % 3].to_owned(),
        action_type: "parliamentary_briefing".to_owned(),
        phase: Phase::Ratification,
        level: Level::National,
        states: vec![iso3(["TUR", "CIV", "FRA"][i % 3])],
        audiences: vec![Audience::Legislature],
        lead,
        partners: Vec::new(),
        start: (i % 5 != 0).then_some(date),
        end: None,
        due: (i % 10 == 0).then_some(date),
        status: ActionStatus::Planned,
        budget: None,
        staff_days: None,
        expected_outcome: TEXTS[(i + 1) % 3].to_owned(),
        actual_outcome: TEXTS[(i + 2) % 3].to_owned(),
        outcome_event: None,
        documents: Vec::new(),
        visibility: Visibility::Private,
        shared_with: Vec::new(),
    }
}

/// The draft as a line of a file (led by the importing organisation).
fn record(i: usize, draft: ActionDraft) -> ActionRecord {
    ActionRecord {
        line: i + 2,
        signal: None,
        title: draft.title,
        description: draft.description,
        action_type: draft.action_type,
        phase: draft.phase,
        level: draft.level,
        states: draft.states,
        audiences: draft.audiences,
        lead: None,
        partners: Vec::new(),
        start: draft.start,
        end: draft.end,
        due: draft.due,
        status: draft.status,
        budget: draft.budget,
        staff_days: draft.staff_days,
        expected_outcome: draft.expected_outcome,
        actual_outcome: draft.actual_outcome,
        outcome_event: draft.outcome_event,
        documents: draft.documents,
        visibility: draft.visibility,
        shared_with: Vec::new(),
    }
}

fn records(lead: OrgId, count: usize) -> Vec<ActionRecord> {
    (0..count).map(|i| record(i, varied(lead, i))).collect()
}

/// Each action's search entry: its id, title terms and body terms.
fn entries(db: &TestDb) -> Vec<String> {
    db.text_rows(
        "SELECT record_id || ' | ' || title_terms || ' | ' || body_terms AS line \
         FROM search_entries WHERE kind = 'action' ORDER BY record_id",
    )
}

fn terms_of(db: &TestDb, id: ActionId) -> String {
    let rows = db.text_rows(&format!(
        "SELECT title_terms || ' | ' || body_terms AS line FROM search_entries \
         WHERE kind = 'action' AND record_id = {}",
        id.0
    ));
    assert_eq!(rows.len(), 1, "action {id} has one search entry");
    rows.into_iter().next().unwrap()
}

fn all_actions(store: &Store, scope: &AccessScope) -> Vec<ActionId> {
    store
        .list_actions(scope, &ActionFilter::default(), PageRequest::ALL)
        .unwrap()
        .actions
        .into_iter()
        .map(|a| a.id)
        .collect()
}

fn hits(store: &Store, scope: &AccessScope, word: &str) -> BTreeSet<i64> {
    let page = store
        .search(
            scope,
            word,
            &[],
            PageRequest {
                limit: PageRequest::MAX_LIMIT,
                offset: 0,
            },
        )
        .unwrap();
    assert!(page.total <= u64::from(PageRequest::MAX_LIMIT), "{word}");
    page.hits.into_iter().map(|h| h.id).collect()
}

#[test]
fn an_import_stores_indexes_and_lists_what_writing_one_by_one_does() {
    on_each_backend("action_imports_same", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let count = 120;
        let written: Vec<ActionId> = (0..count)
            .map(|i| {
                store
                    .create_action(&editor, &varied(world.owner, i))
                    .unwrap()
            })
            .collect();
        store
            .import_actions(&editor, world.owner, &records(world.owner, count), |_| {})
            .unwrap();
        let listed = all_actions(store, &editor);
        assert_eq!(listed.len(), 2 * count);
        let imported: Vec<ActionId> = listed
            .iter()
            .copied()
            .filter(|id| !written.contains(id))
            .collect();
        let first_imported = imported.iter().min().unwrap().0;
        let twin = |id: ActionId| usize::try_from(id.0 - first_imported).unwrap();

        for (i, &id) in written.iter().enumerate() {
            let one_by_one = store.action(&editor, id).unwrap().unwrap();
            let twin_id = ActionId(first_imported + i64::try_from(i).unwrap());
            let from_file = store.action(&editor, twin_id).unwrap().unwrap();
            assert_eq!(from_file.content, one_by_one.content, "action {i}");
            assert_eq!(terms_of(db, twin_id), terms_of(db, id), "action {i}");
        }
        // The imported actions come in the list in the same order as the
        // ones written one by one (each after its twin, whose id is lower).
        let order_written: Vec<usize> = listed
            .iter()
            .filter_map(|id| written.iter().position(|w| w == id))
            .collect();
        let order_imported: Vec<usize> = imported.iter().map(|&id| twin(id)).collect();
        assert_eq!(order_imported, order_written);
        for word in WORDS {
            let found = hits(store, &editor, word);
            let found_written: BTreeSet<usize> = written
                .iter()
                .enumerate()
                .filter(|(_, id)| found.contains(&id.0))
                .map(|(i, _)| i)
                .collect();
            let found_imported: BTreeSet<usize> = found
                .iter()
                .filter(|&&id| id >= first_imported)
                .map(|&id| twin(ActionId(id)))
                .collect();
            assert!(!found_written.is_empty(), "{word}");
            assert_eq!(found_imported, found_written, "{word}");
        }
    });
}

#[test]
fn a_large_import_indexes_as_the_rebuild_of_the_index_does() {
    on_each_backend("action_imports_index", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        // More rows than one chunk of the import (2,000), so that the
        // analyser's remembered stems cross chunks.
        let count = 2_345;
        let summary = store
            .import_actions(&editor, world.owner, &records(world.owner, count), |_| {})
            .unwrap();
        assert_eq!(summary.inserted, count);
        let imported = entries(db);
        assert_eq!(imported.len(), count);
        let rare = ["1999", "2000", "2001", "2344"];
        let found: Vec<BTreeSet<i64>> = rare.iter().map(|w| hits(store, &ROOT, w)).collect();
        assert!(found.iter().all(|hits| hits.len() == 1), "{found:?}");
        let common = totals(store);
        assert!(common.iter().all(|&total| total > 500), "{common:?}");
        store.rebuild_search_index().unwrap();
        assert_eq!(entries(db), imported);
        let again: Vec<BTreeSet<i64>> = rare.iter().map(|w| hits(store, &ROOT, w)).collect();
        assert_eq!(again, found);
        assert_eq!(totals(store), common);
    });
}

/// How many actions each of [`WORDS`] finds.
fn totals(store: &Store) -> Vec<u64> {
    WORDS
        .iter()
        .map(|word| {
            store
                .search(&ROOT, word, &[SearchKind::Action], PageRequest::default())
                .unwrap()
                .total
        })
        .collect()
}

/// Nothing of an import is left: no action, search entry, status change
/// or state, and the change counter is where it was.
fn assert_nothing_written(db: &TestDb, changes_before: i64) {
    assert_eq!(all_actions(&db.store, &ROOT), []);
    for table in ["search_entries", "action_status_changes", "action_states"] {
        let rows = db.text_rows(&format!(
            "SELECT CAST(count(*) AS TEXT) AS line FROM {table}"
        ));
        let expected = if table == "search_entries" {
            // The organisations and alliances of the world stay indexed.
            db.text_rows(
                "SELECT CAST(count(*) AS TEXT) AS line FROM search_entries \
                 WHERE kind <> 'action'",
            )
        } else {
            vec!["0".to_owned()]
        };
        assert_eq!(rows, expected, "{table}");
    }
    assert_eq!(db.store.change_count().unwrap(), changes_before);
}

#[test]
fn a_bad_row_or_a_failed_write_at_the_end_of_a_large_file_leaves_nothing() {
    on_each_backend("action_imports_late", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let count = 4_500;
        let late = count - 7;
        let mut file = records(world.owner, count);
        file[late].end = Some(day("2026-01-01"));
        file[late].start = Some(day("2027-06-01"));
        let changes = store.change_count().unwrap();
        let indexes = index_definitions(db);
        assert!(
            indexes.iter().any(|sql| sql.contains("actions_listed")),
            "{indexes:?}"
        );
        let refused = store.import_actions(&editor, world.owner, &file, |_| {});
        let Err(ImportError::Rows(errors)) = refused else {
            panic!("expected row errors, got {refused:?}");
        };
        let found: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert_eq!(found, [(late + 2, "end")]);
        assert_nothing_written(db, changes);

        // A file every rule accepts, whose last chunk's search entry is
        // refused by the database: the chunks written before are undone.
        file[late].end = None;
        let title_number = format!("{late}");
        match db.backend() {
            Backend::Sqlite => db.execute_raw(&format!(
                "CREATE TRIGGER refuse_late BEFORE INSERT ON search_entries \
                 WHEN ' ' || new.title_terms || ' ' LIKE '% {title_number} %' \
                 BEGIN SELECT RAISE(ABORT, 'refused late'); END"
            )),
            Backend::Postgres => {
                db.execute_raw(&format!(
                    "CREATE FUNCTION refuse_late() RETURNS trigger LANGUAGE plpgsql AS $$ \
                     BEGIN IF ' ' || new.title_terms || ' ' LIKE '% {title_number} %' THEN \
                     RAISE EXCEPTION 'refused late'; END IF; RETURN new; END $$"
                ));
                db.execute_raw(
                    "CREATE TRIGGER refuse_late BEFORE INSERT ON search_entries \
                     FOR EACH ROW EXECUTE FUNCTION refuse_late()",
                )
            }
        };
        let failed = store.import_actions(&editor, world.owner, &file, |_| {});
        assert!(
            matches!(&failed, Err(ImportError::Store(e)) if e.to_string().contains("refused late")),
            "{failed:?}"
        );
        assert_nothing_written(db, changes);
        // On SQLite, a file this large into so few actions builds the
        // indexes after its rows: the failed write brought them back.
        assert_eq!(index_definitions(db), indexes);

        db.execute_raw(match db.backend() {
            Backend::Sqlite => "DROP TRIGGER refuse_late",
            Backend::Postgres => "DROP TRIGGER refuse_late ON search_entries",
        });
        let summary = store
            .import_actions(&editor, world.owner, &file, |_| {})
            .unwrap();
        assert_eq!(summary.inserted, count);
        assert_eq!(all_actions(store, &ROOT).len(), count);
        assert_eq!(index_definitions(db), indexes);
        // The rows of the last chunk are found by search too.
        let found = store
            .search(
                &ROOT,
                &title_number,
                &[SearchKind::Action],
                PageRequest::default(),
            )
            .unwrap();
        assert!(found.total >= 1, "{found:?}");
    });
}

/// Every index of the database, as the statement that defines it.
fn index_definitions(db: &TestDb) -> Vec<String> {
    db.text_rows(match db.backend() {
        Backend::Sqlite => {
            "SELECT sql AS line FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL \
             ORDER BY name"
        }
        Backend::Postgres => {
            "SELECT indexdef AS line FROM pg_indexes WHERE schemaname = current_schema() \
             ORDER BY indexname"
        }
    })
}
