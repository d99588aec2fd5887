//! The portal as a person sees it: the real `entente serve` binary on a fresh
//! SQLite database, driven through Debian's Chromium and ChromeDriver.
//!
//! Skipped (and said so) when ChromeDriver is not installed, unless
//! `ENTENTE_REQUIRE_BROWSER=1`, which CI sets so that a missing browser fails.

mod support;

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
    let driver = std::process::Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
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

/// Says that part of a test was skipped, straight to the terminal: the test
/// harness captures `println!` of passing tests, and a skip must be seen.
fn skip_notice(message: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{message}");
}
