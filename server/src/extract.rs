//! axum's path and query extractors, with their refusals answered as the API's JSON errors
//! instead of plain text.

use axum::extract::{FromRequestParts, Path, Query};

use crate::error::ApiError;

/// Path parameters; a value that does not fit is a 400 `bad_request`.
#[derive(Debug, FromRequestParts)]
#[from_request(via(Path), rejection(ApiError))]
pub struct ApiPath<T>(pub T);

/// Query parameters; a value that does not fit is a 400 `bad_request`.
#[derive(Debug, FromRequestParts)]
#[from_request(via(Query), rejection(ApiError))]
pub struct ApiQuery<T>(pub T);
