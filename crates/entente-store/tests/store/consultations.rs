//! Consultations in the store: read back whole and audited, seen by each
//! scope as the access rules say (hidden answers like missing), changed by
//! editors of the owner only, and their positions matrix with the
//! consensus figures of each option, overall and by sector.

use entente_core::access::{AccessScope, OrgId, UserId, Visibility};
use entente_core::consultation::{
    ConsultationDraft, ConsultationKind, OptionDraft, ParticipantDraft, ParticipantSector, Position,
};
use entente_store::{AuditAction, AuditFilter, ConsultationFilter, PageRequest, Store, StoreError};

use crate::accounts::World;
use crate::fixtures::{day, fixture, iso3};
use crate::support::on_each_backend;

const ROOT: AccessScope = AccessScope::SiteAdmin(UserId(0));

fn draft(owner: OrgId, title: &str) -> ConsultationDraft {
    ConsultationDraft {
        state: iso3("TUR"),
        title: title.to_owned(),
        kind: ConsultationKind::NpmDesign,
        start: Some(day("2024-03-01")),
        end: Some(day("2024-09-30")),
        outcome: String::new(),
        owner,
        visibility: Visibility::Private,
        shared_with: Vec::new(),
        demo: false,
    }
}

fn outside(name: &str, sector: ParticipantSector) -> ParticipantDraft {
    ParticipantDraft {
        org: None,
        name: name.to_owned(),
        sector,
    }
}

fn option(label: &str) -> OptionDraft {
    OptionDraft {
        label: label.to_owned(),
        description: String::new(),
    }
}

fn setup(store: &Store) -> World {
    store.load_reference(fixture().data()).unwrap();
    World::build(store)
}

#[test]
fn a_consultation_is_read_back_as_written_and_every_change_is_audited() {
    on_each_backend("consultations_round_trip", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let written = ConsultationDraft {
            visibility: Visibility::Alliance,
            shared_with: vec![world.shared_alliance],
            ..draft(world.owner, "National consultation on the NPM model")
        };
        let id = store.create_consultation(&editor, &written).unwrap();
        let read = store.consultation(&editor, id).unwrap().unwrap();
        assert_eq!(read.content, written);
        assert_eq!(read.created_by, Some(world.editor));
        let mut changed = written.clone();
        changed.outcome = "The ombudsman model was retained.".to_owned();
        store.update_consultation(&editor, id, &changed).unwrap();
        let ministry = store
            .add_participant(
                &editor,
                id,
                &outside("Ministry of Justice", ParticipantSector::Government),
            )
            .unwrap();
        let ombuds = store.add_option(&editor, id, &option("Ombudsman")).unwrap();
        store
            .set_position(&editor, id, ministry, ombuds, Position::Supports)
            .unwrap();
        let read = store.consultation(&editor, id).unwrap().unwrap();
        assert_eq!(read.content.outcome, "The ombudsman model was retained.");
        let log = store.audit_entries(&ROOT, &AuditFilter::default()).unwrap();
        let ours: Vec<_> = log
            .iter()
            .filter(|e| e.entry.record_kind.as_deref() == Some("consultation"))
            .map(|e| (e.entry.action, e.entry.detail.clone()))
            .collect();
        assert_eq!(
            ours.iter().map(|(a, _)| *a).collect::<Vec<_>>(),
            [
                AuditAction::RecordUpdated,
                AuditAction::RecordUpdated,
                AuditAction::RecordUpdated,
                AuditAction::RecordUpdated,
                AuditAction::RecordCreated
            ],
            "{ours:?}"
        );
        assert!(ours[0].1.contains("none -> supports"), "{ours:?}");
        assert!(ours[3].1.contains("outcome"), "{ours:?}");
        store.delete_consultation(&editor, id).unwrap();
        assert_eq!(store.consultation(&editor, id).unwrap(), None);
        assert_eq!(store.positions_matrix(&editor, id).unwrap(), None);
        let log = store.audit_entries(&ROOT, &AuditFilter::default()).unwrap();
        assert_eq!(log[0].entry.action, AuditAction::RecordDeleted);
    });
}

#[test]
fn each_scope_sees_what_the_access_rules_say_and_hidden_answers_like_missing() {
    on_each_backend("consultations_visibility", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let private = store
            .create_consultation(&editor, &draft(world.owner, "Private"))
            .unwrap();
        let shared = store
            .create_consultation(
                &editor,
                &ConsultationDraft {
                    visibility: Visibility::Alliance,
                    shared_with: vec![world.shared_alliance],
                    ..draft(world.owner, "Shared")
                },
            )
            .unwrap();
        let public = store
            .create_consultation(
                &editor,
                &ConsultationDraft {
                    visibility: Visibility::Public,
                    ..draft(world.owner, "Public")
                },
            )
            .unwrap();
        for (name, scope) in world.scopes(store) {
            let mut seen: Vec<_> = store
                .list_consultations(
                    &scope,
                    &ConsultationFilter::default(),
                    PageRequest::default(),
                )
                .unwrap()
                .consultations
                .iter()
                .map(|c| c.id)
                .collect();
            seen.sort();
            let expected = match name {
                "anonymous" | "outsider" => vec![public],
                "allied member" => vec![shared, public],
                _ => vec![private, shared, public],
            };
            assert_eq!(seen, expected, "{name}");
            let state = store.state_consultations(&scope, iso3("TUR")).unwrap();
            assert_eq!(state.len(), expected.len(), "{name}");
            if !expected.contains(&private) {
                assert_eq!(store.consultation(&scope, private).unwrap(), None);
                assert_eq!(store.positions_matrix(&scope, private).unwrap(), None);
                let refused = store.add_option(&scope, private, &option("Ombudsman"));
                assert!(
                    matches!(refused, Err(StoreError::NotFound { .. })),
                    "{name}: {refused:?}"
                );
            }
        }
        let viewer = store.member_scope(world.viewer).unwrap();
        let refused = store.delete_consultation(&viewer, private);
        assert!(
            matches!(refused, Err(StoreError::Forbidden { .. })),
            "{refused:?}"
        );
        let allied = store.member_scope(world.allied_member).unwrap();
        let refused = store.add_option(&allied, shared, &option("Ombudsman"));
        assert!(
            matches!(refused, Err(StoreError::Forbidden { .. })),
            "a reader of a shared consultation may not change it: {refused:?}"
        );
    });
}

#[test]
fn lists_filter_by_state_kind_and_owner_and_page() {
    on_each_backend("consultations_filters", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let mut ids = Vec::new();
        for n in 0..5 {
            let kind = if n % 2 == 0 {
                ConsultationKind::NpmDesign
            } else {
                ConsultationKind::Legislation
            };
            let state = if n == 4 { "FRA" } else { "TUR" };
            let start = format!("2024-0{}-01", n + 1);
            ids.push(
                store
                    .create_consultation(
                        &editor,
                        &ConsultationDraft {
                            kind,
                            state: iso3(state),
                            start: Some(day(&start)),
                            end: None,
                            ..draft(world.owner, &format!("Consultation {n}"))
                        },
                    )
                    .unwrap(),
            );
        }
        let list = |filter: ConsultationFilter, page: PageRequest| {
            store.list_consultations(&editor, &filter, page).unwrap()
        };
        let tur = ConsultationFilter {
            states: vec![iso3("TUR")],
            ..ConsultationFilter::default()
        };
        let all = list(tur.clone(), PageRequest::default());
        assert_eq!(all.total, 4);
        assert_eq!(
            all.consultations.iter().map(|c| c.id).collect::<Vec<_>>(),
            [ids[3], ids[2], ids[1], ids[0]],
            "latest start first"
        );
        let npm = list(
            ConsultationFilter {
                kind: Some(ConsultationKind::NpmDesign),
                ..tur.clone()
            },
            PageRequest::default(),
        );
        assert_eq!(
            npm.consultations.iter().map(|c| c.id).collect::<Vec<_>>(),
            [ids[2], ids[0]]
        );
        let second = list(
            tur,
            PageRequest {
                limit: 3,
                offset: 3,
            },
        );
        assert_eq!(second.total, 4);
        assert_eq!(
            second
                .consultations
                .iter()
                .map(|c| c.id)
                .collect::<Vec<_>>(),
            [ids[0]]
        );
        let elsewhere = list(
            ConsultationFilter {
                owner: Some(world.ally),
                ..ConsultationFilter::default()
            },
            PageRequest::default(),
        );
        assert_eq!(elsewhere.total, 0);
    });
}

#[test]
fn bad_drafts_participants_options_and_positions_are_refused_by_field() {
    on_each_backend("consultations_refusals", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let bad = ConsultationDraft {
            title: " ".to_owned(),
            start: Some(day("2024-05-01")),
            end: Some(day("2024-04-01")),
            ..draft(world.ally, "x")
        };
        let Err(StoreError::Fields { errors }) = store.create_consultation(&editor, &bad) else {
            panic!("a bad draft must be refused");
        };
        let codes: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert!(codes.contains(&("title", "required")), "{codes:?}");
        assert!(codes.contains(&("end", "end_before_start")), "{codes:?}");
        assert!(codes.contains(&("owner", "not_editor")), "{codes:?}");
        let unshared = ConsultationDraft {
            visibility: Visibility::Alliance,
            shared_with: vec![world.shared_alliance],
            ..draft(world.unrelated, "Not in the alliance")
        };
        let Err(StoreError::Fields { errors }) = store.create_consultation(&ROOT, &unshared) else {
            panic!("sharing with an alliance the owner is not in must be refused");
        };
        assert_eq!(
            (errors[0].field, errors[0].code),
            ("shared_with", "not_in_alliance")
        );
        let id = store
            .create_consultation(&editor, &draft(world.owner, "NPM"))
            .unwrap();
        let field_of = |result: Result<i64, StoreError>| match result {
            Err(StoreError::Fields { errors }) => (errors[0].field, errors[0].code),
            other => panic!("expected a field error, got {other:?}"),
        };
        // An organisation the writer may not see is like one that is not there.
        let hidden = ParticipantDraft {
            org: Some(world.unrelated),
            name: String::new(),
            sector: ParticipantSector::CivilSociety,
        };
        assert_eq!(
            field_of(store.add_participant(&editor, id, &hidden)),
            ("org", "unknown_organisation")
        );
        let ally = ParticipantDraft {
            org: Some(world.ally),
            ..hidden
        };
        let first = store.add_participant(&editor, id, &ally).unwrap();
        assert_eq!(
            field_of(store.add_participant(&editor, id, &ally)),
            ("org", "already_participant")
        );
        assert_eq!(
            field_of(store.add_participant(&editor, id, &outside("", ParticipantSector::Other))),
            ("name", "required")
        );
        assert_eq!(
            field_of(store.add_option(&editor, id, &option("  "))),
            ("label", "required")
        );
        // A participant or an option of another consultation is refused.
        let other = store
            .create_consultation(&editor, &draft(world.owner, "Other"))
            .unwrap();
        let foreign = store
            .add_option(&editor, other, &option("Ombudsman"))
            .unwrap();
        let Err(StoreError::Fields { errors }) =
            store.set_position(&editor, id, first, foreign, Position::Supports)
        else {
            panic!("an option of another consultation must be refused");
        };
        assert_eq!(
            (errors[0].field, errors[0].code),
            ("option", "unknown_option")
        );
        let refused = store.remove_option(&editor, id, foreign);
        assert!(
            matches!(refused, Err(StoreError::NotFound { .. })),
            "{refused:?}"
        );
        assert_eq!(
            store
                .positions_matrix(&editor, other)
                .unwrap()
                .unwrap()
                .options
                .len(),
            1,
            "nothing of the other consultation was removed"
        );
    });
}

#[test]
fn the_matrix_gives_each_option_its_consensus_overall_and_by_sector() {
    on_each_backend("consultations_matrix", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let id = store
            .create_consultation(&editor, &draft(world.owner, "NPM model"))
            .unwrap();
        let ministry = store
            .add_participant(
                &editor,
                id,
                &outside("Ministry of Justice", ParticipantSector::Government),
            )
            .unwrap();
        let ombuds = store
            .add_participant(
                &editor,
                id,
                &outside("Ombudsman's office", ParticipantSector::Nhri),
            )
            .unwrap();
        let ngo = store
            .add_participant(
                &editor,
                id,
                &ParticipantDraft {
                    org: Some(world.owner),
                    name: String::new(),
                    sector: ParticipantSector::CivilSociety,
                },
            )
            .unwrap();
        let bar = store
            .add_participant(
                &editor,
                id,
                &outside("Bar association", ParticipantSector::CivilSociety),
            )
            .unwrap();
        let office = store
            .add_option(&editor, id, &option("NPM within the ombudsman"))
            .unwrap();
        let new_body = store
            .add_option(&editor, id, &option("A new specialised body"))
            .unwrap();
        let set = |p, o, position| store.set_position(&editor, id, p, o, position).unwrap();
        set(ministry, office, Position::Supports);
        set(ombuds, office, Position::Supports);
        set(ngo, office, Position::Opposes);
        set(bar, office, Position::Accepts);
        set(ministry, new_body, Position::Opposes);
        set(ngo, new_body, Position::Supports);
        set(bar, new_body, Position::NoPosition);
        // Upsert: the second position replaces the first.
        set(ngo, office, Position::Accepts);
        let matrix = store.positions_matrix(&editor, id).unwrap().unwrap();
        assert_eq!(
            matrix.participants.iter().map(|p| p.id).collect::<Vec<_>>(),
            [ministry, ombuds, ngo, bar]
        );
        assert_eq!(matrix.participants[2].org, Some(world.owner));
        assert_eq!(matrix.position(ngo, office), Some(Position::Accepts));
        assert_eq!(matrix.position(ombuds, new_body), None);
        let office_figures = matrix.consensus(office);
        assert_eq!(
            (
                office_figures.supports,
                office_figures.accepts,
                office_figures.opposes,
                office_figures.no_position
            ),
            (2, 2, 0, 0)
        );
        assert_eq!(office_figures.percent(), Some(100));
        let body_figures = matrix.consensus(new_body);
        assert_eq!(
            (
                body_figures.supports,
                body_figures.opposes,
                body_figures.no_position
            ),
            (1, 1, 2),
            "no position and silence both count as no position"
        );
        assert_eq!(body_figures.percent(), Some(50));
        let by_sector = matrix.consensus_by_sector(new_body);
        let sectors: Vec<_> = by_sector.iter().map(|(s, _)| *s).collect();
        assert_eq!(
            sectors,
            [
                ParticipantSector::Government,
                ParticipantSector::Nhri,
                ParticipantSector::CivilSociety
            ]
        );
        assert_eq!(by_sector[0].1.percent(), Some(0));
        assert_eq!(by_sector[1].1.percent(), None, "the NHRI said nothing");
        assert_eq!(by_sector[2].1.percent(), Some(100));
        // Several at once: one transaction, one audit entry; `None` clears.
        let entries_before = store
            .audit_entries(&ROOT, &AuditFilter::default())
            .unwrap()
            .len();
        store
            .set_positions(
                &editor,
                id,
                &[
                    (ministry, new_body, None),
                    (bar, new_body, Some(Position::Supports)),
                    (ombuds, office, Some(Position::Supports)),
                ],
            )
            .unwrap();
        let log = store.audit_entries(&ROOT, &AuditFilter::default()).unwrap();
        assert_eq!(log.len(), entries_before + 1);
        assert!(
            log[0].entry.detail.contains("opposes -> none")
                && !log[0]
                    .entry
                    .detail
                    .contains(&format!("participant {ombuds}")),
            "unchanged positions are not logged: {}",
            log[0].entry.detail
        );
        let matrix = store.positions_matrix(&editor, id).unwrap().unwrap();
        assert_eq!(matrix.position(ministry, new_body), None);
        assert_eq!(matrix.consensus(new_body).percent(), Some(100));
        let refused = store.set_positions(
            &editor,
            id,
            &[
                (bar, new_body, Some(Position::Opposes)),
                (9_999_999, new_body, Some(Position::Opposes)),
            ],
        );
        assert!(
            matches!(refused, Err(StoreError::Fields { .. })),
            "{refused:?}"
        );
        let matrix = store.positions_matrix(&editor, id).unwrap().unwrap();
        assert_eq!(
            matrix.position(bar, new_body),
            Some(Position::Supports),
            "a refused batch writes nothing"
        );
        store
            .set_position(&editor, id, ministry, new_body, Position::Opposes)
            .unwrap();
        // Removing a participant removes its positions from the figures.
        store.remove_participant(&editor, id, ngo).unwrap();
        store.remove_option(&editor, id, office).unwrap();
        let matrix = store.positions_matrix(&editor, id).unwrap().unwrap();
        assert_eq!(matrix.participants.len(), 3);
        assert_eq!(matrix.options.len(), 1);
        assert_eq!(
            matrix.consensus(new_body).percent(),
            Some(50),
            "the bar supports, the ministry opposes"
        );
        let refused = store.remove_participant(&editor, id, ngo);
        assert!(
            matches!(refused, Err(StoreError::NotFound { .. })),
            "{refused:?}"
        );
    });
}
