//! Defences that cost a deployment nothing: headers that keep browsers from guessing content
//! types, leaking addresses or running scripts the app did not ship, and a time limit on API
//! requests so a stuck or trickling client cannot hold a connection and a database
//! transaction for ever.
//!
//! The app's page gets a Content-Security-Policy: scripts only from this origin plus the
//! inline start-up script Trunk writes into `index.html`, allowed by its SHA-256 hash (read
//! from the page as it is served, so a new build needs no restart); WebAssembly compilation
//! (`'wasm-unsafe-eval'`); no plugins; and embedding only by the origins of
//! `--frame-ancestors`, which replaces the older `X-Frame-Options`.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::ApiError;

/// `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer` on every answer,
/// the API's and the app's; answers that set their own keep them.
pub fn security_headers<S>(app: Router<S>) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    app.layer(SetResponseHeaderLayer::if_not_present(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    ))
    .layer(SetResponseHeaderLayer::if_not_present(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    ))
}

/// One source of a CSP directive, such as `https://api.example.com`, `'self'` or `'none'`:
/// any printable text without spaces, `;` or `,`, which would end the source or the directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CspSource(String);

/// Why a `--connect-src` or `--frame-ancestors` value was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a CSP source: write an origin such as https://studio.example.com, or \
     'self' or 'none', without spaces, ';' or ','"
)]
pub struct CspSourceError(String);

impl CspSource {
    /// `'self'`: the origin the page was served from.
    pub fn self_origin() -> Self {
        CspSource("'self'".to_string())
    }
}

impl FromStr for CspSource {
    type Err = CspSourceError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let source = text.trim();
        let printable = source
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b';' && b != b',');
        if source.is_empty() || !printable {
            return Err(CspSourceError(text.to_string()));
        }
        Ok(CspSource(source.to_string()))
    }
}

impl fmt::Display for CspSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The Content-Security-Policy of the app's page, but for its scripts' hashes.
#[derive(Debug, Clone)]
pub struct PagePolicy {
    connect_src: Vec<CspSource>,
    frame_ancestors: Vec<CspSource>,
}

impl PagePolicy {
    /// A policy whose page may also fetch from `connect_src` (an API on another origin) and
    /// may be framed by the pages of `frame_ancestors`; with none, by no page at all.
    pub fn new(connect_src: &[CspSource], frame_ancestors: &[CspSource]) -> Self {
        PagePolicy {
            connect_src: connect_src.to_vec(),
            frame_ancestors: frame_ancestors.to_vec(),
        }
    }

    /// The header for `html`, allowing each of its inline scripts by hash.
    pub fn header_for(&self, html: &str) -> Option<HeaderValue> {
        let mut script_src = vec!["'self'".to_string(), "'wasm-unsafe-eval'".to_string()];
        script_src.extend(inline_scripts(html).map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!("'sha256-{}'", BASE64.encode(digest))
        }));
        let connect_src = sources("'self'", &self.connect_src);
        let frame_ancestors = match self.frame_ancestors.as_slice() {
            [] => "'none'".to_string(),
            some => sources("", some).trim_start().to_string(),
        };
        let policy = format!(
            "default-src 'self'; script-src {}; style-src 'self' 'unsafe-inline'; \
             connect-src {connect_src}; img-src 'self' data:; frame-ancestors {frame_ancestors}; \
             base-uri 'self'; object-src 'none'",
            script_src.join(" ")
        );
        HeaderValue::from_str(&policy).ok()
    }
}

/// `first` followed by every source, separated by spaces.
fn sources(first: &str, rest: &[CspSource]) -> String {
    rest.iter().fold(first.to_string(), |mut list, source| {
        list.push(' ');
        list.push_str(&source.0);
        list
    })
}

/// The text of every `<script>` element without a `src`, exactly as written, which is what a
/// browser hashes to compare with the policy.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<script").map(|at| from + at) {
        let Some(tag_end) = lower[start..].find('>').map(|at| start + at + 1) else {
            break;
        };
        let Some(end) = lower[tag_end..].find("</script").map(|at| tag_end + at) else {
            break;
        };
        if !has_src(&lower[start..tag_end]) {
            scripts.push(&html[tag_end..end]);
        }
        from = end;
    }
    scripts.into_iter()
}

fn has_src(tag: &str) -> bool {
    tag.split(|c: char| c.is_ascii_whitespace())
        .any(|attribute| attribute.starts_with("src="))
}

/// How long an API request may take to be answered, from `--request-timeout`: `30s`, `250ms`,
/// or a number of seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestTimeout(pub Duration);

/// Why a `--request-timeout` was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a timeout: write it like 30s, 1500ms or 30 (seconds), more than zero")]
pub struct RequestTimeoutError(String);

impl FromStr for RequestTimeout {
    type Err = RequestTimeoutError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let refuse = || RequestTimeoutError(text.to_string());
        let trimmed = text.trim();
        let duration = if let Some(millis) = trimmed.strip_suffix("ms") {
            Duration::from_millis(millis.trim().parse().map_err(|_| refuse())?)
        } else {
            let seconds = trimmed.strip_suffix('s').unwrap_or(trimmed);
            Duration::from_secs(seconds.trim().parse().map_err(|_| refuse())?)
        };
        if duration.is_zero() {
            return Err(refuse());
        }
        Ok(RequestTimeout(duration))
    }
}

impl fmt::Display for RequestTimeout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}ms", self.0.as_millis())
    }
}

/// `api` with every request answered within `limit`, or with 503 `timeout`.
///
/// The limit runs until the answer's headers are ready, reading the request body included, so
/// a client trickling its body is cut off too. It does not cover sending the answer's body:
/// a CSV export streams as long as the client reads. Exports are left out altogether, since
/// the workbook is written whole before its first byte is sent and a year of records may
/// take longer than any limit fit for the rest of the API. A write cut off by the limit is
/// dropped with its transaction, which rolls it back.
pub fn time_limit<S>(api: Router<S>, limit: RequestTimeout) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    api.layer(middleware::from_fn_with_state(limit, answer_in_time))
}

async fn answer_in_time(
    State(RequestTimeout(limit)): State<RequestTimeout>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    if is_export(request.uri().path()) {
        return Ok(next.run(request).await);
    }
    tokio::time::timeout(limit, next.run(request))
        .await
        .map_err(|_| ApiError::Timeout(limit))
}

fn is_export(path: &str) -> bool {
    path.ends_with("/export.csv") || path.ends_with("/export.xlsx")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> CspSource {
        text.parse().unwrap()
    }

    #[test]
    fn inline_scripts_are_found_and_scripts_with_src_skipped() {
        let html = "<head><SCRIPT type=\"module\">a()</SCRIPT><script src=\"x.js\"></script>\
                    <script>\nb()\n</script></head>";

        assert_eq!(inline_scripts(html).collect::<Vec<_>>(), ["a()", "\nb()\n"]);
    }

    #[test]
    fn the_policy_allows_each_inline_script_by_hash() {
        let policy = PagePolicy::new(&[], &[source("'self'")]);

        let header = policy.header_for("<script>alert(1)</script>").unwrap();

        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        let expected_hash = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='";
        let header = header.to_str().unwrap();
        assert!(
            header.contains(&format!(
                "script-src 'self' 'wasm-unsafe-eval' {expected_hash};"
            )),
            "{header}"
        );
        assert!(header.contains("frame-ancestors 'self';"), "{header}");
        assert!(header.contains("connect-src 'self';"), "{header}");
    }

    #[test]
    fn extra_origins_join_their_directives() {
        let policy = PagePolicy::new(
            &[source("https://api.example.com")],
            &[source("'self'"), source("https://studio.example.com")],
        );

        let header = policy.header_for("").unwrap();

        let header = header.to_str().unwrap();
        assert!(
            header.contains("connect-src 'self' https://api.example.com;"),
            "{header}"
        );
        assert!(
            header.contains("frame-ancestors 'self' https://studio.example.com;"),
            "{header}"
        );
    }

    #[test]
    fn sources_that_would_break_the_header_are_refused() {
        for text in ["", "https://a.com; script-src *", "a b", "a,b", "caf\u{e9}"] {
            assert!(text.parse::<CspSource>().is_err(), "{text:?} was accepted");
        }
    }

    #[test]
    fn timeouts_are_read_in_seconds_or_milliseconds() {
        let parse = |text: &str| text.parse::<RequestTimeout>().map(|t| t.0);

        assert_eq!(parse("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse("30"), Ok(Duration::from_secs(30)));
        assert_eq!(parse("250ms"), Ok(Duration::from_millis(250)));
        assert!(parse("0").is_err());
        assert!(parse("soon").is_err());
        assert!(parse("-1s").is_err());
    }
}
