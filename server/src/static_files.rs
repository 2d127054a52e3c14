//! Serving the built app beside the API, at the root or under a base path such as
//! `/studio/goals`. The app routes in the browser, so a deep link such as `/goals/new` or
//! `/goals/<id>/edit` names no file: any path under the base that is not a file answers with
//! `index.html` and the app takes it from there. Paths outside the base are not the app's.
//!
//! The build resolves its assets against the `<base href>` of its `index.html`, and the app
//! takes its router's base from the same element. The served `index.html` gets a `<base href>`
//! matching `--base-path`, so this server needs no edit of the built files to move the app.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use tower_http::services::ServeDir;

use crate::base_path::BasePath;
use crate::error::ApiError;
use crate::hardening::PagePolicy;

/// The built app and the path it is served under.
#[derive(Debug)]
struct StaticApp {
    files: ServeDir,
    index_file: PathBuf,
    base_path: BasePath,
    policy: PagePolicy,
}

/// A router that serves the files of `static_dir` under `base_path`, and its `index.html`
/// for any other path under it, under the Content-Security-Policy `policy`.
pub fn routes<S: Clone + Send + Sync + 'static>(
    static_dir: &Path,
    base_path: &BasePath,
    policy: PagePolicy,
) -> Router<S> {
    let app = StaticApp {
        // Directories answer with the app like any other route, so every index.html served
        // goes through the `<base href>` rewrite.
        files: ServeDir::new(static_dir).append_index_html_on_directories(false),
        index_file: static_dir.join("index.html"),
        base_path: base_path.clone(),
        policy,
    };
    Router::new().fallback(serve).with_state(Arc::new(app))
}

async fn serve(State(app): State<Arc<StaticApp>>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let Some(route) = app.base_path.route_of(&path) else {
        return ApiError::NotFound(format!(
            "The app is served under {}, the API under /api/v1",
            app.base_path.base_href()
        ))
        .into_response();
    };
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let allow = [(header::ALLOW, HeaderValue::from_static("GET, HEAD"))];
        return (StatusCode::METHOD_NOT_ALLOWED, allow).into_response();
    }
    match route {
        // Without the slash, relative links of the page would resolve beside the base.
        "" => Redirect::temporary(&app.base_path.base_href()).into_response(),
        "/" | "/index.html" => app.index().await,
        _ => app.file_or_index(route, request).await,
    }
}

impl StaticApp {
    /// The file at `route` inside the static dir, or the app when there is none.
    async fn file_or_index(&self, route: &str, request: Request) -> Response {
        let (mut parts, body) = request.into_parts();
        let query = parts.uri.query().map(|query| format!("?{query}"));
        parts.uri = match Uri::try_from(format!("{route}{}", query.unwrap_or_default())) {
            Ok(uri) => uri,
            Err(_) => return StatusCode::BAD_REQUEST.into_response(),
        };
        match self
            .files
            .clone()
            .try_call(Request::from_parts(parts, body))
            .await
        {
            Ok(response) if response.status() != StatusCode::NOT_FOUND => response.into_response(),
            Ok(_) => self.index().await,
            Err(error) if is_not_found(&error) => self.index().await,
            Err(error) => {
                tracing::error!(%error, route, "cannot read the static dir");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        }
    }

    /// `index.html` with its `<base href>` set to the base path. Read on every request, so a
    /// fresh build is picked up without a restart.
    async fn index(&self) -> Response {
        let html = match tokio::fs::read_to_string(&self.index_file).await {
            Ok(html) => html,
            Err(error) => {
                tracing::warn!(
                    %error,
                    index = %self.index_file.display(),
                    "cannot read the app's index.html: is the app built?"
                );
                return ApiError::NotFound("The app is not built on this server".to_string())
                    .into_response();
            }
        };
        let html = with_base_href(&html, &self.base_path.base_href());
        let policy = self.policy.header_for(&html);
        let mut response = (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/html; charset=utf-8"),
                ),
                // The page names the hashed assets of one build: never keep an old one.
                (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            ],
            html,
        )
            .into_response();
        if let Some(policy) = policy {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, policy);
        }
        response
    }
}

/// Whether reading a file failed because there is none: a path through a missing folder, or
/// through a file as if it were a folder.
fn is_not_found(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
    )
}

/// `html` with its first `<base …>` element replaced by `<base href="{href}">`; unchanged when
/// it has none. `href` holds only characters that need no escaping in an attribute (see
/// [`BasePath`]).
fn with_base_href(html: &str, href: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let start = lower.match_indices("<base").map(|(at, _)| at).find(|&at| {
        lower[at + "<base".len()..]
            .starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
    });
    let Some(start) = start else {
        return html.to_string();
    };
    let Some(length) = html[start..].find('>') else {
        return html.to_string();
    };
    format!(
        "{}<base href=\"{href}\">{}",
        &html[..start],
        &html[start + length + 1..]
    )
}

#[cfg(test)]
mod tests {
    use super::with_base_href;

    #[test]
    fn the_base_element_is_replaced_whatever_its_attributes() {
        let html = r#"<head><meta charset="utf-8"><BASE href="/" id="b" /><title>x</title>"#;
        assert_eq!(
            with_base_href(html, "/studio/goals/"),
            r#"<head><meta charset="utf-8"><base href="/studio/goals/"><title>x</title>"#
        );
    }

    #[test]
    fn pages_without_a_base_element_are_left_alone() {
        let html = "<head><basefont><title>x</title></head>";
        assert_eq!(with_base_href(html, "/studio/goals/"), html);
    }
}
