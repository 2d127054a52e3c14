//! Properties over many generated drafts: what is sent comes back as goals-core normalizes it,
//! and nothing a client sends makes the server fail.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use common::TestServer;
use goals_core::{Goal, GoalDraft, MilestoneDraft, TrackerDraft};
use proptest::prelude::*;
use reqwest::StatusCode;
use tokio::runtime::Runtime;

fn padded(text: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    (" {0,2}", text, "[ \t]{0,2}")
        .prop_map(|(before, text, after)| format!("{before}{text}{after}"))
}

fn valid_tracker(position: usize) -> impl Strategy<Value = TrackerDraft> {
    ("\\PC{0,40}", padded("[A-Z_]{1,12}")).prop_map(move |(description, default_value)| {
        TrackerDraft {
            id: None,
            name: format!("Field {position}"),
            description,
            default_value,
        }
    })
}

fn valid_milestone(position: usize) -> impl Strategy<Value = MilestoneDraft> {
    let trackers =
        (1..4usize).prop_flat_map(|count| (0..count).map(valid_tracker).collect::<Vec<_>>());
    (padded("[a-zA-Zé]{1,10}"), "\\PC{0,40}", trackers).prop_map(
        move |(word, description, trackers)| MilestoneDraft {
            id: None,
            name: format!("Step {position} {word}"),
            description,
            trackers,
        },
    )
}

/// Valid drafts, with the untidiness normalization removes: padding and repeated tags.
fn valid_draft() -> impl Strategy<Value = GoalDraft> {
    let milestones =
        (1..4usize).prop_flat_map(|count| (0..count).map(valid_milestone).collect::<Vec<_>>());
    (
        padded("[A-Za-zÉé][A-Za-zÀ-ÿ0-9 ]{0,40}"),
        "\\PC{0,80}",
        prop::collection::vec(padded("[a-zA-ZÉé0-9]{1,12}"), 0..6),
        milestones,
    )
        .prop_map(|(name, description, tags, milestones)| GoalDraft {
            name,
            description,
            tags,
            milestones,
        })
}

/// Anything of the draft's shape, valid or not.
fn any_draft() -> impl Strategy<Value = GoalDraft> {
    let tracker =
        (".{0,3}", ".{0,3}", ".{0,600}").prop_map(|(name, description, value)| TrackerDraft {
            id: None,
            name,
            description,
            default_value: value,
        });
    let milestone = (".{0,120}", ".{0,3}", prop::collection::vec(tracker, 0..3)).prop_map(
        |(name, description, trackers)| MilestoneDraft {
            id: None,
            name,
            description,
            trackers,
        },
    );
    (
        ".{0,120}",
        ".{0,3}",
        prop::collection::vec(".{0,40}", 0..25),
        prop::collection::vec(milestone, 0..3),
    )
        .prop_map(|(name, description, tags, milestones)| GoalDraft {
            name,
            description,
            tags,
            milestones,
        })
}

fn without_ids(goal: &Goal) -> GoalDraft {
    let mut draft = GoalDraft::from(goal);
    for milestone in &mut draft.milestones {
        milestone.id = None;
        for tracker in &mut milestone.trackers {
            tracker.id = None;
        }
    }
    draft
}

fn runtime_with_server() -> (Runtime, TestServer) {
    let runtime = Runtime::new().unwrap();
    let server = runtime.block_on(TestServer::start());
    (runtime, server)
}

#[test]
fn a_valid_draft_comes_back_as_normalized() {
    let (runtime, server) = runtime_with_server();
    let sent_count = AtomicUsize::new(0);

    proptest!(ProptestConfig::with_cases(24), |(mut draft in valid_draft())| {
        draft.name = format!("{} #{}", draft.name, sent_count.fetch_add(1, Ordering::Relaxed));
        let body = serde_json::to_value(&draft).unwrap();

        let created = runtime.block_on(server.create_goal(&body));

        let goal: Goal = serde_json::from_value(created).unwrap();

        prop_assert_eq!(without_ids(&goal), draft.normalized());
    });
}

#[test]
fn no_draft_makes_the_server_fail() {
    let (runtime, server) = runtime_with_server();

    proptest!(ProptestConfig::with_cases(32), |(draft in any_draft())| {
        let body = serde_json::to_value(&draft).unwrap();

        let status = runtime.block_on(async { server.post_goal(&body).await.status() });

        let expected = [StatusCode::CREATED, StatusCode::CONFLICT, StatusCode::UNPROCESSABLE_ENTITY];
        prop_assert!(expected.contains(&status), "{} for {}", status, body);
    });
}

#[test]
fn bytes_that_are_not_a_draft_are_a_bad_request() {
    let (runtime, server) = runtime_with_server();

    proptest!(ProptestConfig::with_cases(32), |(body in prop::collection::vec(any::<u8>(), 0..200))| {
        let status = runtime.block_on(async {
            let request = server.client.post(server.api("/goals"));
            let request = request.header("content-type", "application/json").body(body);
            request.send().await.unwrap().status()
        });

        prop_assert_eq!(status, StatusCode::BAD_REQUEST);
    });
}
