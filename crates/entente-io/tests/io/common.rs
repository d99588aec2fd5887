//! Finding the raw sources in ../shared/data, which the project must be able to do without.

use std::path::PathBuf;

/// The raw sources folder, or `None` (with a line saying the test is skipped) when it is absent.
pub fn shared_data(test: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    if dir.is_dir() {
        Some(dir)
    } else {
        skip_notice(format_args!("{test}: skipped because ../shared is absent"));
        None
    }
}

/// The bytes of a raw source file, or `None` when ../shared is absent.
pub fn shared_file(test: &str, relative: &str) -> Option<Vec<u8>> {
    let dir = shared_data(test)?;
    let path = dir.join(relative);
    Some(std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())))
}

pub fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

pub fn fixture_text(name: &str) -> String {
    String::from_utf8(fixture(name)).expect("fixtures are UTF-8")
}

/// Says that part of a test was skipped, straight to the terminal: the test
/// harness captures `println!` of passing tests, and a skip must be seen.
fn skip_notice(message: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{message}");
}
