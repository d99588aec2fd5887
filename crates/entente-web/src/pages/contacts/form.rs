//! The contact form: what it holds as typed, read from a posted body (the
//! alliances it is shared with are repeated fields), and why it was
//! refused, field by field.

use entente_core::access::{AllianceId, Visibility};
use entente_store::{Contact, ContactDetails, StoreError};

use crate::api::contacts::contact_refused;
use crate::error::AppError;
use crate::locale::Locale;

/// What a contact form holds, as typed.
#[derive(Debug, Default, Clone)]
pub struct ContactForm {
    pub csrf: String,
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    /// Language codes separated by commas or spaces.
    pub languages: String,
    pub consent: bool,
    pub notes: String,
    pub visibility: String,
    pub shared_with: Vec<i64>,
}

impl ContactForm {
    /// Reads a posted form; repeated `shared_with` fields are the checked
    /// alliances, anything unreadable is left blank for the checks to name.
    pub fn parse(body: &[u8]) -> Self {
        let mut form = ContactForm::default();
        for (key, value) in form_urlencoded::parse(body) {
            let value = value.into_owned();
            match key.as_ref() {
                "csrf" => form.csrf = value,
                "name" => form.name = value,
                "role" => form.role = value,
                "email" => form.email = value,
                "phone" => form.phone = value,
                "languages" => form.languages = value,
                "consent" => form.consent = !value.is_empty(),
                "notes" => form.notes = value,
                "visibility" => form.visibility = value,
                "shared_with" => form.shared_with.extend(value.parse::<i64>().ok()),
                _ => {}
            }
        }
        form
    }

    /// The form filled in with a stored contact.
    pub(super) fn of(contact: &Contact) -> Self {
        let d = &contact.details;
        ContactForm {
            csrf: String::new(),
            name: d.name.clone(),
            role: d.role.clone(),
            email: d.email.clone().unwrap_or_default(),
            phone: d.phone.clone().unwrap_or_default(),
            languages: d.languages.join(", "),
            consent: d.consent,
            notes: d.notes.clone(),
            visibility: d.visibility.code().to_owned(),
            shared_with: d.shared_with.iter().map(|a| a.0).collect(),
        }
    }

    pub(super) fn details(&self) -> Option<ContactDetails> {
        let visibility = self.visibility.parse::<Visibility>().ok()?;
        let optional = |t: &str| Some(t.trim().to_owned()).filter(|t| !t.is_empty());
        Some(ContactDetails {
            name: self.name.clone(),
            role: self.role.clone(),
            email: optional(&self.email),
            phone: optional(&self.phone),
            languages: self
                .languages
                .split([',', ';', ' '])
                .filter(|c| !c.trim().is_empty())
                .map(str::to_owned)
                .collect(),
            consent: self.consent,
            notes: self.notes.clone(),
            visibility,
            shared_with: self.shared_with.iter().copied().map(AllianceId).collect(),
        })
    }

    pub fn shares(&self, alliance: &i64) -> bool {
        self.shared_with.contains(alliance)
    }
}

/// Why a contact form was refused, field by field.
#[derive(Debug, Default)]
pub struct ContactProblems {
    pub name: Option<String>,
    pub email: Option<String>,
    pub languages: Option<String>,
    pub visibility: Option<String>,
    pub shared_with: Option<String>,
}

/// The problems of a refused form: the store's message names the field.
pub(super) fn problems_of(
    locale: Locale,
    form: &ContactForm,
    error: Option<StoreError>,
) -> Result<ContactProblems, AppError> {
    let mut problems = ContactProblems::default();
    let Some(error) = error else {
        // The visibility could not be read.
        problems.visibility = Some(locale.t("contact-visibility-invalid"));
        if form.name.trim().is_empty() {
            problems.name = Some(locale.t("contact-name-blank"));
        }
        return Ok(problems);
    };
    match error {
        StoreError::Forbidden { .. } => {
            problems.visibility = Some(locale.t("contact-share-admin-only"))
        }
        StoreError::Invalid { what } if what.starts_with("name") => {
            problems.name = Some(locale.t("contact-name-blank"))
        }
        StoreError::Invalid { what } if what.starts_with("email") => {
            problems.email = Some(locale.t("contact-email-invalid"))
        }
        StoreError::Invalid { what } if what.starts_with("languages") => {
            problems.languages = Some(locale.t("contact-languages-invalid"));
        }
        StoreError::Invalid { what } if what.starts_with("visibility") => {
            problems.visibility = Some(locale.t("contact-visibility-invalid"));
        }
        StoreError::Invalid { .. } => {
            problems.shared_with = Some(locale.t("contact-shared-with-invalid"))
        }
        other => {
            return Err(contact_refused(
                other,
                AppError::Internal("contact form".to_owned()),
            ));
        }
    }
    Ok(problems)
}
