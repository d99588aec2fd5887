//! The job queue, shared by every server on one database. Scheduling is
//! idempotent through a unique key; a worker claims one job at a time with
//! a lease (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so workers never wait on
//! each other's job; SQLite: one `UPDATE ... RETURNING`, which holds the
//! database's write lock); a job whose lease ran out (its worker died) is
//! claimed again; a failed job waits for its next try with its error, and
//! nothing leaves the table: done jobs keep their `done_at`.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};
use entente_core::access::UserId;

use crate::connection::DbConnection;
use crate::schema::{jobs, notifications};
use crate::{Store, StoreError, transaction};

/// What a job does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobKind {
    /// Mail a user the digest of what is new for them.
    Digest,
    /// Mail an admin of an organisation a contact request sent to it
    /// (`contact_request:{request}:{user}`).
    ContactRequest,
}

impl JobKind {
    pub fn code(self) -> &'static str {
        match self {
            JobKind::Digest => "digest",
            JobKind::ContactRequest => "contact_request",
        }
    }

    fn parse(code: &str) -> Result<JobKind, StoreError> {
        match code {
            "digest" => Ok(JobKind::Digest),
            "contact_request" => Ok(JobKind::ContactRequest),
            other => Err(StoreError::Corrupt {
                what: format!("job kind {other:?}"),
            }),
        }
    }
}

/// Which jobs a listing shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobState {
    /// Not done yet: waiting, claimed, or failed and waiting to be retried.
    Pending,
    /// Not done and failed at least once.
    Failing,
    All,
}

/// One job of the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub id: i64,
    pub kind: JobKind,
    /// What makes two schedulings of the same work one job
    /// (`digest:42:2027-W09`).
    pub unique_key: String,
    pub user: Option<UserId>,
    /// Not before (UTC).
    pub run_at: NaiveDateTime,
    /// How many times it was claimed.
    pub attempts: i32,
    pub claimed_by: Option<String>,
    pub lease_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub done_at: Option<NaiveDateTime>,
}

type JobRow = (
    i64,
    String,
    String,
    Option<i64>,
    NaiveDateTime,
    i32,
    Option<String>,
    Option<NaiveDateTime>,
    Option<String>,
    NaiveDateTime,
    Option<NaiveDateTime>,
);

fn job(row: JobRow) -> Result<Job, StoreError> {
    Ok(Job {
        id: row.0,
        kind: JobKind::parse(&row.1)?,
        unique_key: row.2,
        user: row.3.map(UserId),
        run_at: row.4,
        attempts: row.5,
        claimed_by: row.6,
        lease_until: row.7,
        last_error: row.8,
        created_at: row.9,
        done_at: row.10,
    })
}

macro_rules! job_columns {
    () => {
        (
            jobs::id,
            jobs::kind,
            jobs::unique_key,
            jobs::user_id,
            jobs::run_at,
            jobs::attempts,
            jobs::claimed_by,
            jobs::lease_until,
            jobs::last_error,
            jobs::created_at,
            jobs::done_at,
        )
    };
}

#[derive(QueryableByName)]
struct Claimed {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// The claim, as one statement: the first job due and not under a live
/// lease, in order of `run_at`.
const CLAIM_SQLITE: &str = "UPDATE jobs SET claimed_by = $1, lease_until = $2, attempts = attempts + 1 \
     WHERE id = (SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= $3 \
     AND (lease_until IS NULL OR lease_until < $3) ORDER BY run_at, id LIMIT 1) \
     AND done_at IS NULL AND (lease_until IS NULL OR lease_until < $3) RETURNING id";

const CLAIM_POSTGRES: &str = "UPDATE jobs SET claimed_by = $1, lease_until = $2, attempts = attempts + 1 \
     WHERE id = (SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= $3 \
     AND (lease_until IS NULL OR lease_until < $3) ORDER BY run_at, id LIMIT 1 \
     FOR UPDATE SKIP LOCKED) RETURNING id";

/// Adds a job unless one with `unique_key` exists, inside the caller's
/// transaction; whether it was added.
pub(crate) fn insert_job(
    conn: &mut DbConnection,
    kind: JobKind,
    unique_key: &str,
    user: Option<UserId>,
    run_at: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<bool, StoreError> {
    let exists: i64 = jobs::table
        .filter(jobs::unique_key.eq(unique_key))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(false);
    }
    diesel::insert_into(jobs::table)
        .values((
            jobs::kind.eq(kind.code()),
            jobs::unique_key.eq(unique_key),
            jobs::user_id.eq(user.map(|u| u.0)),
            jobs::run_at.eq(run_at),
            jobs::attempts.eq(0),
            jobs::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(true)
}

impl Store {
    /// Adds a job unless one with `unique_key` exists (done or not);
    /// returns whether it was added. Servers that schedule the same work
    /// at once add one job between them.
    pub fn schedule_job(
        &self,
        kind: JobKind,
        unique_key: &str,
        user: Option<UserId>,
        run_at: NaiveDateTime,
        now: NaiveDateTime,
    ) -> Result<bool, StoreError> {
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            insert_job(conn, kind, unique_key, user, run_at, now)
        })
    }

    /// Claims the job due first at `now` for `worker`, for `lease`: no
    /// other worker gets it until the lease runs out or the job is given
    /// back. `None` when nothing is due.
    pub fn claim_job(
        &self,
        worker: &str,
        now: NaiveDateTime,
        lease: TimeDelta,
    ) -> Result<Option<Job>, StoreError> {
        let mut conn = self.connection()?;
        let until = now + lease;
        let claimed: Vec<Claimed> = match &mut *conn {
            DbConnection::Sqlite(sqlite) => diesel::sql_query(CLAIM_SQLITE)
                .bind::<Text, _>(worker)
                .bind::<Timestamp, _>(until)
                .bind::<Timestamp, _>(now)
                .load(sqlite)?,
            DbConnection::Postgres(pg) => diesel::sql_query(CLAIM_POSTGRES)
                .bind::<Text, _>(worker)
                .bind::<Timestamp, _>(until)
                .bind::<Timestamp, _>(now)
                .load(pg)?,
        };
        let Some(claimed) = claimed.first() else {
            return Ok(None);
        };
        let row: JobRow = jobs::table
            .find(claimed.id)
            .select(job_columns!())
            .first(&mut *conn)?;
        job(row).map(Some)
    }

    /// Marks the job done, if `worker` still holds it; returns whether it
    /// did (a worker whose lease ran out and whose job another took does
    /// not). `mailed` notifications are marked sent in the same
    /// transaction.
    pub fn finish_job(
        &self,
        id: i64,
        worker: &str,
        mailed: &[i64],
        now: NaiveDateTime,
    ) -> Result<bool, StoreError> {
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let done = diesel::update(
                jobs::table
                    .find(id)
                    .filter(jobs::claimed_by.eq(worker))
                    .filter(jobs::done_at.is_null()),
            )
            .set((
                jobs::done_at.eq(now),
                jobs::lease_until.eq(None::<NaiveDateTime>),
                jobs::last_error.eq(None::<String>),
            ))
            .execute(conn)?;
            if done == 0 {
                return Ok(false);
            }
            let user: Option<i64> = jobs::table.find(id).select(jobs::user_id).first(conn)?;
            if let (Some(user), false) = (user, mailed.is_empty()) {
                for chunk in mailed.chunks(10_000) {
                    diesel::update(
                        notifications::table
                            .filter(notifications::user_id.eq(user))
                            .filter(notifications::id.eq_any(chunk.to_vec())),
                    )
                    .set(notifications::mailed_at.eq(now))
                    .execute(conn)?;
                }
            }
            Ok(true)
        })
    }

    /// Gives the job back after a failure, to be tried again at `retry_at`,
    /// with `error` kept for whoever looks at the queue; returns whether
    /// `worker` still held it.
    pub fn fail_job(
        &self,
        id: i64,
        worker: &str,
        error: &str,
        retry_at: NaiveDateTime,
    ) -> Result<bool, StoreError> {
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let given_back = diesel::update(
                jobs::table
                    .find(id)
                    .filter(jobs::claimed_by.eq(worker))
                    .filter(jobs::done_at.is_null()),
            )
            .set((
                jobs::claimed_by.eq(None::<String>),
                jobs::lease_until.eq(None::<NaiveDateTime>),
                jobs::last_error.eq(error),
                jobs::run_at.eq(retry_at),
            ))
            .execute(conn)?;
            Ok(given_back > 0)
        })
    }

    /// The jobs in `state`, the most recently created first, at most `limit`.
    pub fn jobs(&self, state: JobState, limit: i64) -> Result<Vec<Job>, StoreError> {
        let mut query = jobs::table.into_boxed();
        match state {
            JobState::Pending => query = query.filter(jobs::done_at.is_null()),
            JobState::Failing => {
                query = query
                    .filter(jobs::done_at.is_null())
                    .filter(jobs::last_error.is_not_null());
            }
            JobState::All => {}
        }
        let rows: Vec<JobRow> = query
            .order(jobs::id.desc())
            .limit(limit)
            .select(job_columns!())
            .load(&mut *self.connection()?)?;
        rows.into_iter().map(job).collect()
    }
}
