//! Writing actions through the forms: creating one, every bad input
//! shown beside its field with the values kept, editing and deleting.

use entente_core::access::AccessScope;

use super::{World, get, send, signed_in, world};
use crate::app::TestApp;
use crate::fixture;
use crate::signin::csrf_field;

/// The fields of a good new action, led by npm-watch, as a browser posts them.
pub(super) fn good_form(csrf: &str) -> Vec<(&'static str, String)> {
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
pub(super) fn with(
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

pub(super) fn count_actions(app: &TestApp, w: &World) -> u64 {
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
pub(super) fn problem(body: &str, id: &str) -> Option<String> {
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
async fn a_partner_the_editor_cannot_see_is_kept_not_dropped() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        let quiet = app
            .store
            .organisation_by_short_name(&AccessScope::SiteAdmin(w.eve), "quiet")
            .unwrap()
            .unwrap()
            .id;
        let admin = AccessScope::SiteAdmin(w.eve);
        let mut content = app
            .store
            .action(&admin, w.meeting)
            .unwrap()
            .unwrap()
            .content;
        content.partners.push(quiet);
        app.store
            .update_action(&admin, w.meeting, &content)
            .unwrap();

        let eve = signed_in(app, "eve@example.org").await;
        let path = format!("/actions/{}/edit", w.meeting);
        let edit = get(app, &eve, &path).await;
        assert!(
            !edit.body.contains("quiet"),
            "the hidden partner is not shown"
        );
        let csrf = csrf_field(&edit.body);
        let form = with(&good_form(&csrf), &[("title", "Renamed")]);
        let refused = send(eve.post(app.url(&path)).form(&form)).await;
        assert_eq!(refused.status, 422);
        assert!(
            problem(&refused.body, "partners-problem")
                .is_some_and(|m| m.contains("not listed for you")),
            "{}",
            refused.body
        );
        let stored = app
            .store
            .action(&admin, w.meeting)
            .unwrap()
            .unwrap()
            .content;
        assert!(stored.partners.contains(&quiet), "the partner is kept");
        assert_eq!(stored.title, "Meeting the Justice Minister");
        let typed = with(&good_form(&csrf), &[("partners", "nobody")]);
        let refused = send(eve.post(app.url("/actions")).form(&typed)).await;
        assert_eq!(
            problem(&refused.body, "partners-problem").as_deref(),
            Some("Choose one of the options.")
        );
    })
    .await;
}
