//! The closed vocabularies of the directory's profile (levels, sectors, UN
//! regional groups) as a page shows them: codes with their labels.

use entente_core::RegionalGroup;
use entente_core::plan::{Level, Sector};

use crate::locale::Locale;

/// Every level, sector and regional group, code and label, for the
/// directory's filter and the settings form.
pub struct ProfileChoices {
    pub levels: Vec<(&'static str, String)>,
    pub sectors: Vec<(&'static str, String)>,
    pub regions: Vec<(&'static str, String)>,
}

impl ProfileChoices {
    pub fn new(locale: Locale) -> Self {
        let label =
            |prefix: &str, code: &str| locale.t(&format!("{prefix}-{}", code.replace('_', "-")));
        ProfileChoices {
            levels: Level::ALL
                .iter()
                .map(|l| (l.code(), label("dir-level", l.code())))
                .collect(),
            sectors: Sector::ALL
                .iter()
                .map(|s| (s.code(), label("dir-sector", s.code())))
                .collect(),
            regions: RegionalGroup::ALL
                .iter()
                .map(|r| (r.code(), label("group", r.code())))
                .collect(),
        }
    }
}

/// The labels of `codes` among `choices`, joined.
pub(super) fn labels<'a>(
    choices: &[(&'static str, String)],
    codes: impl Iterator<Item = &'a str>,
) -> String {
    let wanted: Vec<&str> = codes.collect();
    let found: Vec<&str> = choices
        .iter()
        .filter(|(code, _)| wanted.contains(code))
        .map(|(_, label)| label.as_str())
        .collect();
    found.join(", ")
}
