//! A tag field: the bot builder types a tag and presses Enter to add it as a chip; each chip
//! has its own remove button. Enter never submits the surrounding form, and a tag that
//! repeats one already there (ignoring case) is not added twice.

use leptos::prelude::*;

/// The chips and the text input that adds to them.
#[component]
pub fn TagInput(
    /// Id of the text input, for its `<label>`.
    id: String,
    label: &'static str,
    tags: RwSignal<Vec<String>>,
    /// Id of the element showing the field's validation message, while there is one.
    #[prop(into)]
    error_id: Signal<Option<String>>,
    /// Runs after a tag is added or removed.
    on_change: impl Fn() + Copy + Send + Sync + 'static,
    /// Runs when focus leaves the text input.
    on_blur: impl Fn() + 'static,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());

    let on_keydown = move |event: web_sys::KeyboardEvent| {
        if event.key() != "Enter" {
            return;
        }
        event.prevent_default();
        let tag = typed.get_untracked().trim().to_string();
        if tag.is_empty() {
            return;
        }
        let added = tags.try_update(|tags| add_tag(tags, tag)).unwrap_or(false);
        typed.set(String::new());
        if added {
            on_change();
        }
    };
    let remove = move |tag: &str| {
        let tag = tag.to_string();
        tags.update(|tags| tags.retain(|t| *t != tag));
        on_change();
    };

    view! {
        <div class="form-field tag-field">
            <label for=id.clone()>{label}</label>
            <ul class="tags tag-chips">
                <For each=move || tags.get() key=|tag| tag.clone() let:tag>
                    <li class="tag">
                        <span>{tag.clone()}</span>
                        <button type="button" class="chip-remove"
                            aria-label=format!("Remove tag {tag}")
                            on:click=move |_| remove(&tag)>
                            "×"
                        </button>
                    </li>
                </For>
            </ul>
            <input type="text" id=id placeholder="Type a tag and press Enter" autocomplete="off"
                aria-invalid=move || error_id.read().is_some().then_some("true")
                aria-describedby=move || error_id.get()
                prop:value=move || typed.get()
                on:input=move |event| typed.set(event_target_value(&event))
                on:keydown=on_keydown on:blur=move |_| on_blur()/>
        </div>
    }
}

/// Adds `tag` unless one equal to it ignoring case is there already; says whether it did.
fn add_tag(tags: &mut Vec<String>, tag: String) -> bool {
    let lower = tag.to_lowercase();
    if tags.iter().any(|t| t.to_lowercase() == lower) {
        return false;
    }
    tags.push(tag);
    true
}
