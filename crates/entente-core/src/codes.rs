//! The closed vocabularies of the domain share one shape: a Rust enum with
//! one stable snake_case code per value, used in the database, addresses,
//! the API, the CLI and imported files. [`coded_enum!`] writes that shape
//! once.

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
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
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

        impl std::str::FromStr for $name {
            type Err = $crate::codes::ParseCodeError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|value| value.code() == s)
                    .ok_or_else(|| $crate::codes::ParseCodeError {
                        vocabulary: $vocabulary,
                        value: s.to_owned(),
                        expected: [$($code,)+].join(", "),
                    })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

pub(crate) use coded_enum;
