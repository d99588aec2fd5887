//! Mail through the instance's SMTP server (lettre, on tokio): `smtp://`
//! for a plain relay (`?tls=required` for STARTTLS), `smtps://` for TLS
//! from the first byte, with `user:password@` when the server wants a login.

use std::fmt;
use std::time::Duration;

use askama::Template;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::rows::NoticeRow;

/// How long one conversation with the SMTP server may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// Where and as whom mail is sent.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The URL without its password, for the log.
    shown: String,
}

impl fmt::Debug for Mailer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mailer")
            .field("smtp", &self.shown)
            .field("from", &self.from.to_string())
            .finish()
    }
}

/// A setting of the mailer that cannot be used, and why.
#[derive(Debug, thiserror::Error)]
pub enum MailSettingError {
    #[error("ENTENTE_SMTP_URL / --smtp-url: {0}")]
    SmtpUrl(String),
    #[error("ENTENTE_MAIL_FROM / --mail-from: {0}")]
    From(String),
}

impl Mailer {
    /// The mailer of `smtp_url` sending as `from` (`Entente <entente@example.org>`
    /// or a bare address).
    pub fn new(smtp_url: &str, from: &str) -> Result<Mailer, MailSettingError> {
        let from: Mailbox = from
            .trim()
            .parse()
            .map_err(|e| MailSettingError::From(format!("{from:?} is not an address: {e}")))?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url.trim())
            .map_err(|e| MailSettingError::SmtpUrl(format!("{}: {e}", redact(smtp_url))))?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        Ok(Mailer {
            transport,
            from,
            shown: redact(smtp_url),
        })
    }

    /// Sends `mail` to `to`; the error is the server's or the network's, in words.
    pub async fn send(&self, to: &str, mail: &Mail) -> Result<(), String> {
        let to: Mailbox = to
            .parse()
            .map_err(|e| format!("the address {to:?} is not usable: {e}"))?;
        let unsubscribe = HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe"),
            format!("<{}>", mail.unsubscribe),
        );
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&mail.subject)
            .raw_header(unsubscribe)
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Content-Language"),
                mail.language.to_owned(),
            ))
            .multipart(MultiPart::alternative_plain_html(
                mail.text.clone(),
                mail.html.clone(),
            ))
            .map_err(|e| format!("the message cannot be built: {e}"))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| format!("{}: {e}", self.shown))
    }
}

/// `smtps://user:secret@host` as `smtps://user:***@host`.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// A composed mail.
#[derive(Debug, Clone)]
pub struct Mail {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The preferences page, where the digest is turned off.
    pub unsubscribe: String,
    pub language: &'static str,
}

/// One section of a digest: the findings of one kind.
pub struct DigestSection {
    pub heading: String,
    pub rows: Vec<NoticeRow>,
    /// That more were found than listed, in words.
    pub more: Option<String>,
}

/// The words and links a digest is written with.
pub struct DigestWords {
    pub lang: &'static str,
    pub title: String,
    pub intro: String,
    pub sections: Vec<DigestSection>,
    pub list_label: String,
    pub list_url: String,
    pub preferences_label: String,
    pub preferences_url: String,
    /// How links to actions start: the instance's public address.
    pub base: String,
}

#[derive(Template)]
#[template(path = "digest_mail.html")]
struct DigestHtml<'a> {
    d: &'a DigestWords,
}

#[derive(Template)]
#[template(path = "digest_mail.txt")]
struct DigestText<'a> {
    d: &'a DigestWords,
}

impl DigestWords {
    /// The mail of this digest, plain text and HTML.
    pub fn mail(&self) -> Result<Mail, askama::Error> {
        Ok(Mail {
            subject: self.title.clone(),
            text: DigestText { d: self }.render()?,
            html: DigestHtml { d: self }.render()?,
            unsubscribe: self.preferences_url.clone(),
            language: self.lang,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn a_password_never_reaches_the_log() {
        assert_eq!(
            redact("smtps://ana:s3cret@mail.example.org:465"),
            "smtps://ana:***@mail.example.org:465"
        );
        assert_eq!(redact("smtp://127.0.0.1:25"), "smtp://127.0.0.1:25");
    }
}
