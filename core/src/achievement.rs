//! The rules an achievement must meet before it is recorded (DESIGN §3, §4): identifiers and
//! values within their limits, and ids that name a milestone of the goal and trackers of that
//! milestone. Like a goal draft's, every violation is reported at once, at its field's path.

use crate::goal::{Goal, Milestone};
use crate::limits::{ID_MAX, SOURCE_TYPE_MAX, SOURCE_VALUE_MAX, TRACKER_VALUE_MAX};
use crate::runtime::{AchievementInput, Source};
use crate::validation::{FieldError, FieldErrorCode, check_text};

impl AchievementInput {
    /// Checks the achievement against `goal` as it is now. Identifiers are taken exactly as
    /// sent (not trimmed): they are the bot platform's, and a journey sends them back the
    /// same way every time.
    pub fn validate(&self, goal: &Goal) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();

        check_text(
            &mut errors,
            "customerId",
            "Customer ID",
            &self.customer_id,
            ID_MAX,
            true,
        );
        if let Some(conversation_id) = &self.conversation_id {
            check_conversation_id(&mut errors, conversation_id);
        }
        let milestone = check_milestone_id(&mut errors, goal, &self.milestone_id);
        check_tracker_values(&mut errors, milestone, self);
        if let Some(source) = &self.source {
            check_source(&mut errors, source);
        }

        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// A conversation ID may be left out, but one that is sent has to say something: the empty
/// one would merge the run into the customer's runs without a conversation.
fn check_conversation_id(errors: &mut Vec<FieldError>, conversation_id: &str) {
    if conversation_id.is_empty() {
        errors.push(FieldError::new(
            "conversationId",
            FieldErrorCode::Required,
            "Conversation ID must not be empty; leave it out when there is none",
        ));
        return;
    }
    check_text(
        errors,
        "conversationId",
        "Conversation ID",
        conversation_id,
        ID_MAX,
        false,
    );
}

/// The milestone the achievement names, when the goal has it.
fn check_milestone_id<'g>(
    errors: &mut Vec<FieldError>,
    goal: &'g Goal,
    milestone_id: &str,
) -> Option<&'g Milestone> {
    if milestone_id.is_empty() {
        errors.push(FieldError::new(
            "milestoneId",
            FieldErrorCode::Required,
            "Milestone ID is required",
        ));
        return None;
    }
    let milestone = goal
        .milestones
        .iter()
        .find(|milestone| milestone.id == milestone_id);
    if milestone.is_none() {
        errors.push(FieldError::new(
            "milestoneId",
            FieldErrorCode::Unknown,
            format!("The goal \"{}\" has no milestone with this id", goal.name),
        ));
    }
    milestone
}

/// Each value must fit, and belong to a tracker of the milestone reached. When the milestone
/// is unknown there is nothing to check the tracker ids against, and the error at
/// `milestoneId` says why.
fn check_tracker_values(
    errors: &mut Vec<FieldError>,
    milestone: Option<&Milestone>,
    achievement: &AchievementInput,
) {
    for (tracker_id, value) in &achievement.tracker_values {
        let path = format!("trackerValues.{tracker_id}");
        if let Some(milestone) = milestone
            && !milestone
                .trackers
                .iter()
                .any(|tracker| &tracker.id == tracker_id)
        {
            errors.push(FieldError::new(
                &path,
                FieldErrorCode::Unknown,
                format!(
                    "The milestone \"{}\" has no tracker with this id",
                    milestone.name
                ),
            ));
            continue;
        }
        check_text(
            errors,
            &path,
            "A tracker value",
            value,
            TRACKER_VALUE_MAX,
            false,
        );
    }
}

fn check_source(errors: &mut Vec<FieldError>, source: &Source) {
    check_text(
        errors,
        "source.type",
        "Source type",
        &source.kind,
        SOURCE_TYPE_MAX,
        true,
    );
    check_text(
        errors,
        "source.value",
        "Source value",
        &source.value,
        SOURCE_VALUE_MAX,
        false,
    );
}
