//! The suite's only way to talk to the server: requests built from path segments under the
//! base URL, answers read whole so that a check can look at status, headers and body in any
//! order, and transport failures told apart from a server that answered wrongly.

use std::time::Duration;

use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue};
use reqwest::{Method, RequestBuilder, StatusCode, Url};
use serde_json::Value;

/// Why a request got no answer at all, as opposed to an answer a check did not expect.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("the base URL {url:?} cannot be used: {reason}")]
    BaseUrl { url: String, reason: String },
    #[error("the token cannot be sent as an Authorization header")]
    Token,
    #[error("cannot build an HTTP client: {0}")]
    Build(#[source] reqwest::Error),
    #[error("nothing answers at {url}: {cause}")]
    Unreachable {
        url: String,
        /// The innermost cause, such as "Connection refused", which reqwest's own message
        /// leaves out.
        cause: String,
        #[source]
        source: reqwest::Error,
    },
    #[error("{method} {url} failed: {source}")]
    Transport {
        method: Method,
        url: String,
        #[source]
        source: reqwest::Error,
    },
}

/// An HTTP client bound to one server's base URL, such as `http://localhost:8080/api/v1`.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base_url: Url,
}

/// A request still being put together; see [`Client::request`].
pub struct Request {
    builder: RequestBuilder,
    method: Method,
    url: String,
}

/// A whole answer: status, headers and the body as bytes.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Client {
    /// A client for the API at `base_url`, sending `Authorization: Bearer <token>` on every
    /// request when a token is given.
    pub fn new(base_url: &str, token: Option<&str>) -> Result<Client, ClientError> {
        let base_url = parse_base_url(base_url)?;

        let mut headers = HeaderMap::new();
        if let Some(token) = token {
            let mut value = HeaderValue::from_str(&format!("Bearer {token}"))
                .map_err(|_| ClientError::Token)?;
            value.set_sensitive(true);
            headers.insert(AUTHORIZATION, value);
        }
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(ClientError::Build)?;

        Ok(Client { http, base_url })
    }

    pub fn base_url(&self) -> &Url {
        &self.base_url
    }

    /// The URL of `segments` under the base URL, each segment percent-encoded as needed, so
    /// a customer ID with a `/` stays one segment.
    pub fn url(&self, segments: &[&str]) -> Url {
        let mut url = self.base_url.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(segments);
        }
        url
    }

    /// A request of `method` on `segments` under the base URL.
    pub fn request(&self, method: Method, segments: &[&str]) -> Request {
        self.request_url(method, self.url(segments))
    }

    /// A request of `method` on any URL, such as a `Location` the server gave.
    pub fn request_url(&self, method: Method, url: Url) -> Request {
        Request {
            builder: self.http.request(method.clone(), url.clone()),
            method,
            url: url.to_string(),
        }
    }

    pub async fn get(&self, segments: &[&str]) -> Result<Answer, ClientError> {
        self.request(Method::GET, segments).send().await
    }

    pub async fn get_with_query(
        &self,
        segments: &[&str],
        query: &[(&str, &str)],
    ) -> Result<Answer, ClientError> {
        self.request(Method::GET, segments)
            .query(query)
            .send()
            .await
    }

    pub async fn post_json(&self, segments: &[&str], body: &Value) -> Result<Answer, ClientError> {
        self.request(Method::POST, segments).json(body).send().await
    }

    /// A `PUT` of `body`, with `If-Match: <if_match>` when one is given.
    pub async fn put_json(
        &self,
        segments: &[&str],
        if_match: Option<&str>,
        body: &Value,
    ) -> Result<Answer, ClientError> {
        let mut request = self.request(Method::PUT, segments).json(body);
        if let Some(if_match) = if_match {
            request = request.header("if-match", if_match);
        }
        request.send().await
    }

    pub async fn delete(&self, segments: &[&str]) -> Result<Answer, ClientError> {
        self.request(Method::DELETE, segments).send().await
    }
}

impl Request {
    pub fn query(mut self, query: &[(&str, &str)]) -> Request {
        self.builder = self.builder.query(query);
        self
    }

    pub fn header(mut self, name: &str, value: &str) -> Request {
        self.builder = self.builder.header(name, value);
        self
    }

    pub fn json(self, body: &Value) -> Request {
        self.raw_body("application/json", body.to_string())
    }

    /// A body sent as is under `content_type`, for malformed JSON and wrong media types.
    pub fn raw_body(mut self, content_type: &str, body: impl Into<Vec<u8>>) -> Request {
        self.builder = self
            .builder
            .header(CONTENT_TYPE, content_type)
            .body(body.into());
        self
    }

    pub async fn send(self) -> Result<Answer, ClientError> {
        let Request {
            builder,
            method,
            url,
        } = self;
        let transport = |source: reqwest::Error| {
            if source.is_connect() {
                ClientError::Unreachable {
                    url: url.clone(),
                    cause: innermost_cause(&source),
                    source,
                }
            } else {
                ClientError::Transport {
                    method: method.clone(),
                    url: url.clone(),
                    source,
                }
            }
        };

        let response = builder.send().await.map_err(transport)?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(transport)?.to_vec();
        Ok(Answer {
            status,
            headers,
            body,
        })
    }
}

impl Answer {
    /// The header's value as text; `None` when it is missing or not text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// The media type of the body, lowercased and without parameters such as `charset`.
    pub fn media_type(&self) -> Option<String> {
        let content_type = self.header(CONTENT_TYPE.as_str())?;
        let media_type = content_type.split(';').next().unwrap_or_default();
        Some(media_type.trim().to_ascii_lowercase())
    }

    pub fn json(&self) -> Result<Value, serde_json::Error> {
        serde_json::from_slice(&self.body)
    }
}

fn innermost_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(source) = cause.source() {
        cause = source;
    }
    cause.to_string()
}

fn parse_base_url(text: &str) -> Result<Url, ClientError> {
    let refuse = |reason: String| ClientError::BaseUrl {
        url: text.to_string(),
        reason,
    };
    let url = Url::parse(text).map_err(|error| refuse(error.to_string()))?;
    // The suite carries no TLS stack: it is meant for servers on a developer's machine or
    // in CI, reached over plain http.
    if url.scheme() != "http" || url.cannot_be_a_base() {
        return Err(refuse(
            "expected a plain http URL such as http://localhost:8080/api/v1".to_string(),
        ));
    }
    Ok(url)
}
