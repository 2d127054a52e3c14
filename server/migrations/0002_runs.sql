-- Runs, what they recorded, and the daily roll-ups the goal report reads (DESIGN §1, §4).
--
-- Times are unix microseconds (UTC) in BIGINT columns, as in 0001. Days are UTC dates as
-- 'YYYY-MM-DD' text, which sorts and compares like the dates themselves. Every table here is
-- written only by the achievement endpoint, in the same BEGIN IMMEDIATE transaction, so the
-- roll-ups always agree with the runs they summarise.

-- One customer's way through one goal in one conversation. Achievements without a
-- conversation ID all belong to one run of that customer: they are stored with the empty
-- conversation_id, which a real conversation ID (1 to 128 characters) can never be, so the
-- unique key below also finds that run.
CREATE TABLE runs (
    id                    TEXT PRIMARY KEY NOT NULL,
    goal_id               TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    customer_id           TEXT NOT NULL,
    conversation_id       TEXT NOT NULL,
    -- 1 when no milestone of the goal was pending after the run's last change.
    completed             INTEGER NOT NULL,
    -- When the run first completed; it is counted in daily_goal_completions once, even if a
    -- milestone added to the goal later makes it pending again and it completes a second time.
    completed_at          BIGINT NULL,
    -- The last milestone in goal order the run has achieved: where it stands in the drop-off
    -- roll-up while it is not completed.
    furthest_milestone_id TEXT NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
    created_at            BIGINT NOT NULL,
    -- The run's last change; its day is the drop-off bucket of a run that is not completed.
    updated_at            BIGINT NOT NULL,
    UNIQUE (goal_id, customer_id, conversation_id)
);

-- A customer's runs of a goal, newest first.
CREATE INDEX runs_by_customer ON runs (goal_id, customer_id, created_at DESC, id DESC);

-- Where each milestone of a run stands. Only milestones that were reached have a row: a
-- missing row is a pending milestone, so a milestone added to the goal later is pending in
-- every existing run without rewriting any of them. Rows are never updated (forward only).
-- goal_id is repeated from the run so exports can read a goal's records in time order.
CREATE TABLE run_milestones (
    run_id       TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    milestone_id TEXT NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
    goal_id      TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    status       TEXT NOT NULL CHECK (status IN ('achieved', 'skipped')),
    recorded_at  BIGINT NOT NULL,
    -- Where the customer came from, as given by the achievement that set this status (for a
    -- skipped milestone, the achievement that skipped it); NULL when none was given.
    source_type  TEXT NULL,
    source_value TEXT NULL,
    PRIMARY KEY (run_id, milestone_id)
);

-- Exports: one goal's records in a range of time, per milestone or all together.
CREATE INDEX run_milestones_by_goal_time ON run_milestones (goal_id, recorded_at);
CREATE INDEX run_milestones_by_milestone_time ON run_milestones (milestone_id, recorded_at);

-- The value each tracker took when its milestone was achieved (the given value or the
-- Default Value) or skipped (the Default Value in force at that moment). Values are copied,
-- never looked up, so editing the goal later rewrites nothing. A deleted tracker keeps its
-- row in trackers (deleted_at), so its recorded values stay here and in the exports.
CREATE TABLE run_tracker_values (
    run_id       TEXT NOT NULL,
    milestone_id TEXT NOT NULL,
    tracker_id   TEXT NOT NULL REFERENCES trackers (id) ON DELETE CASCADE,
    value        TEXT NOT NULL,
    recorded_at  BIGINT NOT NULL,
    PRIMARY KEY (run_id, milestone_id, tracker_id),
    FOREIGN KEY (run_id, milestone_id)
        REFERENCES run_milestones (run_id, milestone_id) ON DELETE CASCADE
);

-- Daily roll-ups. A report reads these, so its cost grows with days × milestones and not
-- with the number of achievements recorded. Each achievement that changes a run adds to them
-- in its own transaction; an achievement that changes nothing adds nothing.

-- Per milestone and day: how many runs achieved or skipped it, how many distinct customers
-- achieved it that day (kept up by daily_milestone_customers), and how many runs that are
-- not completed stopped there, by the day of their last change (a run's count moves to its
-- new furthest milestone and day when it advances, and leaves when it completes).
CREATE TABLE daily_milestone_counts (
    goal_id      TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    milestone_id TEXT NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
    day          TEXT NOT NULL,
    achieved     BIGINT NOT NULL DEFAULT 0,
    skipped      BIGINT NOT NULL DEFAULT 0,
    unique_users BIGINT NOT NULL DEFAULT 0,
    drop_off     BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (goal_id, milestone_id, day)
);

-- Per day: how many runs completed the goal (Goal Achieved).
CREATE TABLE daily_goal_completions (
    goal_id   TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    day       TEXT NOT NULL,
    completed BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (goal_id, day)
);

-- The distinct customers who achieved something on a day, so Unique Users over a range is
-- exact (a customer active on three days counts once) rather than a sum of daily figures.
-- Unlike the counts above, this grows with distinct customer-days, not with achievements.
CREATE TABLE daily_goal_customers (
    goal_id     TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    day         TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    PRIMARY KEY (goal_id, day, customer_id)
);

-- The same per milestone: the distinct customers who achieved it on a day, for the
-- Milestones table's Unique Users over a range. Grows with distinct customer-days per
-- milestone.
CREATE TABLE daily_milestone_customers (
    goal_id      TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    milestone_id TEXT NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
    day          TEXT NOT NULL,
    customer_id  TEXT NOT NULL,
    PRIMARY KEY (goal_id, milestone_id, day, customer_id)
);
