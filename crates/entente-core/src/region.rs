//! The five UN regional groups used for elections and for campaign reporting.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionalGroup {
    African,
    AsiaPacific,
    EasternEuropean,
    Grulac,
    Weog,
}

impl RegionalGroup {
    pub const ALL: [RegionalGroup; 5] = [
        RegionalGroup::African,
        RegionalGroup::AsiaPacific,
        RegionalGroup::EasternEuropean,
        RegionalGroup::Grulac,
        RegionalGroup::Weog,
    ];

    /// The stable code used in data, addresses and the API.
    pub fn code(self) -> &'static str {
        match self {
            RegionalGroup::African => "african",
            RegionalGroup::AsiaPacific => "asia_pacific",
            RegionalGroup::EasternEuropean => "eastern_european",
            RegionalGroup::Grulac => "grulac",
            RegionalGroup::Weog => "weog",
        }
    }
}

impl FromStr for RegionalGroup {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RegionalGroup::ALL
            .into_iter()
            .find(|g| g.code() == s)
            .ok_or_else(|| format!("{s:?} is not a UN regional group (african, asia_pacific, eastern_european, grulac, weog)"))
    }
}

impl fmt::Display for RegionalGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
