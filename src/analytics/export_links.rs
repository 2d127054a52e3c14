//! Downloads of every tracker value recorded in the chosen range. They are plain links with
//! `download`, so the browser streams the file and the router leaves the click alone. A link
//! cannot send the API token, though: with one stored, a click fetches the file through
//! [`GoalsApi`] instead and hands it to the browser as a download.

use goals_core::DateRange;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::access::stored_token;
use crate::api::{ExportFormat, GoalsApi};

/// **Export CSV** and **Export Excel** for the range; absent while the range is not valid.
#[component]
pub fn ExportLinks(goal_id: String, chosen: Memo<Result<DateRange, String>>) -> impl IntoView {
    let api = expect_context::<GoalsApi>();
    let failure = RwSignal::new(None::<String>);
    let download_with_token = {
        let api = api.clone();
        move |event: web_sys::MouseEvent, url: String| {
            if stored_token().is_none() {
                return;
            }
            event.prevent_default();
            let api = api.clone();
            spawn_local(async move {
                match api.download_export(&url).await {
                    Ok((file, name)) => {
                        failure.set(None);
                        hand_to_browser(&file, &name);
                    }
                    Err(error) => failure.set(Some(format!("The export failed. {error}"))),
                }
            });
        }
    };

    move || {
        let days = chosen.get().ok()?;
        let csv = api.export_url(&goal_id, ExportFormat::Csv, days.from(), days.to());
        let xlsx = api.export_url(&goal_id, ExportFormat::Xlsx, days.from(), days.to());
        let on_csv = {
            let (download, csv) = (download_with_token.clone(), csv.clone());
            move |event| download(event, csv.clone())
        };
        let on_xlsx = {
            let (download, xlsx) = (download_with_token.clone(), xlsx.clone());
            move |event| download(event, xlsx.clone())
        };
        Some(view! {
            <div class="export-links" role="group" aria-label="Export">
                <a class="button-link" href=csv download="" on:click=on_csv>"Export CSV"</a>
                <a class="button-link" href=xlsx download="" on:click=on_xlsx>"Export Excel"</a>
            </div>
            {move || failure.get().map(|text| view! {
                <div class="error-banner" role="alert"><p>{text}</p></div>
            })}
        })
    }
}

/// Saves `file` as `name` through a temporary link to it, the way a download link would.
fn hand_to_browser(file: &web_sys::Blob, name: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(file) else {
        return;
    };
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", name);
        link.unchecked_into::<web_sys::HtmlElement>().click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
