//! API tokens as the operator gives them (`--token ROLE=SECRET`, or `GOALS_API_TOKENS`), and
//! the roles they grant.
//!
//! A secret is kept only as its SHA-256 digest: the request's token is hashed the same way and
//! the digests are compared in constant time, so neither the length nor the first differing
//! byte of a secret can be learned by timing answers. Nothing here prints a secret, not even a
//! malformed one: errors name the role, never what follows the `=`.

use std::ffi::OsStr;
use std::fmt;
use std::str::FromStr;

use clap::builder::TypedValueParser;
use clap::error::ErrorKind;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// What a token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The studio: read and change goals, and read and record everything about their runs
    /// (the analytics page's Test goal panel records achievements).
    Editor,
    /// A bot's Goal nodes: record achievements, nothing else.
    Runtime,
    /// Read goals, reports, customers' runs and exports; change nothing.
    Viewer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Runtime => "runtime",
            Role::Viewer => "viewer",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One token the server accepts: a role and the digest of its secret.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiToken {
    role: Role,
    digest: [u8; 32],
}

/// Why a `--token` was refused. The secret is never part of the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiTokenError {
    #[error("a token is written ROLE=SECRET, with ROLE one of editor, runtime or viewer")]
    NoRole,
    #[error("{0:?} is not a role: write editor, runtime or viewer before the '='")]
    UnknownRole(String),
    #[error("the {0} token has an empty secret")]
    EmptySecret(Role),
}

impl ApiToken {
    pub fn role(&self) -> Role {
        self.role
    }
}

/// Only the role: the digest stays out of logs and panics too.
impl fmt::Debug for ApiToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiToken")
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

impl FromStr for ApiToken {
    type Err = ApiTokenError;

    /// Reads `ROLE=SECRET`; spaces around the role and the secret are dropped, since a list in
    /// a variable is often written `editor=a, viewer=b`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (role, secret) = text.split_once('=').ok_or(ApiTokenError::NoRole)?;
        let role = match role.trim() {
            "editor" => Role::Editor,
            "runtime" => Role::Runtime,
            "viewer" => Role::Viewer,
            "" => return Err(ApiTokenError::NoRole),
            other => return Err(ApiTokenError::UnknownRole(other.to_string())),
        };
        let secret = secret.trim();
        if secret.is_empty() {
            return Err(ApiTokenError::EmptySecret(role));
        }
        Ok(ApiToken {
            role,
            digest: digest(secret.as_bytes()),
        })
    }
}

/// The role of the token whose secret is `presented`, if any. Every token is compared, each in
/// constant time, whichever matches.
pub fn role_of(tokens: &[ApiToken], presented: &[u8]) -> Option<Role> {
    let presented = digest(presented);
    let mut role = None;
    for token in tokens {
        let matches: bool = token.digest.ct_eq(&presented).into();
        if matches && role.is_none() {
            role = Some(token.role);
        }
    }
    role
}

fn digest(secret: &[u8]) -> [u8; 32] {
    Sha256::digest(secret).into()
}

/// clap's parser for `--token`. clap's own errors quote the refused value, which here holds a
/// secret, so this one answers with [`ApiTokenError`]'s words alone.
#[derive(Debug, Clone, Copy)]
pub struct ApiTokenParser;

impl TypedValueParser for ApiTokenParser {
    type Value = ApiToken;

    fn parse_ref(
        &self,
        command: &clap::Command,
        _argument: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<ApiToken, clap::Error> {
        let refuse = |reason: String| {
            clap::Error::raw(
                ErrorKind::ValueValidation,
                format!("a --token (or GOALS_API_TOKENS) value is not valid: {reason}\n"),
            )
            .with_cmd(command)
        };
        let text = value
            .to_str()
            .ok_or_else(|| refuse("it is not UTF-8".to_string()))?;
        text.parse()
            .map_err(|error: ApiTokenError| refuse(error.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(text: &str) -> ApiToken {
        text.parse().expect("a valid token")
    }

    #[test]
    fn tokens_are_read_as_role_and_secret() {
        assert_eq!(token("editor=s3cret").role(), Role::Editor);
        assert_eq!(token(" runtime = bot-key ").role(), Role::Runtime);
        assert_eq!(token("viewer=a=b").role(), Role::Viewer);
    }

    #[test]
    fn malformed_tokens_are_refused_without_their_secret() {
        let refusals = [
            ("hunter2", ApiTokenError::NoRole),
            ("=hunter2", ApiTokenError::NoRole),
            ("admin=hunter2", ApiTokenError::UnknownRole("admin".into())),
            ("editor=  ", ApiTokenError::EmptySecret(Role::Editor)),
        ];
        for (text, expected) in refusals {
            let error = text.parse::<ApiToken>().unwrap_err();
            assert_eq!(error, expected, "{text}");
            assert!(!error.to_string().contains("hunter2"), "{error}");
        }
    }

    #[test]
    fn the_matching_secret_names_its_role() {
        let tokens = [token("editor=one"), token("viewer=two")];

        assert_eq!(role_of(&tokens, b"one"), Some(Role::Editor));
        assert_eq!(role_of(&tokens, b"two"), Some(Role::Viewer));
        assert_eq!(role_of(&tokens, b"on"), None);
        assert_eq!(role_of(&tokens, b""), None);
    }

    #[test]
    fn debug_output_shows_the_role_only() {
        assert_eq!(
            format!("{:?}", token("editor=hunter2")),
            "ApiToken { role: Editor, .. }"
        );
    }
}
