//! Identifiers parsed at the boundary: a value of these types is always valid.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Why a string is not a valid identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseIdError {
    #[error("{0:?} is not an ISO 3166-1 alpha-3 code (three letters A-Z)")]
    Iso3(String),
    #[error(
        "{0:?} is not a treaty identifier (lower-case letters, digits and '_', 2 to 32 characters)"
    )]
    Treaty(String),
}

/// An ISO 3166-1 alpha-3 country code, stored upper-case (`FRA`).
///
/// Parsing accepts any case (`fra`), so addresses people type still work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Iso3([u8; 3]);

impl Iso3 {
    pub fn as_str(&self) -> &str {
        // The constructor admits only ASCII letters, so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl FromStr for Iso3 {
    type Err = ParseIdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bytes = s.as_bytes();
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return Err(ParseIdError::Iso3(s.to_owned()));
        }
        let mut code = [0u8; 3];
        for (slot, b) in code.iter_mut().zip(bytes) {
            *slot = b.to_ascii_uppercase();
        }
        Ok(Iso3(code))
    }
}

impl TryFrom<String> for Iso3 {
    type Error = ParseIdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Iso3> for String {
    fn from(code: Iso3) -> Self {
        code.as_str().to_owned()
    }
}

impl fmt::Display for Iso3 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A treaty's identifier in addresses and data: `opcat`, `cat`, `iccpr_op2`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TreatyId(String);

impl TreatyId {
    pub fn opcat() -> Self {
        TreatyId("opcat".to_owned())
    }
    pub fn cat() -> Self {
        TreatyId("cat".to_owned())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for TreatyId {
    type Err = ParseIdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let ok = (2..=32).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && s.as_bytes()[0].is_ascii_lowercase();
        if ok {
            Ok(TreatyId(s.to_owned()))
        } else {
            Err(ParseIdError::Treaty(s.to_owned()))
        }
    }
}

impl TryFrom<String> for TreatyId {
    type Error = ParseIdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<TreatyId> for String {
    fn from(id: TreatyId) -> Self {
        id.0
    }
}

impl fmt::Display for TreatyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn iso3_accepts_any_three_letters_and_round_trips(s in "[a-zA-Z]{3}") {
            let code: Iso3 = s.parse().unwrap();
            prop_assert_eq!(code.as_str(), s.to_ascii_uppercase());
            prop_assert_eq!(code.as_str().parse::<Iso3>().unwrap(), code);
        }

        #[test]
        fn iso3_rejects_everything_else(s in "\\PC*") {
            prop_assume!(!(s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic())));
            prop_assert!(s.parse::<Iso3>().is_err());
        }

        #[test]
        fn treaty_id_round_trips(s in "[a-z][a-z0-9_]{1,31}") {
            let id: TreatyId = s.parse().unwrap();
            prop_assert_eq!(id.to_string(), s);
        }
    }

    #[test]
    fn treaty_id_rejects_upper_case_and_punctuation() {
        for bad in ["OPCAT", "op-cat", "o", "", "1cat", "cat/op"] {
            assert!(bad.parse::<TreatyId>().is_err(), "{bad}");
        }
    }
}
