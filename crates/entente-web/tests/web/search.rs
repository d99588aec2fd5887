//! Search over HTTP on each backend: the API and the page find words
//! across languages and accents, show only what the reader may see, group
//! hits by kind in the reader's language, and answer a query with no word
//! to search with a clear refusal, never a crash.

use chrono::Utc;
use entente_auth::Secret;
use entente_core::access::{AccessScope, OrgId, Role, TokenScope, UserId, Visibility};
use entente_core::plan::ActionDraft;

use super::app::{Answer, TestApp};
use super::fixture::{self};
use super::orgs::{organisation, person};

async fn send(request: reqwest::RequestBuilder) -> Answer {
    Answer::from(request.send().await.unwrap()).await
}

fn token(app: &TestApp, user: UserId, scope: TokenScope) -> String {
    let token = Secret::generate_api_token();
    app.store
        .create_api_token(user, "script", &token.hash(), scope, Utc::now().naive_utc())
        .unwrap();
    token.as_str().to_owned()
}

/// A planned public letter to France led by `lead`.
fn draft(lead: OrgId, title: &str) -> ActionDraft {
    fixture::letter(lead, title, "FRA", Visibility::Public)
}

/// Stores `draft` as a site admin would.
fn stored(app: &TestApp, draft: &ActionDraft) {
    let email = "curator@example.org";
    let curator = match app.store.user_by_email(email).unwrap() {
        Some(account) => account.id,
        None => {
            let user = app.store.create_user(email, "Curator").unwrap();
            app.store.set_site_admin(user, true).unwrap();
            user
        }
    };
    app.store
        .create_action(&AccessScope::SiteAdmin(curator), draft)
        .unwrap_or_else(|e| panic!("store {draft:?}: {e}"));
}

/// A public French action, a public English one and a private Spanish one
/// of "npm-watch"; returns a read token of one of its viewers.
fn plant(app: &TestApp) -> String {
    let org = organisation(app, "npm-watch", Visibility::Public);
    let viewer = person(app, "bo@example.org", "Bo Lund", org, Role::Viewer);
    let actions = [
        (
            "Table ronde au Sénat",
            "Les négociations avec le ministère avancent.",
            Visibility::Public,
        ),
        (
            "Letter to the minister",
            "Negotiations on the NPM law.",
            Visibility::Public,
        ),
        (
            "Reunión reservada",
            "Ratificaciones pendientes: estrategia confidencial.",
            Visibility::Private,
        ),
    ];
    for (title, description, visibility) in actions {
        stored(
            app,
            &ActionDraft {
                description: description.to_owned(),
                visibility,
                ..draft(org, title)
            },
        );
    }
    token(app, viewer, TokenScope::Read)
}

async fn api(app: &TestApp, query: &str, bearer: Option<&str>) -> Answer {
    let request = reqwest::Client::new().get(app.url(&format!("/api/v1/search?{query}")));
    send(match bearer {
        Some(token) => request.bearer_auth(token),
        None => request,
    })
    .await
}

fn titles(answer: &Answer) -> Vec<String> {
    let hits = answer.json()["hits"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    hits.iter()
        .map(|h| h["title"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_api_finds_words_across_languages_for_their_readers_only() {
    fixture::on_each_backend(async |app| {
        let viewer = plant(app);
        let french = api(app, "q=n%C3%A9gociation&kind=action", None).await;
        assert_eq!(french.status, 200, "{}", french.body);
        assert_eq!(titles(&french), ["Table ronde au Sénat"]);
        let hit = &french.json()["hits"][0];
        assert_eq!(hit["kind"], "action");
        assert!(
            hit["snippet"].as_str().unwrap().contains("négociations"),
            "{hit}"
        );
        assert_eq!(hit["page_path"], format!("/actions/{}", hit["id"]));

        assert_eq!(
            titles(&api(app, "q=negotiation", None).await),
            ["Letter to the minister"]
        );
        let accents = api(app, "q=senat+ministere", None).await;
        assert_eq!(titles(&accents), ["Table ronde au Sénat"]);

        let hidden = api(app, "q=ratificaci%C3%B3n&kind=action", None).await;
        assert_eq!(
            (hidden.json()["total"].as_u64(), titles(&hidden).len()),
            (Some(0), 0)
        );
        let member = api(app, "q=ratificaci%C3%B3n&kind=action", Some(&viewer)).await;
        assert_eq!(titles(&member), ["Reunión reservada"]);

        let orgs = api(app, "q=organisation+npm&kind=organisation", None).await;
        assert_eq!(
            orgs.json()["hits"][0]["short_name"],
            "npm-watch",
            "{}",
            orgs.body
        );
        assert_eq!(orgs.json()["hits"][0]["page_path"], "/orgs/npm-watch");
        let none_of_kind = api(app, "q=negotiation&kind=alliance", None).await;
        assert_eq!(none_of_kind.json()["total"], 0);
    })
    .await;
}

#[tokio::test]
async fn the_api_refuses_queries_it_cannot_search_naming_the_parameter() {
    fixture::on_each_backend(async |app| {
        plant(app);
        for query in ["q=", "q=the+of+and", "q=%3F%21+--", "q=de+la+y", "", "q=x"] {
            let refused = api(app, query, None).await;
            assert_eq!(refused.status, 422, "{query}: {}", refused.body);
            assert_eq!(
                refused.json()["error"]["code"],
                "invalid_parameter",
                "{query}"
            );
            assert!(
                refused.json()["error"]["message"]
                    .as_str()
                    .unwrap()
                    .contains("q:"),
                "{query}"
            );
        }
        let long = format!("q={}", "torture+".repeat(40));
        assert_eq!(api(app, &long, None).await.status, 422);
        for (query, parameter) in [
            ("q=npm&kind=treaty", "kind"),
            ("q=npm&limit=0", "limit"),
            ("q=npm&offset=-1", "offset"),
            ("q=npm&colour=red", "query"),
        ] {
            let refused = api(app, query, None).await;
            assert_eq!(refused.status, 422, "{query}");
            let message = refused.json()["error"]["message"]
                .as_str()
                .unwrap()
                .to_owned();
            assert!(
                message.starts_with(&format!("parameter {parameter}")),
                "{query}: {message}"
            );
        }
        let syntax = api(app, "q=%22npm%22+OR+NEAR%28a%29+%26+%21law+%7C+c%3A*", None).await;
        assert_eq!(
            syntax.status, 200,
            "query syntax is only text: {}",
            syntax.body
        );
    })
    .await;
}

#[tokio::test]
async fn the_page_groups_hits_by_kind_in_the_readers_language() {
    fixture::on_each_backend(async |app| {
        plant(app);
        let page = app.get("/search?q=npm&lang=fr").await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("<h1>Recherche</h1>"), "{}", page.body);
        assert!(page.body.contains("<h2>1 action</h2>"), "{}", page.body);
        assert!(
            page.body.contains("<h2>1 organisation</h2>"),
            "{}",
            page.body
        );
        assert!(page.body.contains("Letter to the minister"));
        assert!(page.body.contains(r#"href="/actions/"#));
        assert!(
            !page.body.contains("Reunión reservada"),
            "private actions stay hidden"
        );

        let spanish = app.get("/search?q=n%C3%A9gociation&lang=es").await;
        assert!(spanish.body.contains("<h1>Búsqueda</h1>"));
        assert!(spanish.body.contains("Table ronde au Sénat"));

        let stop_words = app.get("/search?q=le+de+la&lang=fr").await;
        assert_eq!(stop_words.status, 200);
        assert!(
            stop_words.body.contains(r#"aria-invalid="true""#),
            "{}",
            stop_words.body
        );
        assert!(
            stop_words.body.contains("Donnez au moins un mot"),
            "{}",
            stop_words.body
        );

        let nothing = app.get("/search?q=zanzibar").await;
        assert!(
            nothing
                .body
                .contains("Nothing found among what you may see.")
        );
        let empty = app.get("/search").await;
        assert!(
            empty
                .body
                .contains("Find actions, organisations and alliances")
        );
        let header = app.get("/treaties").await;
        assert!(
            header.body.contains(r#"action="/search""#),
            "every page has the search form"
        );
    })
    .await;
}

#[tokio::test]
async fn one_kind_is_paged_by_fifty() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        for i in 0..55 {
            stored(app, &draft(org, &format!("Briefing number {i}")));
        }
        let all = app.get("/search?q=briefing").await;
        assert!(all.body.contains("<h2>55 actions</h2>"), "{}", all.body);
        assert!(all.body.contains("See all 55 actions"));
        let first = app.get("/search?q=briefing&kind=action").await;
        assert_eq!(first.body.matches("<li><a href=\"/actions/").count(), 50);
        assert!(first.body.contains("offset=50"), "a link to the next page");
        let second = app.get("/search?q=briefing&kind=action&offset=50").await;
        assert_eq!(second.body.matches("<li><a href=\"/actions/").count(), 5);
        assert!(second.body.contains(r#"rel="prev""#));
    })
    .await;
}
