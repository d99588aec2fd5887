//! States from the country-codes table (ISO and M49 codes, UN terminology
//! names in English, French and Spanish, M49 regions) and the table of UN
//! regional groups.

use entente_core::{Iso3, M49Area, Names, RegionalGroup, State};

use crate::error::{ImportError, ImportErrorKind};
use crate::table::{CsvTable, Row};

const ISO3: &str = "ISO3166-1-Alpha-3";
const ISO2: &str = "ISO3166-1-Alpha-2";
const M49: &str = "M49";
const SHORT: [&str; 3] = [
    "UNTERM English Short",
    "UNTERM French Short",
    "UNTERM Spanish Short",
];
const FORMAL: [&str; 3] = [
    "UNTERM English Formal",
    "UNTERM French Formal",
    "UNTERM Spanish Formal",
];
const OFFICIAL: [&str; 3] = ["official_name_en", "official_name_fr", "official_name_es"];
const REGION: [&str; 2] = ["Region Code", "Region Name"];
const SUBREGION: [&str; 2] = ["Sub-region Code", "Sub-region Name"];

/// The articles UNTERM appends to short names for use in running text
/// ("Afghanistan (l')"): a name on its own reads without them.
const TRAILING_ARTICLES: [&str; 9] = [
    "(the)", "(le)", "(la)", "(l')", "(l’)", "(les)", "(el)", "(los)", "(las)",
];

/// Where the fallback to `official_name_*` gives a name the UN does not use.
/// Côte d'Ivoire has no UNTERM names in the table and its `official_name_en` is "Ivory Coast".
const NAME_CORRECTIONS: [(&str, &str); 1] = [("CIV", "Côte d'Ivoire")];

/// One line of the regional groups table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupListing {
    pub iso3: Iso3,
    pub group: RegionalGroup,
    /// The row in the table, for error messages.
    pub row: String,
}

/// Every row of the country-codes table that has an ISO alpha-3 code, with no
/// regional group yet and `un_member` false (see [`apply_regional_groups`]).
pub fn parse_country_codes(bytes: &[u8], label: &str) -> Result<Vec<State>, ImportError> {
    let mut required = vec![ISO3, ISO2, M49];
    required.extend(
        SHORT
            .iter()
            .chain(&FORMAL)
            .chain(&OFFICIAL)
            .chain(&REGION)
            .chain(&SUBREGION),
    );
    let table = CsvTable::parse(bytes, label, &required)?;
    let mut states: Vec<State> = Vec::new();
    for row in table.rows() {
        if row.get(ISO3).is_empty() {
            continue;
        }
        let state = state_of(&row)?;
        if states.iter().any(|s| s.iso3 == state.iso3) {
            return Err(row.error(
                ImportErrorKind::Duplicate,
                ISO3,
                format!("{} appears twice", state.iso3),
            ));
        }
        states.push(state);
    }
    if states.is_empty() {
        return Err(ImportError::new(
            ImportErrorKind::Truncated,
            label,
            "no country has an ISO alpha-3 code",
        ));
    }
    Ok(states)
}

fn state_of(row: &Row<'_>) -> Result<State, ImportError> {
    let iso3: Iso3 = row
        .get(ISO3)
        .parse()
        .map_err(|e| row.error(ImportErrorKind::BadValue, ISO3, format!("{e}")))?;
    let iso2 = row.get(ISO2);
    if iso2.len() != 2 || !iso2.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(row.error(
            ImportErrorKind::BadValue,
            ISO2,
            format!("{iso2:?} is not a two-letter code"),
        ));
    }
    let m49: u16 = row.get(M49).parse().map_err(|_| {
        row.error(
            ImportErrorKind::BadValue,
            M49,
            format!("{:?} is not an M49 code", row.get(M49)),
        )
    })?;
    let mut names = names_of(row, &SHORT, short_name)?;
    let mut formal_names = names_of(row, &FORMAL, strip_markers)?;
    if let Some((_, corrected)) = NAME_CORRECTIONS
        .iter()
        .find(|(code, _)| *code == iso3.as_str())
    {
        names.en = (*corrected).to_owned();
        formal_names.en = (*corrected).to_owned();
    }
    Ok(State {
        iso3,
        iso2: iso2.to_owned(),
        m49,
        names,
        formal_names,
        region: area(row, REGION)?,
        subregion: area(row, SUBREGION)?,
        regional_group: None,
        un_member: false,
    })
}

/// The UNTERM names in `columns` (en, fr, es), each falling back to `official_name_*` when blank.
fn names_of(
    row: &Row<'_>,
    columns: &[&str; 3],
    clean: fn(&str) -> String,
) -> Result<Names, ImportError> {
    let mut found = [String::new(), String::new(), String::new()];
    for (slot, (unterm, official)) in found.iter_mut().zip(columns.iter().zip(OFFICIAL)) {
        let name = match clean(row.get(unterm)) {
            name if name.is_empty() => strip_markers(row.get(official)),
            name => name,
        };
        if name.is_empty() {
            return Err(row.error(
                ImportErrorKind::BadValue,
                unterm,
                format!("no name in {unterm} nor in {official}"),
            ));
        }
        *slot = name;
    }
    let [en, fr, es] = found;
    Ok(Names { en, fr, es })
}

/// Drops the footnote stars UNTERM puts after non-member states ("Holy See (the) *").
fn strip_markers(name: &str) -> String {
    name.trim().trim_end_matches('*').trim().to_owned()
}

/// A short name as it reads on its own: "Afghanistan (l')" becomes "Afghanistan",
/// while "Bolivia (Plurinational State of)" keeps its qualifier.
pub fn short_name(name: &str) -> String {
    let name = strip_markers(name);
    TRAILING_ARTICLES
        .iter()
        .find_map(|article| name.strip_suffix(article))
        .map_or(name.clone(), |stem| stem.trim_end().to_owned())
}

fn area(
    row: &Row<'_>,
    [code_column, name_column]: [&str; 2],
) -> Result<Option<M49Area>, ImportError> {
    let (code, name) = (row.get(code_column), row.get(name_column));
    if code.is_empty() && name.is_empty() {
        return Ok(None);
    }
    let code: u16 = code.parse().map_err(|_| {
        row.error(
            ImportErrorKind::BadValue,
            code_column,
            format!("{code:?} is not an M49 code"),
        )
    })?;
    if name.is_empty() {
        return Err(row.error(
            ImportErrorKind::BadValue,
            name_column,
            format!("M49 area {code} has no name"),
        ));
    }
    Ok(Some(M49Area {
        code,
        name_en: name.to_owned(),
    }))
}

/// The rows of the UN regional groups table (`Code, Name, Region`).
pub fn parse_regional_groups(bytes: &[u8], label: &str) -> Result<Vec<GroupListing>, ImportError> {
    let table = CsvTable::parse(bytes, label, &["Code", "Name", "Region"])?;
    let mut listings: Vec<GroupListing> = Vec::new();
    for row in table.rows() {
        let name = row.get("Name");
        let iso3: Iso3 = row.get("Code").parse().map_err(|e| {
            row.error_named(name, ImportErrorKind::BadValue, "Code", format!("{e}"))
        })?;
        let group = match row.get("Region") {
            "African Group" => RegionalGroup::African,
            "Asia-Pacific Group" => RegionalGroup::AsiaPacific,
            "Eastern European Group" => RegionalGroup::EasternEuropean,
            "GRULAC" | "Latin American and Caribbean Group" => RegionalGroup::Grulac,
            "WEOG" | "Western European and Others Group" => RegionalGroup::Weog,
            other => {
                return Err(row.error_named(
                    name,
                    ImportErrorKind::BadValue,
                    "Region",
                    format!("{other:?} is not a UN regional group"),
                ));
            }
        };
        if listings.iter().any(|l| l.iso3 == iso3 && l.group == group) {
            return Err(row.error_named(
                name,
                ImportErrorKind::Duplicate,
                "Code",
                format!("{iso3} is listed twice in {group}"),
            ));
        }
        listings.push(GroupListing {
            iso3,
            group,
            row: format!("{} ({name})", row.location()),
        });
    }
    Ok(listings)
}

/// Marks the listed states as UN members and gives each its regional group.
///
/// A state listed in two groups is Türkiye, which takes part in the meetings
/// of both the Asia-Pacific Group and WEOG but counts as WEOG for UN
/// elections: the group that decides candidacies is the one kept. Any other
/// double listing is an error.
pub fn apply_regional_groups(
    states: &mut [State],
    listings: &[GroupListing],
    label: &str,
) -> Result<(), ImportError> {
    for listing in listings {
        let Some(state) = states.iter_mut().find(|s| s.iso3 == listing.iso3) else {
            return Err(ImportError::new(
                ImportErrorKind::UnknownName,
                label,
                format!("{} is not in the country table", listing.iso3),
            )
            .at(listing.row.clone())
            .field("Code"));
        };
        let group = match state.regional_group {
            None => listing.group,
            Some(RegionalGroup::Weog) | Some(RegionalGroup::AsiaPacific)
                if matches!(
                    listing.group,
                    RegionalGroup::Weog | RegionalGroup::AsiaPacific
                ) =>
            {
                RegionalGroup::Weog
            }
            Some(earlier) => {
                return Err(ImportError::new(
                    ImportErrorKind::Duplicate,
                    label,
                    format!("{} is already listed in {earlier}", listing.iso3),
                )
                .at(listing.row.clone())
                .field("Region"));
            }
        };
        state.regional_group = Some(group);
        state.un_member = true;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_lose_their_trailing_article_only() {
        assert_eq!(short_name("Afghanistan (l')"), "Afghanistan");
        assert_eq!(short_name("Afganistán (el)"), "Afganistán");
        assert_eq!(short_name("France"), "France");
        assert_eq!(short_name("Holy See (the) *"), "Holy See");
        assert_eq!(
            short_name("Bolivia (Plurinational State of)"),
            "Bolivia (Plurinational State of)"
        );
    }

    #[test]
    fn formal_names_keep_their_article() {
        assert_eq!(
            strip_markers("the State of Palestine *"),
            "the State of Palestine"
        );
    }
}
