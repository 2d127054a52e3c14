//! Logs for operators: one line per request with its method, path, status and duration, and
//! the level set by `RUST_LOG` (default `info`).

use std::time::Duration;

use axum::http::{Request, Response};
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::trace::{MakeSpan, OnResponse, TraceLayer};
use tracing::Span;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber: human-readable lines on standard error. Does nothing when
/// the process already has one, so every test may call it.
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if subscriber.try_init().is_err() {
        tracing::debug!("a tracing subscriber was already installed");
    }
}

/// Request logging: the span carries method and path, and the one event it records when the
/// response is ready carries status and elapsed time. Server errors are logged where they
/// happen, with their cause, so the layer adds no second line for them.
pub fn request_trace_layer()
-> TraceLayer<SharedClassifier<ServerErrorsAsFailures>, RequestSpan, (), ResponseEvent, (), (), ()>
{
    TraceLayer::new_for_http()
        .make_span_with(RequestSpan)
        .on_request(())
        .on_response(ResponseEvent)
        .on_body_chunk(())
        .on_eos(())
        .on_failure(())
}

/// The span of one request.
#[derive(Debug, Clone, Copy)]
pub struct RequestSpan;

impl<B> MakeSpan<B> for RequestSpan {
    fn make_span(&mut self, request: &Request<B>) -> Span {
        // Headers stay out: `Authorization` holds a secret. `role` is filled in when the API
        // checks a token.
        tracing::info_span!(
            "request",
            method = %request.method(),
            path = %request.uri().path(),
            role = tracing::field::Empty,
        )
    }
}

/// The one event of a request, when its response is ready.
#[derive(Debug, Clone, Copy)]
pub struct ResponseEvent;

impl<B> OnResponse<B> for ResponseEvent {
    fn on_response(self, response: &Response<B>, latency: Duration, _span: &Span) {
        let elapsed_ms = u64::try_from(latency.as_millis()).unwrap_or(u64::MAX);
        tracing::info!(status = response.status().as_u16(), elapsed_ms, "answered");
    }
}
