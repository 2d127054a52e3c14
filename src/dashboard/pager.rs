//! Previous and next page of the listing. The API's cursors only go forward, so the pages
//! already visited are remembered to go back.

use leptos::prelude::*;

/// The cursors of the pages visited so far; the last one is the page shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pages(Vec<Option<String>>);

impl Default for Pages {
    fn default() -> Self {
        Pages(vec![None])
    }
}

impl Pages {
    pub fn current(&self) -> Option<String> {
        self.0.last().cloned().flatten()
    }

    pub fn is_first(&self) -> bool {
        self.0.len() <= 1
    }

    pub fn number(&self) -> usize {
        self.0.len()
    }

    fn forward(&mut self, cursor: String) {
        self.0.push(Some(cursor));
    }

    fn back(&mut self) {
        if self.0.len() > 1 {
            self.0.pop();
        }
    }
}

#[component]
pub fn Pager(pages: RwSignal<Pages>, next_cursor: Option<String>) -> impl IntoView {
    let has_next = next_cursor.is_some();
    let go_next = move |_| {
        if let Some(cursor) = next_cursor.clone() {
            pages.update(|p| p.forward(cursor));
        }
    };
    let on_first = move || pages.with(Pages::is_first);

    view! {
        <Show when=move || has_next || !on_first()>
            <nav class="pager" aria-label="Pages of goals">
                <button type="button" disabled=on_first on:click=move |_| pages.update(Pages::back)>
                    "Previous page"
                </button>
                <span class="page-number">{move || format!("Page {}", pages.with(Pages::number))}</span>
                <button type="button" disabled=!has_next on:click=go_next.clone()>
                    "Next page"
                </button>
            </nav>
        </Show>
    }
}
