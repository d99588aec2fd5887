//! The portal as a person sees it: the real `entente serve` binary on a fresh
//! SQLite database, driven through Debian's Chromium and ChromeDriver.
//!
//! Skipped (and said so) when ChromeDriver is not installed, unless
//! `ENTENTE_REQUIRE_BROWSER=1`, which CI sets so that a missing browser fails.

mod support;

#[path = "browser/board.rs"]
mod board;
#[path = "browser/brief.rs"]
mod brief;

use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use support::{EntenteServer, free_port, screenshot_dir};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

struct ChromeDriver(std::process::Child);

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn browser_available() -> bool {
    let present =
        std::path::Path::new(CHROMEDRIVER).exists() && std::path::Path::new(CHROMIUM).exists();
    if !present {
        assert!(
            std::env::var_os("ENTENTE_REQUIRE_BROWSER").is_none(),
            "ENTENTE_REQUIRE_BROWSER is set but {CHROMEDRIVER} or {CHROMIUM} is missing (apt-get install chromium chromium-driver)"
        );
        skip_notice(format_args!(
            "browser test skipped: {CHROMEDRIVER} or {CHROMIUM} is not installed"
        ));
    }
    present
}

async fn start_browser(width: u32, height: u32) -> (ChromeDriver, Client) {
    let port = free_port();
    // A French desktop: date fields read and show days as jj/mm/aaaa.
    let driver = std::process::Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .env("LANG", "fr_FR.UTF-8")
        .env("LANGUAGE", "fr")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = ChromeDriver(driver);
    let capabilities = json!({
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=fr",
                format!("--window-size={width},{height}"),
            ],
        }
    });
    let capabilities = capabilities.as_object().cloned().expect("an object");
    let url = format!("http://127.0.0.1:{port}");
    for attempt in 0.. {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(capabilities.clone())
            .connect(&url)
            .await
        {
            Ok(client) => return (driver, client),
            Err(e) if attempt < 50 => {
                let _ = e;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => panic!("cannot start a Chromium session through ChromeDriver: {e}"),
        }
    }
    unreachable!()
}

async fn text_of(client: &Client, css: &str) -> String {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css} on the page: {e}"))
        .text()
        .await
        .expect("text")
}

async fn save(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("screenshot");
    let path = screenshot_dir().join(name);
    std::fs::write(&path, png).expect("write screenshot");
    eprintln!("screenshot: {}", path.display());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dashboard_and_state_page_in_french() {
    if !browser_available() {
        return;
    }
    let server = EntenteServer::start();
    let (_driver, client) = start_browser(1280, 1800).await;

    client
        .goto(&format!("{}/?lang=fr", server.url))
        .await
        .expect("dashboard loads");
    let lang = client
        .find(Locator::Css("html"))
        .await
        .unwrap()
        .attr("lang")
        .await
        .unwrap();
    assert_eq!(lang.as_deref(), Some("fr"));
    let map_shapes = client
        .find_all(Locator::Css("svg path"))
        .await
        .expect("map");

    assert!(
        map_shapes.len() > 150,
        "the world map shows the states ({} shapes)",
        map_shapes.len()
    );
    let body = text_of(&client, "body").await;
    for expected in [
        "Protocole facultatif",
        "Signataire",
        "États parties",
        "Collection des traités des Nations Unies",
    ] {
        assert!(
            body.contains(expected),
            "the French dashboard shows {expected:?}"
        );
    }
    save(&client, "dashboard-fr.png").await;

    client
        .goto(&format!("{}/states/FRA?lang=fr", server.url))
        .await
        .expect("state page loads");
    let heading = text_of(&client, "h1").await;
    assert!(heading.contains("France"), "state page heading: {heading}");
    let body = text_of(&client, "body").await;
    assert!(
        body.contains("11 novembre 2008"),
        "France's ratification date in French"
    );
    assert!(
        body.contains("16 septembre 2005"),
        "France's signature date in French"
    );
    save(&client, "state-fra-fr.png").await;

    client.close().await.expect("browser closes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_state_page_fits_a_phone() {
    if !browser_available() {
        return;
    }
    let server = EntenteServer::start();
    let (_driver, client) = start_browser(390, 844).await;
    client
        .goto(&format!("{}/states/MEX?lang=es", server.url))
        .await
        .expect("state page loads");
    let overflow = client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await
        .expect("script runs");
    assert!(
        overflow.as_i64().unwrap_or(0) <= 1,
        "no sideways scrolling on a phone (overflow {overflow})"
    );
    save(&client, "state-mex-es-phone.png").await;
    client.close().await.expect("browser closes");
}

/// Runs the command line on the server's data directory; its standard output.
fn entente_cli(server: &EntenteServer, args: &[&str]) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_entente"))
        .arg("--data-dir")
        .arg(server.data_dir())
        .args(args)
        .env_remove("DATABASE_URL")
        .output()
        .expect("entente runs");
    assert!(
        output.status.success(),
        "entente {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// Waits until the browser's address holds `needle`.
async fn wait_for_url(client: &Client, needle: &str) {
    let mut last = String::new();
    for _ in 0..100 {
        if let Ok(url) = client.current_url().await {
            if url.as_str().contains(needle) {
                return;
            }
            last = url.to_string();
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the browser never reached {needle:?}; it is at {last}");
}

/// Waits until the element `css` holds `needle` (the next page has loaded).
async fn wait_for_text(client: &Client, css: &str, needle: &str) -> String {
    let mut last = String::new();
    for _ in 0..100 {
        if let Ok(element) = client.find(Locator::Css(css)).await {
            if let Ok(text) = element.text().await {
                if text.contains(needle) {
                    return text;
                }
                last = text;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} never showed {needle:?}; it shows {last:?}");
}

async fn fill(client: &Client, css: &str, text: &str) {
    let field = client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"));
    field.clear().await.expect("clear");
    field.send_keys(text).await.expect("type");
}

async fn choose(client: &Client, css: &str, value: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("{css} has no option {value}: {e}"));
}

async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("{css} does not take a click: {e}"));
}

/// How far the page scrolls sideways: nothing, on a page that fits.
async fn sideways_overflow(client: &Client) -> i64 {
    client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await
        .expect("script runs")
        .as_i64()
        .unwrap_or(0)
}

/// An editor signs in, switches to French, records an action through the
/// form (typing its days as 12/03/2026), and finds it in the list, the
/// month's calendar and the state page; then the same pages on a phone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_action_recorded_in_french_appears_in_the_list_calendar_and_state_page() {
    if !browser_available() {
        return;
    }
    let server = EntenteServer::start();
    entente_cli(
        &server,
        &[
            "org",
            "add",
            "apt",
            "--name",
            "Association pour la prévention de la torture",
            "--kind",
            "international_ngo",
        ],
    );
    let printed = entente_cli(
        &server,
        &[
            "user",
            "add",
            "claire@example.org",
            "--org",
            "apt",
            "--role",
            "editor",
            "--name",
            "Claire Martin",
        ],
    );
    let link = printed
        .split_whitespace()
        .find_map(|w| w.find("/set-password/").map(|at| w[at..].to_owned()))
        .expect("a password link");
    let (_driver, client) = start_browser(1280, 1600).await;
    let url = |path: &str| format!("{}{path}", server.url);
    const PASSWORD: &str = "a long enough passphrase 7";

    client.goto(&url(&link)).await.expect("password page");
    fill(&client, "#password", PASSWORD).await;
    fill(&client, "#confirm", PASSWORD).await;
    click(&client, "main form button[type=submit]").await;
    wait_for_url(&client, "notice=password_set").await;
    fill(&client, "#email", "claire@example.org").await;
    fill(&client, "#password", PASSWORD).await;
    click(&client, "main form button[type=submit]").await;
    wait_for_text(&client, ".account-nav", "Claire Martin").await;

    click(&client, ".lang-switch a[hreflang=fr]").await;
    wait_for_text(&client, ".main-nav", "Traités").await;
    click(&client, ".main-nav a[href^='/actions']").await;
    wait_for_text(&client, "h1", "Actions de campagne").await;
    click(&client, ".page-links a[href^='/actions/new']").await;
    wait_for_text(&client, "h1", "Enregistrer une action de campagne").await;

    fill(&client, "#action-title", "Table ronde sur la loi MNP").await;
    fill(
        &client,
        "#action-description",
        "Avec la commission des lois du Sénat.",
    )
    .await;
    choose(&client, "#action-type", "seminar").await;
    choose(&client, "#action-phase", "implementation").await;
    choose(&client, "#action-level", "national").await;
    click(&client, "#state-FRA").await;
    click(&client, "#audience-legislature").await;
    // Days typed as a French user types them, the end first before the start.
    fill(&client, "#action-start", "12/03/2026").await;
    fill(&client, "#action-end", "10/03/2026").await;
    fill(&client, "#action-budget-amount", "1 500,50").await;
    fill(&client, "#action-budget-currency", "EUR").await;
    choose(&client, "#action-visibility", "public").await;
    click(&client, ".action-form button[type=submit]").await;
    let summary = wait_for_text(&client, ".error-summary", "Fin").await;
    assert!(
        summary.contains("La fin est antérieure au début."),
        "{summary}"
    );
    let kept = client
        .find(Locator::Css("#action-title"))
        .await
        .expect("title")
        .prop("value")
        .await
        .expect("value");
    assert_eq!(
        kept.as_deref(),
        Some("Table ronde sur la loi MNP"),
        "the form keeps what was typed"
    );
    save(&client, "action-form-errors-fr.png").await;

    fill(&client, "#action-end", "14/03/2026").await;
    click(&client, ".action-form button[type=submit]").await;
    wait_for_text(&client, "h1", "Table ronde sur la loi MNP").await;
    let body = text_of(&client, "main").await;
    for expected in [
        "du 12 mars 2026 au 14 mars 2026",
        "1500,50 EUR",
        "Séminaire ou table ronde",
        "France",
        "Parlement",
        "Prévue",
    ] {
        assert!(
            body.contains(expected),
            "the action page shows {expected:?}: {body}"
        );
    }
    save(&client, "action-fr.png").await;
    let action_path = client.current_url().await.expect("the action's address");
    let action_path = format!(
        "{}?{}",
        action_path.path(),
        action_path.query().unwrap_or("")
    );

    client.goto(&url("/actions?lang=fr")).await.expect("list");
    let list = wait_for_text(&client, ".action-list", "Table ronde sur la loi MNP").await;
    assert!(
        list.contains("Association pour la prévention de la torture"),
        "{list}"
    );
    save(&client, "actions-fr.png").await;

    client
        .goto(&url("/actions/calendar?month=2026-03&lang=fr"))
        .await
        .expect("calendar");
    wait_for_text(&client, ".month-name", "Actions de mars 2026").await;
    let days = client
        .find_all(Locator::Css(".day-entries a"))
        .await
        .expect("entries");
    assert_eq!(days.len(), 3, "on the 12th, 13th and 14th of March");
    save(&client, "actions-calendar-fr.png").await;

    client
        .goto(&url("/states/FRA?lang=fr"))
        .await
        .expect("state page");
    let section = wait_for_text(&client, ".state-actions", "Table ronde sur la loi MNP").await;
    assert!(
        section.contains("Une action de campagne visible pour vous vise cet État."),
        "{section}"
    );

    client
        // A phone's width, tall enough to take each whole page in one picture.
        .set_window_size(390, 3200)
        .await
        .expect("a phone's width");
    for (path, name) in [
        ("/actions?lang=fr", "actions-fr-phone.png"),
        (
            "/actions/calendar?month=2026-03&lang=fr",
            "actions-calendar-fr-phone.png",
        ),
        ("/actions/new?lang=fr", "action-form-fr-phone.png"),
        ("/states/FRA?lang=fr", "state-fra-actions-phone.png"),
        (action_path.as_str(), "action-fr-phone.png"),
    ] {
        client.goto(&url(path)).await.expect("page loads");
        wait_for_text(&client, "h1", "").await;
        assert!(
            sideways_overflow(&client).await <= 1,
            "{path} fits a phone without sideways scrolling"
        );
        save(&client, name).await;
    }
    client.close().await.expect("browser closes");
}

/// Says that part of a test was skipped, straight to the terminal: the test
/// harness captures `println!` of passing tests, and a skip must be seen.
fn skip_notice(message: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{message}");
}
