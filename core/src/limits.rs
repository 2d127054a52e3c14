//! The limits of DESIGN §3, in one place so the form, the server and the docs agree.

pub const GOAL_NAME_MAX: usize = 100;
pub const DESCRIPTION_MAX: usize = 1_000;
pub const TAGS_MAX: usize = 20;
pub const TAG_MAX: usize = 32;
pub const MILESTONES_MAX: usize = 50;
pub const MILESTONE_NAME_MAX: usize = 100;
pub const TRACKERS_MAX: usize = 25;
pub const TRACKER_NAME_MAX: usize = 100;
pub const DEFAULT_VALUE_MAX: usize = 500;
pub const TRACKER_VALUE_MAX: usize = 500;
pub const ID_MIN: usize = 1;
pub const ID_MAX: usize = 128;
/// Request bodies above this are refused with 413.
pub const BODY_MAX_BYTES: usize = 1024 * 1024;
/// The kind of source an achievement names, such as `Marketing`.
pub const SOURCE_TYPE_MAX: usize = 128;
/// The source itself, such as a campaign name; it may be empty.
pub const SOURCE_VALUE_MAX: usize = 500;
/// The longest range of days a report or an export covers: a year, leap day included.
pub const REPORT_DAYS_MAX: usize = 366;
/// The range a report covers when none is asked for: today and the days before it.
pub const REPORT_DAYS_DEFAULT: usize = 7;
