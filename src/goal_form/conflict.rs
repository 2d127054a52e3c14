//! What the edit form shows when someone else saved the goal after it was opened (HTTP 412).
//! Nothing typed is lost until the bot builder chooses: load the newer version (discarding the
//! typing), or keep their changes and save over it.

use goals_core::Goal;
use leptos::prelude::*;

/// The notice, with its two ways on.
#[component]
pub fn ConflictNotice(
    current: Goal,
    /// Replaces the form's content with `current`.
    on_load_newer: impl Fn(Goal) + 'static,
    /// Keeps the form as typed; the next Save replaces `current`'s version.
    on_keep_mine: impl Fn(i64) + 'static,
) -> impl IntoView {
    let version = current.version;
    view! {
        <div class="conflict-notice" role="alert">
            <p>
                "This goal was changed elsewhere since you opened it, so your changes were not "
                "saved. Load the newer version to see it (your changes here are discarded), or "
                "keep your changes and save them over it."
            </p>
            <div class="conflict-actions">
                <button type="button" class="primary"
                    on:click=move |_| on_load_newer(current.clone())>
                    "Load the newer version"
                </button>
                <button type="button" on:click=move |_| on_keep_mine(version)>
                    "Keep my changes"
                </button>
            </div>
        </div>
    }
}
