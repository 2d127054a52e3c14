//! The goal form, create and edit, in headless Chromium, fed by a stand-in API behind `fetch`.

#![cfg(target_arch = "wasm32")]

mod browser;
mod goal_form_fixtures;

use browser::goal_form_page::{GoalFormPage, mount_form, settle, start_afresh, value_of};
use browser::{fake_api, requests, sent_requests, wait_until};
use goal_form_fixtures::{goal, lead_captured};
use goals_studio::goal_form::{CreateGoal, EditGoalPage};
use goals_studio::unsaved::UnsavedChanges;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use serde_json::{Value, json};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function answer_confirm_with(answer) {
  window.confirm = () => answer;
}
"#)]
extern "C" {
    fn answer_confirm_with(answer: bool);
}

/// Opens the app's form routes at `path`, beside a stand-in listing at `/goals`.
fn open_at(path: &str, unsaved: Option<UnsavedChanges>) -> GoalFormPage {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .push_state_with_url(&JsValue::NULL, "", Some(path))
        .unwrap();
    let root = mount_form(move || {
        if let Some(unsaved) = unsaved {
            provide_context(unsaved);
        }
        view! {
            <Router>
                <Routes fallback=|| "no such page">
                    <Route path=path!("/goals") view=|| view! { <p class="listing">"Goals listing"</p> }/>
                    <Route path=path!("/goals/new") view=CreateGoal/>
                    <Route path=path!("/goals/:id/edit") view=EditGoalPage/>
                </Routes>
            </Router>
        }
    });
    GoalFormPage { root }
}

fn open_create_form() -> GoalFormPage {
    open_at("/goals/new", None)
}

async fn open_edit_form(goal: Value) -> GoalFormPage {
    fake_api(&[(200, goal)]);
    let form = open_at("/goals/g1/edit", None);
    wait_until("the loaded goal", || form.has_form()).await;
    form
}

fn back_at_the_listing(form: &GoalFormPage) -> bool {
    form.root.query_selector(".listing").unwrap().is_some()
}

/// Fills the one field the blank create form needs besides its pre-filled names.
fn fill_required_fields(form: &GoalFormPage) {
    form.type_into(&form.goal_input("Goal Name"), "Lead captured");
    form.type_into(&form.tracker_input(0, 0, "Default Value"), "NOT_PROVIDED");
}

fn refusal(code: &str, message: &str, fields: Value) -> Value {
    json!({ "error": { "code": code, "message": message, "fields": fields } })
}

#[wasm_bindgen_test]
async fn the_create_form_starts_with_milestone_1_and_its_tracker_1() {
    start_afresh();
    let form = open_create_form();
    settle().await;

    assert_eq!(form.milestone_legends(), ["Milestone 1"]);
    assert_eq!(form.milestone_names(), ["Milestone 1"]);
    assert_eq!(form.tracker_legends(0), ["Tracker 1"]);
    assert_eq!(form.tracker_names(0), ["Tracker 1"]);
    assert_eq!(value_of(&form.goal_input("Goal Name")), "");
    assert_eq!(value_of(&form.tracker_input(0, 0, "Default Value")), "");
    assert_eq!(form.submit_label(), "Create");
    for label in ["Goal Description", "Tags"] {
        form.goal_input(label);
    }
    form.milestone_input(0, "Description");
    form.tracker_input(0, 0, "Description");
}

#[wasm_bindgen_test]
async fn required_fields_are_marked_and_default_value_has_its_hint() {
    start_afresh();
    let form = open_create_form();
    settle().await;

    let default_value = form.tracker_input(0, 0, "Default Value");
    for field in [
        &form.goal_input("Goal Name"),
        &form.milestone_input(0, "Milestone Name"),
        &form.tracker_input(0, 0, "Tracker Name"),
        &default_value,
    ] {
        assert_eq!(
            field.get_attribute("aria-required").as_deref(),
            Some("true")
        );
    }
    let hint_id = default_value.get_attribute("aria-describedby").unwrap();
    let hint = form
        .root
        .query_selector(&format!("[id=\"{hint_id}\"]"))
        .unwrap()
        .unwrap();
    assert!(
        hint.text_content().unwrap().contains("NOT_PROVIDED"),
        "the hint recommends a value customers would never type"
    );
}

#[wasm_bindgen_test]
async fn enter_in_tags_adds_a_chip_and_does_not_submit() {
    start_afresh();
    fake_api(&[(201, Value::Null)]);
    let form = open_create_form();
    settle().await;

    let let_through = form.add_tag("sales");
    settle().await;

    assert_eq!(form.tags(), ["sales"]);
    assert!(
        !let_through,
        "Enter must not reach the form's implicit submit"
    );
    assert_eq!(
        value_of(&form.goal_input("Tags")),
        "",
        "the typed tag became a chip"
    );
    assert!(requests().is_empty());
}

#[wasm_bindgen_test]
async fn a_tag_repeating_another_ignoring_case_is_not_added() {
    start_afresh();
    let form = open_create_form();
    settle().await;

    form.add_tag("Sales");
    form.add_tag("web");
    form.add_tag("SALES");
    settle().await;

    assert_eq!(form.tags(), ["Sales", "web"]);
}

#[wasm_bindgen_test]
async fn a_chips_remove_button_removes_its_tag() {
    start_afresh();
    let form = open_create_form();
    settle().await;
    form.add_tag("sales");
    form.add_tag("web");
    settle().await;

    form.click("Remove tag sales");
    settle().await;

    assert_eq!(form.tags(), ["web"]);
}

#[wasm_bindgen_test]
async fn add_tracker_takes_the_smallest_number_not_in_use() {
    start_afresh();
    let form = open_create_form();
    settle().await;
    form.click("+ Add Tracker");
    form.click("+ Add Tracker");
    settle().await;
    assert_eq!(
        form.tracker_names(0),
        ["Tracker 1", "Tracker 2", "Tracker 3"]
    );

    form.click("Delete tracker Tracker 2");
    settle().await;
    assert_eq!(form.tracker_legends(0), ["Tracker 1", "Tracker 2"]);
    form.click("+ Add Tracker");
    settle().await;

    assert_eq!(
        form.tracker_names(0),
        ["Tracker 1", "Tracker 3", "Tracker 2"]
    );
    assert_eq!(
        form.tracker_legends(0),
        ["Tracker 1", "Tracker 2", "Tracker 3"]
    );
}

#[wasm_bindgen_test]
async fn add_tracker_ignores_case_when_a_name_is_taken() {
    start_afresh();
    let form = open_create_form();
    settle().await;
    form.type_into(&form.tracker_input(0, 0, "Tracker Name"), "tracker 1");

    form.click("+ Add Tracker");
    settle().await;

    assert_eq!(form.tracker_names(0), ["tracker 1", "Tracker 2"]);
}

#[wasm_bindgen_test]
async fn the_last_trackers_trash_icon_is_disabled_and_says_why() {
    start_afresh();
    let form = open_create_form();
    settle().await;

    let trash = form.button("Delete tracker Tracker 1");
    assert!(trash.has_attribute("disabled"));
    assert_eq!(
        trash.get_attribute("title").as_deref(),
        Some("A milestone needs at least one tracker")
    );

    form.click("+ Add Tracker");
    settle().await;
    assert!(
        !form
            .button("Delete tracker Tracker 1")
            .has_attribute("disabled")
    );
}

#[wasm_bindgen_test]
async fn the_trash_icon_is_named_after_its_tracker_as_typed() {
    start_afresh();
    let form = open_create_form();
    settle().await;

    form.type_into(&form.tracker_input(0, 0, "Tracker Name"), "Email Address");
    settle().await;

    assert!(form.has_button("Delete tracker Email Address"));
}

#[wasm_bindgen_test]
async fn add_milestone_takes_the_smallest_number_not_in_use_with_tracker_1() {
    start_afresh();
    let form = open_create_form();
    settle().await;
    form.click("+ Add Milestone");
    form.click("+ Add Milestone");
    settle().await;
    assert_eq!(
        form.milestone_names(),
        ["Milestone 1", "Milestone 2", "Milestone 3"]
    );
    assert_eq!(form.tracker_names(2), ["Tracker 1"]);

    form.milestone_button(1, "Delete Milestone")
        .unwrap()
        .click();
    form.click_in_dialog("Delete");
    settle().await;
    form.click("+ Add Milestone");
    settle().await;

    assert_eq!(
        form.milestone_names(),
        ["Milestone 1", "Milestone 3", "Milestone 2"]
    );
    assert_eq!(
        form.milestone_legends(),
        ["Milestone 1", "Milestone 2", "Milestone 3"]
    );
}

#[wasm_bindgen_test]
async fn delete_milestone_asks_first_and_cancel_keeps_the_milestone() {
    start_afresh();
    let form = open_create_form();
    settle().await;
    form.click("+ Add Milestone");
    settle().await;
    let delete = form.milestone_button(1, "Delete Milestone").unwrap();

    delete.click();
    let dialog = form.open_dialog().expect("the confirmation popup");
    assert!(dialog.matches(":modal").unwrap(), "opened with show_modal");
    let focused = form.focused();
    assert!(
        dialog.contains(focused.as_deref()),
        "focus is inside the popup"
    );
    form.click_in_dialog("Cancel");
    wait_until("focus back on Delete Milestone", || {
        form.focused().as_ref() == Some(delete.unchecked_ref())
    })
    .await;

    assert!(form.open_dialog().is_none());
    assert_eq!(form.milestone_legends(), ["Milestone 1", "Milestone 2"]);
}

#[wasm_bindgen_test]
async fn confirming_delete_milestone_removes_it_and_renumbers_the_legends() {
    start_afresh();
    let form = open_create_form();
    settle().await;
    form.click("+ Add Milestone");
    form.click("+ Add Milestone");
    settle().await;

    form.milestone_button(1, "Delete Milestone")
        .unwrap()
        .click();
    form.click_in_dialog("Delete");
    settle().await;

    assert!(form.open_dialog().is_none());
    assert_eq!(form.milestone_legends(), ["Milestone 1", "Milestone 2"]);
    assert_eq!(form.milestone_names(), ["Milestone 1", "Milestone 3"]);
    let add_milestone = form.button("+ Add Milestone");
    assert_eq!(
        form.focused().as_ref(),
        Some(add_milestone.unchecked_ref()),
        "focus moves on from the deleted milestone's button"
    );
}

#[wasm_bindgen_test]
async fn closing_the_popup_as_escape_does_keeps_the_milestone_and_returns_focus() {
    start_afresh();
    let form = open_create_form();
    settle().await;
    form.click("+ Add Milestone");
    settle().await;
    let delete = form.milestone_button(1, "Delete Milestone").unwrap();
    delete.click();

    form.open_dialog().unwrap().close();
    wait_until("focus back on Delete Milestone", || {
        form.focused().as_ref() == Some(delete.unchecked_ref())
    })
    .await;

    assert_eq!(form.milestone_legends(), ["Milestone 1", "Milestone 2"]);
}

#[wasm_bindgen_test]
async fn the_last_milestone_cannot_be_deleted() {
    start_afresh();
    let form = open_create_form();
    settle().await;

    let delete = form.milestone_button(0, "Delete Milestone").unwrap();

    assert!(delete.has_attribute("disabled"));
    assert_eq!(
        delete.get_attribute("title").as_deref(),
        Some("A goal needs at least one milestone")
    );
}

#[wasm_bindgen_test]
async fn leaving_an_empty_default_value_shows_why_next_to_it() {
    start_afresh();
    let form = open_create_form();
    settle().await;
    let default_value = form.tracker_input(0, 0, "Default Value");

    form.leave(&default_value);
    settle().await;
    assert_eq!(
        form.error_of(&default_value).as_deref(),
        Some("Default Value is required")
    );
    assert_eq!(
        form.error_of(&form.goal_input("Goal Name")),
        None,
        "only the field left is checked"
    );

    form.type_into(&default_value, "NOT_PROVIDED");
    form.leave(&default_value);
    settle().await;
    assert_eq!(form.error_of(&default_value), None);
}

#[wasm_bindgen_test]
async fn create_with_errors_sends_nothing_and_focuses_the_first_invalid_field() {
    start_afresh();
    fake_api(&[(201, Value::Null)]);
    let form = open_create_form();
    settle().await;
    form.type_into(&form.goal_input("Goal Name"), "Lead captured");
    form.type_into(&form.tracker_input(0, 0, "Tracker Name"), " ");

    form.submit();
    settle().await;

    let tracker_name = form.tracker_input(0, 0, "Tracker Name");
    let default_value = form.tracker_input(0, 0, "Default Value");
    assert!(requests().is_empty(), "{:?}", requests());
    assert_eq!(
        form.error_of(&tracker_name).as_deref(),
        Some("Tracker Name is required")
    );
    assert_eq!(
        form.error_of(&default_value).as_deref(),
        Some("Default Value is required")
    );
    assert_eq!(form.focused().as_ref(), Some(tracker_name.unchecked_ref()));
}

#[wasm_bindgen_test]
async fn create_posts_the_goal_as_typed_and_returns_to_the_listing() {
    start_afresh();
    fake_api(&[(201, lead_captured(1))]);
    let form = open_create_form();
    settle().await;
    fill_required_fields(&form);
    form.type_into(
        &form.goal_input("Goal Description"),
        "Leads from the website",
    );
    form.add_tag("sales");
    form.type_into(&form.milestone_input(0, "Milestone Name"), "Email given");
    form.click("+ Add Tracker");
    settle().await;
    form.type_into(&form.tracker_input(0, 1, "Default Value"), "NONE");

    form.submit();
    wait_until("the listing", || back_at_the_listing(&form)).await;

    let sent = sent_requests();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0].method, "POST");
    assert!(sent[0].url.ends_with("/api/v1/goals"), "{}", sent[0].url);
    assert_eq!(
        sent[0].json(),
        json!({
            "name": "Lead captured", "description": "Leads from the website", "tags": ["sales"],
            "milestones": [{
                "name": "Email given", "description": "",
                "trackers": [
                    { "name": "Tracker 1", "description": "", "defaultValue": "NOT_PROVIDED" },
                    { "name": "Tracker 2", "description": "", "defaultValue": "NONE" }
                ]
            }]
        })
    );
}

#[wasm_bindgen_test]
async fn the_servers_field_errors_are_shown_at_their_fields() {
    start_afresh();
    let fields = json!([
        { "path": "milestones[1].trackers[0].defaultValue", "code": "too_long",
          "message": "Default Value must be shorter" },
        { "path": "milestones[0].name", "code": "duplicate", "message": "Pick another name" }
    ]);
    fake_api(&[(
        422,
        refusal("validation_failed", "The goal is not valid", fields),
    )]);
    let form = open_create_form();
    settle().await;
    fill_required_fields(&form);
    form.click("+ Add Milestone");
    settle().await;
    form.type_into(&form.tracker_input(1, 0, "Default Value"), "NONE");

    form.submit();
    let default_value = form.tracker_input(1, 0, "Default Value");
    wait_until("the field errors", || {
        form.error_of(&default_value).is_some()
    })
    .await;

    assert_eq!(
        form.error_of(&default_value).as_deref(),
        Some("Default Value must be shorter")
    );
    assert_eq!(
        form.error_of(&form.milestone_input(0, "Milestone Name"))
            .as_deref(),
        Some("Pick another name")
    );
    assert_eq!(
        form.error_of(&form.tracker_input(0, 0, "Default Value")),
        None
    );
    assert!(!back_at_the_listing(&form));
}

#[wasm_bindgen_test]
async fn a_taken_goal_name_is_shown_at_goal_name() {
    start_afresh();
    let taken = refusal(
        "name_taken",
        "A goal called \"Lead captured\" exists",
        json!([]),
    );
    fake_api(&[(409, taken)]);
    let form = open_create_form();
    settle().await;
    fill_required_fields(&form);

    form.submit();
    let name = form.goal_input("Goal Name");
    wait_until("the name error", || form.error_of(&name).is_some()).await;

    assert_eq!(
        form.error_of(&name).as_deref(),
        Some("A goal called \"Lead captured\" exists")
    );
}

#[wasm_bindgen_test]
async fn a_server_failure_shows_a_banner_and_keeps_the_form_as_typed() {
    start_afresh();
    fake_api(&[(
        500,
        refusal("internal", "The database is unavailable", json!([])),
    )]);
    let form = open_create_form();
    settle().await;
    fill_required_fields(&form);

    form.submit();
    wait_until("the banner", || !form.alerts().is_empty()).await;

    assert!(
        form.alerts()[0].contains("The database is unavailable"),
        "{:?}",
        form.alerts()
    );
    assert_eq!(value_of(&form.goal_input("Goal Name")), "Lead captured");
    assert_eq!(
        value_of(&form.tracker_input(0, 0, "Default Value")),
        "NOT_PROVIDED"
    );
    assert!(!back_at_the_listing(&form));
}

#[wasm_bindgen_test]
async fn the_edit_form_is_pre_filled_and_saves_with_save() {
    start_afresh();
    let form = open_edit_form(lead_captured(3)).await;

    assert_eq!(value_of(&form.goal_input("Goal Name")), "Lead captured");
    assert_eq!(
        value_of(&form.goal_input("Goal Description")),
        "Leads from the website"
    );
    assert_eq!(form.tags(), ["sales"]);
    assert_eq!(form.milestone_names(), ["Email given", "Demo booked"]);
    assert_eq!(
        value_of(&form.milestone_input(1, "Description")),
        "About Demo booked"
    );
    assert_eq!(form.tracker_names(1), ["Date", "Product"]);
    assert_eq!(value_of(&form.tracker_input(1, 1, "Default Value")), "NONE");
    assert_eq!(form.submit_label(), "Save");
}

#[wasm_bindgen_test]
async fn saved_milestones_have_no_delete_but_one_added_while_editing_does() {
    start_afresh();
    let form = open_edit_form(lead_captured(3)).await;
    assert!(!form.has_button("Delete Milestone"));

    form.click("+ Add Milestone");
    settle().await;
    assert_eq!(
        form.milestone_names(),
        ["Email given", "Demo booked", "Milestone 1"]
    );
    let delete = form
        .milestone_button(2, "Delete Milestone")
        .expect("a delete button");
    assert!(!delete.has_attribute("disabled"));

    delete.click();
    form.click_in_dialog("Delete");
    settle().await;
    assert_eq!(form.milestone_names(), ["Email given", "Demo booked"]);
}

#[wasm_bindgen_test]
async fn trackers_of_saved_milestones_can_be_deleted_and_added() {
    start_afresh();
    let form = open_edit_form(lead_captured(3)).await;

    form.milestone_button(1, "Delete tracker Date")
        .unwrap()
        .click();
    settle().await;
    form.milestone_button(0, "+ Add Tracker").unwrap().click();
    settle().await;

    assert_eq!(form.tracker_names(1), ["Product"]);
    assert_eq!(form.tracker_names(0), ["Email Address", "Tracker 1"]);
}

#[wasm_bindgen_test]
async fn save_puts_with_if_match_keeping_the_ids_of_saved_rows() {
    start_afresh();
    let form = open_edit_form(lead_captured(3)).await;
    fake_api(&[(200, lead_captured(4))]);
    form.type_into(&form.tracker_input(1, 0, "Default Value"), "NO_DATE_GIVEN");
    form.click("+ Add Milestone");
    settle().await;
    form.type_into(&form.tracker_input(2, 0, "Default Value"), "NONE");

    form.submit();
    wait_until("the listing", || back_at_the_listing(&form)).await;

    let sent = sent_requests();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0].method, "PUT");
    assert!(sent[0].url.ends_with("/api/v1/goals/g1"), "{}", sent[0].url);
    assert_eq!(sent[0].if_match.as_deref(), Some("\"3\""));
    let body = sent[0].json();
    assert_eq!(body["milestones"][0]["id"], "m1");
    assert_eq!(body["milestones"][0]["trackers"][0]["id"], "t1");
    assert_eq!(body["milestones"][1]["trackers"][0]["id"], "t2");
    assert_eq!(
        body["milestones"][1]["trackers"][0]["defaultValue"],
        "NO_DATE_GIVEN"
    );
    assert_eq!(
        body["milestones"][2],
        json!({ "name": "Milestone 1", "description": "",
                "trackers": [{ "name": "Tracker 1", "description": "", "defaultValue": "NONE" }] })
    );
}

#[wasm_bindgen_test]
async fn the_edit_form_says_when_the_goal_does_not_exist() {
    start_afresh();
    fake_api(&[(404, refusal("not_found", "No goal g1", json!([])))]);
    let form = open_at("/goals/g1/edit", None);

    wait_until("the answer", || !form.alerts().is_empty()).await;

    assert!(
        form.alerts()[0].contains("This goal does not exist"),
        "{:?}",
        form.alerts()
    );
    assert!(!form.has_form());
}

#[wasm_bindgen_test]
async fn the_edit_form_shows_loading_then_offers_retry_after_an_error() {
    start_afresh();
    fake_api(&[
        (503, refusal("unavailable", "Database is down", json!([]))),
        (200, lead_captured(3)),
    ]);
    let form = open_at("/goals/g1/edit", None);
    settle().await;
    assert!(form.text().contains("Loading the goal"), "{}", form.text());

    wait_until("the error", || form.has_button("Retry")).await;
    assert!(form.text().contains("Database is down"), "{}", form.text());
    form.click("Retry");
    wait_until("the form", || form.has_form()).await;

    assert_eq!(form.milestone_names(), ["Email given", "Demo booked"]);
}

#[wasm_bindgen_test]
async fn a_version_conflict_keeps_the_typing_until_the_newer_version_is_loaded() {
    start_afresh();
    let form = open_edit_form(lead_captured(3)).await;
    let newer = goal(5, &[("m1", "Email captured", &[("t1", "Email", "NONE")])]);
    fake_api(&[(
        412,
        json!({ "error": { "code": "version_conflict", "message": "The goal changed",
                           "current": newer } }),
    )]);
    form.type_into(&form.goal_input("Goal Name"), "My new name");

    form.submit();
    wait_until("the conflict notice", || {
        form.has_button("Load the newer version")
    })
    .await;
    assert!(
        form.text()
            .contains("changed elsewhere since you opened it"),
        "{}",
        form.text()
    );
    assert_eq!(value_of(&form.goal_input("Goal Name")), "My new name");
    assert_eq!(form.milestone_names(), ["Email given", "Demo booked"]);

    form.click("Load the newer version");
    wait_until("the newer goal", || {
        form.milestone_names() == ["Email captured"]
    })
    .await;
    assert_eq!(value_of(&form.goal_input("Goal Name")), "Lead captured");
    assert_eq!(form.tracker_names(0), ["Email"]);
    assert!(!form.has_button("Load the newer version"));
}

/// `Lead captured` as saved elsewhere after version 1: renamed, `Demo booked` renamed, a
/// milestone added, and a Default Value changed.
fn lead_captured_changed_elsewhere() -> Value {
    let mut current = lead_captured(2);
    current["name"] = json!("Lead captured (web)");
    current["milestones"][0]["trackers"][0]["defaultValue"] = json!("NO_EMAIL");
    current["milestones"][1]["name"] = json!("Demo scheduled");
    current["milestones"].as_array_mut().unwrap().push(
        json!({ "id": "m3", "name": "Contract signed", "description": "",
                      "trackers": [{ "id": "t4", "name": "Amount", "description": "",
                                     "defaultValue": "0" }] }),
    );
    current
}

fn version_conflict(current: Value) -> Value {
    json!({ "error": { "code": "version_conflict", "message": "The goal changed",
                       "current": current } })
}

#[wasm_bindgen_test]
async fn a_version_conflict_lists_what_changed_elsewhere() {
    start_afresh();
    let form = open_edit_form(lead_captured(1)).await;
    fake_api(&[(412, version_conflict(lead_captured_changed_elsewhere()))]);
    form.type_into(&form.goal_input("Goal Name"), "Leads from ads");

    form.submit();
    wait_until("the conflict notice", || {
        form.has_button("Re-apply my changes")
    })
    .await;

    assert_eq!(
        form.server_changes(),
        [
            "Goal Name changed from “Lead captured” to “Lead captured (web)”",
            "Default Value of tracker “Email Address” of milestone “Email given” changed from \
             “NOT_PROVIDED” to “NO_EMAIL”",
            "Milestone “Demo booked” renamed to “Demo scheduled”",
            "Milestone “Contract signed” added",
        ]
    );
    assert!(!form.has_button("Keep my changes"));
}

#[wasm_bindgen_test]
async fn re_apply_my_changes_merges_them_onto_the_newer_version_and_saves_it() {
    start_afresh();
    let form = open_edit_form(lead_captured(1)).await;
    fake_api(&[
        (412, version_conflict(lead_captured_changed_elsewhere())),
        (200, lead_captured(3)),
    ]);
    form.type_into(&form.goal_input("Goal Name"), "Leads from ads");
    form.milestone_button(1, "Delete tracker Product")
        .unwrap()
        .click();
    form.click("+ Add Milestone");
    settle().await;
    form.type_into(&form.tracker_input(2, 0, "Default Value"), "NONE");
    form.submit();
    wait_until("the conflict notice", || {
        form.has_button("Re-apply my changes")
    })
    .await;

    form.click("Re-apply my changes");
    settle().await;
    assert!(!form.has_button("Re-apply my changes"));
    assert_eq!(value_of(&form.goal_input("Goal Name")), "Leads from ads");
    assert_eq!(
        form.milestone_names(),
        [
            "Email given",
            "Demo scheduled",
            "Contract signed",
            "Milestone 1"
        ]
    );
    assert_eq!(form.tracker_names(1), ["Date"]);
    assert_eq!(
        form.reapply_notes(),
        [
            "Goal Name: your “Leads from ads” was kept instead of “Lead captured (web)” saved \
          elsewhere"
        ]
    );
    form.submit();
    wait_until("the listing", || back_at_the_listing(&form)).await;

    let sent = sent_requests();
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert_eq!(sent[1].method, "PUT");
    assert_eq!(sent[1].if_match.as_deref(), Some("\"2\""));
    assert_eq!(
        sent[1].json(),
        json!({
            "name": "Leads from ads", "description": "Leads from the website", "tags": ["sales"],
            "milestones": [
                { "id": "m1", "name": "Email given", "description": "About Email given",
                  "trackers": [{ "id": "t1", "name": "Email Address", "description": "",
                                 "defaultValue": "NO_EMAIL" }] },
                { "id": "m2", "name": "Demo scheduled", "description": "About Demo booked",
                  "trackers": [{ "id": "t2", "name": "Date", "description": "",
                                 "defaultValue": "NO_DATE" }] },
                { "id": "m3", "name": "Contract signed", "description": "",
                  "trackers": [{ "id": "t4", "name": "Amount", "description": "",
                                 "defaultValue": "0" }] },
                { "name": "Milestone 1", "description": "",
                  "trackers": [{ "name": "Tracker 1", "description": "", "defaultValue": "NONE" }] }
            ]
        })
    );
}

#[wasm_bindgen_test]
async fn after_loading_the_newer_version_save_replaces_that_version() {
    start_afresh();
    let form = open_edit_form(lead_captured(1)).await;
    fake_api(&[
        (412, version_conflict(lead_captured_changed_elsewhere())),
        (200, lead_captured(3)),
    ]);
    form.type_into(&form.goal_input("Goal Name"), "Leads from ads");
    form.submit();
    wait_until("the conflict notice", || {
        form.has_button("Load the newer version")
    })
    .await;

    form.click("Load the newer version");
    settle().await;
    form.submit();
    wait_until("the listing", || back_at_the_listing(&form)).await;

    let sent = sent_requests();
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert_eq!(sent[1].if_match.as_deref(), Some("\"2\""));
    assert_eq!(sent[1].json()["name"], "Lead captured (web)");
}

#[wasm_bindgen_test]
async fn markup_in_names_is_shown_as_text() {
    start_afresh();
    let markup = "<img src=x onerror=alert(1)>";
    let form = open_edit_form(goal(1, &[("m1", markup, &[("t1", markup, "<b>x</b>")])])).await;

    assert_eq!(form.milestone_names(), [markup]);
    assert_eq!(form.tracker_names(0), [markup]);
    assert!(form.has_button(&format!("Delete tracker {markup}")));
    assert!(form.root.query_selector("img, b").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn typing_marks_unsaved_changes_and_a_successful_create_clears_them() {
    start_afresh();
    fake_api(&[(201, lead_captured(1))]);
    let unsaved = UnsavedChanges::guard_window();
    let form = open_at("/goals/new", Some(unsaved));
    settle().await;
    assert!(!unsaved.get(), "a blank form holds nothing to lose");

    fill_required_fields(&form);
    assert!(unsaved.get());
    form.submit();
    wait_until("the listing", || back_at_the_listing(&form)).await;

    assert!(!unsaved.get());
}

#[wasm_bindgen_test]
async fn adding_a_milestone_marks_unsaved_changes() {
    start_afresh();
    let unsaved = UnsavedChanges::guard_window();
    let form = open_at("/goals/new", Some(unsaved));
    settle().await;

    form.click("+ Add Milestone");

    assert!(unsaved.get());
}

#[wasm_bindgen_test]
async fn cancel_asks_before_throwing_away_unsaved_changes() {
    start_afresh();
    let unsaved = UnsavedChanges::guard_window();
    let form = open_at("/goals/new", Some(unsaved));
    settle().await;
    form.type_into(&form.goal_input("Goal Name"), "Half typed");

    answer_confirm_with(false);
    form.cancel();
    settle().await;
    assert!(!back_at_the_listing(&form), "the user chose to stay");
    assert_eq!(value_of(&form.goal_input("Goal Name")), "Half typed");

    answer_confirm_with(true);
    form.cancel();
    wait_until("the listing", || back_at_the_listing(&form)).await;
    assert!(!unsaved.get());
}

#[wasm_bindgen_test]
async fn leaving_the_form_clears_unsaved_changes() {
    start_afresh();
    let unsaved = UnsavedChanges::guard_window();
    let shown = RwSignal::new(true);
    let form = GoalFormPage {
        root: mount_form(move || {
            provide_context(unsaved);
            view! { <Router><Show when=move || shown.get()><CreateGoal/></Show></Router> }
        }),
    };
    settle().await;
    form.type_into(&form.goal_input("Goal Name"), "Half typed");
    assert!(unsaved.get());

    shown.set(false);
    settle().await;

    assert!(!form.has_form());
    assert!(!unsaved.get());
}
