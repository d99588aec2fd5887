//! The worker of the job queue: it looks again for what concerns each
//! member whose findings are behind the plan or the day (the notification
//! pages only read what it found), schedules each subscriber's digest for
//! the current day or week (one job per user and period, whichever server
//! schedules it first), then claims due jobs one at a time and mails the
//! digests. A failed send gives the job back with its error, to be tried
//! again later and later (never dropped); a worker that dies leaves its
//! job to be taken again when the lease runs out. It runs inside
//! `entente serve` and as `entente jobs run`.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{NaiveDateTime, TimeDelta, Utc};
use entente_core::access::UserId;
use entente_core::notification::{Digest, FindingKind};
use entente_store::{Job, JobKind, NotificationList, Store, StoreError};

use super::mail::{DigestSection, DigestWords, Mailer};
use super::rows::{NoticeRow, notice_rows, outside_chrome};
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::chrome::Chrome;
use crate::state::AppState;
use crate::views::actions::Lookups;

/// How many findings of each kind a digest lists; the list on the site
/// has them all.
const LISTED_PER_KIND: usize = 25;

/// How the worker paces itself.
#[derive(Debug, Clone)]
pub struct WorkerSettings {
    /// Its name in the queue's `claimed_by`: unique per process.
    pub name: String,
    /// How long it sleeps when nothing is due.
    pub poll_interval: Duration,
    /// How long a claimed job is its own before another may take it.
    pub lease: Duration,
    /// The wait before the first retry of a failed job; it doubles with
    /// each failure, up to six hours.
    pub retry_after: Duration,
}

impl WorkerSettings {
    /// A worker named after this host and process.
    pub fn new(poll_interval: Duration) -> WorkerSettings {
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "entente".to_owned());
        WorkerSettings {
            name: format!("{host}-{}-{:08x}", std::process::id(), fastrand_u32()),
            poll_interval,
            lease: Duration::from_secs(600),
            retry_after: Duration::from_secs(60),
        }
    }
}

/// A name part that differs between two workers of one process.
fn fastrand_u32() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let nanos = Utc::now().timestamp_subsec_nanos();
    nanos ^ NEXT.fetch_add(0x9e37_79b9, Ordering::Relaxed)
}

/// What one pass of the worker did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pass {
    /// Users whose findings were looked for again.
    pub refreshed: usize,
    /// Digest jobs added by this pass.
    pub scheduled: usize,
    /// Digests and contact requests mailed.
    pub sent: usize,
    /// Jobs done without a mail: nothing new, the digest turned off
    /// since, or a contact request answered before it was mailed.
    pub skipped: usize,
    /// Jobs given back after a failure.
    pub failed: usize,
}

/// The worker: the application's state (store, public address) and the
/// mailer, when one is configured.
#[derive(Clone)]
pub struct Worker {
    pub(super) app: AppState,
    pub(super) mailer: Option<Mailer>,
    pub(super) settings: WorkerSettings,
}

impl Worker {
    pub fn new(app: AppState, mailer: Option<Mailer>, settings: WorkerSettings) -> Worker {
        Worker {
            app,
            mailer,
            settings,
        }
    }

    /// Whether digests are sent (an SMTP server is configured).
    pub fn has_mailer(&self) -> bool {
        self.mailer.is_some()
    }

    /// Runs passes until `stop` resolves, sleeping `poll_interval` between them.
    pub async fn run(self, stop: impl std::future::Future<Output = ()>) {
        if self.mailer.is_none() {
            tracing::warn!(
                "no SMTP server configured (ENTENTE_SMTP_URL and ENTENTE_MAIL_FROM): digests are scheduled and wait in the queue"
            );
        }
        tracing::info!(worker = %self.settings.name, every = ?self.settings.poll_interval, "job worker started");
        tokio::pin!(stop);
        loop {
            match self.pass().await {
                Ok(pass) if pass != Pass::default() => tracing::info!(?pass, "job worker pass"),
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "job worker pass failed"),
            }
            tokio::select! {
                () = &mut stop => break,
                () = tokio::time::sleep(self.settings.poll_interval) => {}
            }
        }
        tracing::info!(worker = %self.settings.name, "job worker stopped");
    }

    /// Looks again for what concerns the members due for it, schedules
    /// what is due, then works through the due jobs until none is left
    /// (without a mailer, looks and schedules only).
    pub async fn pass(&self) -> Result<Pass, AppError> {
        let mut pass = Pass {
            refreshed: self.refresh().await?,
            scheduled: self.schedule().await?,
            ..Pass::default()
        };
        if self.mailer.is_none() {
            return Ok(pass);
        }
        while let Some(job) = self.claim().await? {
            let outcome = match job.kind {
                JobKind::Digest => self.digest(&job).await?,
                JobKind::ContactRequest => self.contact_request(&job).await?,
            };
            match outcome {
                Outcome::Sent => pass.sent += 1,
                Outcome::Skipped => pass.skipped += 1,
                Outcome::Failed => pass.failed += 1,
            }
        }
        Ok(pass)
    }

    /// Looks again for what concerns each member due for it (see
    /// [`Store::refresh_if_due`]), one after the other; returns how many.
    async fn refresh(&self) -> Result<usize, AppError> {
        let due = self
            .store(|store| store.users_to_refresh(now().date()))
            .await?;
        let mut refreshed = 0;
        for user in due {
            let looked = self
                .store(move |store| {
                    let now = now();
                    store.refresh_if_due(user, now.date(), now)
                })
                .await;
            match looked {
                Ok(Some(_)) => refreshed += 1,
                Ok(None) => {}
                // One user's failure does not keep the others waiting.
                Err(e) => tracing::error!(user = user.0, error = %e, "findings not looked for"),
            }
        }
        Ok(refreshed)
    }

    async fn schedule(&self) -> Result<usize, AppError> {
        self.store(|store| {
            let now = Utc::now().naive_utc();
            let mut added = 0;
            for subscriber in store.digest_subscribers()? {
                let Some(period) = subscriber.digest.period(now.date()) else {
                    continue;
                };
                let key = format!("digest:{}:{period}", subscriber.user.0);
                if store.schedule_job(JobKind::Digest, &key, Some(subscriber.user), now, now)? {
                    added += 1;
                }
            }
            Ok(added)
        })
        .await
    }

    async fn claim(&self) -> Result<Option<Job>, AppError> {
        let (name, lease) = (self.settings.name.clone(), self.settings.lease);
        self.store(move |store| {
            let lease = TimeDelta::from_std(lease).unwrap_or(TimeDelta::minutes(10));
            store.claim_job(&name, Utc::now().naive_utc(), lease)
        })
        .await
    }

    /// Mails the digest of `job`'s user, or gives the job back.
    async fn digest(&self, job: &Job) -> Result<Outcome, AppError> {
        let (id, name) = (job.id, self.settings.name.clone());
        let Some(user) = job.user else {
            self.store(move |store| store.finish_job(id, &name, &[], now()))
                .await?;
            return Ok(Outcome::Skipped);
        };
        let composed = match self.compose(user).await {
            Ok(composed) => composed,
            Err(e) => return self.give_back(job, format!("cannot compose: {e}")).await,
        };
        let Some((to, words, ids)) = composed else {
            self.store(move |store| store.finish_job(id, &name, &[], now()))
                .await?;
            return Ok(Outcome::Skipped);
        };
        let mail = match words.mail() {
            Ok(mail) => mail,
            Err(e) => return self.give_back(job, format!("cannot render: {e}")).await,
        };
        let mailer = self
            .mailer
            .as_ref()
            .expect("a pass claims only with a mailer");
        if let Err(e) = mailer.send(&to, &mail).await {
            return self.give_back(job, e).await;
        }
        let findings = ids.len();
        let finished = self
            .store(move |store| store.finish_job(id, &name, &ids, now()))
            .await?;
        if !finished {
            tracing::warn!(
                job = id,
                "digest sent after the lease ran out; another worker may send it again"
            );
        }
        tracing::info!(job = id, user = user.0, findings, "digest sent");
        Ok(Outcome::Sent)
    }

    pub(super) async fn give_back(&self, job: &Job, error: String) -> Result<Outcome, AppError> {
        let doublings = u32::try_from(job.attempts.saturating_sub(1))
            .unwrap_or(0)
            .min(16);
        let wait = self
            .settings
            .retry_after
            .saturating_mul(2_u32.saturating_pow(doublings))
            .min(Duration::from_secs(6 * 3600));
        let retry_at = now() + TimeDelta::from_std(wait).unwrap_or(TimeDelta::hours(6));
        tracing::warn!(job = job.id, attempts = job.attempts, %retry_at, %error, "mail not sent; it will be tried again");
        let (id, name) = (job.id, self.settings.name.clone());
        self.store(move |store| store.fail_job(id, &name, &error, retry_at))
            .await?;
        Ok(Outcome::Failed)
    }

    /// The address, the digest and the notifications it holds; `None`
    /// when there is nothing to send (nothing new, the digest turned off
    /// since, the account disabled).
    async fn compose(
        &self,
        user: UserId,
    ) -> Result<Option<(String, DigestWords, Vec<i64>)>, AppError> {
        let found = self
            .app
            .read(move |store| {
                let Some(account) = store.user(user)?.filter(|a| !a.disabled) else {
                    return Ok::<_, StoreError>(None);
                };
                let Some(preferences) = store
                    .notification_preferences(user)?
                    .filter(|p| p.digest != Digest::Off)
                else {
                    return Ok(None);
                };
                let now = now();
                let scope = store.member_scope(user)?;
                // When it is not this worker's turn, another may be looking
                // with nothing recorded yet: look here too rather than send
                // (or skip) the digest without what it finds. Two looks
                // record each finding once (see `record_findings`).
                if store.refresh_if_due(user, now.date(), now)?.is_none() {
                    store.refresh_notifications(&scope, now.date(), now)?;
                }
                let list = store.unmailed_notifications(&scope)?;
                if list.items.is_empty() {
                    return Ok(None);
                }
                let lookups = Lookups::load(store, &scope)?;
                Ok(Some((account.email, preferences, list, lookups)))
            })
            .await?;
        let Some((email, preferences, list, lookups)) = found else {
            return Ok(None);
        };
        let locale = Locale::ALL
            .into_iter()
            .find(|l| l.code() == preferences.language)
            .unwrap_or(Locale::En);
        let chrome = outside_chrome(&self.app, locale, "/notifications").await?;
        let ids = list.items.iter().map(|n| n.id).collect();
        let words = self.words(&chrome, &lookups, &list, preferences.digest);
        Ok(Some((email, words, ids)))
    }

    fn words(
        &self,
        chrome: &Chrome,
        lookups: &Lookups,
        list: &NotificationList,
        digest: Digest,
    ) -> DigestWords {
        let locale = chrome.locale;
        let lang = locale.code();
        let rows = notice_rows(chrome, lookups, list);
        let total = rows.len();
        let mut by_kind: BTreeMap<&'static str, Vec<NoticeRow>> = BTreeMap::new();
        for row in rows {
            by_kind.entry(row.kind).or_default().push(row);
        }
        let mut sections = Vec::new();
        for kind in [
            FindingKind::Overlap,
            FindingKind::Gap,
            FindingKind::Deadline,
        ] {
            let Some(mut rows) = by_kind.remove(kind.code()) else {
                continue;
            };
            let count = rows.len();
            let more = (count > LISTED_PER_KIND)
                .then(|| locale.count("notifications-mail-more", count - LISTED_PER_KIND));
            rows.truncate(LISTED_PER_KIND);
            sections.push(DigestSection {
                heading: locale.count(
                    &format!("notifications-mail-section-{}", kind.code()),
                    count,
                ),
                rows,
                more,
            });
        }
        DigestWords {
            lang,
            title: locale.t(&format!("notifications-mail-subject-{}", digest.code())),
            intro: locale.count("notifications-mail-intro", total),
            sections,
            list_label: locale.t("notifications-mail-list"),
            list_url: self.app.public_link(&format!("/notifications?lang={lang}")),
            preferences_label: locale.t("notifications-mail-preferences"),
            preferences_url: self
                .app
                .public_link(&format!("/account/notifications?lang={lang}")),
            base: self.app.public_link(""),
        }
    }

    pub(super) async fn store<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, AppError> {
        self.app.read(work).await
    }
}

pub(super) enum Outcome {
    Sent,
    Skipped,
    Failed,
}

pub(super) fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}
