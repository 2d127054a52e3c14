//! A raw HTTP/1.1 client and the case table of the hostile-input tests.
//!
//! A URL library would tidy a hostile request before it leaves (resolve `..`, refuse a header
//! that is not text, add its own content type), so each case is written out byte for byte
//! here. Every exchange runs under a deadline: a server that hangs fails its case instead of
//! stalling the suite.

use std::net::SocketAddr;
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// How long one case may take, from connecting to the last byte of the answer.
pub const DEADLINE: Duration = Duration::from_secs(5);

/// How the body is framed on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    ContentLength,
    /// One chunk of 64 KiB after another, as a client streaming an upload would send it.
    Chunked,
}

/// A request exactly as it goes on the wire, apart from `Host`, `Connection: close` and the
/// body's framing, which every request gets.
#[derive(Debug, Clone)]
pub struct RawRequest {
    pub method: String,
    /// The request target as written: a path with its query, never normalised.
    pub target: String,
    pub headers: Vec<(String, Vec<u8>)>,
    pub body: Vec<u8>,
    pub framing: Framing,
}

impl RawRequest {
    pub fn new(method: &str, target: impl Into<String>) -> RawRequest {
        RawRequest {
            method: method.to_string(),
            target: target.into(),
            headers: Vec::new(),
            body: Vec::new(),
            framing: Framing::ContentLength,
        }
    }

    pub fn header(mut self, name: &str, value: impl Into<Vec<u8>>) -> RawRequest {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    /// A body sent as `application/json`.
    pub fn json(self, body: impl Into<Vec<u8>>) -> RawRequest {
        self.header("Content-Type", "application/json").body(body)
    }

    /// A body with no content type of its own.
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> RawRequest {
        self.body = body.into();
        self
    }

    pub fn chunked(mut self) -> RawRequest {
        self.framing = Framing::Chunked;
        self
    }

    fn head(&self, address: SocketAddr) -> Vec<u8> {
        let mut head = format!("{} {} HTTP/1.1\r\n", self.method, self.target).into_bytes();
        head.extend_from_slice(format!("Host: {address}\r\nConnection: close\r\n").as_bytes());
        match self.framing {
            Framing::ContentLength => head
                .extend_from_slice(format!("Content-Length: {}\r\n", self.body.len()).as_bytes()),
            Framing::Chunked => head.extend_from_slice(b"Transfer-Encoding: chunked\r\n"),
        }
        for (name, value) in &self.headers {
            head.extend_from_slice(name.as_bytes());
            head.extend_from_slice(b": ");
            head.extend_from_slice(value);
            head.extend_from_slice(b"\r\n");
        }
        head.extend_from_slice(b"\r\n");
        head
    }

    fn framed_body(&self) -> Vec<u8> {
        match self.framing {
            Framing::ContentLength => self.body.clone(),
            Framing::Chunked => {
                let mut framed = Vec::with_capacity(self.body.len() + self.body.len() / 1000);
                for chunk in self.body.chunks(64 * 1024) {
                    framed.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
                    framed.extend_from_slice(chunk);
                    framed.extend_from_slice(b"\r\n");
                }
                framed.extend_from_slice(b"0\r\n\r\n");
                framed
            }
        }
    }
}

/// An answer, its body already freed of chunked framing.
#[derive(Debug, Clone)]
pub struct RawResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawResponse {
    /// The first header of that name, ignoring case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(candidate, _)| candidate.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    pub fn json(&self) -> Result<Value, String> {
        serde_json::from_slice(&self.body).map_err(|error| {
            let start = String::from_utf8_lossy(&self.body[..self.body.len().min(200)]);
            format!("the body is not JSON ({error}): {start}")
        })
    }
}

/// Sends `request` to `address` and reads the whole answer, or says why it could not.
///
/// The body is written while the answer is read, since a server may refuse a large body
/// before it has all arrived; the answer counts even when the rest of the body could not be
/// sent.
pub async fn send(address: SocketAddr, request: &RawRequest) -> Result<RawResponse, String> {
    tokio::time::timeout(DEADLINE, exchange(address, request))
        .await
        .map_err(|_| format!("no complete answer within {DEADLINE:?}"))?
}

async fn exchange(address: SocketAddr, request: &RawRequest) -> Result<RawResponse, String> {
    let stream = TcpStream::connect(address)
        .await
        .map_err(|error| format!("cannot connect: {error}"))?;
    let (mut reader, mut writer) = stream.into_split();
    let mut bytes = request.head(address);
    bytes.extend(request.framed_body());

    let write = async move {
        // A refusal sent before the body is read may close the connection under the writer.
        let _ = writer.write_all(&bytes).await;
        let _ = writer.flush().await;
        writer
    };
    let read = async {
        let mut answer = Vec::new();
        let outcome = reader.read_to_end(&mut answer).await;
        (answer, outcome)
    };
    let (_writer, (answer, outcome)) = tokio::join!(write, read);

    match parse(&answer, request.method == "HEAD") {
        Ok(response) => Ok(response),
        Err(reason) => match outcome {
            Err(error) => Err(format!("the connection failed ({error}) and {reason}")),
            Ok(_) => Err(reason),
        },
    }
}

fn parse(answer: &[u8], head_only: bool) -> Result<RawResponse, String> {
    let end = find(answer, b"\r\n\r\n")
        .ok_or_else(|| format!("no complete head in {} bytes", answer.len()))?;
    let head = std::str::from_utf8(&answer[..end]).map_err(|_| "a head that is not text")?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("a malformed status line {status_line:?}"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_string(), value.trim().to_string()))
        .collect();

    let rest = &answer[end + 4..];
    let mut response = RawResponse {
        status,
        headers,
        body: Vec::new(),
    };
    if head_only {
        return Ok(response);
    }
    let chunked = response
        .header("transfer-encoding")
        .is_some_and(|value| value.eq_ignore_ascii_case("chunked"));
    response.body = if chunked {
        unchunk(rest)?
    } else {
        match response.header("content-length") {
            Some(length) => {
                let length: usize = length.parse().map_err(|_| "a malformed Content-Length")?;
                if rest.len() < length {
                    return Err(format!("a body cut at {} of {length} bytes", rest.len()));
                }
                rest[..length].to_vec()
            }
            None => rest.to_vec(),
        }
    };
    Ok(response)
}

fn unchunk(mut rest: &[u8]) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    loop {
        let line_end = find(rest, b"\r\n").ok_or("a chunk without its size line")?;
        let size_text = std::str::from_utf8(&rest[..line_end]).map_err(|_| "a chunk size")?;
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| "a malformed chunk size")?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Ok(body);
        }
        if rest.len() < size + 2 {
            return Err("a chunked body cut short".to_string());
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// What a case must be answered with.
#[derive(Debug, Clone)]
pub enum Expect {
    /// The API's JSON error of DESIGN §4 with this status and code.
    Error { status: u16, code: &'static str },
    /// A JSON answer with this status, holding each `(JSON pointer, value)` given.
    Json {
        status: u16,
        holds: Vec<(String, Value)>,
    },
    /// A 200 whose `Content-Type` starts with this.
    File { content_type: &'static str },
    /// This status and nothing more to check, such as 204 or an answer to `HEAD`.
    Status(u16),
}

/// One request of the matrix and the answer it must get; `label` names it in failures.
#[derive(Debug, Clone)]
pub struct Case {
    pub label: String,
    pub request: RawRequest,
    pub expect: Expect,
}

impl Case {
    pub fn new(label: impl Into<String>, request: RawRequest, expect: Expect) -> Case {
        Case {
            label: label.into(),
            request,
            expect,
        }
    }
}

/// The status each error code is answered with (DESIGN §4).
fn status_of_code(code: &str) -> Option<u16> {
    Some(match code {
        "bad_request" => 400,
        "not_found" => 404,
        "method_not_allowed" => 405,
        "name_taken" => 409,
        "version_conflict" => 412,
        "payload_too_large" => 413,
        "unsupported_media_type" => 415,
        "validation_failed" | "milestone_removed" | "milestone_reordered" | "unknown_id" => 422,
        "precondition_required" => 428,
        _ => return None,
    })
}

/// Checks `response` against `expect`; the error says what differs.
pub fn check(response: &RawResponse, expect: &Expect) -> Result<(), String> {
    if response.status >= 500 {
        return Err(format!(
            "a server error {}: {}",
            response.status,
            String::from_utf8_lossy(&response.body)
        ));
    }
    match expect {
        Expect::Error { status, code } => check_error(response, *status, code),
        Expect::Json { status, holds } => {
            expect_status(response, *status)?;
            let body = response.json()?;
            for (pointer, expected) in holds {
                let actual = body.pointer(pointer);
                if actual != Some(expected) {
                    return Err(format!("{pointer} is {actual:?}, not {expected}"));
                }
            }
            Ok(())
        }
        Expect::File { content_type } => {
            expect_status(response, 200)?;
            let actual = response.header("content-type").unwrap_or_default();
            if actual.starts_with(content_type) {
                Ok(())
            } else {
                Err(format!("content type {actual:?}, not {content_type}"))
            }
        }
        Expect::Status(status) => expect_status(response, *status),
    }
}

fn check_error(response: &RawResponse, status: u16, code: &str) -> Result<(), String> {
    let body = response
        .json()
        .map_err(|reason| format!("status {} with an error that {reason}", response.status))?;
    let actual_code = body.pointer("/error/code").and_then(Value::as_str);
    if (response.status, actual_code) != (status, Some(code)) {
        return Err(format!(
            "{} {actual_code:?} instead of {status} {code}: {body}",
            response.status
        ));
    }
    if status_of_code(code) != Some(status) {
        return Err(format!("code {code} does not go with status {status}"));
    }
    let message = body.pointer("/error/message").and_then(Value::as_str);
    if message.is_none_or(str::is_empty) {
        return Err(format!("an error without a message: {body}"));
    }
    let content_type = response.header("content-type").unwrap_or_default();
    if content_type != "application/json" {
        return Err(format!("an error sent as {content_type:?}"));
    }
    Ok(())
}

fn expect_status(response: &RawResponse, status: u16) -> Result<(), String> {
    if response.status == status {
        Ok(())
    } else {
        Err(format!(
            "status {} instead of {status}: {}",
            response.status,
            String::from_utf8_lossy(&response.body[..response.body.len().min(300)])
        ))
    }
}
