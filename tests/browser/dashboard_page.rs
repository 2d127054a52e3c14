//! The Goals dashboard as a test sees it, so a change of markup is mended here only.

#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement};

use super::{button, texts};

pub struct DashboardPage {
    pub root: HtmlElement,
}

impl DashboardPage {
    pub fn goal_names(&self) -> Vec<String> {
        texts(&self.root, "tbody .goal-name")
    }

    pub fn row_text(&self, name: &str) -> Option<String> {
        let rows = self.root.query_selector_all("tbody tr").unwrap();
        (0..rows.length())
            .filter_map(|i| rows.item(i))
            .map(|row| row.text_content().unwrap_or_default())
            .find(|text| text.contains(name))
    }

    pub fn has_button(&self, name: &str) -> bool {
        button(&self.root, name).is_some()
    }

    pub fn click(&self, name: &str) {
        button(&self.root, name)
            .unwrap_or_else(|| panic!("no button {name:?}"))
            .click();
    }

    pub fn is_disabled(&self, name: &str) -> bool {
        button(&self.root, name)
            .unwrap_or_else(|| panic!("no button {name:?}"))
            .has_attribute("disabled")
    }

    pub fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    /// Types into the input whose label reads `label`, as a person would.
    pub fn type_into(&self, label: &str, value: &str) {
        let labels = self.root.query_selector_all("label").unwrap();
        let input: HtmlInputElement = (0..labels.length())
            .filter_map(|i| labels.item(i))
            .map(|node| node.unchecked_into::<HtmlElement>())
            .find(|node| {
                node.text_content()
                    .unwrap_or_default()
                    .trim()
                    .starts_with(label)
            })
            .and_then(|node| node.query_selector("input").unwrap())
            .unwrap_or_else(|| panic!("no input labelled {label:?}"))
            .unchecked_into();
        input.set_value(value);
        let init = EventInit::new();
        init.set_bubbles(true);
        input
            .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
    }

    /// Whether the delete confirmation popup is showing as a modal.
    pub fn delete_dialog_open(&self) -> bool {
        self.root.query_selector("dialog[open]").unwrap().is_some()
    }
}
