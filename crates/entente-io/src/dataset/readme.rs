//! `data/README.md`: what each file holds, where its facts come from, the
//! credits the publishers ask for, and how to rebuild it. Generated with the
//! files so its figures never drift from them.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::Dataset;

pub(super) fn render(dataset: &Dataset) -> String {
    let mut per_treaty: BTreeMap<&str, usize> = BTreeMap::new();
    for event in &dataset.events {
        *per_treaty.entry(event.treaty.as_str()).or_default() += 1;
    }
    let members = dataset.states.iter().filter(|s| s.un_member).count();
    let on_map = |state: &&entente_core::State| {
        dataset.map.shapes.iter().any(|s| s.iso3 == state.iso3)
            || dataset.map.markers.iter().any(|m| m.iso3 == state.iso3)
    };
    let unmapped: Vec<&str> = dataset
        .states
        .iter()
        .filter(|s| s.un_member && !on_map(s))
        .map(|s| s.names.en.as_str())
        .collect();
    let npm: Vec<&entente_core::Source> = dataset
        .sources
        .iter()
        .filter(|s| s.id.starts_with("npm-"))
        .collect();
    let npm_sources = npm.len();
    let npm_read_on = npm
        .iter()
        .map(|s| s.as_of.to_string())
        .max()
        .unwrap_or_default();
    let npm = &dataset.npm;
    let mut text = String::new();
    // Writing to a String cannot fail.
    let _ = write!(
        text,
        r#"# Entente's dataset

The public facts Entente ships with, built from the raw public sources by
`entente data build` (which runs `entente_io::dataset::build` and `write`).
The UN Treaty Collection facts are as at **{as_of}**. These files are
embedded in the `entente` binary when it is compiled, so the program runs
without them; edit them only by rebuilding.

## Files

| file | what it holds |
|---|---|
| `dataset.csv` | the dataset's own facts: `as_of`, the day the UN Treaty Collection data describes |
| `sources.csv` | {sources} sources, each cited by the events that come from it: `id, title, publisher, url, as_of` |
| `states.csv` | {states} states and territories with an ISO 3166 alpha-3 code ({members} UN members): ISO and M49 codes, short and formal names in English, French and Spanish, M49 region and sub-region, UN regional group |
| `treaties.csv` | {treaties} core human rights instruments of chapter IV of the UN Treaty Collection: id, depositary number, English name, year opened, status page |
| `events.csv` | {events} dated treaty events, sorted by treaty, state, date and kind: `treaty, state, date, kind, source, note` |
| `world-map.json` | the world map, Equal Earth projection, {width} × {height} viewBox: {shapes} country shapes (SVG path data) and {markers} markers for states too small to see |
| `npm-statements.csv` | {statements} sourced statements about {statement_states} states' NPMs ({primary} primary rows), several per state where sources differ: name, type and type group as the source gives them, the designation text as written with the date read from its start (`designation_date`, `designation_precision` day/month/year, `designation_note`), legal basis, ratification date, source URL, publisher, how current the source is, the compiler's notes |
| `spt-visits.csv` | {visits} SPT visits to {visit_states} states found in public sources: start and end dates or the year only, the visit type in the source's words, whether the report is published (`yes`, `no`, `unknown`) with the source's nuance, source URL, notes |
| `art17-overdue.csv` | the {art17} states on the SPT's Art. 17 "substantially overdue" list, a snapshot of 2016–early 2019 (its `as_of` says so), with what happened since |
| `spt-reports-published-2023.csv` | {published} entries of the OHCHR's 2023 list of states (and NPMs) that had published SPT visit reports, the name as the list writes it matched to a state, the year as listed |

Events per treaty: {per_treaty}.

## Where the facts come from

- **OPCAT** (`opcat`) signatures, ratifications, accessions, successions and
  Art. 24 declarations: the UN Treaty Collection status page of the Optional
  Protocol (depositary no. IV-9-b), saved on {as_of}. A declaration's date
  is the date printed with it, otherwise the state's ratification or
  accession (the page: "unless otherwise indicated, the declarations were
  made upon ratification, accession or succession"). The page's Art. 17
  notifications carry no date and are not events.
- **The other treaties**: the UN Treaty Collection's table of the 18 core
  instruments as read on {as_of}. Its known faults: acceptance (`A`) is
  labelled accession and formal confirmation (`c`) ratification; rows of the
  European Union, Czechoslovakia and the German Democratic Republic are left
  out (not states today). Its OPCAT rows are checked against the status
  page; the page wins.
- **NPM designations** (`npm_designation`): a compilation of public pages
  (OHCHR, APT, national mechanisms and laws), one row per state party, each
  cited as its own source ({npm_sources} pages; a source's `as_of` is the
  day the page was read, {npm_read_on}, as most pages are undated). A designation given only as
  a year is dated 31 December of that year, and one given as a month the
  last day of the month (the latest possible day), with a note saying so.
  When a page names the NPM but gives no date that can be read ("operational
  November 2014", or nothing), the designation is dated on the day the page
  was read, the only sure bound, and the note says so. Parties whose pages
  name no NPM have no event: a gap is left visible, never filled by a guess.
  The note of each event keeps the source's own words and how current the
  page was.
- **Implementation facts** (`npm-statements.csv`, `spt-visits.csv`,
  `art17-overdue.csv`, `spt-reports-published-2023.csv`): the same
  compilation's every sourced row (APT, OHCHR and others, with the compiler's
  primary row flagged), its SPT visits (2007–2024; not a complete list), the
  OHCHR's Art. 17 page (undated; after June 2016 and before February 2019)
  and the OHCHR's 2023 Special Fund call (a list of states with published
  reports, not of grant recipients). Every value is kept as the source
  writes it; where sources disagree both rows are kept. The only derived
  value is the date at the start of a designation text ("2013 (law in force
  Jan 2013)" gives 2013, precision year), which keeps its precision and a
  note; a text that starts with no date gives none. Missing values stay
  empty. The published-reports list names states in its own words; they are
  matched to the state table by name, and a name that matches none stops the build.
- **States**: ISO codes, M49 areas and UNTERM names from datasets/country-codes
  (UNTERM short names lose their trailing article, "Afghanistan (l')" →
  "Afghanistan"; where UNTERM is blank the official names are used; Côte
  d'Ivoire's English name is corrected from "Ivory Coast"). UN regional
  groups from openclimatedata/countrygroups; Türkiye, listed in both the
  Asia-Pacific Group and WEOG, is in WEOG, the group it belongs to for UN
  elections.
- **Map**: Natural Earth shapes as published by world-atlas (110m for the
  shapes, 50m to place markers on small states), projected with the Equal
  Earth projection, coordinates rounded to 0.1; Antarctica is left out.
  UN members in neither map file, so not on the map: {unmapped}.

## Credits and licences

- Treaty status: **United Nations Treaty Collection** (treaties.un.org).
- Country codes and names: datasets/country-codes, Open Data Commons Public
  Domain Dedication and License (ODC PDDL).
- UN regional groups: openclimatedata/countrygroups, CC0.
- Map: world-atlas (ISC licence), geometry from **Natural Earth**, public domain.
- NPM designations: the OHCHR, the Association for the Prevention of Torture
  (APT) and the national sources cited row by row in `sources.csv`.
- Implementation facts: the OHCHR (SPT documents, press releases, the Art. 17
  page, the Special Fund call), the APT and the sources cited row by row.

## Rebuilding

From the repository root, with the raw sources in `../shared/data`:

```sh
cargo run -- data build --from ../shared/data --out data
```

then rebuild the binary so it embeds the new files.
"#,
        as_of = dataset.as_of,
        sources = dataset.sources.len(),
        states = dataset.states.len(),
        treaties = dataset.treaties.len(),
        events = dataset.events.len(),
        width = dataset.map.width,
        height = dataset.map.height,
        shapes = dataset.map.shapes.len(),
        markers = dataset.map.markers.len(),
        statements = npm.statements.len(),
        statement_states = distinct(npm.statements.iter().map(|s| s.state)),
        primary = npm.statements.iter().filter(|s| s.is_primary).count(),
        visits = npm.visits.len(),
        visit_states = distinct(npm.visits.iter().map(|v| v.state)),
        art17 = npm.art17.len(),
        published = npm.published_reports.len(),
        unmapped = if unmapped.is_empty() {
            "none".to_owned()
        } else {
            unmapped.join(", ")
        },
        per_treaty = per_treaty
            .iter()
            .map(|(treaty, count)| format!("{treaty} {count}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    text
}

fn distinct(states: impl Iterator<Item = entente_core::Iso3>) -> usize {
    states.collect::<std::collections::BTreeSet<_>>().len()
}
