//! Deployment settings in headless Chromium: what the app reads from the page's `<base>` and
//! `<meta>` elements, and links and navigation that stay under the base path.

#![cfg(target_arch = "wasm32")]

mod browser;

use browser::dashboard_page::DashboardPage;
use browser::{fake_api, mount, wait_until};
use goals_studio::config::Config;
use goals_studio::dashboard::Dashboard;
use goals_studio::shell::Shell;
use leptos::prelude::*;
use leptos_router::components::Router;
use serde_json::json;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const BASE_PATH: &str = "/studio/goals";

/// Elements added to the test page's `<head>`, removed again when dropped so that the next test
/// sees the page as it was.
struct HeadElements(Vec<Element>);

impl HeadElements {
    fn add(elements: &[(&str, &[(&str, &str)])]) -> HeadElements {
        let document = web_sys::window().unwrap().document().unwrap();
        let head = document.head().unwrap();
        let added = elements
            .iter()
            .map(|(tag, attributes)| {
                let element = document.create_element(tag).unwrap();
                for (name, value) in *attributes {
                    element.set_attribute(name, value).unwrap();
                }
                head.append_child(&element).unwrap();
                element
            })
            .collect();
        HeadElements(added)
    }
}

impl Drop for HeadElements {
    fn drop(&mut self) {
        for element in &self.0 {
            element.remove();
        }
    }
}

/// The page's address, put back when dropped, for tests that navigate.
struct PageAddress(String);

impl PageAddress {
    fn keep() -> PageAddress {
        PageAddress(web_sys::window().unwrap().location().href().unwrap())
    }
}

impl Drop for PageAddress {
    fn drop(&mut self) {
        let history = web_sys::window().unwrap().history().unwrap();
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&self.0));
    }
}

fn config_under_the_base_path() -> Config {
    Config {
        base_path: BASE_PATH.to_string(),
        ..Config::default()
    }
}

fn current_path() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

#[wasm_bindgen_test]
fn without_settings_the_app_is_at_the_root_and_calls_its_own_server() {
    assert_eq!(Config::from_document(), Config::default());
    assert_eq!(Config::default().api_base, "/api/v1");
}

#[wasm_bindgen_test]
fn the_page_names_the_api_the_base_path_and_embedding() {
    let _settings = HeadElements::add(&[
        ("base", &[("href", "/studio/goals/")]),
        (
            "meta",
            &[
                ("name", "goals-api-base"),
                ("content", " http://other.example.com:9000/api/v1/ "),
            ],
        ),
        ("meta", &[("name", "goals-embedded"), ("content", "True")]),
    ]);

    assert_eq!(
        Config::from_document(),
        Config {
            api_base: "http://other.example.com:9000/api/v1".to_string(),
            base_path: BASE_PATH.to_string(),
            embedded: true,
        }
    );
}

#[wasm_bindgen_test]
fn a_relative_base_href_is_resolved_against_the_page() {
    let _settings = HeadElements::add(&[("base", &[("href", "studio/goals/")])]);

    assert_eq!(Config::from_document().base_path, BASE_PATH);
}

#[wasm_bindgen_test]
fn empty_settings_keep_the_defaults() {
    let _settings = HeadElements::add(&[
        ("base", &[("href", "/")]),
        ("meta", &[("name", "goals-api-base"), ("content", "")]),
        ("meta", &[("name", "goals-embedded"), ("content", "false")]),
    ]);

    assert_eq!(Config::from_document(), Config::default());
}

#[wasm_bindgen_test]
fn the_sidebar_link_carries_the_base_path() {
    let root = mount(|| {
        provide_context(config_under_the_base_path());
        view! { <Router base=BASE_PATH><Shell embedded=false>"page"</Shell></Router> }
    });

    let link = root.query_selector("nav.sidebar a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/studio/goals/goals")
    );
}

#[wasm_bindgen_test]
fn embedded_the_app_shows_no_sidebar() {
    let root = mount(|| {
        provide_context(config_under_the_base_path());
        view! { <Router base=BASE_PATH><Shell embedded=true>"page"</Shell></Router> }
    });

    assert!(root.query_selector("nav.sidebar").unwrap().is_none());
    assert!(root.text_content().unwrap_or_default().contains("page"));
}

#[wasm_bindgen_test]
async fn buttons_navigate_under_the_base_path() {
    let _address = PageAddress::keep();
    fake_api(&[(200, json!({ "goals": [], "nextCursor": null }))]);
    let root: HtmlElement = mount(|| {
        provide_context(config_under_the_base_path());
        view! { <Router base=BASE_PATH><Dashboard/></Router> }
    });
    let dashboard = DashboardPage { root };
    wait_until("the empty state", || {
        dashboard.has_button("Create your first goal")
    })
    .await;

    dashboard.click("Create your first goal");
    wait_until("the create form's address", || {
        current_path() == "/studio/goals/goals/new"
    })
    .await;
}
