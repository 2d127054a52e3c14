//! A confirmation popup on the native modal `<dialog>`: the browser traps focus inside it and
//! cancels it on Escape. Focus is handed back to the button that opened it explicitly, since
//! browsers differ in where they put it after `close()`.

use std::cell::Cell;
use std::rc::Rc;

use leptos::html::{Button, Dialog};
use leptos::prelude::*;

/// Opens the popup as a modal; the page behind it stops taking focus and clicks.
pub fn open(dialog: NodeRef<Dialog>) {
    if let Some(dialog) = dialog.get_untracked() {
        let _ = dialog.show_modal();
    }
}

/// A modal question with **Cancel** (focused first, the safe choice) and a red confirm button.
/// Cancel, Escape and closing all return focus to `opener`; confirming runs `on_confirm`,
/// which decides where focus goes (the opener may be gone by then).
#[component]
pub fn ConfirmDialog(
    dialog: NodeRef<Dialog>,
    opener: NodeRef<Button>,
    #[prop(into)] title: Signal<String>,
    message: &'static str,
    confirm_label: &'static str,
    on_confirm: impl Fn() + 'static,
) -> impl IntoView {
    let title_id = format!("dialog-{}-title", crate::unique_key::unique_key());
    let labelled_by = title_id.clone();
    let confirmed = Rc::new(Cell::new(false));

    let close = move || {
        if let Some(dialog) = dialog.try_get_untracked().flatten() {
            dialog.close();
        }
    };
    let confirm = {
        let confirmed = confirmed.clone();
        move |_| {
            confirmed.set(true);
            close();
            on_confirm();
        }
    };
    let on_close = move |_| {
        if confirmed.replace(false) {
            return;
        }
        if let Some(opener) = opener.try_get_untracked().flatten() {
            let _ = opener.focus();
        }
    };

    view! {
        <dialog node_ref=dialog class="confirm-dialog" aria-labelledby=labelled_by
            on:close=on_close>
            <h2 id=title_id>{move || title.get()}</h2>
            <p>{message}</p>
            <div class="dialog-actions">
                <button type="button" autofocus on:click=move |_| close()>"Cancel"</button>
                <button type="button" class="danger-solid" on:click=confirm>{confirm_label}</button>
            </div>
        </dialog>
    }
}
