//! Contacts: the people at an organisation (name, role, e-mail, phone,
//! languages, consent to be contacted, notes). Personal data: never public;
//! read by the owner's members and, when an admin of the owner shares them,
//! by the members of the alliances named; every read from outside the
//! owner is logged for its admins. Reads filter in SQL, so a hidden
//! contact answers exactly like a missing one.

mod crud;
mod import;
mod rows;

pub(crate) use import::{alliances_of, named_alliances};

use std::fmt;

use chrono::NaiveDateTime;
use entente_core::access::{AllianceId, InvalidAccess, OrgId, RecordAccess, Visibility};

use crate::StoreError;

/// A contact's database identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContactId(pub i64);

impl fmt::Display for ContactId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// What a contact holds, to create it or to change it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactDetails {
    pub name: String,
    /// The person's role at the organisation: "Director", "Legal officer".
    pub role: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Language codes (ISO 639: "en", "fr", "es"), lower-case.
    pub languages: Vec<String>,
    /// Whether the person agreed to be contacted by other organisations.
    pub consent: bool,
    pub notes: String,
    /// `Private` (the owner's members) or `Alliance`; never `Public`.
    pub visibility: Visibility,
    /// The alliances an `Alliance` contact is shared with; the owner must
    /// belong to each.
    pub shared_with: Vec<AllianceId>,
}

/// A person at an organisation, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub id: ContactId,
    /// The organisation that holds the contact.
    pub org: OrgId,
    pub details: ContactDetails,
    /// UTC.
    pub created_at: NaiveDateTime,
    /// UTC.
    pub updated_at: NaiveDateTime,
}

impl Contact {
    /// The contact as a record under the access rules: personal data.
    pub fn access(&self) -> RecordAccess {
        access_of(self.org, &self.details)
    }
}

fn access_of(owner: OrgId, details: &ContactDetails) -> RecordAccess {
    RecordAccess {
        owner,
        visibility: details.visibility,
        shared_with: details.shared_with.clone(),
        personal: true,
    }
}

/// Whether `code` is a language code: two or three lower-case letters.
fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

impl ContactDetails {
    /// The details as stored: text trimmed, blank e-mail and phone as none,
    /// language codes lower-case without repeats, alliances sorted.
    pub fn normalised(mut self) -> Self {
        let blank_to_none =
            |text: Option<String>| text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        self.name = self.name.trim().to_owned();
        self.role = self.role.trim().to_owned();
        self.email = blank_to_none(self.email);
        self.phone = blank_to_none(self.phone);
        self.notes = self.notes.trim().to_owned();
        let mut languages: Vec<String> = Vec::new();
        for code in &self.languages {
            let code = code.trim().to_lowercase();
            if !code.is_empty() && !languages.contains(&code) {
                languages.push(code);
            }
        }
        self.languages = languages;
        self.shared_with.sort();
        self.shared_with.dedup();
        self
    }

    /// Checks normalised details, naming the first field refused.
    pub fn check(&self) -> Result<(), StoreError> {
        if self.name.is_empty() {
            return Err(StoreError::invalid("name: must not be blank"));
        }
        if let Some(email) = &self.email {
            let parts = email.split_once('@');
            let well_formed = parts.is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !host.contains('@')
            }) && !email.contains(char::is_whitespace);
            if !well_formed {
                return Err(StoreError::invalid(format!(
                    "email {email:?}: not an e-mail address"
                )));
            }
        }
        if let Some(code) = self.languages.iter().find(|c| !is_language_code(c)) {
            return Err(StoreError::invalid(format!(
                "languages {code:?}: give language codes such as en, fr, es"
            )));
        }
        access_of(OrgId(0), self).validate().map_err(|e| {
            let field = match e {
                InvalidAccess::PersonalPublic => "visibility",
                InvalidAccess::NoAlliance | InvalidAccess::AlliancesNotUsed(_) => "shared_with",
            };
            StoreError::invalid(format!("{field}: {e}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn details() -> ContactDetails {
        ContactDetails {
            name: " Ana Pérez ".to_owned(),
            role: "Director".to_owned(),
            email: Some(" ana@example.org ".to_owned()),
            phone: Some(" ".to_owned()),
            languages: vec!["ES".to_owned(), "en".to_owned(), "es".to_owned()],
            consent: true,
            notes: String::new(),
            visibility: Visibility::Private,
            shared_with: Vec::new(),
        }
    }

    #[test]
    fn details_are_stored_trimmed_and_without_repeats() {
        let stored = details().normalised();
        assert_eq!(stored.name, "Ana Pérez");
        assert_eq!(stored.email.as_deref(), Some("ana@example.org"));
        assert_eq!(stored.phone, None);
        assert_eq!(stored.languages, ["es", "en"]);
        assert!(stored.check().is_ok());
    }

    #[test]
    fn bad_details_name_their_field() {
        type Spoil = fn(&mut ContactDetails);
        let cases: [(Spoil, &str); 5] = [
            (|d| d.name = "  ".to_owned(), "name"),
            (|d| d.email = Some("ana at example".to_owned()), "email"),
            (|d| d.languages = vec!["english".to_owned()], "languages"),
            (|d| d.visibility = Visibility::Public, "visibility"),
            (|d| d.visibility = Visibility::Alliance, "shared_with"),
        ];
        for (spoil, field) in cases {
            let mut bad = details();
            spoil(&mut bad);
            let err = bad.normalised().check().unwrap_err();
            assert!(err.to_string().starts_with(field), "{field}: {err}");
        }
    }
}
