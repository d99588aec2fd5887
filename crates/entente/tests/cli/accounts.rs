//! `entente org add`, `user add`, `token create` and `audit export` as the
//! administrator of an instance meets them: what they print works, what they
//! store is only hashes, and every change is in the audit log.

use chrono::{TimeDelta, Utc};
use entente_auth::token::hash;
use entente_core::access::{AccessScope, Role, TokenScope, UserId};
use entente_store::{AuditAction, AuditEntry, LinkPurpose};

use crate::run::{Instance, on_each_backend};

/// Whoever holds the database sees all of it: the scope the binary acts with.
const SITE_ADMIN: AccessScope = AccessScope::SiteAdmin(UserId(0));

fn add_org(db: &Instance, short_name: &str) {
    db.run(&[
        "org",
        "add",
        short_name,
        "--name",
        "Association for the Prevention of Torture",
        "--kind",
        "international_ngo",
        "--website",
        "https://www.apt.ch",
    ])
    .ok();
}

/// The secret at the end of the one line `user add` prints.
fn link_token<'a>(stdout: &'a str, prefix: &str) -> &'a str {
    let line = stdout.trim();
    assert_eq!(line.lines().count(), 1, "one line, the link: {stdout}");
    line.strip_prefix(prefix)
        .unwrap_or_else(|| panic!("the link starts with {prefix}: {stdout}"))
}

#[test]
fn an_organisation_is_added_once_and_a_wrong_kind_lists_the_right_ones() {
    on_each_backend("an_organisation_is_added_once", |db| {
        add_org(db, "apt");
        let org = db
            .store()
            .organisation_by_short_name(&SITE_ADMIN, "apt")
            .unwrap()
            .expect("the organisation is stored");
        assert_eq!(org.kind.code(), "international_ngo");
        assert_eq!(org.website.as_deref(), Some("https://www.apt.ch"));

        let again = db
            .run(&["org", "add", "apt", "--name", "Other", "--kind", "other"])
            .failed();
        assert!(
            again
                .stderr
                .contains("short name \"apt\": another organisation has it"),
            "{}: {}",
            db.backend(),
            again.stderr
        );

        let kind = db
            .run(&["org", "add", "opcat-ngo", "--name", "N", "--kind", "ngo"])
            .failed();
        for code in [
            "government_body",
            "nhri",
            "national_ngo",
            "un_body",
            "other",
        ] {
            assert!(kind.stderr.contains(code), "{}", kind.stderr);
        }
        let slug = db
            .run(&["org", "add", "Not A Slug", "--name", "N", "--kind", "nhri"])
            .failed();
        assert!(
            slug.stderr.contains("short name \"Not A Slug\""),
            "{}",
            slug.stderr
        );
        let organisations = db.store().organisations(&SITE_ADMIN).unwrap();
        assert_eq!(organisations.len(), 1, "nothing else was stored");
    });
}

#[test]
fn an_organisation_is_added_with_where_and_how_it_works() {
    on_each_backend("an_organisation_with_a_profile", |db| {
        add_org(db, "apt");
        let plain = db
            .store()
            .organisation_by_short_name(&SITE_ADMIN, "apt")
            .unwrap()
            .unwrap();
        assert_eq!(plain.profile.level.code(), "national", "the default level");
        db.run(&[
            "org",
            "add",
            "cndh",
            "--name",
            "CNDH",
            "--kind",
            "nhri",
            "--level",
            "regional",
            "--sector",
            "detention",
            "--sector",
            "legal",
            "--state",
            "sen",
            "--state",
            "FRA",
            "--region",
            "african",
        ])
        .ok();
        let org = db
            .store()
            .organisation_by_short_name(&SITE_ADMIN, "cndh")
            .unwrap()
            .unwrap();
        let profile = org.profile;
        assert_eq!(profile.level.code(), "regional");
        let sectors: Vec<&str> = profile.sectors.iter().map(|s| s.code()).collect();
        assert_eq!(sectors, ["legal", "detention"]);
        let states: Vec<&str> = profile.area.states.iter().map(|s| s.as_str()).collect();
        assert_eq!(states, ["FRA", "SEN"]);
        assert_eq!(profile.area.regions.len(), 1);

        let unknown = db
            .run(&[
                "org", "add", "x", "--name", "X", "--kind", "nhri", "--state", "XYZ",
            ])
            .failed();
        assert!(unknown.stderr.contains("\"XYZ\""), "{}", unknown.stderr);
        let sector = db
            .run(&[
                "org", "add", "y", "--name", "Y", "--kind", "nhri", "--sector", "plumbing",
            ])
            .failed();
        assert!(
            sector.stderr.contains("torture_prevention"),
            "{}",
            sector.stderr
        );
        let names: Vec<String> = db
            .store()
            .organisations(&SITE_ADMIN)
            .unwrap()
            .into_iter()
            .map(|o| o.short_name)
            .collect();
        assert_eq!(names, ["apt", "cndh"], "nothing else was stored");
    });
}

#[test]
fn user_add_prints_a_password_link_that_works_once() {
    on_each_backend("user_add_prints_a_password_link", |db| {
        add_org(db, "apt");
        let run = db
            .run(&[
                "--public-url",
                "https://entente.example.org/campaign/",
                "user",
                "add",
                "Ana@Example.org",
                "--org",
                "apt",
                "--role",
                "editor",
                "--name",
                "Ana Pérez",
            ])
            .ok();
        let token = link_token(
            &run.stdout,
            "https://entente.example.org/campaign/set-password/",
        );
        let store = db.store();
        let ana = store
            .user_by_email("ana@example.org")
            .unwrap()
            .expect("the account");
        assert_eq!(ana.display_name, "Ana Pérez");
        assert!(ana.password_hash.is_none() && !ana.site_admin);
        let memberships = store.memberships_of(ana.id).unwrap();
        assert_eq!(memberships.len(), 1);
        assert_eq!(
            (memberships[0].short_name.as_str(), memberships[0].role),
            ("apt", Role::Editor)
        );

        let now = Utc::now().naive_utc();
        let link = store
            .use_link(&hash(token), now)
            .unwrap()
            .expect("the printed link is stored under its hash");
        assert_eq!(
            (link.purpose, link.user),
            (LinkPurpose::PasswordSet, Some(ana.id))
        );
        let validity = link.expires_at - link.created_at;
        assert_eq!(validity, TimeDelta::hours(72), "{}", db.backend());
        assert!(
            store.use_link(&hash(token), now).unwrap().is_none(),
            "it works once"
        );

        let log = store.audit_export_as_site_admin().unwrap();
        let actions: Vec<_> = log.iter().map(|line| line.entry.action).collect();
        assert_eq!(
            actions,
            [
                AuditAction::OrganisationCreated,
                AuditAction::UserCreated,
                AuditAction::MembershipAdded
            ]
        );
        for line in &log {
            assert_eq!(
                (line.entry.actor_user, line.entry.detail.as_str()),
                (None, "cli")
            );
        }
        assert_eq!(log[2].entry.org, Some(memberships[0].org));
    });
}

#[test]
fn user_add_refuses_a_second_role_and_gives_no_link_to_an_account_with_a_password() {
    on_each_backend("user_add_refuses_a_second_role", |db| {
        add_org(db, "apt");
        add_org(db, "nhri-fr");
        let add = |org: &str, role: &str| {
            db.run(&[
                "user",
                "add",
                "bo@example.org",
                "--org",
                org,
                "--role",
                role,
            ])
        };
        add("apt", "viewer").ok();
        let other_role = add("apt", "admin").failed();
        assert!(
            other_role
                .stderr
                .contains("bo@example.org is a viewer of apt already; nothing was changed"),
            "{}",
            other_role.stderr
        );
        // The same role again: a fresh link for someone whose link expired.
        let again = add("apt", "viewer").ok();
        link_token(&again.stdout, "http://127.0.0.1:8080/set-password/");

        let store = db.store();
        let bo = store.user_by_email("bo@example.org").unwrap().unwrap();
        store
            .set_password_hash(bo.id, "$argon2id$v=19$stand-in")
            .unwrap();
        let second_org = add("nhri-fr", "admin").ok();
        assert_eq!(
            second_org.stdout, "",
            "no link for an account with a password"
        );
        assert!(
            second_org.stderr.contains("no link was made"),
            "{}",
            second_org.stderr
        );
        let roles: Vec<_> = store
            .memberships_of(bo.id)
            .unwrap()
            .into_iter()
            .map(|m| (m.short_name, m.role))
            .collect();
        assert_eq!(
            roles,
            [
                ("apt".to_owned(), Role::Viewer),
                ("nhri-fr".to_owned(), Role::Admin)
            ]
        );

        let site_admin = db
            .run(&[
                "user",
                "add",
                "bo@example.org",
                "--org",
                "apt",
                "--role",
                "viewer",
                "--site-admin",
            ])
            .ok();
        assert_eq!(site_admin.stdout, "", "{}", site_admin.stderr);
        assert!(store.user(bo.id).unwrap().unwrap().site_admin);
        let log = store.audit_export_as_site_admin().unwrap();
        let granted = log.last().expect("the grant is logged");
        assert_eq!(
            (
                granted.entry.action,
                granted.entry.detail.as_str(),
                granted.entry.record_id
            ),
            (
                AuditAction::MembershipChanged,
                "cli: made a site administrator",
                Some(bo.id.0)
            )
        );

        let nowhere = db
            .run(&[
                "user",
                "add",
                "cy@example.org",
                "--org",
                "nowhere",
                "--role",
                "viewer",
            ])
            .failed();
        assert!(
            nowhere
                .stderr
                .contains("no organisation with the short name \"nowhere\"")
        );
        assert!(
            store.user_by_email("cy@example.org").unwrap().is_none(),
            "nothing was stored"
        );
    });
}

#[test]
fn token_create_prints_a_token_stored_only_as_its_hash() {
    on_each_backend("token_create_prints_a_token", |db| {
        add_org(db, "apt");
        db.run(&[
            "user",
            "add",
            "ana@example.org",
            "--org",
            "apt",
            "--role",
            "admin",
        ])
        .ok();
        let store = db.store();
        let ana = store.user_by_email("ana@example.org").unwrap().unwrap();
        let now = Utc::now().naive_utc();
        for (flags, scope) in [
            (
                &["--read-only", "--name", "monitoring"][..],
                TokenScope::Read,
            ),
            (&[][..], TokenScope::ReadWrite),
        ] {
            let mut args = vec!["token", "create", "ana@example.org"];
            args.extend(flags);
            let run = db.run(&args).ok();
            let token = run.stdout.trim();
            assert!(token.starts_with("ent_"), "{}", run.stdout);
            assert!(entente_auth::token::is_api_token(token), "{token}");
            assert_eq!(
                store.api_token(&hash(token), now).unwrap(),
                Some((ana.id, scope))
            );
            assert!(
                store.api_token(token, now).unwrap().is_none(),
                "not stored in clear"
            );
        }
        let names: Vec<_> = store
            .api_tokens_of(ana.id)
            .unwrap()
            .into_iter()
            .map(|t| t.name)
            .collect();
        assert_eq!(names, ["cli", "monitoring"]);

        let unknown = db.run(&["token", "create", "nobody@example.org"]).failed();
        assert!(
            unknown
                .stderr
                .contains("no account with the e-mail \"nobody@example.org\""),
            "{}",
            unknown.stderr
        );
        let created = store
            .audit_export_as_site_admin()
            .unwrap()
            .into_iter()
            .filter(|line| line.entry.action == AuditAction::TokenCreated)
            .count();
        assert_eq!(created, 2);
    });
}

#[test]
fn audit_export_writes_every_entry_and_neutralises_formulas_in_csv() {
    on_each_backend("audit_export_writes_every_entry", |db| {
        add_org(db, "apt");
        db.run(&[
            "user",
            "add",
            "ana@example.org",
            "--org",
            "apt",
            "--role",
            "viewer",
        ])
        .ok();
        db.run(&["token", "create", "ana@example.org"]).ok();
        let formula = "=HYPERLINK(\"http://evil.example\",\"open\")";
        db.store()
            .append_audit(&AuditEntry {
                detail: formula.to_owned(),
                ..AuditEntry::new(Utc::now().naive_utc(), AuditAction::RecordUpdated)
            })
            .unwrap();

        let jsonl = db.run(&["audit", "export"]).ok();
        let entries: Vec<serde_json::Value> = jsonl
            .stdout
            .lines()
            .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
            .collect();
        let actions: Vec<_> = entries
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert_eq!(
            actions,
            [
                "organisation_created",
                "user_created",
                "membership_added",
                "token_created",
                "record_updated",
                "export"
            ],
            "{}",
            db.backend()
        );
        assert_eq!(
            entries[4]["detail"], formula,
            "JSON keeps the text as it is"
        );
        assert!(entries[0]["actor_user"].is_null());

        let csv = db.run(&["audit", "export", "--format", "csv"]).ok();
        let rows: Vec<&str> = csv.stdout.lines().collect();
        assert_eq!(
            rows[0],
            "id,at,actor_user,actor_org,org,action,record_kind,record_id,detail"
        );
        assert_eq!(
            rows.len(),
            1 + 7,
            "the header, the entries and both exports"
        );
        assert!(
            csv.stdout
                .contains(r#","'=HYPERLINK(""http://evil.example"",""open"")""#),
            "{}",
            csv.stdout
        );
        assert!(
            !csv.stdout.contains(",=") && !csv.stdout.contains(",\"="),
            "{}",
            csv.stdout
        );
        assert!(rows[7].contains(",export,"), "{}", rows[7]);
    });
}
