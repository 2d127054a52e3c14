//! Serving the built app beside the API. The app routes in the browser, so a deep link such as
//! `/goals/new` or `/goals/<id>/edit` names no file: any path that is not a file answers with
//! `index.html` and the app takes it from there.

use std::path::Path;

use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

/// A router that serves the files of `static_dir`, and its `index.html` for any other path.
pub fn routes<S: Clone + Send + Sync + 'static>(static_dir: &Path) -> Router<S> {
    let index = ServeFile::new(static_dir.join("index.html"));
    Router::new().fallback_service(ServeDir::new(static_dir).fallback(index))
}
