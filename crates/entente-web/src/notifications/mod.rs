//! Notifications of the coordination engine's findings: the rows the
//! in-app list and the digest share, the mailer, and the job worker that
//! schedules and sends the digests and the mails of contact requests.

pub mod mail;
mod requests;
pub(crate) mod rows;
pub mod worker;

pub use mail::{MailSettingError, Mailer};
pub use worker::{Pass, Worker, WorkerSettings};
