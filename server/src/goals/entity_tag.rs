//! A goal's version as an HTTP entity tag: sent in `ETag`, expected back in `If-Match` so that
//! a save made from an old copy of a goal cannot overwrite someone else's newer one.
//!
//! `If-Match` accepts `*`, a tag such as `"3"`, or a comma-separated list of tags. A weak tag
//! (`W/"3"`) is taken as naming the same version: the tag stands for the goal's version, not
//! its bytes, and proxies that compress responses turn strong tags into weak ones. Anything
//! else is malformed (400), and a missing header is refused with 428.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;

use crate::error::ApiError;

/// The `ETag` of a goal at `version`, such as `"3"`.
pub fn entity_tag(version: i64) -> String {
    format!("\"{version}\"")
}

/// The versions a client allows its replacement to apply to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IfMatch {
    /// `*`: whatever version is stored.
    Any,
    /// Only one of these.
    Versions(Vec<i64>),
}

impl IfMatch {
    /// True when the stored `version` is one the client allowed.
    pub fn matches(&self, version: i64) -> bool {
        match self {
            IfMatch::Any => true,
            IfMatch::Versions(versions) => versions.contains(&version),
        }
    }

    /// Reads a header value (or several, joined by commas).
    pub fn parse(value: &str) -> Result<IfMatch, ApiError> {
        let members: Vec<&str> = value
            .split(',')
            .map(str::trim)
            .filter(|member| !member.is_empty())
            .collect();
        if members == ["*"] {
            return Ok(IfMatch::Any);
        }
        if members.is_empty() {
            return Err(malformed(value));
        }
        members
            .iter()
            .map(|member| parse_version_tag(member).ok_or_else(|| malformed(value)))
            .collect::<Result<_, _>>()
            .map(IfMatch::Versions)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let mut values = Vec::new();
        for value in parts.headers.get_all(header::IF_MATCH) {
            let value = value.to_str().map_err(|_| {
                ApiError::BadRequest("If-Match must be plain ASCII, such as \"3\"".to_string())
            })?;
            values.push(value);
        }
        if values.is_empty() {
            return Err(ApiError::PreconditionRequired);
        }
        IfMatch::parse(&values.join(","))
    }
}

fn parse_version_tag(member: &str) -> Option<i64> {
    let strong = member.strip_prefix("W/").unwrap_or(member);
    let digits = strong.strip_prefix('"')?.strip_suffix('"')?;
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn malformed(value: &str) -> ApiError {
    ApiError::BadRequest(format!(
        "If-Match \"{value}\" is not understood: send the goal's ETag, such as \"3\", or *"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_version_matches_that_version_only() {
        let if_match = IfMatch::parse("\"3\"").unwrap();
        assert!(if_match.matches(3));
        assert!(!if_match.matches(4));
    }

    #[test]
    fn a_weak_tag_names_the_same_version() {
        assert_eq!(
            IfMatch::parse("W/\"7\"").unwrap(),
            IfMatch::Versions(vec![7])
        );
    }

    #[test]
    fn a_star_matches_any_version() {
        assert!(IfMatch::parse(" * ").unwrap().matches(41));
    }

    #[test]
    fn a_list_matches_any_of_its_versions() {
        let if_match = IfMatch::parse("\"1\", W/\"2\"").unwrap();
        assert!(if_match.matches(1) && if_match.matches(2) && !if_match.matches(3));
    }

    #[test]
    fn unquoted_or_non_numeric_tags_are_malformed() {
        for value in [
            "3",
            "\"three\"",
            "\"\"",
            "\"-1\"",
            "*, \"2\"",
            "",
            " , ",
            "\"3",
        ] {
            assert!(
                IfMatch::parse(value).is_err(),
                "{value:?} should be malformed"
            );
        }
    }

    #[test]
    fn a_version_beyond_the_integer_range_is_malformed() {
        assert!(IfMatch::parse("\"99999999999999999999\"").is_err());
    }
}
