//! The offer to restore a draft kept from an earlier visit to the same form ("You have an
//! unsaved draft from …"). Restoring an edit draft built on an older version than the one
//! loaded puts the draft on the form and opens the conflict notice, as a refused save would,
//! so the bot builder sees what changed meanwhile and can re-apply their draft onto it.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::FormContext;
use super::conflict::{Conflict, ConflictCause};
use super::draft_store::{self, StoredDraft};
use super::save::{SaveStatus, SaveTarget};

/// The offer, shown while a draft kept for this form waits for the bot builder's choice.
/// Until then no new draft is written, so the kept one is not overwritten.
pub fn draft_offer(
    target: &SaveTarget,
    status: SaveStatus,
    form: FormContext,
) -> impl IntoView + use<> {
    let on_screen = form.model.with_value(|model| model.draft().0);
    let kept = draft_store::read(&form.drafts.key()).filter(|draft| draft.content != on_screen);
    form.drafts.hold(kept.is_some());
    let offer = RwSignal::new(kept);
    let base = target.base();

    let restore = move |draft: StoredDraft| {
        offer.set(None);
        form.drafts.hold(false);
        form.model.with_value(|model| model.show(&draft.content));
        form.errors.show_all(&[]);
        if let (Some(base), Some(draft_base)) = (base, draft.base) {
            let loaded = base.get_untracked();
            if draft_base.version != loaded.version {
                base.set(draft_base);
                status.conflict.set(Some(Conflict {
                    current: loaded,
                    cause: ConflictCause::DraftOutdated,
                }));
            }
        }
        form.mark_changed();
    };
    let discard = move || {
        offer.set(None);
        form.drafts.discard();
        form.drafts.hold(false);
        if form.changed.get_value() {
            form.drafts.schedule();
        }
    };

    move || {
        offer.get().map(|draft| {
            let when = local_time(draft.saved_at);
            view! {
                <div class="draft-offer" role="status">
                    <p>{format!("You have an unsaved draft from {when}.")}</p>
                    <div class="draft-actions">
                        <button type="button" class="primary"
                            on:click=move |_| restore(draft.clone())>
                            "Restore draft"
                        </button>
                        <button type="button" on:click=move |_| discard()>"Discard draft"</button>
                    </div>
                </div>
            }
        })
    }
}

/// A moment as the bot builder's browser writes dates and times ("Mar 5, 2026, 2:05 PM").
fn local_time(at: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let options = js_sys::Object::new();
    for (option, value) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &option.into(), &value.into());
    }
    date.to_locale_string("default", &options).into()
}
