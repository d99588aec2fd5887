//! `entente jobs list|run`: the job queue in the database (the e-mail
//! digests), for site administrators: what waits and what keeps failing
//! with its last error, and a worker outside `entente serve`. Also the mail
//! settings `entente serve` shares.

use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use entente_store::{Job, JobState};
use entente_web::notifications::{Mailer, Worker, WorkerSettings};

use crate::config::Settings;

/// Where the digests are sent from, and how often the worker looks for work.
#[derive(Args, Clone, Debug)]
pub struct MailArgs {
    /// The SMTP server of the e-mail digests: `smtp://host:25` (plain), `smtp://host:587?tls=required`
    /// (STARTTLS), `smtps://user:password@host:465` (TLS). Without it and --mail-from no digest is
    /// sent: the digests wait in the queue.
    #[arg(long, env = "ENTENTE_SMTP_URL")]
    pub smtp_url: Option<String>,

    /// The sender of the digests: `Entente <entente@example.org>` or a bare address.
    #[arg(long, env = "ENTENTE_MAIL_FROM")]
    pub mail_from: Option<String>,

    /// Seconds the job worker waits between two looks at the queue.
    #[arg(long, env = "ENTENTE_JOB_POLL_SECONDS", default_value = "60", value_parser = parse_seconds)]
    pub job_poll_seconds: u64,
}

fn parse_seconds(s: &str) -> Result<u64, String> {
    match s.trim().parse::<u64>() {
        Ok(n) if (1..=86_400).contains(&n) => Ok(n),
        _ => Err(format!(
            "ENTENTE_JOB_POLL_SECONDS / --job-poll-seconds must be a whole number of seconds from 1 to 86400 (got {s:?})"
        )),
    }
}

impl MailArgs {
    /// The mailer, when both settings are given; one without the other is
    /// a mistake and stops the start.
    pub fn mailer(&self) -> anyhow::Result<Option<Mailer>> {
        let url = self.smtp_url.as_deref().filter(|s| !s.trim().is_empty());
        let from = self.mail_from.as_deref().filter(|s| !s.trim().is_empty());
        match (url, from) {
            (Some(url), Some(from)) => Ok(Some(Mailer::new(url, from)?)),
            (None, None) => Ok(None),
            (Some(_), None) => {
                bail!(
                    "ENTENTE_SMTP_URL / --smtp-url is set but ENTENTE_MAIL_FROM / --mail-from is not: say whom the digests come from"
                )
            }
            (None, Some(_)) => {
                bail!(
                    "ENTENTE_MAIL_FROM / --mail-from is set but ENTENTE_SMTP_URL / --smtp-url is not: say which SMTP server sends the digests"
                )
            }
        }
    }

    pub fn worker_settings(&self) -> WorkerSettings {
        WorkerSettings::new(Duration::from_secs(self.job_poll_seconds))
    }
}

#[derive(Subcommand)]
pub enum JobsCommand {
    /// List the jobs that are not done (waiting, claimed, or failed and waiting for a retry), with
    /// their last error; `--all` for done ones too.
    List(ListArgs),
    /// Run a job worker: schedule the digests that are due and send them, then look again every
    /// --job-poll-seconds (until Ctrl-C), or once with --once.
    Run(RunArgs),
}

#[derive(Args)]
pub struct ListArgs {
    /// Done jobs too.
    #[arg(long)]
    all: bool,
    /// Only jobs that failed at least once.
    #[arg(long, conflicts_with = "all")]
    failing: bool,
    /// At most this many, the newest first.
    #[arg(long, default_value = "100")]
    limit: i64,
}

#[derive(Args)]
pub struct RunArgs {
    /// One pass, then exit.
    #[arg(long)]
    once: bool,
    #[command(flatten)]
    mail: MailArgs,
}

pub fn run(settings: &Settings, command: JobsCommand) -> anyhow::Result<()> {
    match command {
        JobsCommand::List(args) => list(settings, &args),
        JobsCommand::Run(args) => run_worker(settings, args),
    }
}

fn list(settings: &Settings, args: &ListArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    let state = if args.all {
        JobState::All
    } else if args.failing {
        JobState::Failing
    } else {
        JobState::Pending
    };
    let jobs = store.jobs(state, args.limit.max(1))?;
    if jobs.is_empty() {
        eprintln!("no jobs");
        return Ok(());
    }
    println!("id\tkind\tkey\tstate\tattempts\trun_at\tlast_error");
    for job in &jobs {
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            job.id,
            job.kind.code(),
            job.unique_key,
            job_state(job),
            job.attempts,
            job.run_at.format("%Y-%m-%d %H:%M:%S"),
            job.last_error
                .as_deref()
                .unwrap_or("")
                .replace(['\t', '\n'], " ")
        );
    }
    Ok(())
}

fn job_state(job: &Job) -> String {
    match (&job.done_at, &job.claimed_by, &job.last_error) {
        (Some(done), _, _) => format!("done {}", done.format("%Y-%m-%d %H:%M:%S")),
        (None, Some(worker), _) if job.lease_until.is_some() => format!("claimed by {worker}"),
        (None, _, Some(_)) => "failing".to_owned(),
        (None, _, None) => "waiting".to_owned(),
    }
}

fn run_worker(settings: &Settings, args: RunArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    let mailer = args.mail.mailer()?;
    let worker_settings = args.mail.worker_settings();
    let app =
        entente_web::AppState::new(store).with_public_url(settings.public_url.as_str().to_owned());
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let worker = Worker::new(app, mailer, worker_settings);
        if args.once {
            if !worker.has_mailer() {
                tracing::warn!("no SMTP server configured (ENTENTE_SMTP_URL and ENTENTE_MAIL_FROM): digests are scheduled and wait in the queue");
            }
            let pass = worker
                .pass()
                .await
                .map_err(|e| anyhow::anyhow!("the job worker's pass failed: {e}"))?;
            eprintln!(
                "scheduled {}, sent {}, nothing to send {}, failed {}",
                pass.scheduled, pass.sent, pass.skipped, pass.failed
            );
            if pass.failed > 0 {
                bail!("{} digest(s) not sent; see `entente jobs list --failing`", pass.failed);
            }
            return Ok(());
        }
        worker.run(super::serve::shutdown_signal()).await;
        Ok(())
    })
}
