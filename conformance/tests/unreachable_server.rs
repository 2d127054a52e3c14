//! The binary against a port where nothing listens: one failed check, a message saying why,
//! and a failing exit status.

use std::net::TcpListener;
use std::process::Command;

#[test]
fn the_binary_fails_with_a_clear_message_when_nothing_listens() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        listener.local_addr().expect("a bound address").port()
    };
    let base_url = format!("http://127.0.0.1:{port}/api/v1");

    let output = Command::new(env!("CARGO_BIN_EXE_goals-conformance"))
        .args(["--base-url", &base_url])
        .output()
        .expect("the binary runs");

    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert_eq!(
        stdout.lines().last(),
        Some("0 passed, 1 failed"),
        "{stdout}"
    );
    assert!(
        stdout.starts_with(&format!("FAIL connect: a server answers at {base_url} — ")),
        "{stdout}"
    );
    assert!(stderr.contains("cannot reach a Goals API"), "{stderr}");
}

#[test]
fn the_binary_refuses_a_base_url_that_is_not_http() {
    let output = Command::new(env!("CARGO_BIN_EXE_goals-conformance"))
        .args(["--base-url", "ftp://example.test/api/v1"])
        .output()
        .expect("the binary runs");

    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success());
    assert!(stdout.contains("cannot be used"), "{stdout}");
    assert_eq!(
        stdout.lines().last(),
        Some("0 passed, 1 failed"),
        "{stdout}"
    );
}
