//! The closed vocabularies of access (roles, kinds of organisation,
//! visibilities) and their stable snake_case codes, used in the database,
//! addresses, the API and the CLI.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A code that names none of a vocabulary's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a {vocabulary} (expected one of: {expected})")]
pub struct ParseCodeError {
    /// What was being parsed: "role", "kind of organisation", "visibility".
    pub vocabulary: &'static str,
    pub value: String,
    /// The accepted codes, comma-separated.
    pub expected: String,
}

/// Declares an enum with one code per variant, `ALL`, `code()`, `FromStr`
/// and `Display`, so the codes are written once.
macro_rules! coded_enum {
    (
        $(#[$doc:meta])*
        $name:ident, $vocabulary:literal {
            $($(#[$vdoc:meta])* $variant:ident => $code:literal,)+
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable code used in data, addresses and the API.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }
        }

        impl FromStr for $name {
            type Err = ParseCodeError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|value| value.code() == s)
                    .ok_or_else(|| ParseCodeError {
                        vocabulary: $vocabulary,
                        value: s.to_owned(),
                        expected: [$($code,)+].join(", "),
                    })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

coded_enum!(
    /// A user's role in one organisation, ordered: each role may do what
    /// the ones before it may.
    Role, "role" {
        /// Reads what the organisation owns.
        Viewer => "viewer",
        /// Also creates and changes its records.
        Editor => "editor",
        /// Also manages its settings, members, alliances and sharing of
        /// personal data, and reads its audit log.
        Admin => "admin",
    }
);

coded_enum!(
    /// What an organisation is, among the actors of a campaign.
    OrgKind, "kind of organisation" {
        /// A ministry or other part of a state's executive.
        GovernmentBody => "government_body",
        Parliament => "parliament",
        /// A national human rights institution or an ombudsperson's office.
        Nhri => "nhri",
        NationalNgo => "national_ngo",
        InternationalNgo => "international_ngo",
        /// A regional intergovernmental body (Council of Europe, African
        /// Commission, OAS, ...).
        RegionalBody => "regional_body",
        /// A UN body (OHCHR, the SPT, a treaty body, ...).
        UnBody => "un_body",
        /// A bar or medical association, or another professional body.
        ProfessionalAssociation => "professional_association",
        Academia => "academia",
        Media => "media",
        Donor => "donor",
        /// A state that supports the campaign in other states.
        SupportiveState => "supportive_state",
        Other => "other",
    }
);

coded_enum!(
    /// Who may see a record besides its owner's members.
    Visibility, "visibility" {
        /// Only the owner's members.
        Private => "private",
        /// Also the members of the alliances it is shared with.
        Alliance => "alliance",
        /// Everyone, signed in or not.
        Public => "public",
    }
);

coded_enum!(
    /// What an API token may do on behalf of its user.
    TokenScope, "token scope" {
        /// Reads only, whatever the user's roles.
        Read => "read",
        /// Reads and writes as far as the user's roles allow.
        ReadWrite => "read_write",
    }
);
