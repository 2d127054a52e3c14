-- Goals, their tags, milestones and trackers.
--
-- Times are unix microseconds (UTC) in BIGINT columns: they sort as numbers and keep the
-- precision the API returns. Names are matched ignoring case through lowercased key columns
-- written by the server, so the rule is the same on every database.

CREATE TABLE goals (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    description TEXT NOT NULL,
    version     BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- Goal names are unique ignoring case; the index, not a prior read, is what keeps two
-- simultaneous creates from both succeeding.
CREATE UNIQUE INDEX goals_name_key ON goals (name_key);

-- The listing: newest update first, ties broken by id.
CREATE INDEX goals_by_update ON goals (updated_at DESC, id DESC);

CREATE TABLE goal_tags (
    goal_id  TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tag      TEXT NOT NULL,
    tag_key  TEXT NOT NULL,
    PRIMARY KEY (goal_id, position)
);

-- The listing's tag filter.
CREATE INDEX goal_tags_by_tag ON goal_tags (tag_key, goal_id);

CREATE TABLE milestones (
    id          TEXT PRIMARY KEY NOT NULL,
    goal_id     TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE INDEX milestones_by_goal ON milestones (goal_id, position);

-- A tracker taken out of its goal keeps its row, marked by deleted_at, because the values
-- it recorded stay in the goal's exports.
CREATE TABLE trackers (
    id            TEXT PRIMARY KEY NOT NULL,
    milestone_id  TEXT NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL,
    description   TEXT NOT NULL,
    default_value TEXT NOT NULL,
    deleted_at    BIGINT NULL
);

CREATE INDEX trackers_by_milestone ON trackers (milestone_id, position);
