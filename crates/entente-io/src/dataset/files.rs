//! The dataset on disk (`data/`) and in the binary: writing every file
//! whole or none, reading them back with errors that name file, row and
//! field, and the copy embedded at compile time.

use std::borrow::Cow;
use std::path::Path;

use chrono::NaiveDate;
use entente_core::WorldMap;

use super::{Dataset, codec, implementation, readme};
use crate::error::{ImportError, ImportErrorKind};
use crate::table::CsvTable;

/// The files `read` needs, in the order they are read. `write` also writes a README.md.
pub const FILES: [&str; 10] = [
    "dataset.csv",
    "sources.csv",
    "states.csv",
    "treaties.csv",
    "events.csv",
    "world-map.json",
    implementation::STATEMENTS_FILE,
    implementation::VISITS_FILE,
    implementation::ART17_FILE,
    implementation::PUBLISHED_FILE,
];

macro_rules! shipped_file {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/", $name)),
        )
    };
}

/// The repository's `data/` as it was when the binary was compiled.
const SHIPPED: [(&str, &str); 10] = [
    shipped_file!("dataset.csv"),
    shipped_file!("sources.csv"),
    shipped_file!("states.csv"),
    shipped_file!("treaties.csv"),
    shipped_file!("events.csv"),
    shipped_file!("world-map.json"),
    shipped_file!("npm-statements.csv"),
    shipped_file!("spt-visits.csv"),
    shipped_file!("art17-overdue.csv"),
    shipped_file!("spt-reports-published-2023.csv"),
];

/// The dataset embedded in the binary, so the program needs no files to run.
pub fn shipped() -> Result<Dataset, ImportError> {
    parse(|name| {
        SHIPPED
            .iter()
            .find(|(file, _)| *file == name)
            .map(|(_, text)| Cow::Borrowed(text.as_bytes()))
            .ok_or_else(|| {
                ImportError::new(ImportErrorKind::Io, name, "not embedded in the binary")
            })
    })
}

/// Reads the dataset from `dir` (usually the repository's `data/`).
pub fn read(dir: &Path) -> Result<Dataset, ImportError> {
    parse(|name| {
        std::fs::read(dir.join(name)).map(Cow::Owned).map_err(|e| {
            ImportError::new(
                ImportErrorKind::Io,
                name,
                format!("cannot read {}: {e}", dir.join(name).display()),
            )
        })
    })
}

fn parse<'a>(
    file: impl Fn(&str) -> Result<Cow<'a, [u8]>, ImportError>,
) -> Result<Dataset, ImportError> {
    let as_of = manifest(&file("dataset.csv")?, "dataset.csv")?;
    let sources = codec::sources(&file("sources.csv")?, "sources.csv")?;
    let states = codec::states(&file("states.csv")?, "states.csv")?;
    let treaties = codec::treaties(&file("treaties.csv")?, "treaties.csv")?;
    let events = codec::events(
        &file("events.csv")?,
        "events.csv",
        &states,
        &treaties,
        &sources,
    )?;
    let map_bytes = file("world-map.json")?;
    let map: WorldMap = serde_json::from_slice(&map_bytes).map_err(|e| {
        ImportError::new(ImportErrorKind::Malformed, "world-map.json", e.to_string())
            .at(format!("line {}", e.line()))
    })?;
    if let Some(shape) = map
        .shapes
        .iter()
        .find(|s| !states.iter().any(|state| state.iso3 == s.iso3))
    {
        return Err(ImportError::new(
            ImportErrorKind::DanglingReference,
            "world-map.json",
            format!("{} is not in states.csv", shape.iso3),
        )
        .field("shapes.iso3"));
    }
    let npm = implementation::parse(&file, &states)?;
    Ok(Dataset {
        sources,
        states,
        treaties,
        events,
        map,
        as_of,
        npm,
    })
}

/// `dataset.csv`: the dataset's own facts, one `key,value` per row (today only `as_of`).
fn manifest(bytes: &[u8], file: &str) -> Result<NaiveDate, ImportError> {
    let table = CsvTable::parse(bytes, file, &["key", "value"])?;
    let row = table
        .rows()
        .find(|row| row.get("key") == "as_of")
        .ok_or_else(|| {
            ImportError::new(ImportErrorKind::MissingColumn, file, "no as_of row").field("key")
        })?;
    crate::ratifications::iso_date(row.get("value"))
        .map_err(|why| row.error(ImportErrorKind::BadDate, "value", why))
}

/// The world map as written to `world-map.json`: one shape per line, so a
/// change to one country shows as a one-line diff.
pub(super) fn map_json(map: &WorldMap, file: &str) -> Result<String, ImportError> {
    serde_json::to_string_pretty(map).map_err(|e| {
        ImportError::new(
            ImportErrorKind::Malformed,
            file,
            format!("cannot write JSON ({e})"),
        )
    })
}

/// The text of every file of the dataset.
fn render(dataset: &Dataset) -> Result<Vec<(&'static str, String)>, ImportError> {
    let mut sorted = dataset.clone();
    sorted.sort_events();
    let mut files = vec![
        (
            "dataset.csv",
            codec::to_csv(
                "dataset.csv",
                &["key", "value"],
                std::iter::once(vec!["as_of".to_owned(), dataset.as_of.to_string()]),
            )?,
        ),
        (
            "sources.csv",
            codec::to_csv(
                "sources.csv",
                &codec::SOURCES,
                dataset.sources.iter().map(codec::source_record),
            )?,
        ),
        (
            "states.csv",
            codec::to_csv(
                "states.csv",
                &codec::STATES,
                dataset.states.iter().map(codec::state_record),
            )?,
        ),
        (
            "treaties.csv",
            codec::to_csv(
                "treaties.csv",
                &codec::TREATIES,
                dataset.treaties.iter().map(codec::treaty_record),
            )?,
        ),
        (
            "events.csv",
            codec::to_csv(
                "events.csv",
                &codec::EVENTS,
                sorted.events.iter().map(codec::event_record),
            )?,
        ),
        (
            "world-map.json",
            map_json(&dataset.map, "world-map.json")? + "\n",
        ),
    ];
    files.extend(implementation::render(&dataset.npm)?);
    files.push(("README.md", readme::render(dataset)));
    Ok(files)
}

/// Writes the dataset under `dir`. Every file is first written beside its
/// final name and only then moved in place, so a failure leaves the
/// previous dataset whole rather than half replaced.
pub fn write(dataset: &Dataset, dir: &Path) -> Result<(), ImportError> {
    let files = render(dataset)?;
    let io = |name: &str, what: &str, e: std::io::Error| {
        ImportError::new(ImportErrorKind::Io, name, format!("cannot {what}: {e}"))
    };
    std::fs::create_dir_all(dir)
        .map_err(|e| io(&dir.display().to_string(), "create the folder", e))?;
    let staged: Vec<(&str, std::path::PathBuf)> = files
        .iter()
        .map(|(name, _)| (*name, dir.join(format!(".{name}.new"))))
        .collect();
    for ((name, text), (_, temporary)) in files.iter().zip(&staged) {
        if let Err(e) = std::fs::write(temporary, text) {
            for (_, written) in &staged {
                // Best effort: the staged copies are hidden and replaced on the next write.
                let _ = std::fs::remove_file(written);
            }
            return Err(io(name, "write", e));
        }
    }
    for (name, temporary) in staged {
        std::fs::rename(&temporary, dir.join(name)).map_err(|e| io(name, "move into place", e))?;
    }
    Ok(())
}
