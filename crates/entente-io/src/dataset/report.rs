//! What a dataset build did and did not take in, for the person running it:
//! event counts, rows skipped, NPM gaps, disagreements between sources.

use std::collections::BTreeMap;
use std::fmt;

use crate::map::MapReport;
use crate::npm::NpmGap;
use crate::ratifications::SkippedRow;
use crate::untc::Notification;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BuildReport {
    /// Events by treaty id.
    pub events_per_treaty: BTreeMap<String, usize>,
    /// Events by kind code.
    pub events_per_kind: BTreeMap<String, usize>,
    /// Rows of the ratifications table that are not about a state.
    pub skipped_rows: Vec<SkippedRow>,
    /// OPCAT parties with no NPM designation date in the NPM table.
    pub npm_gaps: Vec<NpmGap>,
    /// Where the ratifications table disagrees with the OPCAT status page (the page wins).
    pub opcat_disagreements: Vec<String>,
    /// Art. 17 notifications: the page gives them no date, so they are not events.
    pub undated_notifications: Vec<Notification>,
    pub map: MapReport,
    /// Size of `world-map.json` as written.
    pub map_json_bytes: usize,
}

impl fmt::Display for BuildReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total: usize = self.events_per_treaty.values().sum();
        writeln!(f, "Events: {total}")?;
        for (treaty, count) in &self.events_per_treaty {
            writeln!(f, "  {treaty}: {count}")?;
        }
        writeln!(f, "Events by kind:")?;
        for (kind, count) in &self.events_per_kind {
            writeln!(f, "  {kind}: {count}")?;
        }
        writeln!(f, "Rows skipped (not a state): {}", self.skipped_rows.len())?;
        let mut skipped_by_name: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for row in &self.skipped_rows {
            *skipped_by_name
                .entry((row.name.as_str(), row.reason.as_str()))
                .or_default() += 1;
        }
        for ((name, reason), count) in skipped_by_name {
            writeln!(f, "  {name} ({count} rows): {reason}")?;
        }
        writeln!(
            f,
            "OPCAT parties without an NPM designation date (gaps, not guessed): {}",
            self.npm_gaps.len()
        )?;
        for gap in &self.npm_gaps {
            writeln!(f, "  {} ({}): {}", gap.state, gap.location, gap.reason)?;
        }
        writeln!(
            f,
            "Disagreements of the ratifications table with the OPCAT status page: {}",
            self.opcat_disagreements.len()
        )?;
        for disagreement in &self.opcat_disagreements {
            writeln!(f, "  {disagreement}")?;
        }
        let notified: Vec<&str> = self
            .undated_notifications
            .iter()
            .map(|n| n.participant.as_str())
            .collect();
        writeln!(
            f,
            "Art. 17 notifications kept as undated notes: {}",
            notified.join(", ")
        )?;
        writeln!(f, "Map: {}", self.map)?;
        write!(f, "world-map.json: {} bytes", self.map_json_bytes)
    }
}
