//! Serves the portal over a dataset folder (the repository's `data/` by
//! default, or the raw sources in `../shared/data`, built on the fly) in a
//! throw-away SQLite database, to look at pages while working on them:
//! `cargo run -p entente-web --example preview -- [DIR] [ADDR]`.

use std::path::PathBuf;

use entente_store::{ReferenceData, Store};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data")),
        PathBuf::from,
    );
    let address = args.next().unwrap_or_else(|| "127.0.0.1:8088".to_owned());
    let dataset = if dir.join("untc").is_dir() {
        entente_io::dataset::build(&dir)?.0
    } else {
        entente_io::dataset::read(&dir)?
    };
    let db = tempfile::tempdir()?;
    let store = Store::open(&db.path().join("preview.sqlite3").display().to_string())?;
    store.migrate()?;
    store.load_reference(ReferenceData {
        states: &dataset.states,
        treaties: &dataset.treaties,
        sources: &dataset.sources,
        events: &dataset.events,
        map: &dataset.map,
        as_of: dataset.as_of,
    })?;
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("previewing {} on http://{address}/", dir.display());
    axum::serve(
        listener,
        entente_web::router(entente_web::AppState::new(store)),
    )
    .await?;
    Ok(())
}
