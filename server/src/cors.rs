//! Cross-origin access to the API, for an app served from another origin than this server
//! (a host studio that deploys the built app itself and points it here).
//!
//! Only the origins named with `--cors-origin` are allowed, each exactly; without any, the API
//! sends no CORS headers at all and browsers keep it to pages of its own origin.

use std::fmt;
use std::str::FromStr;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, Method, header};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// An origin as browsers send it in `Origin`: `http` or `https`, a host, and a port unless it
/// is the scheme's default, e.g. `https://studio.example.com` or `http://127.0.0.1:8081`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorsOrigin(HeaderValue);

/// Why a `--cors-origin` was refused: the message says what an origin looks like.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin:?} is not an origin ({reason}); write it like https://studio.example.com:8443")]
pub struct CorsOriginError {
    origin: String,
    reason: &'static str,
}

impl FromStr for CorsOrigin {
    type Err = CorsOriginError;

    /// Lower-cases scheme and host and drops a default port, because browsers send the origin
    /// that way and the comparison with `Origin` is exact.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let refuse = |reason| CorsOriginError {
            origin: text.to_string(),
            reason,
        };
        let origin = text.trim().to_ascii_lowercase();
        let (scheme, authority) = origin
            .split_once("://")
            .ok_or_else(|| refuse("no scheme"))?;
        let default_port = match scheme {
            "http" => "80",
            "https" => "443",
            _ => return Err(refuse("the scheme must be http or https")),
        };
        if authority.contains(['/', '?', '#']) {
            return Err(refuse("an origin has no path, query or fragment"));
        }
        if authority.contains('@') {
            return Err(refuse("an origin has no user name"));
        }
        let (host, port) = split_port(authority);
        if !is_host(host) {
            return Err(refuse("the host is missing or malformed"));
        }
        let origin = match port {
            None => format!("{scheme}://{host}"),
            Some(port) if port.parse::<u16>().is_err() => {
                return Err(refuse("the port must be a number up to 65535"));
            }
            Some(port) if port == default_port => format!("{scheme}://{host}"),
            Some(port) => format!("{scheme}://{host}:{port}"),
        };
        HeaderValue::try_from(origin)
            .map(CorsOrigin)
            .map_err(|_| refuse("it cannot be sent in a header"))
    }
}

impl fmt::Display for CorsOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&String::from_utf8_lossy(self.0.as_bytes()))
    }
}

/// Splits `host:port`, minding the colons inside a bracketed IPv6 address.
fn split_port(authority: &str) -> (&str, Option<&str>) {
    let port_colon = match authority.rfind(']') {
        Some(bracket) => authority[bracket..].find(':').map(|at| bracket + at),
        None => authority.rfind(':'),
    };
    match port_colon {
        Some(colon) => (&authority[..colon], Some(&authority[colon + 1..])),
        None => (authority, None),
    }
}

fn is_host(host: &str) -> bool {
    if let Some(address) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return address.parse::<std::net::Ipv6Addr>().is_ok();
    }
    !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// `api` with CORS for `origins`, or unchanged when there are none.
///
/// Preflights are answered by the layer itself, before the API's routing, so an `OPTIONS`
/// never reaches the API's 405. The request headers are those the app sends (JSON bodies,
/// `If-Match` when saving an edit) and `Authorization` for hosts that put a proxy with
/// authentication in front; the exposed headers are those the app reads from answers.
pub fn allow_origins<S>(api: Router<S>, origins: &[CorsOrigin]) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    if origins.is_empty() {
        return api;
    }
    let allowed = origins.iter().map(|origin| origin.0.clone());
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(allowed))
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allow_headers([
            header::CONTENT_TYPE,
            header::IF_MATCH,
            header::AUTHORIZATION,
        ])
        .expose_headers([
            header::ETAG,
            header::LOCATION,
            HeaderName::from_static("content-disposition"),
        ]);
    api.layer(cors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<String, CorsOriginError> {
        text.parse::<CorsOrigin>().map(|origin| origin.to_string())
    }

    #[test]
    fn origins_are_written_as_browsers_send_them() {
        assert_eq!(
            parse("https://Studio.Example.com"),
            Ok("https://studio.example.com".into())
        );
        assert_eq!(
            parse("http://127.0.0.1:8081"),
            Ok("http://127.0.0.1:8081".into())
        );
        assert_eq!(parse("http://localhost:80"), Ok("http://localhost".into()));
        assert_eq!(parse("https://host:443"), Ok("https://host".into()));
        assert_eq!(parse("http://[::1]:9000"), Ok("http://[::1]:9000".into()));
        assert_eq!(parse(" http://host "), Ok("http://host".into()));
    }

    #[test]
    fn what_is_not_an_origin_is_refused() {
        for text in [
            "",
            "*",
            "null",
            "studio.example.com",
            "ftp://host",
            "http://",
            "http://host/",
            "http://host/app",
            "http://host?x",
            "http://user@host",
            "http://host:99999",
            "http://host:",
            "http://ho st",
            "http://a..b",
            "http://[nope]",
        ] {
            assert!(parse(text).is_err(), "{text:?} was accepted");
        }
    }

    #[test]
    fn the_refusal_names_the_origin_and_shows_a_good_one() {
        let message = parse("studio.example.com").unwrap_err().to_string();
        assert!(message.contains("\"studio.example.com\""), "{message}");
        assert!(message.contains("https://"), "{message}");
    }
}
