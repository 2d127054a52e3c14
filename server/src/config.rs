//! The server's settings, from the command line or the environment, so the same binary runs
//! on a laptop with no flags and in a container configured by variables alone.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

use crate::access::{ApiToken, ApiTokenParser};
use crate::base_path::BasePath;
use crate::cors::CorsOrigin;
use crate::hardening::{CspSource, RequestTimeout};

/// Where the server listens, which database it keeps goals in, where the built app is and
/// under which path, and which other origins may call the API.
#[derive(Debug, Clone, Parser)]
#[command(name = "goals-server", version, about)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "GOALS_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// SQLite database URL; the file is created when missing.
    #[arg(
        long = "database",
        env = "GOALS_DATABASE_URL",
        default_value = "sqlite://goals.db"
    )]
    pub database_url: String,

    /// Folder of the built app (Trunk's `dist`), served beside the API; `None` serves the
    /// API alone (the command line always names a folder).
    #[arg(
        long,
        env = "GOALS_STATIC_DIR",
        default_value = "dist",
        help = "Folder of the built app (Trunk's `dist`), served beside the API"
    )]
    pub static_dir: Option<PathBuf>,

    /// Path the app is served under, such as `/studio/goals`; empty serves it at the root.
    /// The API stays at `/api/v1` whatever the path.
    #[arg(long, env = "GOALS_BASE_PATH", default_value = "")]
    pub base_path: BasePath,

    /// An origin whose pages may call the API from a browser, such as
    /// `https://studio.example.com`; repeat the flag for more (the variable takes them
    /// comma-separated). Without any, the API sends no CORS headers.
    #[arg(
        long = "cors-origin",
        value_name = "ORIGIN",
        env = "GOALS_CORS_ORIGINS",
        value_delimiter = ','
    )]
    pub cors_origins: Vec<CorsOrigin>,

    /// A token the API accepts, as `ROLE=SECRET` with ROLE `editor` (everything), `viewer`
    /// (read goals, reports, customers and exports) or `runtime` (record achievements only);
    /// repeat the flag for more (the variable takes them comma-separated). With any, every API
    /// call but /health and /openapi.json needs `Authorization: Bearer SECRET`.
    #[arg(
        long = "token",
        value_name = "ROLE=SECRET",
        env = "GOALS_API_TOKENS",
        value_delimiter = ',',
        hide_env_values = true,
        value_parser = ApiTokenParser
    )]
    pub tokens: Vec<ApiToken>,

    /// Serve the API without tokens on an address other than loopback: anyone who can reach it
    /// may change goals. Without this flag such a server refuses to start.
    #[arg(long, env = "GOALS_INSECURE")]
    pub insecure: bool,

    /// Another origin the app's page may fetch from, such as the API's when it is served
    /// elsewhere (`https://api.example.com`); repeat for more. Added to the page's CSP.
    #[arg(
        long = "connect-src",
        value_name = "ORIGIN",
        env = "GOALS_CONNECT_SRC",
        value_delimiter = ','
    )]
    pub connect_src: Vec<CspSource>,

    /// Who may show the app in a frame: CSP `frame-ancestors` sources such as `'self'`,
    /// `https://studio.example.com` or `'none'`; repeat for more.
    #[arg(
        long = "frame-ancestors",
        value_name = "SOURCE",
        env = "GOALS_FRAME_ANCESTORS",
        value_delimiter = ',',
        default_value = "'self'"
    )]
    pub frame_ancestors: Vec<CspSource>,

    /// How long an API request may take before it is answered with 503 `timeout`, as `30s`
    /// or `500ms`; exports are not limited.
    #[arg(long, env = "GOALS_REQUEST_TIMEOUT", default_value = "30s")]
    pub request_timeout: RequestTimeout,
}

/// The command line's defaults, for tests and embedders that build a configuration in code and
/// change only what they need (`Config { static_dir: None, ..Config::default() }`).
impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: "sqlite://goals.db".to_string(),
            static_dir: Some(PathBuf::from("dist")),
            base_path: BasePath::default(),
            cors_origins: Vec::new(),
            tokens: Vec::new(),
            insecure: false,
            connect_src: Vec::new(),
            frame_ancestors: vec![CspSource::self_origin()],
            request_timeout: RequestTimeout(Duration::from_secs(30)),
        }
    }
}
