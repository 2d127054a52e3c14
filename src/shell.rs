//! The studio's frame: a left sidebar with the "Bot Studio" group, and the page beside it.
//! Embedded in a host studio, the host's own sidebar takes its place.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::navigation::route_href;
use crate::unsaved::UnsavedChanges;

#[component]
pub fn Shell(embedded: bool, children: Children) -> impl IntoView {
    let unsaved = use_context::<UnsavedChanges>();
    let guard_leave = move |event: web_sys::MouseEvent| {
        if let Some(unsaved) = unsaved {
            unsaved.guard_click(&event);
        }
    };
    view! {
        <div class="studio" class:embedded=embedded>
            <Show when=move || !embedded>
                <nav class="sidebar" aria-label="Studio">
                    <p class="sidebar-brand">"Goals Studio"</p>
                    <section class="sidebar-group" aria-labelledby="bot-studio-heading">
                        <h2 id="bot-studio-heading">"Bot Studio"</h2>
                        <ul>
                            <li>
                                <A href=route_href("/goals") on:click=guard_leave>"Goals"</A>
                            </li>
                        </ul>
                    </section>
                </nav>
            </Show>
            <main class="page">{children()}</main>
        </div>
    }
}
