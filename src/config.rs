//! Settings read from the page at start-up, so one build can be deployed under any path,
//! pointed at any Goals API, and embedded in a host studio without being rebuilt.

/// Where the API is, where the app is mounted, and whether a host studio frames it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Base URL of the Goals API, absolute or relative to the page (`<meta name="goals-api-base">`).
    pub api_base: String,
    /// Path the app is mounted under, without a trailing slash (`<meta name="goals-base-path">`).
    pub base_path: String,
    /// Hides the app's own sidebar when a host studio provides one (`<meta name="goals-embedded">`).
    pub embedded: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api_base: "/api/v1".to_string(),
            base_path: String::new(),
            embedded: false,
        }
    }
}

impl Config {
    /// Reads the `<meta>` tags of the current document; absent or empty tags keep the defaults.
    pub fn from_document() -> Self {
        let defaults = Config::default();
        let api_base = meta_content("goals-api-base").unwrap_or(defaults.api_base);
        let base_path = meta_content("goals-base-path").unwrap_or(defaults.base_path);
        let embedded = meta_content("goals-embedded")
            .map(|value| matches!(value.as_str(), "true" | "yes" | "1"))
            .unwrap_or(defaults.embedded);
        Config {
            api_base: api_base.trim_end_matches('/').to_string(),
            base_path: base_path.trim_end_matches('/').to_string(),
            embedded,
        }
    }
}

fn meta_content(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    let content = meta.get_attribute("content")?.trim().to_string();
    (!content.is_empty()).then_some(content)
}
