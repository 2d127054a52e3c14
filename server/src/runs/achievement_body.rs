//! From a JSON body to an achievement. A body of the wrong shape (a number where a string
//! belongs, an unknown field) is a 400 naming the field; whether the achievement fits the goal
//! is for goals-core to say, with a 422, once the goal is loaded.

use goals_core::AchievementInput;
use serde_json::Value;

use crate::error::ApiError;

/// Reads an achievement; fields left out read as empty, so that a missing `customerId` or
/// `milestoneId` is reported as required at its path rather than as a syntax error.
pub fn read_achievement(body: Value) -> Result<AchievementInput, ApiError> {
    serde_path_to_error::deserialize(body).map_err(|error| {
        let path = error.path().to_string();
        let message = if path == "." {
            format!(
                "The achievement is not in the expected shape: {}",
                error.inner()
            )
        } else {
            format!(
                "The achievement is not in the expected shape at {path}: {}",
                error.inner()
            )
        };
        ApiError::BadRequest(message)
    })
}
