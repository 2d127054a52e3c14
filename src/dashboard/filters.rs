//! Search by name and filter by tag. Either change starts the listing again from page one.

use leptos::prelude::*;

#[component]
pub fn Filters(
    search: RwSignal<String>,
    tag: RwSignal<String>,
    on_change: impl Fn() + Copy + 'static,
) -> impl IntoView {
    view! {
        <div class="filters" role="search">
            <label>
                "Search goals"
                <input type="search" placeholder="Goal name"
                    prop:value=move || search.get()
                    on:input=move |event| {
                        search.set(event_target_value(&event));
                        on_change();
                    }/>
            </label>
            <label>
                "Filter by tag"
                <input type="search" placeholder="Tag"
                    prop:value=move || tag.get()
                    on:input=move |event| {
                        tag.set(event_target_value(&event));
                        on_change();
                    }/>
            </label>
        </div>
    }
}
