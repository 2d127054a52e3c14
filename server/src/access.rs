//! Who may call the API: with any token configured (`--token ROLE=SECRET`), every request to
//! the API needs `Authorization: Bearer <secret>` of a token whose role allows it.
//!
//! Without a token the API is open, as it always was on a developer's machine; a server that
//! would be open to a network refuses to start instead (see [`check_exposure`]). The liveness
//! check and the OpenAPI document stay public, so load balancers and client generators need no
//! secret, and CORS preflights pass, since browsers never send credentials with them.
//!
//! Refusals are the API's JSON errors: 401 `unauthorized` for a missing or unknown token, with
//! `WWW-Authenticate: Bearer`, and 403 `forbidden` for a role that may not do what was asked.

mod document;
mod token;

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, header};
use axum::middleware::{self, Next};
use axum::response::Response;

use crate::error::ApiError;

pub(crate) use document::describe_access;
pub use token::{ApiToken, ApiTokenError, ApiTokenParser, Role};

/// What a request asks to do, as far as roles are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Read goals, reports, customers' runs or exports.
    Read,
    /// Record an achievement: what a bot's Goal node does.
    RecordAchievement,
    /// Create, replace or delete goals.
    ChangeGoals,
}

impl Action {
    /// The action of `method` on `path`, a path inside the API such as `/v1/goals/x`.
    fn of(method: &Method, path: &str) -> Action {
        if *method == Method::GET || *method == Method::HEAD {
            Action::Read
        } else if *method == Method::POST && path.ends_with("/achievements") {
            Action::RecordAchievement
        } else {
            Action::ChangeGoals
        }
    }
}

/// Completes "This token may not …".
impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Action::Read => "read goals, reports, customers or exports",
            Action::RecordAchievement => "record achievements",
            Action::ChangeGoals => "create, change or delete goals",
        })
    }
}

impl Role {
    /// Whether a token of this role may do `action`.
    pub fn may(self, action: Action) -> bool {
        match self {
            Role::Editor => true,
            Role::Runtime => action == Action::RecordAchievement,
            Role::Viewer => action == Action::Read,
        }
    }
}

/// Why a request was not authenticated; the message tells the client what to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Unauthenticated {
    #[error("The API needs a token: send it as Authorization: Bearer <token>")]
    Missing,
    #[error("The token is not one this server accepts")]
    Wrong,
}

/// `api` behind the tokens, or unchanged when there are none.
pub fn require_tokens<S>(api: Router<S>, tokens: &[ApiToken]) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    if tokens.is_empty() {
        return api;
    }
    let tokens: Arc<[ApiToken]> = tokens.into();
    api.layer(middleware::from_fn_with_state(tokens, check))
}

async fn check(
    State(tokens): State<Arc<[ApiToken]>>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let method = request.method();
    let path = request.uri().path();
    if is_public(method, path) {
        return Ok(next.run(request).await);
    }

    let presented = bearer_token(request.headers()).ok_or(Unauthenticated::Missing)?;
    let role = token::role_of(&tokens, presented).ok_or(Unauthenticated::Wrong)?;
    tracing::Span::current().record("role", tracing::field::display(role));
    let action = Action::of(method, path);
    if !role.may(action) {
        return Err(ApiError::Forbidden(action));
    }
    Ok(next.run(request).await)
}

/// Preflights, liveness and the API's own description. Paths are relative to `/api`.
fn is_public(method: &Method, path: &str) -> bool {
    *method == Method::OPTIONS
        || (*method == Method::GET || *method == Method::HEAD)
            && matches!(path, "/v1/health" | "/v1/openapi.json")
}

/// The credentials of `Authorization: Bearer <token>`; the scheme's name in any case.
fn bearer_token(headers: &HeaderMap) -> Option<&[u8]> {
    let value = headers.get(header::AUTHORIZATION)?.as_bytes();
    let scheme_end = value.iter().position(|&byte| byte == b' ')?;
    let (scheme, rest) = value.split_at(scheme_end);
    if !scheme.eq_ignore_ascii_case(b"bearer") {
        return None;
    }
    let token = rest.trim_ascii();
    (!token.is_empty()).then_some(token)
}

/// Why the server will not start on an address others can reach.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "refusing to listen on {0} without an API token: anyone who can reach it could change and \
     delete goals. Give a token (--token editor=<secret>, or GOALS_API_TOKENS), listen on \
     loopback (--listen 127.0.0.1:8080), or pass --insecure to serve it open anyway"
)]
pub struct Exposed(pub SocketAddr);

/// Refuses an open API on a non-loopback address unless the operator said `--insecure`.
pub fn check_exposure(
    listen: SocketAddr,
    tokens: &[ApiToken],
    insecure: bool,
) -> Result<(), Exposed> {
    if tokens.is_empty() && !insecure && !listen.ip().is_loopback() {
        return Err(Exposed(listen));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn bearer(value: &'static str) -> Option<Vec<u8>> {
        let mut headers = HeaderMap::new();
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static(value));
        bearer_token(&headers).map(<[u8]>::to_vec)
    }

    #[test]
    fn the_bearer_scheme_is_read_in_any_case() {
        assert_eq!(bearer("Bearer abc"), Some(b"abc".to_vec()));
        assert_eq!(bearer("bearer  abc "), Some(b"abc".to_vec()));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("Bearer "), None);
        assert_eq!(bearer("Bearerabc"), None);
    }

    #[test]
    fn each_role_may_do_its_part() {
        let actions = [Action::Read, Action::RecordAchievement, Action::ChangeGoals];
        let allowed =
            |role: Role| -> Vec<Action> { actions.into_iter().filter(|&a| role.may(a)).collect() };

        assert_eq!(allowed(Role::Editor), actions);
        assert_eq!(allowed(Role::Runtime), [Action::RecordAchievement]);
        assert_eq!(allowed(Role::Viewer), [Action::Read]);
    }

    #[test]
    fn requests_are_classified_by_method_and_path() {
        let post = Method::POST;
        assert_eq!(Action::of(&Method::GET, "/v1/goals"), Action::Read);
        assert_eq!(
            Action::of(&post, "/v1/goals/x/achievements"),
            Action::RecordAchievement
        );
        assert_eq!(Action::of(&post, "/v1/goals"), Action::ChangeGoals);
        assert_eq!(
            Action::of(&Method::DELETE, "/v1/goals/x"),
            Action::ChangeGoals
        );
    }

    #[test]
    fn an_open_server_stays_on_loopback_unless_insecure() {
        let anywhere: SocketAddr = "0.0.0.0:8080".parse().unwrap();
        let loopback: SocketAddr = "[::1]:8080".parse().unwrap();
        let editor: ApiToken = "editor=secret".parse().unwrap();

        assert_eq!(check_exposure(anywhere, &[], false), Err(Exposed(anywhere)));
        assert_eq!(check_exposure(anywhere, &[], true), Ok(()));
        assert_eq!(check_exposure(anywhere, &[editor], false), Ok(()));
        assert_eq!(check_exposure(loopback, &[], false), Ok(()));
    }
}
