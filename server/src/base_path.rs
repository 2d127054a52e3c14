//! The path the built app is served under, such as `/studio/goals`, so that one host can mount
//! Goals Studio beside its own pages. The API does not move with it: it stays at `/api/v1`.

use std::fmt;
use std::str::FromStr;

/// A path prefix of the app: empty (the app at the root), or `/` followed by segments of
/// letters, digits, `-`, `.`, `_` and `~`, without a trailing slash.
///
/// The characters are limited so that the prefix can be written into the served `index.html`
/// and compared with request paths as it is, with no escaping or percent-decoding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BasePath(String);

/// Why a `--base-path` was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BasePathError {
    #[error("the base path must start with '/', as in /studio/goals")]
    NotAbsolute,
    #[error("the base path has an empty, '.' or '..' segment")]
    BadSegment,
    #[error("the base path may only hold letters, digits, '-', '.', '_', '~' and '/', not {0:?}")]
    BadCharacter(char),
    #[error("the base path cannot be under /api, where the API is served")]
    UnderTheApi,
}

impl BasePath {
    /// The prefix as written in URLs: empty, or like `/studio/goals`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The `href` of the app's `<base>` element: the prefix with a trailing slash, so that the
    /// app's relative asset URLs resolve under it.
    pub fn base_href(&self) -> String {
        format!("{}/", self.0)
    }

    /// The part of `path` inside the prefix (`""` for the prefix itself, else starting with
    /// `/`), or `None` when the path is outside it: `/studio/goalsx` is not under
    /// `/studio/goals`.
    pub fn route_of<'a>(&self, path: &'a str) -> Option<&'a str> {
        let route = path.strip_prefix(self.0.as_str())?;
        (route.is_empty() || route.starts_with('/')).then_some(route)
    }
}

impl FromStr for BasePath {
    type Err = BasePathError;

    /// Accepts `""` and `/` for the root; a trailing slash is dropped.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let path = text.trim().trim_end_matches('/');
        if path.is_empty() {
            return Ok(BasePath::default());
        }
        let Some(segments) = path.strip_prefix('/') else {
            return Err(BasePathError::NotAbsolute);
        };
        if let Some(bad) = segments
            .chars()
            .find(|&c| !(c.is_ascii_alphanumeric() || "-._~/".contains(c)))
        {
            return Err(BasePathError::BadCharacter(bad));
        }
        if segments
            .split('/')
            .any(|segment| matches!(segment, "" | "." | ".."))
        {
            return Err(BasePathError::BadSegment);
        }
        if segments == "api" || segments.starts_with("api/") {
            return Err(BasePathError::UnderTheApi);
        }
        Ok(BasePath(path.to_string()))
    }
}

impl fmt::Display for BasePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<String, BasePathError> {
        text.parse::<BasePath>().map(|path| path.to_string())
    }

    #[test]
    fn the_root_is_written_empty() {
        assert_eq!(parse(""), Ok(String::new()));
        assert_eq!(parse("/"), Ok(String::new()));
    }

    #[test]
    fn a_trailing_slash_is_dropped() {
        assert_eq!(parse("/studio/goals/"), Ok("/studio/goals".into()));
        assert_eq!(parse("/studio/goals"), Ok("/studio/goals".into()));
    }

    #[test]
    fn paths_that_cannot_be_mounted_are_refused() {
        assert_eq!(parse("studio"), Err(BasePathError::NotAbsolute));
        assert_eq!(parse("/studio//goals"), Err(BasePathError::BadSegment));
        assert_eq!(parse("/studio/../goals"), Err(BasePathError::BadSegment));
        assert_eq!(
            parse("/studio goals"),
            Err(BasePathError::BadCharacter(' '))
        );
        assert_eq!(parse("/a\"b"), Err(BasePathError::BadCharacter('"')));
        assert_eq!(parse("/api"), Err(BasePathError::UnderTheApi));
        assert_eq!(parse("/api/app"), Err(BasePathError::UnderTheApi));
        assert_eq!(parse("/apis"), Ok("/apis".into()));
    }

    #[test]
    fn routes_are_the_rest_of_paths_inside_the_prefix() {
        let base: BasePath = "/studio/goals".parse().unwrap();
        assert_eq!(base.route_of("/studio/goals"), Some(""));
        assert_eq!(base.route_of("/studio/goals/"), Some("/"));
        assert_eq!(base.route_of("/studio/goals/goals/new"), Some("/goals/new"));
        assert_eq!(base.route_of("/studio/goalsx"), None);
        assert_eq!(base.route_of("/goals"), None);
        assert_eq!(BasePath::default().route_of("/goals"), Some("/goals"));
        assert_eq!(base.base_href(), "/studio/goals/");
        assert_eq!(BasePath::default().base_href(), "/");
    }
}
