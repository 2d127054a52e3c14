//! Goals Studio: the Goals section of a bot studio as a client-side Leptos app.
//!
//! The app only talks to the Goals API (see [`api`]); every screen lives in its own module
//! and shares the widgets in [`icons`] and [`shell`]. It is a library as well as a binary so
//! that the browser tests can mount single screens.

pub mod access;
pub mod analytics;
pub mod api;
pub mod app;
pub mod config;
pub mod dashboard;
pub mod dialog;
pub mod goal_form;
pub mod goal_loading;
pub mod icons;
pub mod navigation;
pub mod shell;
pub mod tag_input;
pub mod time_ago;
pub mod unique_key;
pub mod unsaved;

/// Mounts the whole app on the page's `<body>`, configured by the page's `<meta>` tags.
pub fn start() {
    console_error_panic_hook::set_once();
    let config = config::Config::from_document();
    leptos::mount::mount_to_body(move || leptos::view! { <app::App config=config.clone()/> });
}
