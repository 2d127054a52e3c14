//! Tokens for a Goals API that wants one. When the API answers 401, [`crate::api`] announces
//! it on the window and [`TokenGate`] asks for a token above the screen. The token is kept in
//! `sessionStorage`, so it lasts as long as the browser tab and no longer, and the screen is
//! drawn again so its requests are retried with it.

use leptos::prelude::*;
use web_sys::{Event, Storage};

/// Where the token is kept, in `sessionStorage`.
pub const TOKEN_KEY: &str = "goals-studio:token";

/// The window event of a 401 to a request without a token.
const TOKEN_NEEDED: &str = "goals-studio:token-needed";

/// The window event of a 401 to a request with the stored token, which is then dropped.
const TOKEN_REFUSED: &str = "goals-studio:token-refused";

fn session_storage() -> Option<Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The token the user entered in this tab, if any.
pub fn stored_token() -> Option<String> {
    let token = session_storage()?.get_item(TOKEN_KEY).ok()??;
    (!token.is_empty()).then_some(token)
}

/// Keeps `token` for this tab; whether the browser let it.
fn store_token(token: &str) -> bool {
    session_storage().is_some_and(|storage| storage.set_item(TOKEN_KEY, token).is_ok())
}

/// Drops the stored token, which the API did not accept; whether there was one.
fn forget_token() -> bool {
    let had_token = stored_token().is_some();
    if let Some(storage) = session_storage() {
        // A storage that cannot remove the item leaves a token that will be refused again,
        // and the panel asks again: nothing else to do.
        let _ = storage.remove_item(TOKEN_KEY);
    }
    had_token
}

/// Tells the page that the API wants a token it does not have, dropping a stored one that it
/// refused.
pub fn announce_unauthorized() {
    let name = if forget_token() {
        TOKEN_REFUSED
    } else {
        TOKEN_NEEDED
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(event) = Event::new(name) {
        // Nothing listening only means no screen asks for a token, as in a bare component.
        let _ = window.dispatch_event(&event);
    }
}

/// The screen, and above it a panel asking for the API token once the API answered 401.
/// Entering a token draws the screen again, so its requests are sent again with the token.
#[component]
pub fn TokenGate(children: ChildrenFn) -> impl IntoView {
    let asked = RwSignal::new(false);
    let refused = RwSignal::new(false);
    let attempt = RwSignal::new(0_u32);
    let typed = RwSignal::new(String::new());

    let ask = move |was_refused: bool| {
        refused.set(was_refused);
        asked.set(true);
    };
    let needed = window_event_listener_untyped(TOKEN_NEEDED, move |_| ask(false));
    let refusal = window_event_listener_untyped(TOKEN_REFUSED, move |_| ask(true));
    on_cleanup(move || {
        needed.remove();
        refusal.remove();
    });

    let use_token = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        let token = typed.get_untracked().trim().to_string();
        if token.is_empty() || !store_token(&token) {
            return;
        }
        typed.set(String::new());
        asked.set(false);
        attempt.update(|attempt| *attempt += 1);
    };

    view! {
        <Show when=move || asked.get()>
            <form class="token-panel" aria-labelledby="token-heading" on:submit=use_token>
                <h2 id="token-heading">"API token"</h2>
                <p>
                    "The Goals API needs a token. Enter the one you were given: it is kept \
                     in this browser tab only."
                </p>
                <Show when=move || refused.get()>
                    <p class="field-error" role="alert">"That token was not accepted."</p>
                </Show>
                <label>
                    "API token"
                    <input
                        type="password"
                        autocomplete="off"
                        prop:value=move || typed.get()
                        on:input=move |event| typed.set(event_target_value(&event))
                    />
                </label>
                <button type="submit" class="primary">"Use token"</button>
            </form>
        </Show>
        {move || {
            attempt.track();
            children()
        }}
    }
}
