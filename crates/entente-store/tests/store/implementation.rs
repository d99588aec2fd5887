//! Implementation facts and SPT visit records in the store: the shipped
//! facts loaded idempotently and read per state with their disagreements
//! visible; visit records written and read back whole, seen by each scope
//! as the access rules say (hidden answers like missing), refused field by
//! field, and their follow-up found when overdue.

use entente_core::access::{AccessScope, OrgId, UserId, Visibility};
use entente_core::implementation::{
    Art17Listing, DisagreementField, FollowUp, NpmFacts, NpmStatement, PartialDate,
    PublishedReport, ReportPublished, SptVisitDraft, SptVisitFact, SptVisitType, disagreements,
    follow_up,
};
use entente_store::{AuditAction, AuditFilter, ImportReport, Store, StoreError};

use crate::accounts::World;
use crate::fixtures::{day, fixture, iso3};
use crate::support::on_each_backend;

const ROOT: AccessScope = AccessScope::SiteAdmin(UserId(0));

fn statement(name: &str, date: &str, org: &str, primary: bool) -> NpmStatement {
    NpmStatement {
        state: iso3("FRA"),
        npm_name: name.into(),
        npm_type: "New Specialised Institution".into(),
        npm_type_group: "New specialised institution".into(),
        designation_text: format!("{date} (law)"),
        designation: Some(PartialDate::parse(date).unwrap()),
        designation_note: Some("read from the start of the source's text".into()),
        legal_basis: "Loi n° 2007-1545".into(),
        ratification_date: Some(day("2008-11-11")),
        source_url: format!("https://{org}.example/france"),
        source_org: org.into(),
        source_as_of: "undated page".into(),
        notes: String::new(),
        is_primary: primary,
    }
}

fn facts() -> NpmFacts {
    NpmFacts {
        statements: vec![
            statement("Contrôleur général (CGLPL)", "2007-10-30", "APT", true),
            statement("Contrôleur général", "2008", "OHCHR", false),
            NpmStatement {
                state: iso3("TUR"),
                designation: None,
                designation_note: None,
                designation_text: "operational 2014".into(),
                ..statement("Human Rights Institution", "2014", "APT", true)
            },
        ],
        visits: vec![SptVisitFact {
            state: iso3("FRA"),
            start: Some(PartialDate::parse("2016-05").unwrap()),
            end: None,
            year: Some(2016),
            visit_type: "regular visit".into(),
            report_published: ReportPublished::Unknown,
            report_published_detail: "unknown".into(),
            source_url: "https://ohchr.example/visits".into(),
            notes: "months only".into(),
        }],
        art17: vec![Art17Listing {
            state: iso3("TUR"),
            as_of: "snapshot 2016-2019".into(),
            source_url: "https://ohchr.example/art17".into(),
            later_status_note: "designated 2014".into(),
        }],
        published_reports: vec![PublishedReport {
            state: iso3("FRA"),
            name_in_source: "France".into(),
            year_as_listed: "2013 and 2019".into(),
            category: "State party published SPT visit report".into(),
            source_url: "https://ohchr.example/fund".into(),
            as_of: "2023 call".into(),
        }],
    }
}

#[test]
fn the_facts_load_once_and_a_second_load_changes_nothing() {
    on_each_backend("npm_facts_reload", |db| {
        let store = &db.store;
        store.load_reference(fixture().data()).unwrap();
        let facts = facts();
        let first = store.load_npm_facts(&facts).unwrap();
        assert_eq!(
            first,
            ImportReport {
                inserted: 6,
                updated: 0,
                unchanged: 0
            }
        );
        let second = store.load_npm_facts(&facts).unwrap();
        assert!(second.changed_nothing(), "{second:?}");
        assert_eq!(second.unchanged, 6);

        let france = store.npm_facts_of_state(iso3("FRA")).unwrap();
        assert_eq!(france.statements, facts.statements[..2]);
        assert_eq!(france.visits, facts.visits);
        assert_eq!(france.art17, None);
        assert_eq!(france.published_reports, facts.published_reports);
        // The sources disagree on the designation date: both are kept and the marker shows.
        let found = disagreements(&france.statements);
        assert_eq!(found[0].field, DisagreementField::DesignationDate);

        let turkey = store.npm_facts_of_state(iso3("TUR")).unwrap();
        assert_eq!(turkey.statements[0].designation, None, "no date is guessed");
        assert_eq!(turkey.art17.unwrap().later_status_note, "designated 2014");

        // A changed dataset: a fact changed, one gone.
        let mut fewer = facts.clone();
        fewer.statements.remove(1);
        fewer.visits[0].report_published = ReportPublished::Yes;
        let third = store.load_npm_facts(&fewer).unwrap();
        assert_eq!(third.inserted, 0);
        assert!(third.updated >= 2, "{third:?}");
        assert_eq!(
            store
                .npm_facts_of_state(iso3("FRA"))
                .unwrap()
                .statements
                .len(),
            1
        );
    });
}

#[test]
fn facts_of_an_unknown_state_are_refused_whole() {
    on_each_backend("npm_facts_unknown", |db| {
        let store = &db.store;
        store.load_reference(fixture().data()).unwrap();
        let mut bad = facts();
        bad.visits[0].state = iso3("ZZZ");
        let err = store.load_npm_facts(&bad).unwrap_err();
        assert!(err.to_string().contains("SPT visit of ZZZ"), "{err}");
        assert!(
            store
                .npm_facts_of_state(iso3("FRA"))
                .unwrap()
                .statements
                .is_empty()
        );
    });
}

fn visit(owner: OrgId, visibility: Visibility) -> SptVisitDraft {
    SptVisitDraft {
        state: iso3("FRA"),
        start: Some(day("2024-05-06")),
        end: Some(day("2024-05-15")),
        visit_type: SptVisitType::Regular,
        report_sent_on: Some(day("2024-09-30")),
        report_published: ReportPublished::No,
        report_published_on: None,
        report_url: None,
        reply_received_on: None,
        notes: "Confidential report".into(),
        owner,
        visibility,
        shared_with: Vec::new(),
    }
}

fn setup(store: &Store) -> World {
    store.load_reference(fixture().data()).unwrap();
    World::build(store)
}

#[test]
fn a_visit_record_is_read_back_as_written_with_its_audit() {
    on_each_backend("spt_visit_round_trip", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let written = visit(world.owner, Visibility::Private);
        let id = store.create_spt_visit(&editor, &written).unwrap();
        let read = store.spt_visit(&editor, id).unwrap().unwrap();
        assert_eq!(read.content, written);
        assert_eq!(read.created_by, Some(world.editor));

        let mut changed = written.clone();
        changed.visibility = Visibility::Alliance;
        changed.shared_with = vec![world.shared_alliance];
        changed.reply_received_on = Some(day("2025-03-01"));
        changed.report_published = ReportPublished::Yes;
        changed.report_published_on = Some(day("2025-06-01"));
        changed.report_url = Some("https://ohchr.example/report".into());
        store.update_spt_visit(&editor, id, &changed).unwrap();
        assert_eq!(
            store.spt_visit(&editor, id).unwrap().unwrap().content,
            changed
        );

        store.delete_spt_visit(&editor, id).unwrap();
        assert!(store.spt_visit(&ROOT, id).unwrap().is_none());
        let kinds: Vec<AuditAction> = store
            .audit_entries(&ROOT, &AuditFilter::default())
            .unwrap()
            .into_iter()
            .filter(|l| l.entry.record_kind.as_deref() == Some("spt_visit"))
            .map(|l| l.entry.action)
            .collect();
        assert_eq!(kinds.len(), 3, "{kinds:?}");
        assert!(kinds.contains(&AuditAction::RecordDeleted));
    });
}

#[test]
fn each_scope_sees_what_the_access_rules_say_and_hidden_is_missing() {
    on_each_backend("spt_visit_visibility", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let private = store
            .create_spt_visit(&editor, &visit(world.owner, Visibility::Private))
            .unwrap();
        let shared = store
            .create_spt_visit(
                &editor,
                &SptVisitDraft {
                    visibility: Visibility::Alliance,
                    shared_with: vec![world.shared_alliance],
                    ..visit(world.owner, Visibility::Alliance)
                },
            )
            .unwrap();
        let public = store
            .create_spt_visit(&editor, &visit(world.owner, Visibility::Public))
            .unwrap();
        let ids = |scope: &AccessScope| -> Vec<i64> {
            store
                .spt_visits_of_state(scope, iso3("FRA"))
                .unwrap()
                .iter()
                .map(|v| v.id.0)
                .collect()
        };
        assert_eq!(ids(&editor), vec![private.0, shared.0, public.0]);
        assert_eq!(ids(&AccessScope::Public), vec![public.0]);
        let allied = store.member_scope(world.allied_member).unwrap();
        assert_eq!(ids(&allied), vec![shared.0, public.0]);
        let outsider = store.member_scope(world.outsider).unwrap();
        assert_eq!(ids(&outsider), vec![public.0]);
        assert!(store.spt_visit(&outsider, private).unwrap().is_none());
        // Hidden answers like missing, for reads and writes.
        let hidden = store.delete_spt_visit(&outsider, private).unwrap_err();
        let missing = store
            .delete_spt_visit(&outsider, entente_core::implementation::SptVisitId(999_999))
            .unwrap_err();
        assert!(matches!(hidden, StoreError::NotFound { .. }), "{hidden:?}");
        assert!(matches!(missing, StoreError::NotFound { .. }));
        // A reader of a shared record may not change it.
        let refused = store
            .update_spt_visit(&allied, shared, &visit(world.owner, Visibility::Private))
            .unwrap_err();
        assert!(
            matches!(refused, StoreError::Forbidden { .. }),
            "{refused:?}"
        );
    });
}

#[test]
fn a_bad_record_is_refused_field_by_field_and_nothing_is_written() {
    on_each_backend("spt_visit_refused", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let bad = SptVisitDraft {
            state: iso3("ZZZ"),
            end: Some(day("2024-05-01")),
            reply_received_on: Some(day("2024-09-01")),
            visibility: Visibility::Alliance,
            shared_with: vec![world.private_alliance],
            ..visit(world.owner, Visibility::Alliance)
        };
        let codes = match store.create_spt_visit(&editor, &bad) {
            Err(StoreError::Fields { errors }) => {
                errors.iter().map(|e| (e.field, e.code)).collect::<Vec<_>>()
            }
            other => panic!("expected field errors, got {other:?}"),
        };
        assert!(codes.contains(&("end", "end_before_start")), "{codes:?}");
        assert!(codes.contains(&("reply_received_on", "before_report")));
        assert!(codes.contains(&("state", "unknown_state")));
        assert!(store.spt_visits(&ROOT).unwrap().is_empty());
        // A viewer may not write for the organisation.
        let viewer = store.member_scope(world.viewer).unwrap();
        let err = store
            .create_spt_visit(&viewer, &visit(world.owner, Visibility::Private))
            .unwrap_err();
        assert!(matches!(err, StoreError::Forbidden { .. }), "{err:?}");
    });
}

#[test]
fn records_awaiting_a_reply_are_found_as_of_a_day() {
    on_each_backend("spt_visit_awaiting", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let waiting = store
            .create_spt_visit(&editor, &visit(world.owner, Visibility::Public))
            .unwrap();
        store
            .create_spt_visit(
                &editor,
                &SptVisitDraft {
                    reply_received_on: Some(day("2025-02-01")),
                    ..visit(world.owner, Visibility::Public)
                },
            )
            .unwrap();
        store
            .create_spt_visit(
                &editor,
                &SptVisitDraft {
                    report_sent_on: None,
                    ..visit(world.owner, Visibility::Public)
                },
            )
            .unwrap();
        let as_of = day("2025-06-01");
        let found = store
            .spt_visits_awaiting_reply(&AccessScope::Public, as_of)
            .unwrap();
        assert_eq!(
            found.iter().map(|v| v.id).collect::<Vec<_>>(),
            vec![waiting]
        );
        let status = follow_up(
            found[0].content.report_sent_on,
            found[0].content.reply_received_on,
            as_of,
        );
        assert_eq!(
            status,
            FollowUp::Overdue {
                due: day("2025-03-30"),
                days_late: 63
            }
        );
        // Before the reply came, the answered one was awaited too.
        assert_eq!(
            store
                .spt_visits_awaiting_reply(&AccessScope::Public, day("2025-01-15"))
                .unwrap()
                .len(),
            2
        );
    });
}
