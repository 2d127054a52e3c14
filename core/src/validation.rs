//! The rules of DESIGN §3. Validation reports every violation at once, each at the path of
//! its field (`milestones[0].trackers[1].defaultValue`), so a form can show them all beside
//! their fields and a server can return them in one answer.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::draft::{GoalDraft, MilestoneDraft, TrackerDraft, distinct_tags};
use crate::limits::*;

/// Why a field was refused; the wire name is the `code` of a field error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldErrorCode {
    Required,
    TooLong,
    TooMany,
    TooFew,
    Duplicate,
    /// Ids, versions and times belong to the server.
    ReadOnly,
    /// An id that names no milestone of the goal, or no tracker of the milestone.
    Unknown,
}

/// One violated rule, at one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// Where the field is in the body as sent, such as
    /// `milestones[0].trackers[1].defaultValue` or `trackerValues.<trackerId>`.
    pub path: String,
    pub code: FieldErrorCode,
    /// Written for the person who typed the value.
    pub message: String,
}

impl FieldError {
    pub fn new(path: impl Into<String>, code: FieldErrorCode, message: impl Into<String>) -> Self {
        FieldError {
            path: path.into(),
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl GoalDraft {
    /// Checks the draft as it will be stored (see [`GoalDraft::normalized`]) against every
    /// rule that does not need the database. Uniqueness of the goal name among all goals is
    /// the server's to check. Paths point into the draft as sent, repeated tags included.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let draft = self.normalized();
        let mut errors = Vec::new();

        check_text(
            &mut errors,
            "name",
            "Goal Name",
            &draft.name,
            GOAL_NAME_MAX,
            true,
        );
        check_text(
            &mut errors,
            "description",
            "Goal Description",
            &draft.description,
            DESCRIPTION_MAX,
            false,
        );
        check_tags(&mut errors, &distinct_tags(&self.tags));
        check_milestones(&mut errors, &draft.milestones);

        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

fn check_tags(errors: &mut Vec<FieldError>, tags: &[(usize, &str)]) {
    if tags.len() > TAGS_MAX {
        errors.push(FieldError::new(
            "tags",
            FieldErrorCode::TooMany,
            format!("A goal can have at most {TAGS_MAX} tags"),
        ));
    }
    for (position, tag) in tags {
        check_text(
            errors,
            &format!("tags[{position}]"),
            "A tag",
            tag,
            TAG_MAX,
            true,
        );
    }
}

fn check_milestones(errors: &mut Vec<FieldError>, milestones: &[MilestoneDraft]) {
    if milestones.is_empty() {
        errors.push(FieldError::new(
            "milestones",
            FieldErrorCode::TooFew,
            "A goal needs at least one milestone",
        ));
    }
    if milestones.len() > MILESTONES_MAX {
        errors.push(FieldError::new(
            "milestones",
            FieldErrorCode::TooMany,
            format!("A goal can have at most {MILESTONES_MAX} milestones"),
        ));
    }

    let mut names = HashSet::new();
    for (m, milestone) in milestones.iter().enumerate() {
        let path = format!("milestones[{m}]");
        check_text(
            errors,
            &format!("{path}.name"),
            "Milestone Name",
            &milestone.name,
            MILESTONE_NAME_MAX,
            true,
        );
        if !milestone.name.is_empty() && !names.insert(milestone.name.to_lowercase()) {
            errors.push(FieldError::new(
                format!("{path}.name"),
                FieldErrorCode::Duplicate,
                format!(
                    "Another milestone of this goal is already called \"{}\"",
                    milestone.name
                ),
            ));
        }
        check_text(
            errors,
            &format!("{path}.description"),
            "Description",
            &milestone.description,
            DESCRIPTION_MAX,
            false,
        );
        check_trackers(errors, &path, &milestone.trackers);
    }
}

fn check_trackers(errors: &mut Vec<FieldError>, milestone_path: &str, trackers: &[TrackerDraft]) {
    if trackers.is_empty() {
        errors.push(FieldError::new(
            format!("{milestone_path}.trackers"),
            FieldErrorCode::TooFew,
            "A milestone needs at least one tracker",
        ));
    }
    if trackers.len() > TRACKERS_MAX {
        errors.push(FieldError::new(
            format!("{milestone_path}.trackers"),
            FieldErrorCode::TooMany,
            format!("A milestone can have at most {TRACKERS_MAX} trackers"),
        ));
    }

    let mut names = HashSet::new();
    for (t, tracker) in trackers.iter().enumerate() {
        let path = format!("{milestone_path}.trackers[{t}]");
        check_text(
            errors,
            &format!("{path}.name"),
            "Tracker Name",
            &tracker.name,
            TRACKER_NAME_MAX,
            true,
        );
        if !tracker.name.is_empty() && !names.insert(tracker.name.to_lowercase()) {
            errors.push(FieldError::new(
                format!("{path}.name"),
                FieldErrorCode::Duplicate,
                format!(
                    "Another tracker of this milestone is already called \"{}\"",
                    tracker.name
                ),
            ));
        }
        check_text(
            errors,
            &format!("{path}.description"),
            "Description",
            &tracker.description,
            DESCRIPTION_MAX,
            false,
        );
        check_text(
            errors,
            &format!("{path}.defaultValue"),
            "Default Value",
            &tracker.default_value,
            DEFAULT_VALUE_MAX,
            true,
        );
    }
}

/// Length is counted in characters, not bytes, so "é" and "e" cost the same.
pub(crate) fn check_text(
    errors: &mut Vec<FieldError>,
    path: &str,
    label: &str,
    value: &str,
    max: usize,
    required: bool,
) {
    if required && value.is_empty() {
        errors.push(FieldError::new(
            path,
            FieldErrorCode::Required,
            format!("{label} is required"),
        ));
        return;
    }
    let length = value.chars().count();
    if length > max {
        errors.push(FieldError::new(
            path,
            FieldErrorCode::TooLong,
            format!("{label} must be at most {max} characters (it has {length})"),
        ));
    }
}
