//! What the edit form shows when its content is built on an older version than the one saved
//! now: a save refused with HTTP 412, or a restored draft of an older version. Nothing typed is
//! lost until the bot builder chooses. The notice lists what changed elsewhere; then they
//! either load the newer version (discarding their changes) or re-apply their changes onto it
//! and save that, with the newer version's ETag.

use goals_core::{Goal, GoalDraft};
use leptos::prelude::*;

use super::FormContext;
use super::reapply::reapply;
use super::save::{SaveStatus, SaveTarget};
use super::server_changes::server_changes;

/// How the form came to hold content of an older version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictCause {
    /// A save was answered 412: someone saved the goal after the form was opened.
    SaveRefused,
    /// A restored draft was kept while an older version was on screen.
    DraftOutdated,
}

/// A newer version than the one the form's content is built on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub current: Goal,
    pub cause: ConflictCause,
}

/// The conflict notice of the edit form, and once the bot builder re-applied their changes,
/// what that did. The create form has neither.
pub fn conflict_notices(
    target: &SaveTarget,
    status: SaveStatus,
    form: FormContext,
) -> Option<impl IntoView + use<>> {
    let base = target.base()?;
    let notice = move || {
        let conflict = status.conflict.get()?;
        let started_from = base.get_untracked();
        let current = conflict.current.clone();
        Some(view! {
            <ConflictNotice started_from=started_from conflict=conflict
                on_load_newer={
                    let current = current.clone();
                    move || load_newer(form, base, status, current.clone())
                }
                on_reapply=move || reapply_mine(form, base, status, current.clone())/>
        })
    };
    let reapplied = move || {
        status.reapplied.get().map(|notes| {
            view! {
                <div class="reapply-notice" role="status">
                    <p>
                        "Your changes were re-applied to the newer version. Check them, then Save."
                    </p>
                    {(!notes.is_empty()).then(|| view! {
                        <ul class="reapply-notes">
                            {notes.into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}
                        </ul>
                    })}
                </div>
            }
        })
    };
    Some(view! { {notice} {reapplied} })
}

#[component]
fn ConflictNotice(
    /// The version the form's content is built on.
    started_from: Goal,
    conflict: Conflict,
    on_load_newer: impl Fn() + 'static,
    on_reapply: impl Fn() + 'static,
) -> impl IntoView {
    let changes = server_changes(&started_from, &conflict.current);
    let why = match conflict.cause {
        ConflictCause::SaveRefused => {
            "This goal was changed elsewhere since you opened it, so your changes were not saved. \
             They are still here."
        }
        ConflictCause::DraftOutdated => {
            "This goal was changed elsewhere since your draft was kept. Your draft is on the form."
        }
    };
    let heading = format!(
        "Changed elsewhere (version {} to {}):",
        started_from.version, conflict.current.version
    );
    view! {
        <div class="conflict-notice" role="alert">
            <p>{why}</p>
            <p>{heading}</p>
            {if changes.is_empty() {
                view! { <p>"Nothing you can see on this form."</p> }.into_any()
            } else {
                view! {
                    <ul class="server-changes">
                        {changes
                            .iter()
                            .map(|change| view! { <li>{change.to_string()}</li> })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <p>
                "Re-apply your changes on top of the newer version and save them, or load the \
                 newer version and discard yours."
            </p>
            <div class="conflict-actions">
                <button type="button" class="primary" on:click=move |_| on_reapply()>
                    "Re-apply my changes"
                </button>
                <button type="button" on:click=move |_| on_load_newer()>
                    "Load the newer version"
                </button>
            </div>
        </div>
    }
}

/// Shows the newer version as it is, discarding the bot builder's changes and their draft.
fn load_newer(form: FormContext, base: RwSignal<Goal>, status: SaveStatus, current: Goal) {
    form.model
        .with_value(|model| model.show(&GoalDraft::from(&current)));
    base.set(current);
    status.conflict.set(None);
    status.reapplied.set(None);
    form.errors.show_all(&[]);
    form.drafts.discard();
    form.mark_saved();
}

/// Lays the bot builder's changes over the newer version; the next Save replaces that
/// version, and only that one.
fn reapply_mine(form: FormContext, base: RwSignal<Goal>, status: SaveStatus, current: Goal) {
    let (mine, _) = form.model.with_value(|model| model.draft());
    let merged = base.with_untracked(|started_from| reapply(started_from, &mine, &current));
    form.model.with_value(|model| model.show(&merged.draft));
    base.set(current);
    status.conflict.set(None);
    status
        .reapplied
        .set(Some(merged.notes.iter().map(ToString::to_string).collect()));
    form.errors.show_all(&[]);
    form.mark_changed();
}
