//! The change counter rises with every write to a table a page can show,
//! and not with sessions or audit entries: it is how servers know that the
//! public pages they keep are stale.

use chrono::{NaiveDate, TimeDelta};
use entente_core::access::OrgId;
use entente_store::{AuditAction, AuditEntry, NewSession};

use crate::accounts::World;
use crate::fixtures::fixture;
use crate::support::on_each_backend;

#[test]
fn the_counter_rises_with_writes_a_page_can_show_only() {
    on_each_backend("change_counter", |db| {
        let store = &db.store;
        let start = store.change_count().unwrap();

        // Every start runs the migrations and writes the built-in kinds of
        // action: with nothing new, that is no change.
        assert_eq!(store.migrate().unwrap(), Vec::<String>::new());
        assert_eq!(
            store.change_count().unwrap(),
            start,
            "a start with the schema and the catalogue up to date changes nothing on {}",
            db.backend()
        );

        store.load_reference(fixture().data()).unwrap();
        let loaded = store.change_count().unwrap();
        assert!(loaded > start, "loading a dataset on {}", db.backend());

        store.load_reference(fixture().data()).unwrap();
        assert_eq!(
            store.change_count().unwrap(),
            loaded,
            "a second load of the same dataset changes nothing on {}",
            db.backend()
        );

        let world = World::build(store);
        let built = store.change_count().unwrap();
        assert!(built > loaded, "organisations and alliances created");

        let now = NaiveDate::from_ymd_opt(2026, 3, 2)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        store
            .create_session(&NewSession {
                user: world.admin,
                id_hash: "0123456789abcdef",
                csrf_token: "csrf",
                user_agent: None,
                now,
                idle: TimeDelta::hours(1),
                absolute: TimeDelta::hours(8),
            })
            .unwrap();
        assert_eq!(
            store.change_count().unwrap(),
            built,
            "a session changes no page on {}",
            db.backend()
        );

        let entry = AuditEntry {
            org: Some(OrgId(world.owner.0)),
            detail: "a contact was read".to_owned(),
            ..AuditEntry::new(now, AuditAction::RecordReadByAlliance)
        };
        store.append_audit(&entry).unwrap();
        assert_eq!(
            store.change_count().unwrap(),
            built,
            "an audit entry alone (some are written on reads) changes no page on {}",
            db.backend()
        );

        store
            .create_organisation(&crate::accounts::organisation(
                "late",
                entente_core::access::Visibility::Public,
            ))
            .unwrap();
        assert!(
            store.change_count().unwrap() > built,
            "a table written without an audit entry is counted too on {}",
            db.backend()
        );
    });
}
