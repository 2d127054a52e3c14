//! Settings read from the page at start-up, so one build can be deployed under any path,
//! pointed at any Goals API, and embedded in a host studio without being rebuilt.
//!
//! The path the app is mounted under has one source: the page's `<base href>`, which also
//! resolves the build's relative asset URLs. The router therefore always agrees with where the
//! assets were found, and a deployer moving the app edits one attribute, not two.

/// Where the API is, where the app is mounted, and whether a host studio frames it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Base URL of the Goals API, absolute or relative to the page (`<meta name="goals-api-base">`).
    pub api_base: String,
    /// Path the app is mounted under, without a trailing slash: the path of `<base href>`.
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
    /// Reads the `<meta>` tags and the `<base>` element of the current document; absent or
    /// empty ones keep the defaults.
    pub fn from_document() -> Self {
        let defaults = Config::default();
        let api_base = meta_content("goals-api-base").unwrap_or(defaults.api_base);
        let base_path = base_element_path().unwrap_or(defaults.base_path);
        let embedded = meta_content("goals-embedded")
            .map(|value| matches!(value.to_ascii_lowercase().as_str(), "true" | "yes" | "1"))
            .unwrap_or(defaults.embedded);
        Config {
            api_base: api_base.trim_end_matches('/').to_string(),
            base_path: base_path.trim_end_matches('/').to_string(),
            embedded,
        }
    }

    /// The URL path of one of the app's routes, such as `/goals/new`, under the base path.
    pub fn route_path(&self, route: &str) -> String {
        format!("{}{route}", self.base_path)
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

/// The path of the document's base URL when the page has a `<base href>`. Without one the
/// base URL is the page's own address, a deep link rather than the mount point, so it is not
/// used.
fn base_element_path() -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.query_selector("base[href]").ok()??;
    let base_url = document.base_uri().ok()??;
    Some(web_sys::Url::new(&base_url).ok()?.pathname())
}
