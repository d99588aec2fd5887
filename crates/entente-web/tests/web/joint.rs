//! Joint actions proposed from an overlap, over HTTP on each backend: the
//! board offers the proposal to an editor of either organisation, the draft
//! is changed with the action form and sent, the invited organisation sees
//! it on its board and in its notifications and accepts it through the
//! pages; the API does the same with decline and withdraw; a third
//! organisation sees nothing of it.

use entente_core::access::{AccessScope, OrgId, Role, TokenScope, UserId, Visibility};
use entente_core::plan::ActionId;
use serde_json::{Value, json};

use super::actions_api::token;
use super::app::{Answer, TestApp};
use super::fixture;
use super::orgs::{organisation, person};
use super::signin::{csrf_field, sign_in};

/// npm-watch (editor Ana) and rights-now (admin Rui), both public, each
/// with a public letter on France the same month; other (admin Olga),
/// private, in no alliance.
struct Cast {
    watch: OrgId,
    rights: OrgId,
    ours: ActionId,
    theirs: ActionId,
    ana: String,
    rui: String,
    olga: String,
}

fn cast(app: &TestApp) -> Cast {
    let watch = organisation(app, "npm-watch", Visibility::Public);
    let rights = organisation(app, "rights-now", Visibility::Public);
    let other = organisation(app, "other", Visibility::Private);
    let ana = person(app, "ana@example.org", "Ana", watch, Role::Editor);
    let rui = person(app, "rui@example.org", "Rui", rights, Role::Admin);
    let olga = person(app, "olga@example.org", "Olga", other, Role::Admin);
    let site = AccessScope::SiteAdmin(UserId::NOBODY);
    let letter = |lead, title| {
        let draft = fixture::letter(lead, title, "FRA", Visibility::Public);
        app.store.create_action(&site, &draft).unwrap()
    };
    Cast {
        ours: letter(watch, "Letter of npm-watch"),
        theirs: letter(rights, "Letter of rights-now"),
        watch,
        rights,
        ana: token(app, ana, TokenScope::ReadWrite),
        rui: token(app, rui, TokenScope::ReadWrite),
        olga: token(app, olga, TokenScope::ReadWrite),
    }
}

async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    bearer: &str,
    body: Option<Value>,
) -> Answer {
    let mut request = reqwest::Client::new()
        .request(method, app.url(path))
        .bearer_auth(bearer);
    if let Some(body) = body {
        request = request.json(&body);
    }
    Answer::from(request.send().await.unwrap()).await
}

async fn post(app: &TestApp, path: &str, bearer: &str) -> u16 {
    call(app, reqwest::Method::POST, path, bearer, None)
        .await
        .status
}

async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let browser = app.browser();
    let answer = sign_in(app, &browser, email, "a long enough passphrase 7").await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    browser
}

async fn page(app: &TestApp, browser: &reqwest::Client, path: &str) -> Answer {
    Answer::from(browser.get(app.url(path)).send().await.unwrap()).await
}

async fn form(
    app: &TestApp,
    browser: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> Answer {
    Answer::from(
        browser
            .post(app.url(path))
            .form(fields)
            .send()
            .await
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn a_joint_action_is_proposed_from_the_board_and_accepted_by_the_partner() {
    fixture::on_each_backend(async |app| {
        let cast = cast(app);
        let ana = signed_in(app, "ana@example.org").await;
        let board = page(app, &ana, "/board?lang=fr").await;
        assert_eq!(board.status, 200);
        assert!(
            board.body.contains("Proposer une action commune"),
            "{}",
            board.body
        );
        let csrf = csrf_field(&board.body);
        let (first, second) = (cast.ours.0.to_string(), cast.theirs.0.to_string());
        let made = form(
            app,
            &ana,
            "/board/proposals?lang=fr",
            &[("csrf", &csrf), ("first", &first), ("second", &second)],
        )
        .await;
        assert_eq!(made.status, 303, "{}", made.body);
        let location = made.headers["location"].to_str().unwrap().to_owned();
        assert!(location.starts_with("/board/proposals/"), "{location}");
        let draft = page(app, &ana, &location).await;
        assert!(
            draft
                .body
                .contains("Action commune\u{a0}: Letter of npm-watch + Letter of rights-now"),
            "{}",
            draft.body
        );
        assert!(draft.body.contains("Brouillon, non envoyé"));
        let proposal: i64 = location
            .trim_start_matches("/board/proposals/")
            .split('?')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let action = app
            .store
            .joint_proposal(&AccessScope::SiteAdmin(UserId::NOBODY), proposal)
            .unwrap()
            .unwrap()
            .action;
        // The draft is changed with the action form before it is sent.
        let edit = page(app, &ana, &format!("/actions/{action}/edit")).await;
        assert_eq!(edit.status, 200, "{}", edit.body);
        // Rui does not know of a draft.
        let rui = signed_in(app, "rui@example.org").await;
        assert_eq!(page(app, &rui, &location).await.status, 404);

        let sent = form(
            app,
            &ana,
            &format!("/board/proposals/{proposal}/send"),
            &[("csrf", &csrf)],
        )
        .await;
        assert_eq!(sent.status, 303, "{}", sent.body);

        // Rui sees it on the board and in the notifications, and accepts.
        let rui_board = page(app, &rui, "/board?lang=en").await;
        assert!(
            rui_board.body.contains("Your decision is awaited"),
            "{}",
            rui_board.body
        );
        let notices = page(app, &rui, "/notifications?lang=en").await;
        assert!(
            notices
                .body
                .contains("Joint actions awaiting your decision"),
            "{}",
            notices.body
        );
        let shown = page(app, &rui, &format!("/board/proposals/{proposal}?lang=en")).await;
        assert!(
            shown.body.contains("Accept the joint action"),
            "{}",
            shown.body
        );
        let rui_csrf = csrf_field(&shown.body);
        let accepted = form(
            app,
            &rui,
            &format!("/board/proposals/{proposal}/accept"),
            &[("csrf", &rui_csrf)],
        )
        .await;
        assert_eq!(accepted.status, 303, "{}", accepted.body);

        let joint = call(
            app,
            reqwest::Method::GET,
            &format!("/api/v1/actions/{action}"),
            &cast.rui,
            None,
        )
        .await;
        assert_eq!(joint.status, 200, "{}", joint.body);
        let joint = joint.json();
        assert_eq!(joint["status"], "planned", "{joint}");
        assert!(joint.to_string().contains("rights-now"), "{joint}");
        let list = page(app, &rui, "/actions?org=rights-now&lang=en").await;
        assert!(
            list.body
                .contains("Letter of npm-watch + Letter of rights-now"),
            "{}",
            list.body
        );
        let sheet = page(app, &rui, &format!("/actions/{action}?lang=en")).await;
        assert!(sheet.body.contains("Joined from"), "{}", sheet.body);
        assert!(
            sheet.body.contains("Letter of npm-watch")
                && sheet.body.contains("Organisation npm-watch")
        );

        // Olga finds nothing: the proposal, its page and its action.
        let olga = signed_in(app, "olga@example.org").await;
        let hidden = page(app, &olga, &format!("/board/proposals/{proposal}")).await;
        let missing = page(app, &olga, "/board/proposals/987654321").await;
        assert_eq!((hidden.status, missing.status), (404, 404));
        let listed = call(
            app,
            reqwest::Method::GET,
            "/api/v1/coordination/proposals",
            &cast.olga,
            None,
        )
        .await;
        assert_eq!(listed.json(), json!([]));
        let action_read = call(
            app,
            reqwest::Method::GET,
            &format!("/api/v1/actions/{action}"),
            &cast.olga,
            None,
        )
        .await;
        assert_eq!(action_read.status, 404);
        let _ = (cast.watch, cast.rights, cast.ana);
    })
    .await;
}

#[tokio::test]
async fn the_api_proposes_declines_and_withdraws() {
    fixture::on_each_backend(async |app| {
        let cast = cast(app);
        let path = "/api/v1/coordination/proposals";
        let body = json!({"first": cast.theirs.0, "second": cast.ours.0, "send": true});
        // Olga is in neither organisation: the letters are public, so she
        // sees the overlap, but may not propose.
        let refused = call(
            app,
            reqwest::Method::POST,
            path,
            &cast.olga,
            Some(body.clone()),
        )
        .await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        let missing = json!({"first": 987_654_321, "second": cast.ours.0});
        let nothing = call(app, reqwest::Method::POST, path, &cast.ana, Some(missing)).await;
        assert_eq!(nothing.status, 404, "{}", nothing.body);

        let made = call(
            app,
            reqwest::Method::POST,
            path,
            &cast.ana,
            Some(body.clone()),
        )
        .await;
        assert_eq!(made.status, 201, "{}", made.body);
        let made = made.json();
        assert_eq!(made["status"], "pending");
        assert_eq!(made["proposer_org"], cast.watch.0);
        assert_eq!(made["invited_org"], cast.rights.0);
        let id = made["id"].as_i64().unwrap();
        let listed = call(app, reqwest::Method::GET, path, &cast.rui, None)
            .await
            .json();
        assert_eq!(listed[0]["id"], id, "{listed}");
        // Ana may not decide for rights-now; Rui may not withdraw.
        assert_eq!(
            post(app, &format!("{path}/{id}/accept"), &cast.ana).await,
            403
        );
        assert_eq!(
            post(app, &format!("{path}/{id}/withdraw"), &cast.rui).await,
            403
        );
        assert_eq!(
            post(app, &format!("{path}/{id}/accept"), &cast.olga).await,
            404
        );
        assert_eq!(
            post(app, &format!("{path}/{id}/decline"), &cast.rui).await,
            204
        );
        assert_eq!(
            post(app, &format!("{path}/{id}/accept"), &cast.rui).await,
            409
        );
        let seen = call(app, reqwest::Method::GET, path, &cast.ana, None)
            .await
            .json();
        assert_eq!(seen[0]["status"], "declined", "{seen}");

        let again = call(
            app,
            reqwest::Method::POST,
            path,
            &cast.ana,
            Some(json!({"first": cast.ours.0, "second": cast.theirs.0})),
        )
        .await;
        let again = again.json()["id"].as_i64().unwrap();
        assert_eq!(
            post(app, &format!("{path}/{again}/withdraw"), &cast.ana).await,
            204
        );
        assert_eq!(
            post(app, &format!("{path}/{again}/send"), &cast.ana).await,
            409
        );
        let rui_list = call(app, reqwest::Method::GET, path, &cast.rui, None)
            .await
            .json();
        assert!(
            rui_list
                .as_array()
                .unwrap()
                .iter()
                .all(|p| p["id"] != again),
            "a draft withdrawn before it was sent: {rui_list}"
        );
    })
    .await;
}
