//! How long a keystroke takes to reach the page in the edit form of a small goal (5 × 5) and
//! of the biggest the API allows (50 milestones × 25 trackers). It prints the figures and
//! checks only that every keystroke arrived: timings vary too much between machines to assert.

#![cfg(target_arch = "wasm32")]

mod browser;

use browser::goal_form_page::GoalFormPage;
use browser::{fake_api, mount, wait_until};
use goals_studio::goal_form::EditGoal;
use leptos::prelude::*;
use leptos_router::components::Router;
use serde_json::{Value, json};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const KEYSTROKES: usize = 200;

fn goal_of_size(milestones: usize, trackers: usize) -> Value {
    let milestones: Vec<Value> = (1..=milestones)
        .map(|m| {
            let trackers: Vec<Value> = (1..=trackers)
                .map(|t| {
                    json!({ "id": format!("t{m}-{t}"), "name": format!("Tracker {t}"),
                            "description": "", "defaultValue": "NOT_PROVIDED" })
                })
                .collect();
            json!({ "id": format!("m{m}"), "name": format!("Milestone {m}"),
                    "description": "", "trackers": trackers })
        })
        .collect();
    json!({
        "id": "g1", "name": "Big goal", "description": "", "tags": [], "milestones": milestones,
        "version": 1, "createdAt": "2026-01-01T10:00:00Z", "updatedAt": "2026-01-01T10:00:00Z"
    })
}

/// Milliseconds from setting the value of the last tracker's Tracker Name to its trash icon
/// carrying the new name, once per keystroke, sorted.
async fn keystroke_times(milestones: usize, trackers: usize) -> Vec<f64> {
    fake_api(&[(200, goal_of_size(milestones, trackers))]);
    let form = GoalFormPage {
        root: mount(|| view! { <Router><EditGoal goal_id="g1".to_string()/></Router> }),
    };
    wait_until("the loaded goal", || form.has_form()).await;
    let name = form.tracker_input(milestones - 1, trackers - 1, "Tracker Name");
    // Found once, so that finding it does not count towards the keystroke's time.
    let trash = form
        .milestone_button(
            milestones - 1,
            &format!("Delete tracker Tracker {trackers}"),
        )
        .expect("the last tracker's trash icon");
    let performance = web_sys::window().unwrap().performance().unwrap();

    let mut times = Vec::with_capacity(KEYSTROKES);
    for keystroke in 0..KEYSTROKES {
        let typed = format!("Tracker {trackers}{}", "x".repeat(keystroke % 20 + 1));
        let label = format!("Delete tracker {typed}");
        let start = performance.now();
        form.type_into(&name, &typed);
        while trash.get_attribute("aria-label").as_deref() != Some(label.as_str()) {
            leptos::task::tick().await;
        }
        times.push(performance.now() - start);
    }
    times.sort_by(f64::total_cmp);
    times
}

fn percentile(sorted: &[f64], fraction: f64) -> f64 {
    let index = ((sorted.len() - 1) as f64 * fraction).round() as usize;
    sorted[index]
}

#[wasm_bindgen_test]
async fn keystroke_time_in_a_small_and_a_big_goal() {
    let small = keystroke_times(5, 5).await;
    let big = keystroke_times(50, 25).await;

    for (label, times) in [("5x5", &small), ("50x25", &big)] {
        assert_eq!(times.len(), KEYSTROKES);
        console_log!(
            "keystroke {label}: median {:.2} ms, p95 {:.2} ms ({KEYSTROKES} keystrokes)",
            percentile(times, 0.5),
            percentile(times, 0.95)
        );
    }
    console_log!(
        "keystroke 50x25 / 5x5: median ratio {:.2}, p95 ratio {:.2}",
        percentile(&big, 0.5) / percentile(&small, 0.5),
        percentile(&big, 0.95) / percentile(&small, 0.95)
    );
}
