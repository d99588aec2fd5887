//! Contact requests by mail: each admin of the organisation a request is
//! sent to gets one mail through the job queue (scheduled in the request's
//! own transaction, retried like a digest until sent), in their digest
//! language, with the message and a link to answer it, never who asked.

use askama::Template;
use entente_core::access::UserId;
use entente_store::{Job, RequestMail};

use super::mail::Mail;
use super::worker::{Outcome, Worker, now};
use crate::error::AppError;
use crate::locale::Locale;

/// The words and links of a contact request's mail.
pub struct RequestWords {
    pub lang: &'static str,
    pub subject: String,
    pub intro: String,
    pub message: String,
    /// That who asked is told only to whoever answers.
    pub hidden: String,
    pub requests_label: String,
    pub requests_url: String,
}

#[derive(Template)]
#[template(path = "request_mail.html")]
struct RequestHtml<'a> {
    w: &'a RequestWords,
}

#[derive(Template)]
#[template(path = "request_mail.txt")]
struct RequestText<'a> {
    w: &'a RequestWords,
}

impl RequestWords {
    pub fn new(found: &RequestMail, public_link: impl Fn(&str) -> String) -> RequestWords {
        let locale = Locale::ALL
            .into_iter()
            .find(|l| Some(l.code()) == found.language.as_deref())
            .unwrap_or(Locale::En);
        let lang = locale.code();
        let args = [
            ("subject", found.action_title.clone().into()),
            ("name", found.org_name.clone().into()),
        ];
        RequestWords {
            lang,
            subject: locale.t_args("request-mail-subject", &args),
            intro: locale.t_args("request-mail-intro", &args),
            message: found.message.clone(),
            hidden: locale.t("request-mail-hidden"),
            requests_label: locale.t("request-mail-link"),
            requests_url: public_link(&format!(
                "/orgs/{}/requests?lang={lang}",
                found.org_short_name
            )),
        }
    }

    /// The mail, plain text and HTML.
    pub fn mail(&self) -> Result<Mail, askama::Error> {
        Ok(Mail {
            subject: self.subject.clone(),
            text: RequestText { w: self }.render()?,
            html: RequestHtml { w: self }.render()?,
            unsubscribe: self.requests_url.clone(),
            language: self.lang,
        })
    }
}

/// The request and the admin a job's key names: `contact_request:{id}:{user}`.
fn parse_key(key: &str) -> Option<(i64, UserId)> {
    let mut parts = key.strip_prefix("contact_request:")?.split(':');
    let id = parts.next()?.parse().ok()?;
    let user = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some((id, UserId(user)))
}

impl Worker {
    /// Mails a contact request to one admin, or gives the job back; done
    /// without a mail when the request was answered or the admin left.
    pub(super) async fn contact_request(&self, job: &Job) -> Result<Outcome, AppError> {
        let (id, name) = (job.id, self.settings.name.clone());
        let Some((request, user)) = parse_key(&job.unique_key) else {
            return self
                .give_back(job, format!("unreadable key {:?}", job.unique_key))
                .await;
        };
        let found = self
            .store(move |store| store.contact_request_mail(request, user))
            .await?;
        let Some(found) = found else {
            self.store(move |store| store.finish_job(id, &name, &[], now()))
                .await?;
            return Ok(Outcome::Skipped);
        };
        let words = RequestWords::new(&found, |path| self.app.public_link(path));
        let mail = match words.mail() {
            Ok(mail) => mail,
            Err(e) => return self.give_back(job, format!("cannot render: {e}")).await,
        };
        let mailer = self
            .mailer
            .as_ref()
            .expect("a pass claims only with a mailer");
        if let Err(e) = mailer.send(&found.email, &mail).await {
            return self.give_back(job, e).await;
        }
        let finished = self
            .store(move |store| store.finish_job(id, &name, &[], now()))
            .await?;
        if !finished {
            tracing::warn!(
                job = id,
                "contact request mailed after the lease ran out; another worker may send it again"
            );
        }
        tracing::info!(job = id, request, user = user.0, "contact request mailed");
        Ok(Outcome::Sent)
    }
}

#[cfg(test)]
mod tests {
    use super::parse_key;
    use entente_core::access::UserId;

    #[test]
    fn a_job_key_names_the_request_and_the_admin() {
        assert_eq!(parse_key("contact_request:12:7"), Some((12, UserId(7))));
        for bad in [
            "digest:7:2027-W09",
            "contact_request:12",
            "contact_request:x:7",
            "contact_request:1:2:3",
        ] {
            assert_eq!(parse_key(bad), None, "{bad}");
        }
    }
}
