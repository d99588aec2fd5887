//! Campaign actions in the store: written and read back whole, refused
//! field by field without writing anything, listed through every filter,
//! imported all or nothing (who sees which: `action_scopes`).

use entente_core::access::{AccessScope, OrgId, UserId, Visibility};
use entente_core::plan::{
    ActionDraft, ActionId, ActionStatus, Audience, Budget, DocumentLink, Level, Phase,
};
use entente_core::{EventKind, RegionalGroup, TreatyId};
use entente_io::plan::ActionRecord;
use entente_store::{
    ActionFilter, AuditAction, AuditFilter, ImportError, PageRequest, Store, StoreError,
};

use crate::accounts::World;
use crate::fixtures::{day, fixture, iso3};
use crate::support::on_each_backend;

const ROOT: AccessScope = AccessScope::SiteAdmin(UserId(0));

pub(crate) fn draft(lead: OrgId, title: &str) -> ActionDraft {
    ActionDraft {
        title: title.to_owned(),
        description: "Brief the justice committee on OPCAT.".to_owned(),
        action_type: "parliamentary_briefing".to_owned(),
        phase: Phase::Ratification,
        level: Level::National,
        states: vec![iso3("TUR")],
        audiences: vec![Audience::Legislature],
        lead,
        partners: Vec::new(),
        start: Some(day("2027-03-01")),
        end: Some(day("2027-03-02")),
        due: None,
        status: ActionStatus::Planned,
        budget: Some(Budget::parse("1 500,50", "EUR").unwrap()),
        staff_days: Some(2.5),
        expected_outcome: "A question in parliament.".to_owned(),
        actual_outcome: String::new(),
        outcome_event: None,
        documents: vec![DocumentLink {
            title: "Briefing".to_owned(),
            url: "https://example.org/briefing.pdf".to_owned(),
        }],
        visibility: Visibility::Private,
        shared_with: Vec::new(),
    }
}

pub(crate) fn setup(store: &Store) -> World {
    store.load_reference(fixture().data()).unwrap();
    World::build(store)
}

fn field_codes(result: Result<ActionId, StoreError>) -> Vec<(&'static str, &'static str)> {
    match result {
        Err(StoreError::Fields { errors }) => errors.iter().map(|e| (e.field, e.code)).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

#[test]
fn an_action_is_read_back_as_written_with_its_history_and_audit() {
    on_each_backend("actions_round_trip", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let mut written = draft(world.owner, "Briefing for the justice committee");
        written.partners = vec![world.ally];
        written.outcome_event = Some(entente_core::plan::OutcomeEvent {
            state: iso3("TUR"),
            treaty: TreatyId::opcat(),
            kind: EventKind::Signature,
            date: day("2005-09-14"),
        });
        let id = store.create_action(&editor, &written).unwrap();
        let read = store.action(&editor, id).unwrap().unwrap();
        assert_eq!(read.content, written);
        assert_eq!(read.created_by, Some(world.editor));
        let history = store.action_history(&editor, id).unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].status, ActionStatus::Planned);

        let mut changed = written.clone();
        changed.status = ActionStatus::Done;
        changed.actual_outcome = "Two questions were asked.".to_owned();
        changed.budget = None;
        changed.end = None;
        store.update_action(&editor, id, &changed).unwrap();
        let read = store.action(&editor, id).unwrap().unwrap();
        assert_eq!(read.content, changed, "cleared fields are cleared");
        let statuses: Vec<_> = store
            .action_history(&editor, id)
            .unwrap()
            .iter()
            .map(|s| s.status)
            .collect();
        assert_eq!(statuses, [ActionStatus::Planned, ActionStatus::Done]);
        let filter = AuditFilter {
            org: Some(world.owner),
            action: Some(AuditAction::RecordUpdated),
            ..AuditFilter::default()
        };
        let details: Vec<String> = store
            .audit_entries(&ROOT, &filter)
            .unwrap()
            .into_iter()
            .map(|l| l.entry.detail)
            .collect();
        assert_eq!(details, ["changed: dates, status, budget, actual_outcome"]);

        store.delete_action(&editor, id).unwrap();
        assert!(store.action(&ROOT, id).unwrap().is_none());
    });
}

#[test]
fn bad_actions_are_refused_field_by_field_and_nothing_is_written() {
    on_each_backend("actions_refused", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let mut bad = draft(world.owner, "bad");
        bad.states = vec![iso3("ZZZ")];
        bad.end = Some(day("2027-02-01"));
        bad.partners = vec![world.owner, world.unrelated];
        bad.action_type = "carrier_pigeon".to_owned();
        bad.visibility = Visibility::Alliance;
        bad.shared_with = vec![world.public_alliance, entente_core::access::AllianceId(999)];
        assert_eq!(
            field_codes(store.create_action(&editor, &bad)),
            [
                ("partners", "partner_is_lead"),
                ("end", "end_before_start"),
                ("action_type", "unknown_action_type"),
                ("states", "unknown_state"),
                ("partners", "unknown_organisation"),
                ("shared_with", "not_in_alliance"),
            ]
        );
        let mut unknown_event = draft(world.owner, "event");
        unknown_event.outcome_event = Some(entente_core::plan::OutcomeEvent {
            state: iso3("FRA"),
            treaty: TreatyId::opcat(),
            kind: EventKind::Signature,
            date: day("2001-01-01"),
        });
        assert_eq!(
            field_codes(store.create_action(&editor, &unknown_event)),
            [("outcome_event", "unknown_event")]
        );
        let page = store
            .list_actions(&ROOT, &ActionFilter::default(), PageRequest::default())
            .unwrap();
        assert_eq!(page.total, 0);
    });
}

#[test]
fn every_filter_selects_its_actions() {
    on_each_backend("actions_filters", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let a = store
            .create_action(&editor, &draft(world.owner, "a: Türkiye, March"))
            .unwrap();
        let b = store
            .create_action(
                &editor,
                &ActionDraft {
                    states: vec![iso3("CIV"), iso3("FRA")],
                    action_type: "letter".to_owned(),
                    phase: Phase::Implementation,
                    level: Level::International,
                    status: ActionStatus::Idea,
                    partners: vec![world.ally],
                    visibility: Visibility::Alliance,
                    shared_with: vec![world.shared_alliance],
                    start: None,
                    end: None,
                    due: Some(day("2027-06-30")),
                    ..draft(world.owner, "b: Côte d'Ivoire and France, due June")
                },
            )
            .unwrap();
        let c = store
            .create_action(
                &editor,
                &ActionDraft {
                    states: vec![iso3("CIV")],
                    start: None,
                    end: None,
                    ..draft(world.owner, "c: undated")
                },
            )
            .unwrap();
        let ids = |filter: ActionFilter| -> Vec<ActionId> {
            store
                .list_actions(&ROOT, &filter, PageRequest::default())
                .unwrap()
                .actions
                .iter()
                .map(|x| x.id)
                .collect()
        };
        assert_eq!(
            ids(ActionFilter::default()),
            [a, b, c],
            "dated first, then undated"
        );
        let f = ActionFilter::default;
        assert_eq!(
            ids(ActionFilter {
                states: vec![iso3("CIV")],
                ..f()
            }),
            [b, c]
        );
        assert_eq!(
            ids(ActionFilter {
                region: Some(RegionalGroup::Weog),
                ..f()
            }),
            [a, b]
        );
        assert_eq!(
            ids(ActionFilter {
                action_type: Some("letter".into()),
                ..f()
            }),
            [b]
        );
        assert_eq!(
            ids(ActionFilter {
                phase: Some(Phase::Ratification),
                ..f()
            }),
            [a, c]
        );
        assert_eq!(
            ids(ActionFilter {
                level: Some(Level::International),
                ..f()
            }),
            [b]
        );
        assert_eq!(
            ids(ActionFilter {
                status: Some(ActionStatus::Idea),
                ..f()
            }),
            [b]
        );
        assert_eq!(
            ids(ActionFilter {
                org: Some(world.ally),
                ..f()
            }),
            [b]
        );
        assert_eq!(
            ids(ActionFilter {
                alliance: Some(world.shared_alliance),
                ..f()
            }),
            [b]
        );
        assert_eq!(
            ids(ActionFilter {
                from: Some(day("2027-04-01")),
                ..f()
            }),
            [b]
        );
        assert_eq!(
            ids(ActionFilter {
                to: Some(day("2027-04-01")),
                ..f()
            }),
            [a]
        );
        assert_eq!(
            ids(ActionFilter {
                from: Some(day("2027-03-02")),
                to: Some(day("2027-12-31")),
                ..f()
            }),
            [a, b]
        );
        let page = store
            .list_actions(
                &ROOT,
                &f(),
                PageRequest {
                    limit: 1,
                    offset: 1,
                },
            )
            .unwrap();
        assert_eq!(
            (page.total, page.actions.len(), page.actions[0].id),
            (3, 1, b)
        );

        // An action with only an end reaches a first day (after the dated
        // ones), but no range with a last day; a page runs across both.
        let d = store
            .create_action(
                &editor,
                &ActionDraft {
                    start: None,
                    end: Some(day("2027-05-01")),
                    due: None,
                    ..draft(world.owner, "d: ends in May")
                },
            )
            .unwrap();
        let from = |from: &str| ActionFilter {
            from: Some(day(from)),
            ..f()
        };
        assert_eq!(ids(from("2027-04-01")), [b, d]);
        assert_eq!(ids(from("2027-05-02")), [b]);
        assert_eq!(
            ids(ActionFilter {
                to: Some(day("2027-12-31")),
                ..from("2027-04-01")
            }),
            [b]
        );
        for (limit, offset, expected) in [(1, 0, vec![a]), (2, 1, vec![b, d]), (1, 2, vec![d])] {
            let page = store
                .list_actions(&ROOT, &from("2027-03-02"), PageRequest { limit, offset })
                .unwrap();
            let found: Vec<ActionId> = page.actions.iter().map(|x| x.id).collect();
            assert_eq!(
                (page.total, page.total_is_lower_bound, found),
                (3, false, expected),
                "limit {limit}, offset {offset}"
            );
        }
    });
}

pub(crate) fn record(line: usize, title: &str) -> ActionRecord {
    let d = draft(OrgId(0), title);
    ActionRecord {
        line,
        signal: None,
        title: d.title,
        description: d.description,
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
        budget: d.budget,
        staff_days: d.staff_days,
        expected_outcome: d.expected_outcome,
        actual_outcome: d.actual_outcome,
        outcome_event: None,
        documents: d.documents,
        visibility: Visibility::Private,
        shared_with: Vec::new(),
    }
}

#[test]
fn an_import_is_all_or_nothing_and_names_each_bad_row() {
    on_each_backend("actions_import", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let mut records: Vec<ActionRecord> = (2..=6).map(|line| record(line, "imported")).collect();
        records[1].partners = vec!["nobody".to_owned()];
        records[3].end = Some(day("2020-01-01"));
        records[4].shared_with = vec!["OPCAT coalition".to_owned()];
        records[4].visibility = Visibility::Alliance;
        let refused = store.import_actions(&editor, world.owner, &records, |_| {});
        let Err(ImportError::Rows(errors)) = refused else {
            panic!("expected row errors, got {refused:?}");
        };
        let found: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert_eq!(
            found,
            [(3, "partners")],
            "names are resolved before the rules run"
        );
        records[1].partners = vec!["omct".to_owned()];
        let refused = store.import_actions(&editor, world.owner, &records, |_| {});
        let Err(ImportError::Rows(errors)) = refused else {
            panic!("expected row errors, got {refused:?}");
        };
        let found: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert_eq!(found, [(5, "end")]);
        assert_eq!(
            store
                .list_actions(&ROOT, &ActionFilter::default(), PageRequest::default())
                .unwrap()
                .total,
            0
        );

        records[3].end = None;
        let mut seen = Vec::new();
        let summary = store
            .import_actions(&editor, world.owner, &records, |n| seen.push(n))
            .unwrap();
        assert_eq!(summary.inserted, 5);
        assert_eq!(seen.last(), Some(&5));
        let page = store
            .list_actions(&editor, &ActionFilter::default(), PageRequest::default())
            .unwrap();
        assert_eq!(page.total, 5);
        let with_partner = page
            .actions
            .iter()
            .find(|a| !a.content.partners.is_empty())
            .unwrap();
        assert_eq!(with_partner.content.partners, [world.ally]);
        // Ids continue after the import: a new action gets the next one.
        let next = store
            .create_action(&editor, &draft(world.owner, "after"))
            .unwrap();
        assert!(page.actions.iter().all(|a| a.id < next));
    });
}
