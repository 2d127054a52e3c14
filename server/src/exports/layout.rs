//! The columns of an export: the goal's milestones in goal order, and every tracker they ever
//! had. Deleted trackers are included, after the live ones of their milestone, because the
//! values they recorded stay in the exports (DESIGN §4, rule 6).

use std::collections::{HashMap, HashSet};

use sqlx::SqlitePool;

/// What an export of one goal is laid out by, read once when the export starts.
#[derive(Debug, Clone)]
pub struct ExportLayout {
    pub goal_id: String,
    pub goal_name: String,
    /// In goal order.
    pub milestones: Vec<MilestoneColumns>,
}

/// One milestone and the trackers that head its columns.
#[derive(Debug, Clone)]
pub struct MilestoneColumns {
    pub id: String,
    pub name: String,
    /// Live trackers in their order, then deleted ones in the order they were deleted.
    pub trackers: Vec<TrackerColumn>,
}

#[derive(Debug, Clone)]
pub struct TrackerColumn {
    pub id: String,
    pub name: String,
    pub deleted: bool,
}

impl TrackerColumn {
    /// The tracker's name, marked when it has been taken out of the goal.
    pub fn heading(&self) -> String {
        if self.deleted {
            format!("{} (deleted)", self.name)
        } else {
            self.name.clone()
        }
    }
}

#[derive(sqlx::FromRow)]
struct MilestoneRow {
    id: String,
    name: String,
}

#[derive(sqlx::FromRow)]
struct TrackerRow {
    id: String,
    milestone_id: String,
    name: String,
    deleted: bool,
}

/// The layout of the goal `goal_id`, or `None` when there is no such goal.
pub async fn load_layout(
    pool: &SqlitePool,
    goal_id: &str,
) -> Result<Option<ExportLayout>, sqlx::Error> {
    let mut transaction = pool.begin().await?;
    let goal_name: Option<String> = sqlx::query_scalar("SELECT name FROM goals WHERE id = $1")
        .bind(goal_id)
        .fetch_optional(&mut *transaction)
        .await?;
    let Some(goal_name) = goal_name else {
        return Ok(None);
    };

    let milestone_rows: Vec<MilestoneRow> =
        sqlx::query_as("SELECT id, name FROM milestones WHERE goal_id = $1 ORDER BY position")
            .bind(goal_id)
            .fetch_all(&mut *transaction)
            .await?;
    let tracker_rows: Vec<TrackerRow> = sqlx::query_as(
        "SELECT t.id, t.milestone_id, t.name, t.deleted_at IS NOT NULL AS deleted
         FROM trackers t JOIN milestones m ON m.id = t.milestone_id
         WHERE m.goal_id = $1
         ORDER BY m.position, t.deleted_at IS NOT NULL, t.deleted_at, t.position, t.id",
    )
    .bind(goal_id)
    .fetch_all(&mut *transaction)
    .await?;
    transaction.commit().await?;

    let milestones = milestone_rows
        .into_iter()
        .map(|milestone| MilestoneColumns {
            trackers: tracker_rows
                .iter()
                .filter(|tracker| tracker.milestone_id == milestone.id)
                .map(|tracker| TrackerColumn {
                    id: tracker.id.clone(),
                    name: tracker.name.clone(),
                    deleted: tracker.deleted,
                })
                .collect(),
            id: milestone.id,
            name: milestone.name,
        })
        .collect();
    Ok(Some(ExportLayout {
        goal_id: goal_id.to_string(),
        goal_name,
        milestones,
    }))
}

/// Column headings that are all different, ignoring case, from each other and from `fixed`.
///
/// Each of `trackers` is `(milestone name, tracker heading)`. Tracker names are unique only
/// within a milestone (and a deleted tracker may share its name with a later one), so a
/// heading that clashes is qualified with its milestone's name, and one that still clashes is
/// numbered.
pub fn unique_headings(fixed: &[&str], trackers: &[(&str, String)]) -> Vec<String> {
    let mut uses: HashMap<String, usize> = HashMap::new();
    for name in fixed
        .iter()
        .copied()
        .chain(trackers.iter().map(|(_, name)| name.as_str()))
    {
        *uses.entry(name.to_lowercase()).or_default() += 1;
    }
    let qualified = trackers.iter().map(|(milestone, heading)| {
        if uses
            .get(&heading.to_lowercase())
            .copied()
            .unwrap_or_default()
            > 1
        {
            format!("{milestone}: {heading}")
        } else {
            heading.clone()
        }
    });

    let mut taken: HashSet<String> = fixed.iter().map(|name| name.to_lowercase()).collect();
    qualified
        .map(|heading| {
            let mut candidate = heading.clone();
            let mut number = 2;
            while !taken.insert(candidate.to_lowercase()) {
                candidate = format!("{heading} ({number})");
                number += 1;
            }
            candidate
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(fixed: &[&str], trackers: &[(&str, &str)]) -> Vec<String> {
        let trackers: Vec<(&str, String)> = trackers
            .iter()
            .map(|(milestone, name)| (*milestone, name.to_string()))
            .collect();
        unique_headings(fixed, &trackers)
    }

    #[test]
    fn distinct_tracker_names_head_their_columns_as_they_are() {
        assert_eq!(
            headings(
                &["Status"],
                &[("Email given", "Email Address"), ("Call", "Slot")]
            ),
            ["Email Address", "Slot"]
        );
    }

    #[test]
    fn a_name_shared_by_two_milestones_is_qualified_by_milestone() {
        assert_eq!(
            headings(&[], &[("Email given", "Name"), ("Call booked", "name")]),
            ["Email given: Name", "Call booked: name"]
        );
    }

    #[test]
    fn a_tracker_named_like_a_fixed_column_is_qualified() {
        assert_eq!(
            headings(&["Status"], &[("Paid", "status")]),
            ["Paid: status"]
        );
    }

    #[test]
    fn two_deleted_trackers_of_one_name_in_one_milestone_are_numbered() {
        assert_eq!(
            headings(&[], &[("M", "Email (deleted)"), ("M", "Email (deleted)")]),
            ["M: Email (deleted)", "M: Email (deleted) (2)"]
        );
    }
}
