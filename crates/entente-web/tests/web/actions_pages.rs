//! The campaign action pages over HTTP on each backend: the list and its
//! filters, one action, the month calendar, the state page's section,
//! and creating, editing and deleting through the forms (CSRF, field
//! errors for every bad input, hidden actions answering as missing ones).

use entente_core::access::{AccessScope, OrgId, Role, UserId, Visibility};
use entente_core::plan::{
    ActionDraft, ActionId, ActionStatus, Audience, Budget, DocumentLink, Level, Phase,
};

use super::app::{Answer, TestApp};
use super::fixture::{self, day};
use super::orgs::{organisation, person};
use super::signin::{csrf_field, sign_in};

const PASSWORD: &str = "a long enough passphrase 7";

async fn send(request: reqwest::RequestBuilder) -> Answer {
    Answer::from(request.send().await.unwrap()).await
}

/// Who and what the tests meet: "npm-watch" (Ana admin, Eve editor, Bo
/// viewer), "friends" (public), "quiet" (private, nobody here in it), and
/// four actions.
struct World {
    watch: OrgId,
    friends: OrgId,
    eve: UserId,
    /// Public, on France, 10–12 March 2026, led by npm-watch with friends.
    meeting: ActionId,
    /// Public, on Mexico, due 5 April 2026, led by friends, done.
    letter: ActionId,
    /// Private to npm-watch, on France, under way since 20 March 2026.
    inner: ActionId,
    /// Private to quiet, on the United Kingdom.
    hidden: ActionId,
}

fn draft(title: &str, lead: OrgId, state: &str, visibility: Visibility) -> ActionDraft {
    ActionDraft {
        title: title.into(),
        description: String::new(),
        action_type: "meeting_executive".into(),
        phase: Phase::Ratification,
        level: Level::National,
        states: vec![state.parse().unwrap()],
        audiences: vec![Audience::Executive],
        lead,
        partners: Vec::new(),
        start: None,
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

fn world(app: &TestApp) -> World {
    let watch = organisation(app, "npm-watch", Visibility::Public);
    let friends = organisation(app, "friends", Visibility::Public);
    let quiet = organisation(app, "quiet", Visibility::Private);
    let ana = person(app, "ana@example.org", "Ana Pérez", watch, Role::Admin);
    let eve = person(app, "eve@example.org", "Eve Moreau", watch, Role::Editor);
    person(app, "bo@example.org", "Bo Lund", watch, Role::Viewer);
    let admin = AccessScope::SiteAdmin(ana);
    let create = |d: &ActionDraft| app.store.create_action(&admin, d).unwrap();
    let meeting = create(&ActionDraft {
        start: Some(day("2026-03-10")),
        end: Some(day("2026-03-12")),
        partners: vec![friends],
        budget: Some(Budget::parse("1234.50", "EUR").unwrap()),
        staff_days: Some(2.5),
        description: "Meet the Minister of Justice about OPCAT.".into(),
        documents: vec![DocumentLink {
            title: "Briefing".into(),
            url: "https://example.org/briefing.pdf".into(),
        }],
        ..draft(
            "Meeting the Justice Minister",
            watch,
            "FRA",
            Visibility::Public,
        )
    });
    let letter = create(&ActionDraft {
        action_type: "letter".into(),
        phase: Phase::Implementation,
        level: Level::Regional,
        due: Some(day("2026-04-05")),
        status: ActionStatus::Done,
        ..draft("Letter to the Senate", friends, "MEX", Visibility::Public)
    });
    let inner = create(&ActionDraft {
        start: Some(day("2026-03-20")),
        status: ActionStatus::UnderWay,
        ..draft("Inner strategy session", watch, "FRA", Visibility::Private)
    });
    let hidden = create(&draft("Quiet lobbying", quiet, "GBR", Visibility::Private));
    World {
        watch,
        friends,
        eve,
        meeting,
        letter,
        inner,
        hidden,
    }
}

async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let browser = app.browser();
    assert_eq!(sign_in(app, &browser, email, PASSWORD).await.status, 303);
    browser
}

async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> Answer {
    send(client.get(app.url(path))).await
}

/// The titles of the actions a list page shows, in order.
fn titles(body: &str) -> Vec<String> {
    body.split("<li class=\"action-card\">")
        .skip(1)
        .map(|card| {
            let link = card.split("</a>").next().unwrap();
            link.rsplit('>').next().unwrap().to_owned()
        })
        .collect()
}

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
                .replace(&format!("actions%2F{from}"), &format!("actions%2F{to}"));
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

/// The fields of a good new action, led by npm-watch, as a browser posts them.
fn good_form(csrf: &str) -> Vec<(&'static str, String)> {
    [
        ("csrf", csrf),
        ("title", "Roundtable on the NPM law"),
        ("description", "With the Senate's law committee."),
        ("action_type", "seminar"),
        ("phase", "implementation"),
        ("level", "national"),
        ("status", "planned"),
        ("states", "FRA"),
        ("states", "MEX"),
        ("audiences", "legislature"),
        ("audiences", "npm"),
        ("lead", "npm-watch"),
        ("partners", "friends"),
        ("start", "12/03/2026"),
        ("end", "2026-03-14"),
        ("due", ""),
        ("budget_amount", "1 234,50"),
        ("budget_currency", "eur"),
        ("staff_days", "2,5"),
        ("expected_outcome", "A draft law"),
        ("actual_outcome", ""),
        ("document_title", "Agenda"),
        ("document_url", "https://example.org/agenda"),
        ("document_title", ""),
        ("document_url", ""),
        ("visibility", "public"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

/// The form with `changes`: a field named there replaces all its values.
fn with(
    form: &[(&'static str, String)],
    changes: &[(&'static str, &str)],
) -> Vec<(&'static str, String)> {
    let mut out: Vec<_> = form
        .iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .cloned()
        .collect();
    out.extend(changes.iter().map(|(k, v)| (*k, (*v).to_owned())));
    out
}

fn count_actions(app: &TestApp, w: &World) -> u64 {
    let filter = entente_store::ActionFilter::default();
    app.store
        .list_actions(
            &AccessScope::SiteAdmin(w.eve),
            &filter,
            entente_store::PageRequest::ALL,
        )
        .unwrap()
        .total
}

/// The message shown beside a field (`<p class="field-problem" id="...">`).
fn problem(body: &str, id: &str) -> Option<String> {
    let marker = format!(r#"id="{id}">"#);
    body.split(&marker)
        .nth(1)
        .map(|rest| rest.split("</p>").next().unwrap().to_owned())
}

#[tokio::test]
async fn editors_create_actions_through_the_form() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        assert_eq!(
            app.get("/actions/new").await.status,
            401,
            "the public is asked to sign in"
        );
        let bo = signed_in(app, "bo@example.org").await;
        assert_eq!(
            get(app, &bo, "/actions/new").await.status,
            403,
            "viewers do not record actions"
        );

        let eve = signed_in(app, "eve@example.org").await;
        let blank = get(app, &eve, "/actions/new").await;
        assert_eq!(blank.status, 200);
        assert!(
            blank
                .body
                .contains(r#"<option value="npm-watch" selected>"#),
            "her organisation leads"
        );
        assert!(
            !blank
                .body
                .contains(r#"name="lead"><option value="friends""#)
        );
        let csrf = csrf_field(&blank.body);
        let form = good_form(&csrf);
        let before = count_actions(app, &w);

        let forged = send(
            eve.post(app.url("/actions"))
                .form(&with(&form, &[("csrf", "forged")])),
        )
        .await;
        assert_eq!(forged.status, 403);
        assert_eq!(
            count_actions(app, &w),
            before,
            "nothing written without the token"
        );

        let created = send(eve.post(app.url("/actions")).form(&form)).await;
        assert_eq!(created.status, 303, "{}", created.body);
        let location = created.headers["location"].to_str().unwrap().to_owned();
        assert!(location.starts_with("/actions/"), "{location}");
        let page = get(app, &eve, &location).await;
        for expected in [
            "Roundtable on the NPM law",
            "Seminar or roundtable",
            "12 March 2026 – 14 March 2026",
            "1234.50 EUR",
            "2.5",
            "Legislature, National preventive mechanism",
            "Organisation friends",
            r#"href="https://example.org/agenda""#,
            "A draft law",
            "Implementation",
        ] {
            assert!(
                page.body.contains(expected),
                "the new action shows {expected:?}"
            );
        }
        assert!(page.body.contains("France") && page.body.contains("Mexico"));
        assert_eq!(count_actions(app, &w), before + 1);
    })
    .await;
}

#[tokio::test]
async fn every_bad_input_comes_back_beside_its_field_with_the_values_kept() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        let eve = signed_in(app, "eve@example.org").await;
        let csrf = csrf_field(&get(app, &eve, "/actions/new").await.body);
        let form = good_form(&csrf);
        let before = count_actions(app, &w);
        let bad = with(
            &form,
            &[
                ("states", "XXX"),
                ("start", "2026-03-14"),
                ("end", "2026-03-12"),
                ("budget_amount", "-5"),
                ("partners", "npm-watch"),
                ("documents", ""),
            ],
        );
        let refused = send(eve.post(app.url("/actions")).form(&bad)).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("class=\"error-summary\""));
        assert!(
            refused.body.contains("4 fields need attention"),
            "{}",
            refused.body
        );
        for (id, message) in [
            ("states-problem", "This is not a state Entente knows."),
            ("end-problem", "The end is before the start."),
            ("amount-problem", "Give zero or more."),
            (
                "partners-problem",
                "The lead organisation cannot also be a partner.",
            ),
        ] {
            assert_eq!(problem(&refused.body, id).as_deref(), Some(message), "{id}");
            let field = id
                .replace("-problem", "")
                .replace("amount", "budget_amount");
            assert!(
                refused
                    .body
                    .contains(&format!(r##"href="#field-{field}""##)),
                "the summary links to {field}"
            );
        }
        assert!(
            refused
                .body
                .contains(r#"value="Roundtable on the NPM law""#),
            "the title is kept"
        );
        assert!(
            refused.body.contains(r#"value="-5""#),
            "the bad amount is kept"
        );
        assert!(
            refused
                .body
                .contains("With the Senate&#x27;s law committee.")
                || refused
                    .body
                    .contains("With the Senate&#39;s law committee."),
            "the description is kept"
        );
        assert!(
            refused.body.contains(r#"value="2026-03-14""#),
            "dates are kept"
        );

        let currency = with(&form, &[("budget_currency", "ZZZ")]);
        let refused = send(eve.post(app.url("/actions?lang=fr")).form(&currency)).await;
        assert_eq!(refused.status, 422);
        assert_eq!(
            problem(&refused.body, "currency-problem").as_deref(),
            Some("Ce n’est pas un code de devise ISO 4217 (par exemple EUR, USD, CHF)."),
        );
        for (changes, id) in [
            (&[("start", "31/02/2026")][..], "start-problem"),
            (&[("title", " ")][..], "title-problem"),
            (&[("audiences", "")][..], "audiences-problem"),
            (&[("lead", "friends")][..], "lead-problem"),
            (&[("staff_days", "many")][..], "days-problem"),
            (
                &[("document_url", "javascript:alert(1)")][..],
                "documents-problem",
            ),
            (
                &[("status", "under_way"), ("start", "")][..],
                "start-problem",
            ),
            (&[("visibility", "alliance")][..], "visibility-problem"),
        ] {
            let refused = send(eve.post(app.url("/actions")).form(&with(&form, changes))).await;
            assert_eq!(refused.status, 422, "{changes:?}");
            assert!(
                problem(&refused.body, id).is_some(),
                "{changes:?} is shown at {id}"
            );
        }
        assert_eq!(
            count_actions(app, &w),
            before,
            "no refused form wrote anything"
        );
    })
    .await;
}

#[tokio::test]
async fn editors_change_and_delete_their_actions() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        let eve = signed_in(app, "eve@example.org").await;
        let edit = get(app, &eve, &format!("/actions/{}/edit", w.meeting)).await;
        assert_eq!(edit.status, 200);
        assert!(
            edit.body
                .contains(r#"value="Meeting the Justice Minister""#)
        );
        assert!(edit.body.contains(r#"value="2026-03-10""#));
        let french = get(app, &eve, &format!("/actions/{}/edit?lang=fr", w.meeting)).await;
        assert!(
            french.body.contains(r#"value="10/03/2026""#),
            "days as French writes them"
        );
        assert!(edit.body.contains(r#"value="1234.50""#));
        assert!(
            edit.body
                .contains(r#"id="partner-friends" name="partners" value="friends" checked"#)
        );
        let csrf = csrf_field(&edit.body);
        let mut form = good_form(&csrf);
        form = with(
            &form,
            &[
                ("title", "Meeting the Minister, second round"),
                ("status", "done"),
            ],
        );
        let saved = send(
            eve.post(app.url(&format!("/actions/{}/edit", w.meeting)))
                .form(&form),
        )
        .await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let page = get(app, &eve, &format!("/actions/{}", w.meeting)).await;
        assert!(
            page.body
                .contains("<h1>Meeting the Minister, second round</h1>")
        );
        assert!(
            page.body.contains("Planned since") && page.body.contains("Done since"),
            "the history keeps both"
        );

        let bo = signed_in(app, "bo@example.org").await;
        let bo_csrf = csrf_field(&get(app, &bo, "/actions").await.body);
        let refused = send(
            bo.post(app.url(&format!("/actions/{}/edit", w.meeting)))
                .form(&good_form(&bo_csrf)),
        )
        .await;
        assert_eq!(refused.status, 403, "viewers may not change actions");
        assert_eq!(
            get(app, &bo, &format!("/actions/{}/delete", w.meeting))
                .await
                .status,
            403
        );
        assert_eq!(
            get(app, &eve, &format!("/actions/{}/edit", w.letter))
                .await
                .status,
            403,
            "another organisation's action"
        );
        assert_eq!(
            get(app, &eve, &format!("/actions/{}/edit", w.hidden))
                .await
                .status,
            404
        );
        assert_eq!(
            get(app, &eve, &format!("/actions/{}/delete", w.hidden))
                .await
                .status,
            404
        );

        let confirm = get(app, &eve, &format!("/actions/{}/delete", w.inner)).await;
        assert_eq!(confirm.status, 200);
        assert!(confirm.body.contains("Delete “Inner strategy session”?"));
        let path = format!("/actions/{}/delete", w.inner);
        let forged = send(eve.post(app.url(&path)).form(&[("csrf", "forged")])).await;
        assert_eq!(forged.status, 403);
        let csrf = csrf_field(&confirm.body);
        let deleted = send(eve.post(app.url(&path)).form(&[("csrf", csrf.as_str())])).await;
        assert_eq!(deleted.status, 303);
        assert_eq!(
            get(app, &eve, &format!("/actions/{}", w.inner))
                .await
                .status,
            404
        );
        let _ = w.friends;
    })
    .await;
}

#[tokio::test]
async fn the_calendar_shows_each_action_on_its_days() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        let march = app.get("/actions/calendar?month=2026-03").await;
        assert_eq!(march.status, 200);
        assert!(
            march
                .body
                .contains(r#"<caption class="visually-hidden">Actions in March 2026</caption>"#)
        );
        assert_eq!(
            march
                .body
                .matches("Meeting the Justice Minister</a>")
                .count(),
            3,
            "10, 11 and 12 March"
        );
        assert!(
            !march.body.contains("Inner strategy session"),
            "private to the public"
        );
        assert!(
            march.body.contains("Monday 9 March 2026"),
            "weeks start on Monday"
        );
        assert!(march.body.contains("month=2026-02") && march.body.contains("month=2026-04"));
        let first_cell = march.body.split("<tbody>").nth(1).unwrap();
        assert!(
            first_cell.contains("Monday 23 February 2026"),
            "the grid opens on the Monday before the 1st"
        );

        let eve = signed_in(app, "eve@example.org").await;
        let own = get(app, &eve, "/actions/calendar?month=2026-03").await;
        assert_eq!(
            own.body.matches("Inner strategy session</a>").count(),
            1,
            "its start day only"
        );
        let april = get(app, &eve, "/actions/calendar?month=2026-04&state=MEX").await;
        assert_eq!(
            april
                .body
                .matches("Letter to the Senate</a> <span class=\"due-mark\">(due)</span>")
                .count(),
            1
        );
        let filtered = get(app, &eve, "/actions/calendar?month=2026-04&state=FRA").await;
        assert!(!filtered.body.contains("Letter to the Senate"));
        assert!(
            filtered
                .body
                .contains(r#"<input type="hidden" name="month" value="2026-04">"#),
            "the filters keep the month"
        );
        let french = app.get("/actions/calendar?month=2026-03&lang=fr").await;
        assert!(french.body.contains("Actions de mars 2026"));
        assert!(french.body.contains("lundi 9 mars 2026"));
        for bad in ["month=2026-13", "month=march", "month=2026-03&state=XXX"] {
            assert_eq!(
                app.get(&format!("/actions/calendar?{bad}")).await.status,
                422,
                "{bad}"
            );
        }
        let _ = w;
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
