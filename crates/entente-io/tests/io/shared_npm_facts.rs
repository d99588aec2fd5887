//! The implementation facts built from the raw sources in ../shared/data/npm
//! (skipped when ../shared is absent): every row taken in, values as the
//! sources give them, the known disagreements visible.

use entente_core::Iso3;
use entente_core::implementation::{
    DatePrecision, DisagreementField, NpmStatement, ReportPublished, disagreements,
};
use entente_io::dataset;

use crate::common::shared_data;

fn iso(code: &str) -> Iso3 {
    code.parse().unwrap()
}

fn of(statements: &[NpmStatement], state: &str) -> Vec<NpmStatement> {
    statements
        .iter()
        .filter(|s| s.state == iso(state))
        .cloned()
        .collect()
}

#[test]
fn every_sourced_fact_is_in_the_built_dataset() {
    let Some(dir) = shared_data("every_sourced_fact_is_in_the_built_dataset") else {
        return;
    };
    let (built, _) = dataset::build(&dir).expect("the raw sources build");
    let facts = &built.npm;
    assert_eq!(facts.statements.len(), 106);
    assert_eq!(facts.statements.iter().filter(|s| s.is_primary).count(), 94);
    assert_eq!(facts.visits.len(), 79);
    assert_eq!(facts.art17.len(), 14);
    assert_eq!(facts.published_reports.len(), 44);

    // Argentina's designation: the year read from the text, the text kept whole.
    let argentina = &of(&facts.statements, "ARG")[0];
    assert_eq!(
        argentina.designation_text,
        "2013 (law in force Jan 2013); Committee established 2018"
    );
    let date = argentina.designation.unwrap();
    assert_eq!(
        (date.to_string(), date.precision),
        ("2013".into(), DatePrecision::Year)
    );

    // Cyprus, Liechtenstein and Maldives: the conflict the sources record is visible.
    for state in ["CYP", "LIE", "MDV"] {
        let found = disagreements(&of(&facts.statements, state));
        assert!(
            found
                .iter()
                .any(|d| d.field == DisagreementField::StatedInSource),
            "{state}: {found:?}"
        );
    }
    // Australia: APT names a multi-body NPM, OHCHR's row says none.
    let australia = disagreements(&of(&facts.statements, "AUS"));
    assert!(
        australia
            .iter()
            .any(|d| d.field == DisagreementField::Existence)
    );
    // Albania's two sources agree.
    assert!(disagreements(&of(&facts.statements, "ALB")).is_empty());

    // Ukraine's 2016 visit: months only, as the source gives them.
    let ukraine = facts
        .visits
        .iter()
        .find(|v| v.state == iso("UKR") && v.year == Some(2016))
        .unwrap();
    assert_eq!(ukraine.start.unwrap().to_string(), "2016-05");
    assert_eq!(ukraine.end.unwrap().to_string(), "2016-09");
    assert_eq!(
        facts
            .visits
            .iter()
            .filter(|v| v.report_published == ReportPublished::Unknown)
            .count(),
        27
    );
    // "Turkey" and "Bolivia (Plurinational State of)" as the 2023 list writes them.
    for (name, state) in [
        ("Turkey", "TUR"),
        ("Bolivia (Plurinational State of)", "BOL"),
    ] {
        let entry = facts
            .published_reports
            .iter()
            .find(|r| r.name_in_source == name)
            .unwrap();
        assert_eq!(entry.state, iso(state));
    }
    assert!(facts.art17.iter().all(|a| a.as_of.contains("2016")));
}
