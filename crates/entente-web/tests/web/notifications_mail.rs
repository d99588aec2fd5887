//! The e-mail digests against a real SMTP server started by the test
//! (Debian's `python3-aiosmtpd`, writing to a Maildir that the test reads
//! back and parses): the content and language of a digest, one mail when
//! two workers share the database, and a send that failed while the server
//! was down retried and delivered once it is back. Skipped with a message
//! when aiosmtpd is missing, unless `ENTENTE_REQUIRE_SMTP` is set (CI).

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use entente_core::access::{Role, UserId, Visibility};
use entente_core::notification::Digest;
use entente_store::{JobState, NotificationPreferences, Store};
use entente_web::AppState;
use entente_web::notifications::{Mailer, Worker, WorkerSettings};
use serde_json::Value;

use super::app::TestApp;
use super::fixture;
use super::orgs::{organisation, person};

const PYTHON: &str = "/usr/bin/python3";

/// Whether aiosmtpd can run here; says why not, or fails under CI.
fn smtp_available(test: &str) -> bool {
    let found = Command::new(PYTHON)
        .args(["-c", "import aiosmtpd"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var_os("ENTENTE_REQUIRE_SMTP").is_none(),
            "ENTENTE_REQUIRE_SMTP is set but {PYTHON} cannot import aiosmtpd (apt-get install python3-aiosmtpd)"
        );
        eprintln!(
            "{test}: skipped, {PYTHON} cannot import aiosmtpd (apt-get install python3-aiosmtpd)"
        );
    }
    found
}

/// An SMTP server process that files every message in a Maildir.
struct SmtpServer {
    child: Child,
}

impl SmtpServer {
    fn start(maildir: &Path, port: u16) -> SmtpServer {
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(maildir.join(sub)).unwrap();
        }
        let child = Command::new(PYTHON)
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start aiosmtpd");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "aiosmtpd did not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        SmtpServer { child }
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The messages of `maildir`, parsed by Python's `email` package.
fn messages(maildir: &Path) -> Vec<Value> {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/web/smtp/read_maildir.py");
    let output = Command::new(PYTHON)
        .arg(script)
        .arg(maildir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice::<Value>(&output.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn worker(store: &Store, port: u16) -> Worker {
    let app = AppState::new(store.clone()).with_public_url("https://entente.example.org".into());
    let mailer = Mailer::new(
        &format!("smtp://127.0.0.1:{port}"),
        "Entente <entente@example.org>",
    )
    .unwrap();
    let settings = WorkerSettings {
        retry_after: Duration::from_secs(1),
        ..WorkerSettings::new(Duration::from_secs(60))
    };
    Worker::new(app, Some(mailer), settings)
}

/// Two public organisations whose letters on France overlap; Ana (admin of
/// npm-watch) and Bo (its viewer).
fn plant(app: &TestApp) -> (UserId, UserId) {
    let watch = organisation(app, "npm-watch", Visibility::Public);
    let rights = organisation(app, "rights-now", Visibility::Public);
    let ana = person(app, "ana@example.org", "Ana", watch, Role::Admin);
    let bo = person(app, "bo@example.org", "Bo", watch, Role::Viewer);
    let site = entente_core::access::AccessScope::SiteAdmin(UserId::NOBODY);
    for (lead, title) in [
        (watch, "Lettre de npm-watch"),
        (rights, "Letter of rights-now"),
    ] {
        let letter = fixture::letter(lead, title, "FRA", Visibility::Public);
        app.store.create_action(&site, &letter).unwrap();
    }
    (ana, bo)
}

fn prefer(app: &TestApp, user: UserId, digest: Digest, language: &str) {
    let preferences = NotificationPreferences {
        digest,
        language: language.to_owned(),
    };
    app.store
        .set_notification_preferences(user, &preferences, chrono::Utc::now().naive_utc())
        .unwrap();
}

#[tokio::test]
async fn digests_are_mailed_once_in_the_users_language_and_retried_after_a_failure() {
    if !smtp_available("digests_are_mailed_once") {
        return;
    }
    fixture::on_each_backend(async |app| {
        let maildir = tempfile::tempdir().unwrap();
        let port = free_port();
        let mut smtp = SmtpServer::start(maildir.path(), port);
        let (ana, bo) = plant(app);
        prefer(app, ana, Digest::Weekly, "fr");

        // Two servers' workers on one database, at the same time.
        let second = app.second_server().await;
        let (first, other) = (worker(&app.store, port), worker(&second.store, port));
        let (a, b) = tokio::join!(first.pass(), other.pass());
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(
            (a.scheduled + b.scheduled, a.sent + b.sent),
            (1, 1),
            "{a:?} {b:?}"
        );
        let mails = messages(maildir.path());
        assert_eq!(mails.len(), 1, "{mails:#?}");
        let mail = &mails[0];
        assert_eq!(mail["to"], "ana@example.org");
        assert_eq!(mail["from"], "Entente <entente@example.org>");
        assert_eq!(
            mail["subject"],
            "Entente\u{a0}: les nouveautés de la semaine qui vous concernent"
        );
        assert_eq!(mail["content_type"], "multipart/alternative");
        assert_eq!(mail["content_language"], "fr");
        assert_eq!(
            mail["list_unsubscribe"],
            "<https://entente.example.org/account/notifications?lang=fr>"
        );
        let text = mail["text"].as_str().unwrap();
        let html = mail["html"].as_str().unwrap();
        for body in [text, html] {
            assert!(body.contains("Lettre de npm-watch"), "{body}");
            assert!(body.contains("Letter of rights-now"), "{body}");
            assert!(body.contains("chevauchement avec vos actions"), "{body}");
            assert!(body.contains("France"), "{body}");
            assert!(
                body.contains("https://entente.example.org/actions/"),
                "{body}"
            );
            assert!(
                body.contains("https://entente.example.org/notifications?lang=fr"),
                "{body}"
            );
        }
        assert!(html.contains("<html lang=\"fr\">"), "{html}");

        // The week's digest is done: another pass sends nothing.
        let again = first.pass().await.unwrap();
        assert_eq!((again.scheduled, again.sent), (0, 0), "{again:?}");

        // The server goes down: Bo's digest fails, waits with its error...
        smtp.stop();
        prefer(app, bo, Digest::Daily, "en");
        let failed = first.pass().await.unwrap();
        assert_eq!(
            (failed.scheduled, failed.failed, failed.sent),
            (1, 1, 0),
            "{failed:?}"
        );
        let failing = app.store.jobs(JobState::Failing, 10).unwrap();
        assert_eq!(failing.len(), 1, "{failing:?}");
        assert_eq!(failing[0].user, Some(bo));
        assert!(
            failing[0]
                .last_error
                .as_deref()
                .is_some_and(|e| !e.is_empty())
        );
        // ...is not retried before its time...
        let early = other.pass().await.unwrap();
        assert_eq!(early.sent + early.failed, 0, "{early:?}");
        // ...and is delivered once the server is back.
        let _smtp = SmtpServer::start(maildir.path(), port);
        tokio::time::sleep(Duration::from_millis(1200)).await;
        let retried = other.pass().await.unwrap();
        assert_eq!(retried.sent, 1, "{retried:?}");
        assert!(app.store.jobs(JobState::Pending, 10).unwrap().is_empty());
        let mails = messages(maildir.path());
        assert_eq!(mails.len(), 2, "{mails:#?}");
        let bo_mail = mails.iter().find(|m| m["to"] == "bo@example.org").unwrap();
        assert_eq!(bo_mail["subject"], "Entente: what is new for you today");
        assert!(
            bo_mail["text"]
                .as_str()
                .unwrap()
                .contains("overlap with your actions")
        );
    })
    .await;
}

/// Quiet's private letter emits a signal; Ana of npm-watch asks for
/// contact through it. Quiet's two admins (Quinn, who reads French, and
/// Rui) each get one mail with the message and a link to answer, never
/// who asked; a request answered before its mail went out is not mailed.
#[tokio::test]
async fn a_contact_request_is_mailed_once_to_each_admin_without_the_requester() {
    if !smtp_available("a_contact_request_is_mailed") {
        return;
    }
    fixture::on_each_backend(async |app| {
        let maildir = tempfile::tempdir().unwrap();
        let port = free_port();
        let mut smtp = SmtpServer::start(maildir.path(), port);
        let site = entente_core::access::AccessScope::SiteAdmin(UserId::NOBODY);
        let quiet = organisation(app, "quiet", Visibility::Private);
        let watch = organisation(app, "npm-watch", Visibility::Public);
        let quinn = person(app, "quinn@example.org", "Quinn", quiet, Role::Admin);
        person(app, "rui@example.org", "Rui", quiet, Role::Admin);
        person(app, "vic@example.org", "Vic", quiet, Role::Viewer);
        let ana = person(app, "ana@example.org", "Ana", watch, Role::Editor);
        prefer(app, quinn, Digest::Off, "fr");
        let letter = fixture::letter(quiet, "Secret letter of quiet", "FRA", Visibility::Private);
        let letter = app.store.create_action(&site, &letter).unwrap();
        app.store.set_action_signal(&site, letter, true).unwrap();
        let ana = app.store.member_scope(ana).unwrap();
        let key = app
            .store
            .signals(&ana, &entente_store::CoordinationFilter::default())
            .unwrap()[0]
            .key
            .clone();
        let ask = |message: &str| entente_store::NewContactRequest {
            requester_org: watch,
            message: message.to_owned(),
            contact: "ana@example.org".to_owned(),
        };
        app.store
            .request_contact(&ana, &key, &ask("Shall we write together?"))
            .unwrap();

        let second = app.second_server().await;
        let (first, other) = (worker(&app.store, port), worker(&second.store, port));
        let (a, b) = tokio::join!(first.pass(), other.pass());
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.sent + b.sent, 2, "{a:?} {b:?}");
        let mails = messages(maildir.path());
        let to: Vec<&str> = mails.iter().map(|m| m["to"].as_str().unwrap()).collect();
        assert_eq!(to, ["quinn@example.org", "rui@example.org"], "{mails:#?}");
        let (quinn_mail, rui_mail) = (&mails[0], &mails[1]);
        assert_eq!(
            quinn_mail["subject"],
            "Demande de mise en relation au sujet de « Secret letter of quiet »"
        );
        assert_eq!(quinn_mail["content_language"], "fr");
        assert_eq!(
            rui_mail["subject"],
            "Contact request about “Secret letter of quiet”"
        );
        for mail in &mails {
            for body in [
                mail["text"].as_str().unwrap(),
                mail["html"].as_str().unwrap(),
            ] {
                assert!(body.contains("Shall we write together?"), "{body}");
                assert!(
                    body.contains("https://entente.example.org/orgs/quiet/requests?lang="),
                    "{body}"
                );
                assert!(
                    !body.contains("npm-watch") && !body.contains("ana@example.org"),
                    "who asked is not mailed: {body}"
                );
            }
        }
        let again = first.pass().await.unwrap();
        assert_eq!(again.sent, 0, "{again:?}");

        // Mailed while the server is down: kept; answered meanwhile: skipped.
        smtp.stop();
        let id = app
            .store
            .request_contact(&ana, &key, &ask("Another idea"))
            .unwrap();
        let failed = first.pass().await.unwrap();
        assert_eq!(failed.failed, 2, "{failed:?}");
        let rui = app.store.member_scope(quinn).unwrap();
        app.store.decline_contact_request(&rui, quiet, id).unwrap();
        let _smtp = SmtpServer::start(maildir.path(), port);
        tokio::time::sleep(Duration::from_millis(1200)).await;
        let retried = other.pass().await.unwrap();
        assert_eq!((retried.sent, retried.skipped), (0, 2), "{retried:?}");
        assert!(app.store.jobs(JobState::Pending, 10).unwrap().is_empty());
        assert_eq!(messages(maildir.path()).len(), 2);
    })
    .await;
}
