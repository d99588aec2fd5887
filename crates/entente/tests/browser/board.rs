//! The coordination board on the demo data: a demo editor sees overlaps and
//! gaps, proposes a joint action from an overlap and sends it; the invited
//! organisation's demo admin finds it among its notifications, accepts it,
//! and finds it in its action list, led by the one with the other as
//! partner.

use fantoccini::{Client, Locator};

use super::support::EntenteServer;
use super::{
    browser_available, click, entente_cli, fill, save, sideways_overflow, start_browser, text_of,
    wait_for_text, wait_for_url,
};

const DEMO_PASSWORD: &str = "entente-demo-password";

/// Signs `email` in on a browser without cookies, in English.
async fn sign_in(client: &Client, server: &EntenteServer, email: &str) {
    client.delete_all_cookies().await.expect("cookies cleared");
    client
        .goto(&format!("{}/login?lang=en", server.url))
        .await
        .expect("sign-in page");
    fill(client, "#email", email).await;
    fill(client, "#password", DEMO_PASSWORD).await;
    click(client, "main form button[type=submit]").await;
    wait_for_text(client, ".account-nav", "(demo)").await;
}

async fn count(client: &Client, css: &str) -> usize {
    client
        .find_all(Locator::Css(css))
        .await
        .map_or(0, |found| found.len())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_joint_action_is_proposed_from_the_board_and_accepted_by_the_partner() {
    if !browser_available() {
        return;
    }
    let server = EntenteServer::start();
    let people = entente_cli(&server, &["demo"]);
    let editors: Vec<&str> = people
        .lines()
        .filter(|line| line.contains("editor of"))
        .filter_map(|line| line.split('\t').next())
        .collect();
    assert!(!editors.is_empty(), "the demo has editors: {people}");
    let (_driver, client) = start_browser(1280, 2400).await;
    let board = format!("{}/board?lang=en", server.url);

    // The first demo editor whose board offers a joint action.
    let mut proposer = None;
    for email in &editors {
        sign_in(&client, &server, email).await;
        client.goto(&board).await.expect("board");
        wait_for_text(&client, "h1", "Coordination").await;
        let overlaps = count(&client, "table.board-overlaps tbody tr").await;
        let gaps = count(&client, "table.board-gaps tbody tr").await;
        assert!(overlaps >= 1, "{email} sees at least one overlap");
        assert!(gaps >= 1, "{email} sees at least one gap");
        if count(&client, "form.joint-propose button").await > 0 {
            proposer = Some(*email);
            break;
        }
    }
    let proposer = proposer.expect("a demo editor may propose a joint action from an overlap");
    save(&client, "board-demo-en.png").await;

    click(&client, "form.joint-propose button").await;
    wait_for_url(&client, "/board/proposals/").await;
    let title = wait_for_text(&client, "h1", "Joint action:").await;
    let page = text_of(&client, "main").await;
    assert!(page.contains("Draft, not sent"), "{page}");
    save(&client, "joint-proposal-draft-en.png").await;
    let proposal = client.current_url().await.expect("the proposal's address");
    let proposal = format!("{}{}?lang=en", server.url, proposal.path());

    click(&client, "#joint-send").await;
    wait_for_text(&client, ".action-meta", "Awaiting an answer").await;
    let invited = client
        .find(Locator::Css(".joint-invited a"))
        .await
        .expect("the invited organisation, linked")
        .attr("href")
        .await
        .expect("href")
        .expect("an address");
    let short = invited
        .trim_start_matches("/orgs/")
        .split('?')
        .next()
        .expect("a short name")
        .to_owned();
    let lead = text_of(&client, ".joint-proposer dd").await;
    let partner = text_of(&client, ".joint-invited dd").await;
    let key = short.trim_end_matches("-demo");
    let admin = format!("admin.{key}@demo.example.org");
    assert_ne!(admin, proposer);

    // The partner's admin is told, and accepts.
    sign_in(&client, &server, &admin).await;
    client
        .goto(&format!("{}/notifications?lang=en", server.url))
        .await
        .expect("notifications");
    wait_for_text(&client, ".joint-proposals", &title).await;
    save(&client, "joint-proposal-notification-en.png").await;
    client.goto(&proposal).await.expect("the proposal");
    wait_for_text(&client, "h1", &title).await;
    click(&client, "#joint-accept").await;
    wait_for_text(&client, ".action-meta", "Accepted").await;
    save(&client, "joint-proposal-accepted-en.png").await;

    // The joint action: planned, with both organisations, joined from the two.
    client.goto(&proposal).await.expect("the proposal again");
    click(&client, ".joint-proposals a, main dd a[href^='/actions/']").await;
    wait_for_text(&client, "h1", &title).await;
    let body = text_of(&client, "main").await;
    assert!(body.contains("Planned"), "{body}");
    assert!(body.contains("Joined from"), "{body}");
    let who = text_of(&client, "#who-heading + dl").await;
    for name in [&lead, &partner] {
        assert!(who.contains(name.as_str()), "{name} in {who}");
    }
    save(&client, "joint-action-en.png").await;
    let state = client
        .find(Locator::Css("#where-heading + dl a"))
        .await
        .expect("a target state")
        .attr("href")
        .await
        .expect("href")
        .expect("an address");
    let iso3 = state
        .trim_start_matches("/states/")
        .split('?')
        .next()
        .expect("a code")
        .to_owned();

    // In the partner's action list (its planned actions on that state).
    client
        .goto(&format!(
            "{}/actions?lang=en&org={short}&state={iso3}&status=planned",
            server.url
        ))
        .await
        .expect("the partner's actions");
    let list = wait_for_text(&client, ".action-list", &title).await;
    assert!(list.contains(&lead), "led by the proposer: {list}");
    save(&client, "joint-action-list-en.png").await;

    client
        .set_window_size(390, 2400)
        .await
        .expect("a phone's width");
    client
        .goto(&proposal)
        .await
        .expect("the proposal on a phone");
    wait_for_text(&client, "h1", &title).await;
    assert!(
        sideways_overflow(&client).await <= 1,
        "the proposal fits a phone"
    );
    save(&client, "joint-proposal-phone.png").await;
    client.close().await.expect("browser closes");
}
