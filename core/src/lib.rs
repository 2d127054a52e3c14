//! The domain of Goals Studio, shared by the browser app and the server so that a rule is
//! written once: the form checks exactly what the API enforces.
//!
//! A [`Goal`] is a fixed sequence of milestones, each storing trackers. Clients send a
//! [`GoalDraft`]; [`GoalDraft::validate`] applies the limits of DESIGN §3 and
//! [`editing::check_edit`] the rules for replacing a goal that already exists.
//!
//! At run time a Goal node reports an [`AchievementInput`]; [`AchievementInput::validate`]
//! checks it against the goal and [`apply_achievement`] works out what it does to the run.

pub mod achievement;
pub mod date_range;
pub mod draft;
pub mod editing;
pub mod goal;
pub mod limits;
pub mod run;
pub mod runtime;
pub mod validation;

pub use date_range::{DateRange, DateRangeError};
pub use draft::{GoalDraft, MilestoneDraft, TrackerDraft};
pub use editing::{EditViolation, check_edit};
pub use goal::{Goal, GoalPage, GoalSummary, Milestone, Tracker};
pub use run::{Applied, ReachedMilestone, RunChange, apply_achievement};
pub use runtime::{
    AchievementInput, CustomerRuns, GoalReport, MilestoneProgress, MilestoneReport,
    MilestoneStatus, RunProgress, Source, TrendDay, TrendPoint,
};
pub use validation::{FieldError, FieldErrorCode};
