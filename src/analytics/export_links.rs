//! Downloads of every tracker value recorded in the chosen range. They are plain links with
//! `download`, so the browser streams the file and the router leaves the click alone.

use goals_core::DateRange;
use leptos::prelude::*;

use crate::api::{ExportFormat, GoalsApi};

/// **Export CSV** and **Export Excel** for the range; absent while the range is not valid.
#[component]
pub fn ExportLinks(goal_id: String, chosen: Memo<Result<DateRange, String>>) -> impl IntoView {
    let api = expect_context::<GoalsApi>();
    move || {
        let days = chosen.get().ok()?;
        let csv = api.export_url(&goal_id, ExportFormat::Csv, days.from(), days.to());
        let xlsx = api.export_url(&goal_id, ExportFormat::Xlsx, days.from(), days.to());
        Some(view! {
            <div class="export-links" role="group" aria-label="Export">
                <a class="button-link" href=csv download="">"Export CSV"</a>
                <a class="button-link" href=xlsx download="">"Export Excel"</a>
            </div>
        })
    }
}
