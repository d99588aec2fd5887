//! Starts the real `entente` binary for the integration tests.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// A running `entente serve` on a fresh data directory; stopped when dropped.
pub struct EntenteServer {
    pub url: String,
    child: Child,
    data_dir: tempfile::TempDir,
}

impl EntenteServer {
    pub fn start() -> Self {
        let data_dir = tempfile::tempdir().expect("temp dir");
        let mut child = Command::new(env!("CARGO_BIN_EXE_entente"))
            .args(["serve", "--listen", "127.0.0.1:0", "--log", "warn"])
            .arg("--data-dir")
            .arg(data_dir.path())
            .env_remove("DATABASE_URL")
            .stdout(Stdio::piped())
            .spawn()
            .expect("entente starts");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let url = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|line| {
                line.split_whitespace()
                    .find(|w| w.starts_with("http://"))
                    .map(|url| url.trim_end_matches('/').to_owned())
            })
            .expect("entente prints the address it serves on");
        std::thread::spawn(move || lines.for_each(drop));
        EntenteServer {
            url,
            child,
            data_dir,
        }
    }
}

impl EntenteServer {
    /// The data directory it serves, for the command line to work on too.
    pub fn data_dir(&self) -> &std::path::Path {
        self.data_dir.path()
    }
}

impl Drop for EntenteServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("address")
        .port()
}

/// Screenshots go under target/ so CI keeps them with the build.
pub fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/browser");
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    dir
}
