//! The listing's query (`q`, `tag`, `limit`, `cursor`) and its cursor.
//!
//! The cursor is the position of the last goal of a page in the listing order (newest update
//! first, ties by id), so the next page starts right after it however many goals were added
//! meanwhile. It is opaque to clients: base64url of `<updated_at micros>:<id>`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use goals_core::GoalSummary;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::ApiError;
use crate::timestamps;

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 200;

/// The query string as sent; an empty parameter counts as absent. `limit` is read as text so
/// that a bad one is refused in the API's words rather than the extractor's.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Text the goal name contains, ignoring case.
    q: Option<String>,
    /// A tag the goal has, ignoring case.
    tag: Option<String>,
    /// Goals per page.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200, default = 50)]
    limit: Option<String>,
    /// The `nextCursor` of the previous page, unchanged.
    cursor: Option<String>,
}

/// A checked listing request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRequest {
    /// Lowercased text the goal name must contain.
    pub name_contains: Option<String>,
    /// Lowercased tag the goal must have.
    pub tag: Option<String>,
    pub limit: u32,
    pub after: Option<Cursor>,
}

/// Where a page ends in the listing order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub updated_at_micros: i64,
    pub id: String,
}

impl TryFrom<ListParams> for ListRequest {
    type Error = ApiError;

    fn try_from(params: ListParams) -> Result<Self, ApiError> {
        let limit = match present(params.limit) {
            None => DEFAULT_LIMIT,
            Some(limit) => parse_limit(&limit)?,
        };
        let after = present(params.cursor)
            .map(|cursor| Cursor::decode(&cursor))
            .transpose()?;
        Ok(ListRequest {
            name_contains: present(params.q).map(|q| q.to_lowercase()),
            tag: present(params.tag).map(|tag| tag.to_lowercase()),
            limit,
            after,
        })
    }
}

impl Cursor {
    /// The cursor of the page that ends with `last`.
    pub fn after(last: &GoalSummary) -> Cursor {
        Cursor {
            updated_at_micros: timestamps::to_micros(last.updated_at),
            id: last.id.clone(),
        }
    }

    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!("{}:{}", self.updated_at_micros, self.id))
    }

    pub fn decode(text: &str) -> Result<Cursor, ApiError> {
        let invalid = || {
            ApiError::BadRequest(
                "cursor is not one this server gave: pass nextCursor back unchanged".to_string(),
            )
        };
        let bytes = URL_SAFE_NO_PAD.decode(text).map_err(|_| invalid())?;
        let decoded = String::from_utf8(bytes).map_err(|_| invalid())?;
        let (micros, id) = decoded.split_once(':').ok_or_else(invalid)?;
        let updated_at_micros = micros.parse().map_err(|_| invalid())?;
        if id.is_empty() {
            return Err(invalid());
        }
        Ok(Cursor {
            updated_at_micros,
            id: id.to_string(),
        })
    }
}

/// Trimmed, and `None` when nothing is left.
fn present(parameter: Option<String>) -> Option<String> {
    parameter
        .map(|text| text.trim().to_string())
        .filter(|text| !text.is_empty())
}

fn parse_limit(text: &str) -> Result<u32, ApiError> {
    text.parse::<u32>()
        .ok()
        .filter(|limit| (1..=MAX_LIMIT).contains(limit))
        .ok_or_else(|| {
            ApiError::BadRequest(format!(
                "limit must be a whole number from 1 to {MAX_LIMIT}"
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(query: &[(&str, &str)]) -> Result<ListRequest, ApiError> {
        let mut params = ListParams::default();
        for (name, value) in query {
            let value = Some(value.to_string());
            match *name {
                "q" => params.q = value,
                "tag" => params.tag = value,
                "limit" => params.limit = value,
                _ => params.cursor = value,
            }
        }
        ListRequest::try_from(params)
    }

    #[test]
    fn a_cursor_survives_encoding() {
        let cursor = Cursor {
            updated_at_micros: 1_700_000_000_123_456,
            id: "a:b".to_string(),
        };
        assert_eq!(Cursor::decode(&cursor.encode()).unwrap(), cursor);
    }

    #[test]
    fn cursors_not_made_here_are_refused() {
        let not_a_number = URL_SAFE_NO_PAD.encode("soon:abc");
        let no_id = URL_SAFE_NO_PAD.encode("12:");
        for text in ["%%%", "bm90aGluZw", not_a_number.as_str(), no_id.as_str()] {
            assert!(Cursor::decode(text).is_err(), "{text} should be refused");
        }
    }

    #[test]
    fn empty_parameters_mean_no_filter_and_the_default_limit() {
        let request = request(&[("q", " "), ("tag", ""), ("limit", ""), ("cursor", "")]).unwrap();
        assert_eq!(
            request,
            ListRequest {
                name_contains: None,
                tag: None,
                limit: DEFAULT_LIMIT,
                after: None
            }
        );
    }

    #[test]
    fn filters_are_lowercased() {
        let request = request(&[("q", " Lead "), ("tag", "ÉTÉ")]).unwrap();
        assert_eq!(request.name_contains.as_deref(), Some("lead"));
        assert_eq!(request.tag.as_deref(), Some("été"));
    }

    #[test]
    fn limit_must_be_between_one_and_two_hundred() {
        assert_eq!(request(&[("limit", "1")]).unwrap().limit, 1);
        assert_eq!(request(&[("limit", "200")]).unwrap().limit, 200);
        for limit in ["0", "201", "-1", "abc", "1.5"] {
            assert!(
                request(&[("limit", limit)]).is_err(),
                "limit {limit} should be refused"
            );
        }
    }
}
