//! The guard against spreadsheet formula injection: a text cell that a
//! spreadsheet program would run as a formula (`=HYPERLINK(...)`,
//! `+cmd|...`, `-2+3`, `@SUM(...)`, or one starting with a tab or a
//! carriage return) is written with a leading `'`, which makes it plain
//! text. The reader takes exactly that guard off again, so a value makes
//! the round trip unchanged.

/// Characters that make a spreadsheet program read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether the reader would take a leading `'` off: when a formula start
/// or another `'` follows it.
fn is_guarded(cell: &str) -> bool {
    let mut chars = cell.chars();
    chars.next() == Some('\'')
        && chars
            .next()
            .is_some_and(|c| c == '\'' || FORMULA_STARTS.contains(&c))
}

/// The cell as it must be written into a CSV file or a workbook.
pub fn guard(cell: &str) -> String {
    let starts_formula = cell.starts_with(FORMULA_STARTS);
    if starts_formula || is_guarded(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The cell as it was before [`guard`].
pub fn unguard(cell: String) -> String {
    if is_guarded(&cell) {
        cell[1..].to_owned()
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guards_formulas_and_round_trips_every_value() {
        assert_eq!(guard("=1+1"), "'=1+1");
        assert_eq!(guard("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard("\tx"), "'\tx");
        assert_eq!(guard("plain"), "plain");
        assert_eq!(guard("l'été"), "l'été");
        for value in [
            "=1+1", "'=1+1", "''=x", "'", "''", "'x", "-", "+33 1", "", "é", "@",
        ] {
            assert_eq!(unguard(guard(value)), value, "{value:?}");
        }
        // A leading apostrophe that guards nothing stays.
        assert_eq!(unguard("'x".to_owned()), "'x");
    }
}
