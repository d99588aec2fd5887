//! `TestApp`: the application on 127.0.0.1, port 0, over its own database.

use entente_store::{ReferenceData, Store};
use entente_web::{AppState, router};
use reqwest::header::{ACCEPT_LANGUAGE, HeaderMap};

pub struct TestApp {
    pub base: String,
    client: reqwest::Client,
    _dir: tempfile::TempDir,
}

pub struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

impl TestApp {
    /// Starts the application over a new SQLite file loaded with `data`.
    pub async fn start(data: ReferenceData<'_>) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let url = dir.path().join("entente.sqlite3").display().to_string();
        let store = Store::open(&url).unwrap();
        store.migrate().unwrap();
        store.load_reference(data).unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let app = router(AppState::new(store));
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        TestApp {
            base,
            client: reqwest::Client::new(),
            _dir: dir,
        }
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.get_with(path, None).await
    }

    pub async fn get_in(&self, path: &str, accept_language: &str) -> Answer {
        self.get_with(path, Some(accept_language)).await
    }

    async fn get_with(&self, path: &str, accept_language: Option<&str>) -> Answer {
        let mut request = self.client.get(format!("{}{path}", self.base));
        if let Some(lang) = accept_language {
            request = request.header(ACCEPT_LANGUAGE, lang);
        }
        let response = request.send().await.unwrap();
        Answer {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.text().await.unwrap(),
        }
    }
}
