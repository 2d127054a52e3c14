//! `GET /goals`: the listing, its filters and its pages.

mod common;

use std::collections::HashSet;

use common::{TestServer, draft, draft_of, expect_error};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn page(server: &TestServer, query: &[(&str, &str)]) -> Value {
    let response = server.list(query).await;
    assert_eq!(response.status(), StatusCode::OK, "listing with {query:?}");
    response.json().await.unwrap()
}

fn names(page: &Value) -> Vec<&str> {
    page["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|goal| goal["name"].as_str().unwrap())
        .collect()
}

fn goal_with_tags(name: &str, tags: Value) -> Value {
    let mut goal = draft(name);
    goal["tags"] = tags;
    goal
}

#[tokio::test]
async fn an_empty_listing_has_no_goals_and_no_next_page() {
    let server = TestServer::start().await;

    let listing = page(&server, &[]).await;

    assert_eq!(listing["goals"], json!([]));
    assert!(listing["nextCursor"].is_null());
}

#[tokio::test]
async fn goals_are_listed_newest_update_first_as_summaries() {
    let server = TestServer::start().await;
    let first = server.create_goal(&draft("First")).await;
    server.create_goal(&draft("Second")).await;
    server.create_goal(&draft("Third")).await;
    let mut edit = draft_of(&first);
    edit["description"] = json!("Touched last");
    server
        .put_goal(first["id"].as_str().unwrap(), "\"1\"", &edit)
        .await;

    let listing = page(&server, &[]).await;

    assert_eq!(names(&listing), ["First", "Third", "Second"]);
    let summary = &listing["goals"][0];
    assert_eq!(summary["id"], first["id"]);
    assert_eq!(summary["description"], "Touched last");
    assert_eq!(summary["tags"], json!(["sales"]));
    assert_eq!(summary["milestoneCount"], 2);
    assert_eq!(summary["trackerCount"], 3);
    assert_eq!(summary["version"], 2);
    assert_eq!(summary["createdAt"], first["createdAt"]);
    assert!(summary.get("milestones").is_none());
}

#[tokio::test]
async fn deleted_trackers_are_not_counted() {
    let server = TestServer::start().await;
    let goal = server.create_goal(&draft("Lead captured")).await;
    let mut edit = draft_of(&goal);
    edit["milestones"][0]["trackers"]
        .as_array_mut()
        .unwrap()
        .remove(0);
    server
        .put_goal(goal["id"].as_str().unwrap(), "\"1\"", &edit)
        .await;

    let listing = page(&server, &[]).await;

    assert_eq!(listing["goals"][0]["trackerCount"], 2);
}

#[tokio::test]
async fn q_finds_names_containing_it_ignoring_case() {
    let server = TestServer::start().await;
    for name in [
        "Lead captured",
        "Qualified LEAD",
        "Demo booked",
        "Éclair ordered",
    ] {
        server.create_goal(&draft(name)).await;
    }

    assert_eq!(
        names(&page(&server, &[("q", "lead")]).await),
        ["Qualified LEAD", "Lead captured"]
    );
    assert_eq!(
        names(&page(&server, &[("q", "ÉCLAIR")]).await),
        ["Éclair ordered"]
    );
    assert_eq!(
        names(&page(&server, &[("q", "nothing")]).await),
        Vec::<&str>::new()
    );
}

#[tokio::test]
async fn q_matches_like_wildcards_literally() {
    let server = TestServer::start().await;
    server.create_goal(&draft("100% done")).await;
    server.create_goal(&draft("1000 done")).await;
    server.create_goal(&draft("a_b")).await;
    server.create_goal(&draft("axb")).await;

    assert_eq!(names(&page(&server, &[("q", "0%")]).await), ["100% done"]);
    assert_eq!(names(&page(&server, &[("q", "a_")]).await), ["a_b"]);
}

#[tokio::test]
async fn tag_finds_goals_with_that_tag_ignoring_case() {
    let server = TestServer::start().await;
    server
        .create_goal(&goal_with_tags("Lead captured", json!(["Sales", "q3"])))
        .await;
    server
        .create_goal(&goal_with_tags("Demo booked", json!(["sales"])))
        .await;
    server
        .create_goal(&goal_with_tags(
            "Ticket closed",
            json!(["support", "salesforce"]),
        ))
        .await;

    assert_eq!(
        names(&page(&server, &[("tag", "SALES")]).await),
        ["Demo booked", "Lead captured"]
    );
    assert_eq!(
        names(&page(&server, &[("tag", "q3"), ("q", "lead")]).await),
        ["Lead captured"]
    );
    assert_eq!(
        names(&page(&server, &[("tag", "q3"), ("q", "demo")]).await),
        Vec::<&str>::new()
    );
}

#[tokio::test]
async fn limit_outside_one_to_two_hundred_is_a_bad_request() {
    let server = TestServer::start().await;

    for limit in ["0", "201", "abc", "-3"] {
        let response = server.list(&[("limit", limit)]).await;
        let error = expect_error(response, StatusCode::BAD_REQUEST, "bad_request").await;
        assert!(error["message"].as_str().unwrap().contains("limit"));
    }
    for limit in ["1", "200"] {
        assert_eq!(
            server.list(&[("limit", limit)]).await.status(),
            StatusCode::OK
        );
    }
}

#[tokio::test]
async fn a_repeated_query_parameter_is_a_bad_request() {
    let server = TestServer::start().await;

    let response = server.list(&[("q", "lead"), ("q", "demo")]).await;

    expect_error(response, StatusCode::BAD_REQUEST, "bad_request").await;
}

#[tokio::test]
async fn a_cursor_the_server_did_not_give_is_a_bad_request() {
    let server = TestServer::start().await;

    for cursor in ["not-a-cursor!", "bm9wZQ", "MTIzOg"] {
        let response = server.list(&[("cursor", cursor)]).await;
        expect_error(response, StatusCode::BAD_REQUEST, "bad_request").await;
    }
}

#[tokio::test]
async fn pages_follow_each_other_without_gaps_or_repeats() {
    let server = TestServer::start().await;
    let mut created = HashSet::new();
    for n in 0..120 {
        let goal = server.create_goal(&draft(&format!("Goal {n:03}"))).await;
        created.insert(goal["id"].as_str().unwrap().to_string());
    }

    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut query = vec![("limit", "50")];
        if let Some(cursor) = &cursor {
            query.push(("cursor", cursor));
        }
        let listing = page(&server, &query).await;
        let goals = listing["goals"].as_array().unwrap();
        sizes.push(goals.len());
        seen.extend(goals.iter().map(listing_position));
        match listing["nextCursor"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => break,
        }
    }

    assert_eq!(sizes, [50, 50, 20]);
    let ids: HashSet<String> = seen.iter().map(|(_, id)| id.clone()).collect();
    assert_eq!((seen.len(), ids), (120, created));
    assert!(
        seen.windows(2).all(|pair| pair[0] > pair[1]),
        "pages are in listing order"
    );
}

/// Where a summary stands in the listing order: update time, then id.
fn listing_position(summary: &Value) -> (chrono::DateTime<chrono::FixedOffset>, String) {
    let updated_at = summary["updatedAt"].as_str().unwrap();
    let updated_at = chrono::DateTime::parse_from_rfc3339(updated_at).unwrap();
    (updated_at, summary["id"].as_str().unwrap().to_string())
}

#[tokio::test]
async fn the_default_page_holds_fifty_goals() {
    let server = TestServer::start().await;
    for n in 0..51 {
        server.create_goal(&draft(&format!("Goal {n:02}"))).await;
    }

    let listing = page(&server, &[]).await;

    assert_eq!(listing["goals"].as_array().unwrap().len(), 50);
    assert!(listing["nextCursor"].is_string());
}
