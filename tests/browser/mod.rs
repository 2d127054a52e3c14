//! Shared by the component tests that run in headless Chromium: a stand-in Goals API behind
//! `window.fetch`, mounting a screen, and waiting for the DOM to settle.

#![allow(dead_code)]

pub mod analytics_page;
pub mod dashboard_page;
pub mod goal_form_page;

use std::time::Duration;

use goals_studio::api::GoalsApi;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

#[wasm_bindgen(inline_js = r#"
export function answer_fetches_with(answers) {
  const queue = JSON.parse(answers);
  window.goalsRequests = [];
  window.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const sent = { method: request.method, url: request.url,
      ifMatch: request.headers.get("If-Match"),
      authorization: request.headers.get("Authorization"), body: "" };
    window.goalsRequests.push(sent);
    sent.body = await request.text();
    const answer = queue.length > 1 ? queue.shift() : queue[0];
    const body = answer.status === 204 ? null : JSON.stringify(answer.body);
    return new Response(body,
      { status: answer.status, headers: { "Content-Type": "application/json" } });
  };
}
export function requests_sent() {
  return (window.goalsRequests || []).map((sent) => sent.method + " " + sent.url).join("\n");
}
export function requests_sent_as_json() {
  return JSON.stringify(window.goalsRequests || []);
}
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
"#)]
extern "C" {
    fn answer_fetches_with(answers: &str);
    fn requests_sent() -> String;
    fn requests_sent_as_json() -> String;
    fn sleep(ms: u32) -> js_sys::Promise;
}

/// Makes `fetch` answer with these `(status, body)` pairs in turn; the last one repeats.
pub fn fake_api(answers: &[(u16, serde_json::Value)]) {
    let answers: Vec<_> = answers
        .iter()
        .map(|(status, body)| serde_json::json!({ "status": status, "body": body }))
        .collect();
    answer_fetches_with(&serde_json::Value::Array(answers).to_string());
}

/// Every request the app sent since [`fake_api`], as `METHOD URL`.
pub fn requests() -> Vec<String> {
    requests_sent().lines().map(str::to_string).collect()
}

/// One request as the stand-in API received it.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SentRequest {
    pub method: String,
    pub url: String,
    /// The `If-Match` header, if the request had one.
    pub if_match: Option<String>,
    /// The `Authorization` header, if the request had one.
    pub authorization: Option<String>,
    /// The body as text; empty for requests without one.
    pub body: String,
}

impl SentRequest {
    /// The body parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

/// Every request the app sent since [`fake_api`], with its `If-Match` and `Authorization`
/// headers and body.
pub fn sent_requests() -> Vec<SentRequest> {
    serde_json::from_str(&requests_sent_as_json()).unwrap()
}

/// Mounts a view in a fresh container, with the API client in context, and keeps it mounted.
pub fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(GoalsApi::new("/api/v1"));
        view()
    });
    handle.forget();
    container
}

/// Waits, up to two seconds, until `ready` holds; the fetches and renders are asynchronous.
pub async fn wait_until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..200 {
        leptos::task::tick().await;
        if ready() {
            return;
        }
        wasm_bindgen_futures::JsFuture::from(sleep(10))
            .await
            .unwrap();
    }
    panic!(
        "gave up waiting for {what} after {:?}",
        Duration::from_secs(2)
    );
}

/// Lets `ms` milliseconds pass and the page settle, to check that something did *not* happen.
pub async fn settle_for(ms: u32) {
    wasm_bindgen_futures::JsFuture::from(sleep(ms))
        .await
        .unwrap();
    leptos::task::tick().await;
}

/// The button whose accessible name (aria-label, else text) is `name`.
pub fn button(root: &Element, name: &str) -> Option<HtmlElement> {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|node| node.unchecked_into::<HtmlElement>())
        .find(|button| {
            let label = button.get_attribute("aria-label");
            label
                .as_deref()
                .unwrap_or(&button.text_content().unwrap_or_default())
                .trim()
                == name
        })
}

/// Text of every element matching `selector` under `root`.
pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|node| node.text_content().unwrap_or_default().trim().to_string())
        .collect()
}
