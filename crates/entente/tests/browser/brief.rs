//! The country brief as a coordinator takes it to a meeting: a member of
//! the demo coalition opens a state's brief in Spanish, Chromium saves it as
//! an A4 PDF through the WebDriver "Print Page" command, and the brief fits
//! a phone too. The PDF, and screenshots of the page on a desktop and a
//! phone, are kept under target/browser/.

use fantoccini::wd::{PrintConfiguration, PrintMargins, PrintSize};

use super::support::{EntenteServer, screenshot_dir};
use super::{
    browser_available, click, entente_cli, fill, save, sideways_overflow, start_browser, text_of,
    wait_for_text,
};

/// A state the demo gives an NPM profile, assessments from two viewpoints,
/// open recommendations and an action in the coming months (seed 1 on the
/// shipped dataset).
const STATE: &str = "ALB";

/// The demo's admin of its international NGO (see `entente demo`).
const MEMBER: &str = "admin.gdw@demo.example.org";

/// How many pages a PDF has: its page objects (`/Type /Page`, not the
/// `/Type /Pages` of the page tree).
fn pdf_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| w.starts_with(needle) && w[needle.len()] != b's')
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_country_brief_prints_in_spanish_as_a_pdf() {
    if !browser_available() {
        return;
    }
    let server = EntenteServer::start();
    entente_cli(&server, &["demo"]);
    let (_driver, client) = start_browser(1280, 1800).await;
    let url = |path: &str| format!("{}{path}", server.url);

    client
        .goto(&url("/login?lang=es"))
        .await
        .expect("sign-in page");
    fill(&client, "#email", MEMBER).await;
    fill(&client, "#password", "entente-demo-password").await;
    click(&client, "main form button[type=submit]").await;
    wait_for_text(&client, ".account-nav", "(demo)").await;

    client
        .goto(&url(&format!("/states/{STATE}?lang=es")))
        .await
        .expect("state page");
    click(&client, ".state-brief-link a").await;
    wait_for_text(&client, "h1", "Albania").await;
    // Headings may be set in capitals by the stylesheet: compared in lower case.
    let body = text_of(&client, "main").await.to_lowercase();
    for expected in [
        "Ficha de país sobre el OPCAT",
        "Situación al",
        "Elaborada el",
        "Situación de los tratados y plazos",
        "Mecanismo nacional de prevención",
        "Evaluación según los criterios del OPCAT, por punto de vista",
        "Visitas del SPT y seguimiento",
        "Recomendaciones pendientes",
        "Lo que hace la coalición",
        "Carencias y plazos",
        "Fuentes y fechas",
        "Datos de demostración.",
    ] {
        assert!(
            body.contains(&expected.to_lowercase()),
            "the Spanish brief shows {expected:?}: {body}"
        );
    }
    assert!(
        body.contains("(demo)"),
        "the demo's NPM records are on the brief, marked as demo: {body}"
    );
    save(&client, "brief-alb-es.png").await;

    let configuration = PrintConfiguration::builder()
        .size(PrintSize::A4)
        .margins(PrintMargins {
            top: 0.0,
            bottom: 0.0,
            left: 0.0,
            right: 0.0,
        })
        .background(true)
        .build()
        .expect("a print configuration");
    let pdf = client
        .print(configuration)
        .await
        .expect("Chromium prints the page");
    let path = screenshot_dir().join("brief-alb-es.pdf");
    std::fs::write(&path, &pdf).expect("write the PDF");
    assert!(pdf.starts_with(b"%PDF"), "a PDF file");
    let pages = pdf_pages(&pdf);
    eprintln!("PDF of {pages} pages: {}", path.display());
    assert!(
        (1..=3).contains(&pages),
        "the brief prints on one to three A4 pages, not {pages}"
    );

    client
        .set_window_size(390, 3200)
        .await
        .expect("a phone's width");
    client
        .goto(&url(&format!("/states/{STATE}/brief?lang=es")))
        .await
        .expect("brief");
    wait_for_text(&client, "h1", "Albania").await;
    assert!(
        sideways_overflow(&client).await <= 1,
        "the brief fits a phone without sideways scrolling"
    );
    save(&client, "brief-alb-es-phone.png").await;
    client.close().await.expect("browser closes");
}
