//! The Goals dashboard as an end-to-end test drives it.

use super::Browser;

pub struct DashboardPage<'a> {
    pub browser: &'a Browser,
}

impl DashboardPage<'_> {
    pub async fn wait_for_empty_state(&self) {
        self.browser.wait_for_named("Create your first goal").await;
    }

    pub async fn wait_for_goal_row(&self, goal_name: &str) {
        self.browser
            .wait_for_named(&format!("Edit goal {goal_name}"))
            .await;
    }
}
