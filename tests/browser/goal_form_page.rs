//! The goal form (create and edit) as a test sees it, so a change of markup is mended here
//! only. Milestones and trackers are addressed by position, fields by their label's text.

#![allow(dead_code)]

use std::any::Any;
use std::cell::RefCell;

use goals_studio::api::GoalsApi;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, Event, EventInit, HtmlDialogElement, HtmlElement, KeyboardEvent, KeyboardEventInit,
    Storage,
};

use super::{button, texts};

thread_local! {
    /// The forms mounted by [`mount_form`] and not yet taken down, each with the owner of its
    /// reactive scope.
    static MOUNTED: RefCell<Vec<(Owner, Box<dyn Any>)>> = const { RefCell::new(Vec::new()) };
}

/// Mounts a form screen as [`super::mount`] does, but keeps it only until [`take_down_forms`],
/// so a form of one test cannot write its draft while a later test runs.
pub fn mount_form<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    // An owner of our own: dropping the mount's handle alone leaves its scope alive.
    let owner = Owner::new();
    let handle = owner.with(|| {
        leptos::mount::mount_to(container.clone(), move || {
            provide_context(GoalsApi::new("/api/v1"));
            view()
        })
    });
    MOUNTED.with(|mounted| mounted.borrow_mut().push((owner, Box::new(handle))));
    container
}

/// Takes down every form [`mount_form`] mounted, as leaving the page in the app would: a
/// draft waiting to be written is written, and no timer of theirs fires afterwards.
pub fn take_down_forms() {
    let mounted = MOUNTED.with(|mounted| std::mem::take(&mut *mounted.borrow_mut()));
    for (owner, handle) in mounted {
        drop(handle);
        owner.cleanup();
    }
}

/// Where every test of the form starts: no form mounted and nothing in localStorage.
pub fn start_afresh() {
    take_down_forms();
    local_storage().clear().unwrap();
}

pub fn local_storage() -> Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The draft kept under `key` (`goals-studio:draft:…`), parsed.
pub fn kept_draft(key: &str) -> Option<serde_json::Value> {
    let text = local_storage().get_item(key).unwrap()?;
    Some(serde_json::from_str(&text).unwrap())
}

/// Puts a draft under `key`, as an earlier visit to the form would have.
pub fn keep_draft(key: &str, draft: &serde_json::Value) {
    local_storage().set_item(key, &draft.to_string()).unwrap();
}

pub struct GoalFormPage {
    pub root: HtmlElement,
}

impl GoalFormPage {
    pub fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    pub fn has_form(&self) -> bool {
        self.root
            .query_selector("form.goal-form")
            .unwrap()
            .is_some()
    }

    /// The legends of the milestones, in order.
    pub fn milestone_legends(&self) -> Vec<String> {
        texts(&self.root, "fieldset.milestone > legend")
    }

    /// The legends of one milestone's trackers, in order.
    pub fn tracker_legends(&self, milestone: usize) -> Vec<String> {
        texts(&self.milestone(milestone), "fieldset.tracker > legend")
    }

    /// The value of every milestone's **Milestone Name**.
    pub fn milestone_names(&self) -> Vec<String> {
        (0..self.milestone_legends().len())
            .map(|m| value_of(&self.milestone_input(m, "Milestone Name")))
            .collect()
    }

    /// The value of every **Tracker Name** of one milestone.
    pub fn tracker_names(&self, milestone: usize) -> Vec<String> {
        (0..self.tracker_legends(milestone).len())
            .map(|t| value_of(&self.tracker_input(milestone, t, "Tracker Name")))
            .collect()
    }

    /// A field of the goal itself: Goal Name, Goal Description, Tags.
    pub fn goal_input(&self, label: &str) -> HtmlElement {
        let fields = self.root.query_selector(".goal-fields").unwrap().unwrap();
        labelled(&fields, label)
    }

    /// Milestone Name or Description of the milestone at `milestone`.
    pub fn milestone_input(&self, milestone: usize, label: &str) -> HtmlElement {
        let fields = self
            .milestone(milestone)
            .query_selector(":scope > .milestone-fields")
            .unwrap()
            .unwrap();
        labelled(&fields, label)
    }

    /// Tracker Name, Description or Default Value of one tracker.
    pub fn tracker_input(&self, milestone: usize, tracker: usize, label: &str) -> HtmlElement {
        labelled(&self.tracker(milestone, tracker), label)
    }

    pub fn milestone(&self, milestone: usize) -> Element {
        nth(&self.root, "fieldset.milestone", milestone)
    }

    pub fn tracker(&self, milestone: usize, tracker: usize) -> Element {
        nth(&self.milestone(milestone), "fieldset.tracker", tracker)
    }

    /// Types `value` into a field, as a person would: the value changes, then `input` fires.
    pub fn type_into(&self, field: &HtmlElement, value: &str) {
        set_value(field, value);
        dispatch(field, "input");
    }

    /// Moves focus away from a field, which validates it: `blur` on the field, then
    /// `focusout` bubbling from it, as a browser does.
    pub fn leave(&self, field: &HtmlElement) {
        field.dispatch_event(&Event::new("blur").unwrap()).unwrap();
        dispatch(field, "focusout");
    }

    /// Presses Enter in a field; says whether the page let the browser's default happen.
    pub fn press_enter(&self, field: &HtmlElement) -> bool {
        let init = KeyboardEventInit::new();
        init.set_key("Enter");
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        field.dispatch_event(&event).unwrap()
    }

    /// Types a tag into Tags and presses Enter.
    pub fn add_tag(&self, tag: &str) -> bool {
        let tags = self.goal_input("Tags");
        self.type_into(&tags, tag);
        self.press_enter(&tags)
    }

    pub fn tags(&self) -> Vec<String> {
        texts(&self.root, ".tag-chips .tag span")
    }

    /// The message shown for a field through its `aria-describedby`, if it is marked invalid.
    pub fn error_of(&self, field: &HtmlElement) -> Option<String> {
        if field.get_attribute("aria-invalid").as_deref() != Some("true") {
            return None;
        }
        let described_by = field.get_attribute("aria-describedby")?;
        let messages: Vec<String> = described_by
            .split_whitespace()
            .filter_map(|id| self.root.query_selector(&format!("[id=\"{id}\"]")).unwrap())
            .filter(|element| element.class_list().contains("field-error"))
            .map(|element| element.text_content().unwrap_or_default())
            .collect();
        messages.into_iter().next()
    }

    pub fn has_button(&self, name: &str) -> bool {
        button(&self.root, name).is_some()
    }

    pub fn button(&self, name: &str) -> HtmlElement {
        button(&self.root, name).unwrap_or_else(|| panic!("no button {name:?}"))
    }

    /// Buttons of one milestone, found by accessible name.
    pub fn milestone_button(&self, milestone: usize, name: &str) -> Option<HtmlElement> {
        button(&self.milestone(milestone), name)
    }

    pub fn click(&self, name: &str) {
        self.button(name).click();
    }

    /// Clicks **Create** or **Save**: the form's submit button.
    pub fn submit(&self) {
        let submit: HtmlElement = self
            .root
            .query_selector("form button[type=submit]")
            .unwrap()
            .expect("a submit button")
            .unchecked_into();
        submit.click();
    }

    /// Clicks the form's own **Cancel** (each closed popup has one too).
    pub fn cancel(&self) {
        let actions = self.root.query_selector(".form-actions").unwrap().unwrap();
        button(&actions, "Cancel")
            .expect("the form's Cancel")
            .click();
    }

    pub fn submit_label(&self) -> String {
        texts(&self.root, "form button[type=submit]").join("")
    }

    /// The popup showing as a modal, if any.
    pub fn open_dialog(&self) -> Option<HtmlDialogElement> {
        self.root
            .query_selector("dialog[open]")
            .unwrap()
            .map(JsCast::unchecked_into)
    }

    /// Clicks a button of the open popup.
    pub fn click_in_dialog(&self, name: &str) {
        let dialog = self.open_dialog().expect("an open popup");
        button(&dialog, name)
            .unwrap_or_else(|| panic!("no button {name:?} in the popup"))
            .click();
    }

    /// The text of the offer to restore a kept draft, if it is shown.
    pub fn draft_offer(&self) -> Option<String> {
        texts(&self.root, ".draft-offer p").into_iter().next()
    }

    /// The quiet note saying drafts cannot be kept in this browser, if it is shown.
    pub fn draft_note(&self) -> Option<String> {
        texts(&self.root, ".draft-note").into_iter().next()
    }

    /// The conflict notice's list of what changed elsewhere.
    pub fn server_changes(&self) -> Vec<String> {
        texts(&self.root, ".conflict-notice .server-changes li")
    }

    /// What re-applying the bot builder's changes had to say.
    pub fn reapply_notes(&self) -> Vec<String> {
        texts(&self.root, ".reapply-notice li")
    }

    /// The banner messages (`role="alert"`) on the form.
    pub fn alerts(&self) -> Vec<String> {
        texts(&self.root, "[role=alert]")
    }

    pub fn focused(&self) -> Option<Element> {
        web_sys::window()?.document()?.active_element()
    }
}

/// Lets the page catch up with the events dispatched so far. Rows added by a click render in
/// one tick and set their fields' values in the next, so one tick is not always enough.
pub async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

/// The input or textarea whose `<label>` under `scope` reads `label` (a required mark aside).
pub fn labelled(scope: &Element, label: &str) -> HtmlElement {
    let labels = scope.query_selector_all("label").unwrap();
    let id = (0..labels.length())
        .filter_map(|i| labels.item(i))
        .map(|node| node.unchecked_into::<Element>())
        .find(|node| {
            let text = node.text_content().unwrap_or_default();
            text.trim().trim_end_matches('*').trim() == label
        })
        .and_then(|node| node.get_attribute("for"))
        .unwrap_or_else(|| panic!("no field labelled {label:?}"));
    scope
        .query_selector(&format!("[id=\"{id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with id {id:?} for {label:?}"))
        .unchecked_into()
}

fn nth(scope: &Element, selector: &str, index: usize) -> Element {
    let nodes = scope.query_selector_all(selector).unwrap();
    nodes
        .item(index as u32)
        .unwrap_or_else(|| panic!("no {selector} at {index}"))
        .unchecked_into()
}

/// The value of an input or textarea.
pub fn value_of(field: &HtmlElement) -> String {
    js_sys::Reflect::get(field, &JsValue::from_str("value"))
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

/// Sets the value of an input, textarea or select the way a script would: no event fires.
pub fn set_value(field: &HtmlElement, value: &str) {
    js_sys::Reflect::set(
        field,
        &JsValue::from_str("value"),
        &JsValue::from_str(value),
    )
    .unwrap();
}

fn dispatch(field: &HtmlElement, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    field
        .dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}
