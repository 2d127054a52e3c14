//! One customer's runs of a goal, for the analytics page's look-up.

use goals_core::CustomerRuns;
use sqlx::SqlitePool;

use super::load::{customer_run_rows, load_progress};
use crate::error::ApiError;
use crate::goals::store::load_goal;

/// The runs of `customer_id` in the goal `goal_id`, newest first, read in one transaction so
/// that no run is caught halfway through an achievement.
pub async fn customer_runs(
    pool: &SqlitePool,
    goal_id: &str,
    customer_id: &str,
) -> Result<CustomerRuns, ApiError> {
    let mut transaction = pool.begin().await?;
    let goal = load_goal(&mut transaction, goal_id)
        .await?
        .ok_or_else(|| ApiError::goal_not_found(goal_id))?;

    let rows = customer_run_rows(&mut transaction, goal_id, customer_id).await?;
    let mut runs = Vec::with_capacity(rows.len());
    for row in &rows {
        runs.push(load_progress(&mut transaction, &goal, row).await?);
    }
    transaction.commit().await?;

    Ok(CustomerRuns {
        customer_id: customer_id.to_string(),
        runs,
    })
}
