//! The audit log: read by the admins of the organisation concerned and the
//! site admin only, and refused any change on both databases.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use entente_core::access::{AccessScope, OrgId, UserId};
use entente_store::{AuditAction, AuditEntry, AuditFilter, Store};

use crate::accounts::World;
use crate::support::on_each_backend;

fn at(minutes: i64) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 2)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
        + TimeDelta::minutes(minutes)
}

fn append(store: &Store, minutes: i64, org: OrgId, action: AuditAction) {
    let entry = AuditEntry {
        actor_user: Some(UserId(1)),
        org: Some(org),
        record_kind: Some("contact".to_owned()),
        record_id: Some(minutes),
        detail: format!("entry at {minutes}"),
        ..AuditEntry::new(at(minutes), action)
    };
    store.append_audit(&entry).unwrap();
}

#[test]
fn admins_read_the_entries_about_their_organisation_only() {
    on_each_backend("audit_scopes", |db| {
        let store = &db.store;
        let world = World::build(store);
        let before = store.audit_export_as_site_admin().unwrap().len();
        assert_eq!(before, 5, "three alliances created, two members added");
        append(store, 1, world.owner, AuditAction::RecordCreated);
        append(store, 2, world.ally, AuditAction::RecordReadByAlliance);
        append(store, 3, world.owner, AuditAction::Export);
        let count = |scope: &AccessScope| {
            let entries = store.audit_entries(scope, &AuditFilter::default()).unwrap();
            entries.len()
        };
        for (name, scope) in world.scopes(store) {
            let expected = match name {
                "admin" => before + 2,
                "allied member" => 1,
                "site admin" => before + 3,
                _ => 0,
            };
            assert_eq!(count(&scope), expected, "{name} on {}", db.backend());
        }
        let admin = store.member_scope(world.admin).unwrap();
        let filter = AuditFilter {
            action: Some(AuditAction::Export),
            since: Some(at(2)),
            ..AuditFilter::default()
        };
        let exports = store.audit_entries(&admin, &filter).unwrap();
        assert_eq!(exports.len(), 1);
        assert_eq!(exports[0].entry.detail, "entry at 3");
        assert_eq!(exports[0].entry.at, at(3));
        let other_org = AuditFilter {
            org: Some(world.ally),
            ..AuditFilter::default()
        };
        assert_eq!(store.audit_entries(&admin, &other_org).unwrap(), []);
        let all = store.audit_export_as_site_admin().unwrap();
        assert!(all.windows(2).all(|w| w[0].id < w[1].id), "oldest first");
    });
}

#[test]
fn the_audit_log_refuses_updates_and_deletes() {
    on_each_backend("audit_append_only", |db| {
        let store = &db.store;
        append(store, 1, OrgId(1), AuditAction::LoginFailed);
        for sql in [
            "UPDATE audit_log SET detail = 'rewritten'",
            "DELETE FROM audit_log",
        ] {
            let err = db.try_execute_raw(sql).unwrap_err();
            assert!(
                err.contains("append-only"),
                "{sql} on {}: {err}",
                db.backend()
            );
        }
        let entries = store.audit_export_as_site_admin().unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].entry.detail, "entry at 1");
    });
}
