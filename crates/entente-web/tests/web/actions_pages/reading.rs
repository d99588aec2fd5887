//! Reading actions: the list and its filters and pages, one action (and
//! the audit of reads from outside its lead), the state page's section.

use entente_core::access::{AccessScope, Visibility};

use super::{PASSWORD, draft, get, signed_in, titles, world};
use crate::fixture;

#[tokio::test]
async fn the_list_shows_what_the_reader_may_see_through_every_filter() {
    fixture::on_each_backend(async |app| {
        world(app);
        let anonymous = app.get("/actions").await;
        assert_eq!(anonymous.status, 200);
        assert_eq!(
            titles(&anonymous.body),
            ["Meeting the Justice Minister", "Letter to the Senate"]
        );
        assert!(anonymous.body.contains("1–2 of 2"));
        assert!(
            anonymous
                .body
                .contains(r#"class="status-badge status-done">Done<"#),
            "status in words"
        );
        assert!(
            anonymous.body.contains("Meeting with the executive"),
            "the kind's label"
        );
        assert!(
            anonymous.body.contains("Organisation npm-watch"),
            "the lead's name"
        );
        assert!(anonymous.body.contains("10 March 2026 – 12 March 2026"));
        assert!(anonymous.body.contains("due 5 April 2026"));
        assert!(
            !anonymous.body.contains("Record an action"),
            "no creation link for the public"
        );

        let eve = signed_in(app, "eve@example.org").await;
        let own = get(app, &eve, "/actions").await;
        assert_eq!(
            titles(&own.body),
            [
                "Meeting the Justice Minister",
                "Inner strategy session",
                "Letter to the Senate"
            ],
            "dated ones by start date, the private one of her organisation among them"
        );
        assert!(own.body.contains("Record an action"));

        let cases: &[(&str, &[&str])] = &[
            (
                "state=FRA",
                &["Meeting the Justice Minister", "Inner strategy session"],
            ),
            ("state=mex", &["Letter to the Senate"]),
            ("region=grulac", &["Letter to the Senate"]),
            (
                "region=weog",
                &["Meeting the Justice Minister", "Inner strategy session"],
            ),
            ("type=letter", &["Letter to the Senate"]),
            ("phase=implementation", &["Letter to the Senate"]),
            ("level=regional", &["Letter to the Senate"]),
            ("status=under_way", &["Inner strategy session"]),
            (
                "org=friends",
                &["Meeting the Justice Minister", "Letter to the Senate"],
            ),
            ("from=2026-04-01", &["Letter to the Senate"]),
            ("to=2026-03-15", &["Meeting the Justice Minister"]),
            ("to=15/03/2026", &["Meeting the Justice Minister"]),
            (
                "from=2026-03-11&to=2026-03-31",
                &["Meeting the Justice Minister", "Inner strategy session"],
            ),
            (
                "state=FRA&status=planned&org=npm-watch",
                &["Meeting the Justice Minister"],
            ),
            ("state=DEU", &[]),
        ];
        for (query, expected) in cases {
            let page = get(app, &eve, &format!("/actions?{query}")).await;
            assert_eq!(page.status, 200, "{query}");
            assert_eq!(titles(&page.body), *expected, "{query}");
        }
        let none = get(app, &eve, "/actions?state=DEU").await;
        assert!(none.body.contains("No action that you can see matches."));
        assert!(
            none.body.contains(r#"<option value="DEU" selected>"#),
            "the filter form shows the choice"
        );

        for bad in [
            "state=XXX",
            "state=ABCD",
            "region=mars",
            "type=picnic",
            "phase=3",
            "level=x",
            "status=x",
            "org=quiet",
            "org=nobody",
            "from=tomorrow",
            "page=0",
            "page=x",
        ] {
            let page = get(app, &eve, &format!("/actions?{bad}")).await;
            assert_eq!(page.status, 422, "{bad}");
        }

        let french = app.get("/actions?lang=fr&state=FRA").await;
        assert!(french.body.contains("Rencontre avec l’exécutif"));
        assert!(french.body.contains(">Prévue<"));
        assert!(french.body.contains("du 10 mars 2026 au 12 mars 2026"));
        assert!(french.body.contains("1–1 sur 1"));
        let spanish = app.get("/actions?lang=es").await;
        assert!(
            spanish.body.contains("México"),
            "state names in the language"
        );
    })
    .await;
}

#[tokio::test]
async fn the_list_pages_by_fifty() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        let admin = AccessScope::SiteAdmin(w.eve);
        for n in 0..53 {
            let d = draft(
                &format!("Seminar {n:02}"),
                w.watch,
                "DEU",
                Visibility::Public,
            );
            app.store.create_action(&admin, &d).unwrap();
        }
        let first = app.get("/actions?state=DEU").await;
        assert_eq!(titles(&first.body).len(), 50);
        assert!(first.body.contains("1–50 of 53"));
        assert!(first.body.contains("page=2"), "a link to the next page");
        let second = app.get("/actions?state=DEU&page=2").await;
        assert_eq!(titles(&second.body).len(), 3);
        assert!(second.body.contains("51–53 of 53"));
        assert!(second.body.contains("rel=\"prev\""));
        assert!(!second.body.contains("rel=\"next\""));
    })
    .await;
}

#[tokio::test]
async fn an_action_shows_every_field_and_hidden_ones_answer_as_missing() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        let page = app.get(&format!("/actions/{}", w.meeting)).await;
        assert_eq!(page.status, 200);
        for expected in [
            "<h1>Meeting the Justice Minister</h1>",
            "Meet the Minister of Justice about OPCAT.",
            "1234.50 EUR",
            "2.5",
            "Organisation friends",
            r#"href="https://example.org/briefing.pdf""#,
            "Planned since",
            "Everyone",
            "Ratification",
            "National",
            "Executive",
            r#"href="/states/FRA?lang=en""#,
        ] {
            assert!(
                page.body.contains(expected),
                "the action shows {expected:?}"
            );
        }
        assert!(
            !page.body.contains("Edit this action"),
            "no edit button for the public"
        );
        let french = app.get(&format!("/actions/{}?lang=fr", w.meeting)).await;
        assert!(
            french.body.contains("1234,50 EUR"),
            "the French decimal comma"
        );

        let eve = signed_in(app, "eve@example.org").await;
        let own = get(app, &eve, &format!("/actions/{}", w.inner)).await;
        assert_eq!(own.status, 200);
        assert!(own.body.contains("Edit this action") && own.body.contains("Delete this action"));
        let bo = signed_in(app, "bo@example.org").await;
        let viewed = get(app, &bo, &format!("/actions/{}", w.inner)).await;
        assert_eq!(viewed.status, 200);
        assert!(
            !viewed.body.contains("Edit this action"),
            "viewers read, editors write"
        );

        let missing_id = w.hidden.0 + 1000;
        for client in [&reqwest::Client::new(), &eve] {
            let hidden = get(app, client, &format!("/actions/{}", w.hidden)).await;
            let missing = get(app, client, &format!("/actions/{missing_id}")).await;
            assert_eq!((hidden.status, missing.status), (404, 404));
            let (from, to) = (w.hidden.0.to_string(), missing_id.to_string());
            let renamed = hidden
                .body
                .replace(&format!("actions/{from}"), &format!("actions/{to}"))
                .replace(&format!("actions%2F{from}"), &format!("actions%2F{to}"))
                .replace(&format!("“{from}”"), &format!("“{to}”"));
            assert_eq!(
                renamed, missing.body,
                "a hidden action answers exactly as a missing one"
            );
        }
        let private = app.get(&format!("/actions/{}", w.inner)).await;
        assert_eq!(
            private.status, 404,
            "the public does not see private actions"
        );
        assert_eq!(app.get("/actions/abc").await.status, 404);
    })
    .await;
}

#[tokio::test]
async fn reads_from_outside_the_lead_are_audited() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        let site_admin = app.store.create_user("root@example.org", "Root").unwrap();
        app.store.set_site_admin(site_admin, true).unwrap();
        let hash = entente_auth::password::hash(PASSWORD).unwrap();
        app.store.set_password_hash(site_admin, &hash).unwrap();
        let root = signed_in(app, "root@example.org").await;
        assert_eq!(
            get(app, &root, &format!("/actions/{}", w.hidden))
                .await
                .status,
            200
        );
        assert_eq!(
            get(app, &root, &format!("/actions/{}", w.meeting))
                .await
                .status,
            200
        );
        let eve = signed_in(app, "eve@example.org").await;
        assert_eq!(
            get(app, &eve, &format!("/actions/{}", w.inner))
                .await
                .status,
            200
        );
        let log = app.store.audit_export_as_site_admin().unwrap();
        let reads: Vec<_> = log
            .iter()
            .filter(|l| l.entry.record_kind.as_deref() == Some("action"))
            .filter(|l| l.entry.detail.contains("read from outside"))
            .map(|l| l.entry.record_id)
            .collect();
        assert_eq!(
            reads,
            [Some(w.hidden.0)],
            "only the private read from outside is logged"
        );
    })
    .await;
}

#[tokio::test]
async fn the_state_page_lists_the_actions_on_the_state() {
    fixture::on_each_backend(async |app| {
        world(app);
        let public = app.get("/states/FRA").await;
        assert_eq!(public.status, 200);
        assert!(
            public
                .body
                .contains("One campaign action on this state that you can see.")
        );
        assert!(
            public
                .body
                .contains(r#"href="/actions?state=FRA&#38;lang=en""#)
        );
        assert!(public.body.contains("Meeting the Justice Minister"));
        let eve = signed_in(app, "eve@example.org").await;
        let own = get(app, &eve, "/states/FRA").await;
        assert!(
            own.body
                .contains("2 campaign actions on this state that you can see.")
        );
        assert!(own.body.contains("Inner strategy session"));
        let none = app.get("/states/DEU?lang=fr").await;
        assert!(
            none.body
                .contains("Aucune action de campagne visible pour vous ne vise cet État.")
        );
    })
    .await;
}
