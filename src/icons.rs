//! Inline SVG icons. They are decorative: the buttons that hold them carry the accessible name.

use leptos::prelude::*;

#[component]
pub fn PencilIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 20h4L19 9l-4-4L4 16v4z M14 6l4 4" fill="none" stroke="currentColor"
                stroke-width="2" stroke-linejoin="round"/>
        </svg>
    }
}

#[component]
pub fn ChartIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 20V4 M4 20h16 M8 16v-5 M12 16V8 M16 16v-3" fill="none"
                stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
        </svg>
    }
}

#[component]
pub fn TrashIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M5 7h14 M10 7V4h4v3 M7 7l1 13h8l1-13 M10 11v6 M14 11v6" fill="none"
                stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>
        </svg>
    }
}
