//! Drafts of the goal form kept in localStorage: written as the bot builder types, offered
//! again after a reload, restored, discarded, and never shown in another form.

#![cfg(target_arch = "wasm32")]

mod browser;
mod goal_form_fixtures;

use browser::goal_form_page::{
    GoalFormPage, keep_draft, kept_draft, mount_form, settle, start_afresh, take_down_forms,
    value_of,
};
use browser::{fake_api, sent_requests, settle_for, wait_until};
use goal_form_fixtures::lead_captured;
use goals_studio::goal_form::{CreateGoal, EditGoal};
use leptos::prelude::*;
use leptos_router::components::Router;
use serde_json::{Value, json};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const NEW: &str = "goals-studio:draft:new";
const EDIT_G1: &str = "goals-studio:draft:edit:g1";

#[wasm_bindgen(inline_js = r#"
const setItem = Storage.prototype.setItem;
export function refuse_storage(refused) {
  Storage.prototype.setItem = refused
    ? function () { throw new DOMException("full", "QuotaExceededError"); }
    : setItem;
}
"#)]
extern "C" {
    fn refuse_storage(refused: bool);
}

fn open_create_form() -> GoalFormPage {
    GoalFormPage {
        root: mount_form(|| view! { <Router><CreateGoal/></Router> }),
    }
}

async fn open_edit_form(goal: Value) -> GoalFormPage {
    let goal_id = goal["id"].as_str().unwrap().to_string();
    fake_api(&[(200, goal)]);
    let form = GoalFormPage {
        root: mount_form(move || view! { <Router><EditGoal goal_id=goal_id/></Router> }),
    };
    wait_until("the loaded goal", || form.has_form()).await;
    form
}

/// Waits until the stand-in API has received a save and its body.
async fn wait_for_the_save() {
    wait_until("the save", || {
        sent_requests()
            .first()
            .is_some_and(|sent| !sent.body.is_empty())
    })
    .await;
}

/// A draft as an earlier visit to a form would have kept it.
fn draft(goal_id: Option<&str>, base: Option<Value>, content: Value) -> Value {
    json!({ "goalId": goal_id, "base": base, "content": content,
            "savedAt": "2026-03-05T14:05:00Z" })
}

/// `Lead captured` as typed in the edit form: renamed `Leads from ads`.
fn renamed_lead_captured() -> Value {
    let mut content = lead_captured(3);
    for field in ["id", "version", "createdAt", "updatedAt"] {
        content.as_object_mut().unwrap().remove(field);
    }
    content["name"] = json!("Leads from ads");
    content
}

/// A create-form draft: `Half typed` with one milestone.
fn half_typed_goal() -> Value {
    json!({ "name": "Half typed", "description": "", "tags": [],
            "milestones": [{ "name": "Email given", "description": "",
                             "trackers": [{ "name": "Tracker 1", "description": "",
                                            "defaultValue": "NOT_PROVIDED" }] }] })
}

#[wasm_bindgen_test]
async fn typing_keeps_a_draft_once_typing_pauses() {
    start_afresh();
    let form = open_create_form();
    settle().await;

    form.type_into(&form.goal_input("Goal Name"), "Lead captured");
    assert_eq!(kept_draft(NEW), None, "nothing is written per keystroke");
    settle_for(700).await;

    let kept = kept_draft(NEW).expect("a draft after the pause");
    assert_eq!(kept["content"]["name"], "Lead captured");
    assert_eq!(kept["content"]["milestones"][0]["name"], "Milestone 1");
    assert_eq!(kept["goalId"], Value::Null);
    assert!(kept["savedAt"].is_string(), "{kept}");
}

#[wasm_bindgen_test]
async fn leaving_a_field_keeps_the_draft_at_once() {
    start_afresh();
    let form = open_create_form();
    settle().await;
    let name = form.goal_input("Goal Name");

    form.type_into(&name, "Lead captured");
    form.leave(&name);

    assert_eq!(kept_draft(NEW).unwrap()["content"]["name"], "Lead captured");
}

#[wasm_bindgen_test]
async fn an_edit_draft_names_its_goal_and_the_version_it_was_built_on() {
    start_afresh();
    let form = open_edit_form(lead_captured(3)).await;
    let name = form.goal_input("Goal Name");

    form.type_into(&name, "Leads from ads");
    form.leave(&name);

    let kept = kept_draft(EDIT_G1).expect("the edit form's draft");
    assert_eq!(kept["goalId"], "g1");
    assert_eq!(kept["base"]["version"], 3);
    assert_eq!(kept["content"]["name"], "Leads from ads");
    assert_eq!(kept["content"]["milestones"][0]["id"], "m1");
}

#[wasm_bindgen_test]
async fn a_draft_is_offered_after_the_form_is_opened_again_and_restores_it() {
    start_afresh();
    let form = open_create_form();
    settle().await;
    assert_eq!(form.draft_offer(), None);
    form.type_into(&form.goal_input("Goal Name"), "Half typed");
    form.click("+ Add Milestone");
    settle().await;
    take_down_forms();

    let form = open_create_form();
    settle().await;
    let offer = form.draft_offer().expect("the offer to restore");
    assert!(
        offer.starts_with("You have an unsaved draft from "),
        "{offer}"
    );
    assert_eq!(value_of(&form.goal_input("Goal Name")), "");
    form.click("Restore draft");
    settle().await;

    assert_eq!(form.draft_offer(), None);
    assert_eq!(value_of(&form.goal_input("Goal Name")), "Half typed");
    assert_eq!(form.milestone_names(), ["Milestone 1", "Milestone 2"]);
}

#[wasm_bindgen_test]
async fn leaving_the_form_writes_a_draft_still_waiting_for_the_pause() {
    start_afresh();
    let form = open_create_form();
    settle().await;
    form.type_into(&form.goal_input("Goal Name"), "Half typed");

    take_down_forms();

    assert_eq!(kept_draft(NEW).unwrap()["content"]["name"], "Half typed");
}

#[wasm_bindgen_test]
async fn discard_draft_removes_it() {
    start_afresh();
    keep_draft(NEW, &draft(None, None, half_typed_goal()));
    let form = open_create_form();
    settle().await;

    form.click("Discard draft");
    settle().await;

    assert_eq!(form.draft_offer(), None);
    assert_eq!(kept_draft(NEW), None);
    assert_eq!(value_of(&form.goal_input("Goal Name")), "");
}

#[wasm_bindgen_test]
async fn a_kept_draft_is_not_overwritten_before_the_choice() {
    start_afresh();
    keep_draft(NEW, &draft(None, None, half_typed_goal()));
    let form = open_create_form();
    settle().await;
    let name = form.goal_input("Goal Name");

    form.type_into(&name, "Something else");
    form.leave(&name);

    assert_eq!(kept_draft(NEW).unwrap()["content"]["name"], "Half typed");
}

#[wasm_bindgen_test]
async fn a_successful_save_removes_the_draft() {
    start_afresh();
    fake_api(&[(201, lead_captured(1))]);
    let form = open_create_form();
    settle().await;
    form.type_into(&form.goal_input("Goal Name"), "Lead captured");
    let default_value = form.tracker_input(0, 0, "Default Value");
    form.type_into(&default_value, "NOT_PROVIDED");
    form.leave(&default_value);
    assert!(kept_draft(NEW).is_some());

    form.submit();
    wait_until("the create request", || !sent_requests().is_empty()).await;
    wait_until("the draft removed", || kept_draft(NEW).is_none()).await;
    settle_for(700).await;

    assert_eq!(
        kept_draft(NEW),
        None,
        "no write is left pending after the save"
    );
}

#[wasm_bindgen_test]
async fn a_draft_of_one_goal_is_not_offered_in_another() {
    start_afresh();
    keep_draft(
        EDIT_G1,
        &draft(Some("g1"), Some(lead_captured(3)), renamed_lead_captured()),
    );
    keep_draft(
        "goals-studio:draft:edit:g2",
        &draft(Some("g1"), Some(lead_captured(3)), renamed_lead_captured()),
    );
    let mut other_goal = lead_captured(3);
    other_goal["id"] = json!("g2");

    let form = open_edit_form(other_goal).await;

    assert_eq!(
        form.draft_offer(),
        None,
        "the draft kept under g2's key names g1 inside"
    );
    assert_eq!(value_of(&form.goal_input("Goal Name")), "Lead captured");
}

#[wasm_bindgen_test]
async fn a_create_draft_is_not_offered_in_the_edit_form() {
    start_afresh();
    keep_draft(NEW, &draft(None, None, half_typed_goal()));

    let form = open_edit_form(lead_captured(3)).await;

    assert_eq!(form.draft_offer(), None);
}

#[wasm_bindgen_test]
async fn an_edit_draft_of_the_loaded_version_restores_and_saves_over_it() {
    start_afresh();
    keep_draft(
        EDIT_G1,
        &draft(Some("g1"), Some(lead_captured(3)), renamed_lead_captured()),
    );
    let form = open_edit_form(lead_captured(3)).await;
    fake_api(&[(200, lead_captured(4))]);

    form.click("Restore draft");
    settle().await;
    assert_eq!(value_of(&form.goal_input("Goal Name")), "Leads from ads");
    assert!(!form.has_button("Re-apply my changes"));
    form.submit();
    wait_for_the_save().await;

    let sent = sent_requests();
    assert_eq!(sent[0].if_match.as_deref(), Some("\"3\""));
    assert_eq!(sent[0].json()["name"], "Leads from ads");
}

#[wasm_bindgen_test]
async fn an_edit_draft_of_an_older_version_is_re_applied_like_a_conflict() {
    start_afresh();
    keep_draft(
        EDIT_G1,
        &draft(Some("g1"), Some(lead_captured(3)), renamed_lead_captured()),
    );
    let mut newer = lead_captured(4);
    newer["milestones"][1]["name"] = json!("Demo scheduled");
    let form = open_edit_form(newer).await;
    fake_api(&[(200, lead_captured(5))]);

    form.click("Restore draft");
    settle().await;
    assert!(
        form.text()
            .contains("changed elsewhere since your draft was kept"),
        "{}",
        form.text()
    );
    assert_eq!(
        form.server_changes(),
        ["Milestone “Demo booked” renamed to “Demo scheduled”"]
    );
    form.click("Re-apply my changes");
    settle().await;
    assert_eq!(value_of(&form.goal_input("Goal Name")), "Leads from ads");
    assert_eq!(form.milestone_names(), ["Email given", "Demo scheduled"]);
    form.submit();
    wait_for_the_save().await;

    let sent = sent_requests();
    assert_eq!(sent[0].if_match.as_deref(), Some("\"4\""));
    assert_eq!(sent[0].json()["name"], "Leads from ads");
    assert_eq!(sent[0].json()["milestones"][1]["name"], "Demo scheduled");
}

#[wasm_bindgen_test]
async fn loading_the_newer_version_removes_the_draft() {
    start_afresh();
    let form = open_edit_form(lead_captured(3)).await;
    fake_api(&[(
        412,
        json!({ "error": { "code": "version_conflict", "message": "The goal changed",
                           "current": lead_captured(4) } }),
    )]);
    let name = form.goal_input("Goal Name");
    form.type_into(&name, "Leads from ads");
    form.leave(&name);
    form.submit();
    wait_until("the conflict notice", || {
        form.has_button("Load the newer version")
    })
    .await;

    form.click("Load the newer version");
    settle().await;

    assert_eq!(kept_draft(EDIT_G1), None);
}

#[wasm_bindgen_test]
async fn re_applying_keeps_a_draft_built_on_the_newer_version() {
    start_afresh();
    let form = open_edit_form(lead_captured(3)).await;
    fake_api(&[(
        412,
        json!({ "error": { "code": "version_conflict", "message": "The goal changed",
                           "current": lead_captured(4) } }),
    )]);
    form.type_into(&form.goal_input("Goal Name"), "Leads from ads");
    form.submit();
    wait_until("the conflict notice", || {
        form.has_button("Re-apply my changes")
    })
    .await;

    form.click("Re-apply my changes");
    settle_for(700).await;

    let kept = kept_draft(EDIT_G1).expect("the re-applied draft");
    assert_eq!(kept["base"]["version"], 4);
    assert_eq!(kept["content"]["name"], "Leads from ads");
}

#[wasm_bindgen_test]
async fn without_storage_the_form_still_works_and_says_so_quietly() {
    start_afresh();
    let form = open_create_form();
    settle().await;
    let name = form.goal_input("Goal Name");

    refuse_storage(true);
    form.type_into(&name, "Lead captured");
    form.leave(&name);
    refuse_storage(false);
    settle().await;

    let note = form.draft_note().expect("the quiet note");
    assert!(note.contains("not keeping a draft"), "{note}");
    assert!(form.alerts().is_empty(), "{:?}", form.alerts());
    assert_eq!(value_of(&name), "Lead captured");
    form.type_into(&name, "Lead captured!");
    form.leave(&name);
    settle().await;
    assert_eq!(
        form.draft_note(),
        None,
        "the note goes once storage works again"
    );
}

#[wasm_bindgen_test]
async fn a_save_answered_after_the_form_has_gone_still_removes_the_draft() {
    start_afresh();
    fake_api(&[(201, lead_captured(1))]);
    let form = open_create_form();
    settle().await;
    form.type_into(&form.goal_input("Goal Name"), "Lead captured");
    let default_value = form.tracker_input(0, 0, "Default Value");
    form.type_into(&default_value, "NOT_PROVIDED");
    form.leave(&default_value);

    form.submit();
    take_down_forms();

    wait_until("the draft removed", || kept_draft(NEW).is_none()).await;
}

#[wasm_bindgen_test]
async fn a_draft_matching_the_loaded_goal_is_not_offered() {
    start_afresh();
    let mut unchanged = renamed_lead_captured();
    unchanged["name"] = json!("Lead captured");
    keep_draft(
        EDIT_G1,
        &draft(Some("g1"), Some(lead_captured(3)), unchanged),
    );

    let form = open_edit_form(lead_captured(3)).await;

    assert_eq!(form.draft_offer(), None);
}
