//! The real `goals-server` binary as a child process, for what only a process shows: how it
//! starts or refuses to, what it writes to its log, and how it stops on SIGTERM.

use std::io::Read;
use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A `goals-server` process and everything it has written to standard error.
pub struct ServerProcess {
    pub address: SocketAddr,
    child: Child,
    log: Arc<Mutex<Vec<u8>>>,
    log_reader: Option<JoinHandle<()>>,
}

/// A loopback address with a port that was free a moment ago.
pub fn free_address() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    listener.local_addr().expect("a bound address")
}

/// `goals-server` with `args` and `env` added to a database in `database_dir` and an empty
/// static dir, logging at `RUST_LOG=trace` so that anything it could ever log is seen.
pub fn command(database_dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_goals-server"));
    command
        .arg("--database")
        .arg(format!(
            "sqlite://{}",
            database_dir.join("goals.db").display()
        ))
        .arg("--static-dir")
        .arg(database_dir)
        .args(args)
        .env_remove("GOALS_API_TOKENS")
        .env("RUST_LOG", "trace")
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

impl ServerProcess {
    /// Starts `command`, which listens on `address`, and waits until `/api/v1/health` answers.
    pub async fn start(mut command: Command, address: SocketAddr) -> ServerProcess {
        let mut child = command.spawn().expect("goals-server starts");
        let log = Arc::new(Mutex::new(Vec::new()));
        let mut stderr = child.stderr.take().expect("a piped stderr");
        let sink = log.clone();
        let log_reader = std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(read @ 1..) = stderr.read(&mut chunk) {
                sink.lock()
                    .expect("the log")
                    .extend_from_slice(&chunk[..read]);
            }
        });
        let mut server = ServerProcess {
            address,
            child,
            log,
            log_reader: Some(log_reader),
        };
        server.wait_until_healthy().await;
        server
    }

    async fn wait_until_healthy(&mut self) {
        let health = format!("http://{}/api/v1/health", self.address);
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("goals-server exited with {status}:\n{}", self.log());
            }
            if reqwest::get(&health)
                .await
                .is_ok_and(|answer| answer.status().is_success())
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("goals-server did not answer in time:\n{}", self.log());
    }

    /// The URL of `path` under the API's base, such as `/goals`.
    pub fn api(&self, path: &str) -> String {
        format!("http://{}/api/v1{path}", self.address)
    }

    /// Sends SIGTERM, as a container runtime stopping the server would.
    pub fn terminate(&self) {
        let status = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -TERM failed: {status}");
    }

    /// Waits up to `patience` for the process to exit, and its log to be read to the end.
    pub async fn exit_status(&mut self, patience: Duration) -> ExitStatus {
        let deadline = Instant::now() + patience;
        loop {
            if let Some(status) = self.child.try_wait().expect("the process can be waited on") {
                if let Some(reader) = self.log_reader.take() {
                    reader.join().expect("the log reader finishes");
                }
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "goals-server did not exit:\n{}",
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Everything written to standard error so far.
    pub fn log(&self) -> String {
        String::from_utf8_lossy(&self.log.lock().expect("the log")).into_owned()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `command`, a server expected to refuse to start, to its end: its status and log. A
/// server still running after ten seconds has started, and fails the test.
pub fn run_to_exit(mut command: Command) -> (ExitStatus, String) {
    let mut child = command.spawn().expect("goals-server runs");
    let deadline = Instant::now() + Duration::from_secs(10);
    while child
        .try_wait()
        .expect("the process can be waited on")
        .is_none()
    {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("goals-server started instead of refusing to");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("the output is read");
    (
        output.status,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
