//! Asking before unsaved changes are thrown away. A form reports whether it holds changes;
//! every way out of the page — a link of the app, the browser's back and forward buttons,
//! closing or reloading the tab — then asks first.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The question every way out asks.
pub const LEAVE_QUESTION: &str = "You have unsaved changes. Leave this page? Your draft stays in this browser until you \
     restore or discard it.";

/// Whether the page on screen holds changes that are not saved; provided by the app.
#[derive(Debug, Clone, Copy)]
pub struct UnsavedChanges {
    unsaved: RwSignal<bool>,
    /// The URL of the page holding the changes, to come back to when the user stays.
    page: RwSignal<String>,
}

impl UnsavedChanges {
    /// Creates the flag and starts guarding the tab (close, reload, back and forward).
    /// Call it before the router starts, so its history listener runs after this one.
    pub fn guard_window() -> Self {
        let guard = UnsavedChanges {
            unsaved: RwSignal::new(false),
            page: RwSignal::new(String::new()),
        };
        guard.listen_before_unload();
        guard.listen_history();
        guard
    }

    /// A form calls this as its changes come and go, and with `false` once saved.
    pub fn set(&self, unsaved: bool) {
        if unsaved {
            self.page.set(current_url());
        }
        if self.unsaved.get_untracked() != unsaved {
            self.unsaved.set(unsaved);
        }
    }

    pub fn get(&self) -> bool {
        self.unsaved.get_untracked()
    }

    /// True when leaving is fine: nothing unsaved, or the user agreed to lose it. Agreeing
    /// clears the flag, so the page left does not ask a second time.
    pub fn confirm_leave(&self) -> bool {
        if !self.get() {
            return true;
        }
        let agreed = window()
            .confirm_with_message(LEAVE_QUESTION)
            .unwrap_or(true);
        if agreed {
            self.set(false);
        }
        agreed
    }

    /// For a link's `on:click`: stops the navigation when the user chooses to stay.
    pub fn guard_click(&self, event: &web_sys::MouseEvent) {
        if !self.confirm_leave() {
            event.prevent_default();
        }
    }

    fn listen_before_unload(self) {
        let handler = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
            move |event: web_sys::BeforeUnloadEvent| {
                if self.get() {
                    event.prevent_default();
                    event.set_return_value(LEAVE_QUESTION);
                }
            },
        );
        let _ = window()
            .add_event_listener_with_callback("beforeunload", handler.as_ref().unchecked_ref());
        handler.forget();
    }

    /// Back and forward cannot be cancelled, only undone: when the user stays, the page they
    /// were on is pushed back and the router never hears of the move.
    fn listen_history(self) {
        let handler =
            Closure::<dyn Fn(web_sys::PopStateEvent)>::new(move |event: web_sys::PopStateEvent| {
                if self.confirm_leave() {
                    return;
                }
                event.stop_immediate_propagation();
                if let Ok(history) = window().history() {
                    let page = self.page.get_untracked();
                    let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&page));
                }
            });
        let _ =
            window().add_event_listener_with_callback("popstate", handler.as_ref().unchecked_ref());
        handler.forget();
    }
}

fn current_url() -> String {
    let location = window().location();
    format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default()
    )
}
