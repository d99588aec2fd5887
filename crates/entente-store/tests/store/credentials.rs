//! Sessions, API tokens, login attempts, one-time links and recovery codes,
//! with the clock moved by hand.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use entente_core::access::{AccessScope, OrgId, OrgKind, Role, TokenScope, UserId, Visibility};
use entente_store::{LinkPurpose, NewLink, NewOrganisation, NewSession, Store, StoreError};

use crate::support::on_each_backend;

fn t0() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 2)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

fn minutes(m: i64) -> NaiveDateTime {
    t0() + TimeDelta::minutes(m)
}

fn user(store: &Store, email: &str) -> UserId {
    store.create_user(email, email).unwrap()
}

fn open(store: &Store, user: UserId, id_hash: &str) {
    store
        .create_session(&NewSession {
            user,
            id_hash,
            csrf_token: "csrf",
            user_agent: Some("test"),
            now: t0(),
            idle: TimeDelta::minutes(30),
            absolute: TimeDelta::hours(8),
        })
        .unwrap();
}

#[test]
fn a_session_ends_when_idle() {
    on_each_backend("session_idle", |db| {
        let store = &db.store;
        let ana = user(store, "ana@example.org");
        open(store, ana, "h1");
        let seen = store.session("h1", minutes(20)).unwrap().unwrap();
        assert_eq!((seen.user, seen.last_seen_at), (ana, minutes(20)));
        assert!(store.session("h1", minutes(49)).unwrap().is_some());
        assert_eq!(store.session("h1", minutes(80)).unwrap(), None);
        assert_eq!(
            store.session("h1", minutes(50)).unwrap(),
            None,
            "an idle session is deleted, not only hidden"
        );
        assert_eq!(store.session("unknown", minutes(1)).unwrap(), None);
    });
}

#[test]
fn a_session_ends_at_its_absolute_end_however_busy() {
    on_each_backend("session_absolute", |db| {
        let store = &db.store;
        let ana = user(store, "ana@example.org");
        open(store, ana, "h1");
        for m in (20..480).step_by(20) {
            assert!(store.session("h1", minutes(m)).unwrap().is_some(), "{m}");
        }
        assert_eq!(store.session("h1", minutes(480)).unwrap(), None);
    });
}

#[test]
fn logout_everywhere_rotation_and_disabling_end_sessions() {
    on_each_backend("session_logout", |db| {
        let store = &db.store;
        let (ana, bo) = (
            user(store, "ana@example.org"),
            user(store, "bo@example.org"),
        );
        for hash in ["a1", "a2", "a3"] {
            open(store, ana, hash);
        }
        open(store, bo, "b1");
        let rotated = store
            .rotate_session("a3", "a4", "csrf2", minutes(5))
            .unwrap()
            .unwrap();
        assert_eq!(
            (rotated.user, rotated.expires_at),
            (ana, t0() + TimeDelta::hours(8))
        );
        assert_eq!(store.session("a3", minutes(6)).unwrap(), None);
        assert_eq!(
            store.session("a4", minutes(6)).unwrap().unwrap().csrf_token,
            "csrf2"
        );
        assert!(store.delete_session("a1").unwrap());
        assert!(!store.delete_session("a1").unwrap());
        assert_eq!(store.delete_sessions_of(ana).unwrap(), 2);
        assert_eq!(store.session("a2", minutes(7)).unwrap(), None);
        assert!(store.session("b1", minutes(7)).unwrap().is_some());
        store.set_disabled(bo, true).unwrap();
        assert_eq!(store.session("b1", minutes(8)).unwrap(), None);
    });
}

#[test]
fn tokens_are_found_by_hash_until_revoked_by_their_owner() {
    on_each_backend("api_tokens", |db| {
        let store = &db.store;
        let (ana, bo) = (
            user(store, "ana@example.org"),
            user(store, "bo@example.org"),
        );
        let id = store
            .create_api_token(ana, "laptop", "hash-1", TokenScope::Read, t0())
            .unwrap();
        store
            .create_api_token(ana, "sync", "hash-2", TokenScope::ReadWrite, t0())
            .unwrap();
        assert_eq!(
            store.api_token("hash-1", minutes(1)).unwrap(),
            Some((ana, TokenScope::Read))
        );
        assert_eq!(store.api_token("hash-3", minutes(1)).unwrap(), None);
        assert!(
            !store.revoke_api_token(bo, id, minutes(2)).unwrap(),
            "not bo's token"
        );
        assert!(store.revoke_api_token(ana, id, minutes(2)).unwrap());
        assert!(
            !store.revoke_api_token(ana, id, minutes(3)).unwrap(),
            "revoked once"
        );
        assert_eq!(store.api_token("hash-1", minutes(4)).unwrap(), None);
        let listed = store.api_tokens_of(ana).unwrap();
        let names: Vec<_> = listed
            .iter()
            .map(|t| (t.name.as_str(), t.revoked_at))
            .collect();
        assert_eq!(names, [("sync", None), ("laptop", Some(minutes(2)))]);
        assert_eq!(listed[1].last_used_at, Some(minutes(1)));
        let clash = store.create_api_token(bo, "x", "hash-2", TokenScope::Read, t0());
        assert!(matches!(clash, Err(StoreError::Conflict { .. })));
    });
}

#[test]
fn failures_count_since_a_moment_and_since_the_last_success() {
    on_each_backend("login_attempts", |db| {
        let store = &db.store;
        for m in [1, 2, 3] {
            store
                .record_login_attempt("Ana@Example.org", minutes(m), false, Some("192.0.2.1"))
                .unwrap();
        }
        store
            .record_login_attempt("bo@example.org", minutes(2), false, None)
            .unwrap();
        assert_eq!(store.recent_failures("ana@example.org", t0()).unwrap(), 3);
        assert_eq!(
            store
                .recent_failures("ANA@example.org", minutes(2))
                .unwrap(),
            2
        );
        assert_eq!(
            store.recent_failures("nobody@example.org", t0()).unwrap(),
            0
        );
        store
            .record_login_attempt("ana@example.org", minutes(4), true, None)
            .unwrap();
        store
            .record_login_attempt("ana@example.org", minutes(5), false, None)
            .unwrap();
        assert_eq!(store.recent_failures("ana@example.org", t0()).unwrap(), 1);
        assert_eq!(store.delete_login_attempts_before(minutes(3)).unwrap(), 3);
    });
}

fn org(store: &Store) -> OrgId {
    store
        .create_organisation(&NewOrganisation {
            short_name: "apt".into(),
            name: "Association for the Prevention of Torture".into(),
            kind: OrgKind::InternationalNgo,
            website: None,
            description: None,
            visibility: Visibility::Public,
            profile: entente_store::OrganisationProfile::default(),
        })
        .unwrap()
}

fn invitation<'a>(org: OrgId, hash: &'a str, email: &'a str) -> NewLink<'a> {
    NewLink {
        token_hash: hash,
        purpose: LinkPurpose::Invitation,
        user: None,
        org: Some(org),
        role: Some(Role::Editor),
        email,
        now: t0(),
        expires_at: minutes(60),
    }
}

#[test]
fn a_link_works_once_and_not_after_it_expires() {
    on_each_backend("one_time_links", |db| {
        let store = &db.store;
        let ana = user(store, "ana@example.org");
        let root = AccessScope::SiteAdmin(UserId(0));
        let link = |hash| NewLink {
            token_hash: hash,
            purpose: LinkPurpose::PasswordSet,
            user: Some(ana),
            org: None,
            role: None,
            email: "ana@example.org",
            now: t0(),
            expires_at: minutes(60),
        };
        store.create_link(&root, &link("l1")).unwrap();
        store.create_link(&root, &link("l2")).unwrap();
        // Peeking reads a link without spending it.
        let peeked = store.peek_link("l1", minutes(9)).unwrap().unwrap();
        assert_eq!(peeked.user, Some(ana));
        assert_eq!(store.peek_link("l2", minutes(60)).unwrap(), None, "expired");
        assert_eq!(store.peek_link("l3", minutes(1)).unwrap(), None, "unknown");
        let used = store.use_link("l1", minutes(10)).unwrap().unwrap();
        assert_eq!(store.peek_link("l1", minutes(11)).unwrap(), None, "used");
        assert_eq!(
            (used.purpose, used.user),
            (LinkPurpose::PasswordSet, Some(ana))
        );
        assert_eq!(store.use_link("l1", minutes(11)).unwrap(), None, "used");
        assert_eq!(store.use_link("l2", minutes(60)).unwrap(), None, "expired");
        assert_eq!(store.use_link("l3", minutes(1)).unwrap(), None, "unknown");
        let someone = store.member_scope(user(store, "bo@example.org")).unwrap();
        let theirs = store.create_link(&someone, &link("l4"));
        assert!(
            matches!(theirs, Err(StoreError::Forbidden { .. })),
            "{theirs:?}"
        );
    });
}

#[test]
fn invitations_come_from_admins_and_go_to_the_invited_address() {
    on_each_backend("invitations", |db| {
        let store = &db.store;
        let apt = org(store);
        let (admin, editor) = (
            user(store, "admin@apt.example"),
            user(store, "ed@apt.example"),
        );
        let root = AccessScope::SiteAdmin(UserId(0));
        store
            .add_membership(&root, admin, apt, Role::Admin)
            .unwrap();
        store
            .add_membership(&root, editor, apt, Role::Editor)
            .unwrap();
        let as_editor = store.member_scope(editor).unwrap();
        let refused = store.create_link(&as_editor, &invitation(apt, "i0", "new@example.org"));
        assert!(
            matches!(refused, Err(StoreError::Forbidden { .. })),
            "{refused:?}"
        );
        let as_admin = store.member_scope(admin).unwrap();
        store
            .create_link(&as_admin, &invitation(apt, "i1", "New@Example.org"))
            .unwrap();
        let stranger = user(store, "other@example.org");
        let wrong = store.accept_invitation("i1", stranger, minutes(5));
        assert!(
            matches!(wrong, Err(StoreError::Forbidden { .. })),
            "{wrong:?}"
        );
        let invited = user(store, "new@example.org");
        let joined = store.accept_invitation("i1", invited, minutes(6)).unwrap();
        assert_eq!(joined, Some((apt, Role::Editor)));
        assert_eq!(store.memberships_of(invited).unwrap()[0].role, Role::Editor);
        assert_eq!(
            store.accept_invitation("i1", invited, minutes(7)).unwrap(),
            None
        );
    });
}

#[test]
fn recovery_codes_work_once_and_are_replaced_whole() {
    on_each_backend("recovery_codes", |db| {
        let store = &db.store;
        let ana = user(store, "ana@example.org");
        let codes: Vec<String> = ["c1", "c2", "c3"].map(String::from).to_vec();
        store.replace_recovery_codes(ana, &codes).unwrap();
        assert!(store.use_recovery_code(ana, "c2", t0()).unwrap());
        assert!(!store.use_recovery_code(ana, "c2", minutes(1)).unwrap());
        assert!(!store.use_recovery_code(ana, "nope", minutes(1)).unwrap());
        assert_eq!(store.recovery_codes_left(ana).unwrap(), 2);
        store
            .replace_recovery_codes(ana, &["c4".to_owned()])
            .unwrap();
        assert!(!store.use_recovery_code(ana, "c1", minutes(2)).unwrap());
        assert_eq!(store.recovery_codes_left(ana).unwrap(), 1);
        let twice = store.replace_recovery_codes(ana, &["c5".to_owned(), "c5".to_owned()]);
        assert!(matches!(twice, Err(StoreError::Invalid { .. })));
        assert_eq!(
            store.recovery_codes_left(ana).unwrap(),
            1,
            "nothing half-written"
        );
    });
}

#[test]
fn a_totp_step_is_accepted_once_and_never_an_older_one() {
    on_each_backend("totp_steps", |db| {
        let store = &db.store;
        let ana = user(store, "ana@example.org");
        let bea = user(store, "bea@example.org");
        assert!(store.accept_totp_step(ana, 100).unwrap());
        assert!(!store.accept_totp_step(ana, 100).unwrap(), "replayed");
        assert!(!store.accept_totp_step(ana, 99).unwrap(), "older");
        assert!(store.accept_totp_step(ana, 101).unwrap());
        // Each user has their own guard.
        assert!(store.accept_totp_step(bea, 100).unwrap());
        assert!(
            !store.accept_totp_step(UserId(999), 5).unwrap(),
            "no such user"
        );
    });
}

#[test]
fn a_pending_sign_in_ends_once_and_expires() {
    on_each_backend("pending_logins", |db| {
        let store = &db.store;
        let ana = user(store, "ana@example.org");
        store
            .create_pending_login("p1", ana, t0(), minutes(5))
            .unwrap();
        store
            .create_pending_login("p2", ana, t0(), minutes(5))
            .unwrap();
        assert!(store.create_pending_login("p3", ana, t0(), t0()).is_err());
        assert_eq!(store.pending_login("p1", minutes(4)).unwrap(), Some(ana));
        assert_eq!(
            store.pending_login("p1", minutes(5)).unwrap(),
            None,
            "expired"
        );
        assert_eq!(store.pending_login("nope", minutes(1)).unwrap(), None);
        assert!(store.end_pending_login("p1", minutes(1)).unwrap());
        assert!(!store.end_pending_login("p1", minutes(1)).unwrap(), "ended");
        assert_eq!(store.pending_login("p1", minutes(2)).unwrap(), None);
        // Ending one clears the expired ones too.
        assert!(!store.end_pending_login("other", minutes(6)).unwrap());
        assert_eq!(store.pending_login("p2", minutes(4)).unwrap(), None);
    });
}
