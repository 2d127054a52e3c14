//! Links and navigation between the app's screens, which work wherever the app is mounted.
//!
//! Routes are written from the app's root (`/goals/new`) and this module puts the base path
//! (see [`Config`]) in front. It is the one place that does so because leptos_router 0.8 is not
//! consistent about it: `use_navigate` and `<Redirect>` add the router's base to an absolute
//! path, but `<A href="/goals">` renders the path as written, and the browser then leaves the
//! app for a page outside it. Screens therefore take hrefs from [`route_href`] and navigate with
//! [`use_go_to`], which hands the router full paths and tells it not to add anything.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_navigate;

use crate::config::Config;

/// The href of one of the app's routes, such as `/goals/new`, under the base path.
///
/// Screens mounted without a [`Config`] in context (component tests) are at the root.
pub fn route_href(route: &str) -> String {
    use_context::<Config>()
        .unwrap_or_default()
        .route_path(route)
}

/// A function that opens one of the app's routes, such as `/goals/new`, as a click on a link
/// to it would.
pub fn use_go_to() -> impl Fn(&str) + Clone {
    let navigate = use_navigate();
    let config = use_context::<Config>().unwrap_or_default();
    move |route: &str| navigate(&config.route_path(route), as_written(false))
}

/// Replaces the current page with one of the app's routes, leaving no history entry, so that
/// Back does not return to a page that only redirects.
#[component]
pub fn RedirectTo(route: &'static str) -> impl IntoView {
    view! { <Redirect path=route_href(route) options=as_written(true)/> }
}

/// Options that take the path as it is: the base path is already in it.
fn as_written(replace: bool) -> NavigateOptions {
    NavigateOptions {
        resolve: false,
        replace,
        ..NavigateOptions::default()
    }
}
