//! The server's settings, from the command line or the environment, so the same binary runs
//! on a laptop with no flags and in a container configured by variables alone.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

/// Where the server listens, which database it keeps goals in and where the built app is.
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
}
