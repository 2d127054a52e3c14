//! The Goals dashboard: the first screen of the section. First-time users meet an empty state
//! that explains goals; returning users get their goals, searchable by name, filterable by
//! tag, and paged through the API's cursor so a long list is never loaded whole.

mod delete_goal;
mod empty_state;
mod filters;
mod goal_table;
mod pager;

use leptos::prelude::*;

use crate::api::{GoalQuery, GoalsApi, PAGE_SIZE};
use crate::navigation::use_go_to;
use empty_state::{EmptyState, NoMatches};
use filters::Filters;
use goal_table::GoalTable;
use pager::{Pager, Pages};

#[component]
pub fn Dashboard() -> impl IntoView {
    let api = expect_context::<GoalsApi>();
    let search = RwSignal::new(String::new());
    let tag = RwSignal::new(String::new());
    let pages = RwSignal::new(Pages::default());

    let listing = LocalResource::new(move || {
        let api = api.clone();
        let query = GoalQuery {
            search: search.get(),
            tag: tag.get(),
            cursor: pages.with(Pages::current),
            limit: PAGE_SIZE,
        };
        async move { api.list_goals(&query).await }
    });

    let filtered = move || !search.read().trim().is_empty() || !tag.read().trim().is_empty();
    let first_time = move || {
        !filtered()
            && pages.with(Pages::is_first)
            && matches!(&*listing.read(), Some(Ok(page)) if page.goals.is_empty())
    };
    let on_filter_change = move || pages.set(Pages::default());
    let go_to = use_go_to();
    let create_goal = move |_| go_to("/goals/new");

    view! {
        <section class="dashboard" aria-labelledby="goals-heading">
            <header class="page-header">
                <h1 id="goals-heading">"Goals"</h1>
                <Show when=move || !first_time()>
                    <button type="button" class="primary" on:click=create_goal.clone()>
                        "Create goal"
                    </button>
                </Show>
            </header>
            <Show when=move || !first_time()>
                <Filters search=search tag=tag on_change=on_filter_change/>
            </Show>
            {move || match listing.get() {
                None => view! { <p class="loading" role="status">"Loading goals…"</p> }.into_any(),
                Some(Err(error)) => view! {
                    <div class="error-banner" role="alert">
                        <p>{format!("Goals could not be loaded. {error}")}</p>
                        <button type="button" on:click=move |_| listing.refetch()>"Retry"</button>
                    </div>
                }
                .into_any(),
                Some(Ok(_)) if first_time() => view! { <EmptyState/> }.into_any(),
                Some(Ok(page)) if page.goals.is_empty() => view! {
                    <NoMatches on_clear=move || {
                        search.set(String::new());
                        tag.set(String::new());
                        pages.set(Pages::default());
                    }/>
                }
                .into_any(),
                Some(Ok(page)) => {
                    let next_cursor = page.next_cursor.clone();
                    view! {
                        <GoalTable
                            goals=page.goals
                            on_tag=move |chosen: String| {
                                tag.set(chosen);
                                pages.set(Pages::default());
                            }
                            on_deleted=move || listing.refetch()
                        />
                        <Pager pages=pages next_cursor=next_cursor/>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
