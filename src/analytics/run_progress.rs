//! One run of a customer through the goal, milestone by milestone, as the customer look-up
//! and the Test goal panel show it. Runs store tracker values by id; the loaded goal names
//! them, and a value of a tracker deleted since is still shown, under its id.

use std::collections::{BTreeMap, HashMap};

use goals_core::{Goal, MilestoneProgress, MilestoneStatus, RunProgress};
use leptos::prelude::*;

/// Tracker names by id, and the order the goal gives each milestone's trackers.
#[derive(Debug, Clone, Default)]
pub struct TrackerNames {
    names: HashMap<String, String>,
    order: HashMap<String, Vec<String>>,
}

impl TrackerNames {
    pub fn of(goal: &Goal) -> Self {
        let mut names = TrackerNames::default();
        for milestone in &goal.milestones {
            let mut ids = Vec::with_capacity(milestone.trackers.len());
            for tracker in &milestone.trackers {
                names.names.insert(tracker.id.clone(), tracker.name.clone());
                ids.push(tracker.id.clone());
            }
            names.order.insert(milestone.id.clone(), ids);
        }
        names
    }

    /// A milestone's values as `(label, value)`: the goal's trackers in the goal's order,
    /// then values of trackers the goal no longer has.
    pub fn label(
        &self,
        milestone_id: &str,
        values: &BTreeMap<String, String>,
    ) -> Vec<(String, String)> {
        let known = self
            .order
            .get(milestone_id)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let in_goal = known.iter().filter_map(|id| {
            let value = values.get(id)?;
            Some((
                self.names.get(id).cloned().unwrap_or_default(),
                value.clone(),
            ))
        });
        let deleted = values
            .iter()
            .filter(|(id, _)| !known.contains(id))
            .map(|(id, value)| (format!("Deleted tracker ({id})"), value.clone()));
        in_goal.chain(deleted).collect()
    }
}

/// A run: its conversation, whether it completed, and each milestone with its values.
#[component]
pub fn RunView(run: RunProgress, names: TrackerNames) -> impl IntoView {
    let conversation = match &run.conversation_id {
        Some(id) => format!("Conversation ID: {id}"),
        None => "No conversation ID".to_string(),
    };
    let (state, state_class) = if run.completed {
        ("Completed", "run-state completed")
    } else {
        ("In progress", "run-state")
    };
    let milestones = run
        .milestones
        .into_iter()
        .map(|milestone| view! { <MilestoneView milestone=milestone names=names.clone()/> })
        .collect_view();

    view! {
        <article class="run">
            <header class="run-header">
                <h3>{conversation}</h3>
                <span class=state_class>{state}</span>
            </header>
            <ol class="run-milestones">{milestones}</ol>
        </article>
    }
}

#[component]
fn MilestoneView(milestone: MilestoneProgress, names: TrackerNames) -> impl IntoView {
    let (status, status_class) = match milestone.status {
        MilestoneStatus::Achieved => ("Achieved", "status achieved"),
        MilestoneStatus::Skipped => ("Skipped", "status skipped"),
        MilestoneStatus::Pending => ("Pending", "status pending"),
    };
    let note = (milestone.status == MilestoneStatus::Skipped)
        .then(|| view! { <p class="muted">"Skipped: its trackers took their Default Values."</p> });
    let recorded = milestone.recorded_at.map(|at| {
        view! { <time datetime=at.to_rfc3339()>{at.format("%Y-%m-%d %H:%M UTC").to_string()}</time> }
    });
    let values = names
        .label(&milestone.milestone_id, &milestone.tracker_values)
        .into_iter()
        .map(|(name, value)| view! { <dt>{name}</dt><dd>{value}</dd> })
        .collect_view();

    view! {
        <li class="run-milestone">
            <div class="run-milestone-header">
                <span class="run-milestone-name">{milestone.name}</span>
                <span class=status_class>{status}</span>
                {recorded}
            </div>
            {note}
            <dl class="tracker-values">{values}</dl>
        </li>
    }
}
