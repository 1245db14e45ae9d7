-- SPDX-License-Identifier: GPL-3.0-or-later
-- QualityLens project schema, version 1. docs/schema.md explains every table and column.
-- Dates are ISO 8601 text; period keys are integers computed once on import:
-- day = Julian day number, week = ISO year*100 + ISO week, month = year*100 + month,
-- quarter = year*10 + quarter. i_* keys are the same for the interaction date.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT
) WITHOUT ROWID;

CREATE TABLE import_log (
    id             INTEGER PRIMARY KEY,
    at             TEXT NOT NULL,
    who            TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    file_size      INTEGER NOT NULL,
    sha256         TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('scorecard','agents','audits-long','audits-wide','csat','interactions','demo')),
    source         TEXT NOT NULL DEFAULT 'default',
    mapping_json   TEXT,
    inserted       INTEGER NOT NULL DEFAULT 0,
    updated        INTEGER NOT NULL DEFAULT 0,
    unchanged      INTEGER NOT NULL DEFAULT 0,
    kept_local     INTEGER NOT NULL DEFAULT 0,
    rejected       INTEGER NOT NULL DEFAULT 0,
    rows_read      INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0,
    agents_created INTEGER NOT NULL DEFAULT 0,
    masked         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE change_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    who       TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field     TEXT,
    old_value TEXT,
    new_value TEXT,
    reason    TEXT,
    import_id INTEGER REFERENCES import_log(id)
);
CREATE INDEX change_log_entity ON change_log(entity, entity_id);

CREATE TABLE teams (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE sites (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE queues (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE channels (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE agents (
    id         INTEGER PRIMARY KEY,
    agent_key  TEXT NOT NULL UNIQUE,
    name       TEXT,
    hire_date  TEXT,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    created_at TEXT NOT NULL,
    import_id  INTEGER REFERENCES import_log(id)
);

CREATE TABLE agent_aliases (
    alias    TEXT PRIMARY KEY NOT NULL,
    agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE agent_history (
    id         INTEGER PRIMARY KEY,
    agent_id   INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
    valid_from TEXT NOT NULL,
    team_id    INTEGER REFERENCES teams(id),
    site_id    INTEGER REFERENCES sites(id),
    supervisor TEXT,
    import_id  INTEGER REFERENCES import_log(id),
    UNIQUE (agent_id, valid_from)
);

CREATE TABLE auditors (
    id          INTEGER PRIMARY KEY,
    auditor_key TEXT NOT NULL UNIQUE,
    name        TEXT
);

CREATE TABLE scorecards (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1),
    valid_from      TEXT NOT NULL,
    valid_to        TEXT,
    pass_threshold  REAL NOT NULL DEFAULT 85 CHECK (pass_threshold BETWEEN 0 AND 100),
    critical_policy TEXT NOT NULL DEFAULT 'zero' CHECK (critical_policy IN ('zero','flag')),
    description     TEXT,
    definition_json TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    UNIQUE (name, version)
);

CREATE TABLE scorecard_sections (
    id           INTEGER PRIMARY KEY,
    scorecard_id INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    weight       REAL,
    UNIQUE (scorecard_id, position)
);

CREATE TABLE criteria (
    id              INTEGER PRIMARY KEY,
    scorecard_id    INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,
    section_id      INTEGER NOT NULL REFERENCES scorecard_sections(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    key             TEXT NOT NULL,
    name            TEXT NOT NULL,
    description     TEXT,
    scale_kind      TEXT NOT NULL CHECK (scale_kind IN ('binary','range','options')),
    scale_min       REAL NOT NULL,
    scale_max       REAL NOT NULL,
    options_json    TEXT,
    weight          REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
    critical        TEXT CHECK (critical IN ('customer','business','compliance')),
    critical_effect TEXT NOT NULL DEFAULT 'audit' CHECK (critical_effect IN ('audit','section')),
    allow_na        INTEGER NOT NULL DEFAULT 0 CHECK (allow_na IN (0,1)),
    pass_level      REAL NOT NULL DEFAULT 0.5 CHECK (pass_level BETWEEN 0 AND 1),
    UNIQUE (scorecard_id, key),
    UNIQUE (scorecard_id, position)
);

CREATE TABLE custom_dimensions (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE audits (
    id                INTEGER PRIMARY KEY,
    source            TEXT NOT NULL DEFAULT 'default',
    audit_key         TEXT NOT NULL,
    ticket_id         TEXT,
    date              TEXT NOT NULL,
    date_time         TEXT,
    interaction_date  TEXT,
    day               INTEGER NOT NULL,
    week              INTEGER NOT NULL,
    month             INTEGER NOT NULL,
    quarter           INTEGER NOT NULL,
    i_day             INTEGER,
    i_week            INTEGER,
    i_month           INTEGER,
    i_quarter         INTEGER,
    agent_id          INTEGER NOT NULL REFERENCES agents(id),
    auditor_id        INTEGER REFERENCES auditors(id),
    team_id           INTEGER REFERENCES teams(id),
    site_id           INTEGER REFERENCES sites(id),
    supervisor        TEXT,
    queue_id          INTEGER REFERENCES queues(id),
    channel_id        INTEGER REFERENCES channels(id),
    sample_type       TEXT NOT NULL DEFAULT 'random'
                      CHECK (sample_type IN ('random','targeted','csat_triggered','dispute','self','peer','auto')),
    scorecard_id      INTEGER NOT NULL REFERENCES scorecards(id),
    score             REAL,
    raw_score         REAL,
    passed            INTEGER NOT NULL DEFAULT 0 CHECK (passed IN (0,1)),
    critical_fail     INTEGER NOT NULL DEFAULT 0 CHECK (critical_fail IN (0,1)),
    critical_families INTEGER NOT NULL DEFAULT 0,
    incomplete        INTEGER NOT NULL DEFAULT 0 CHECK (incomplete IN (0,1)),
    comment           TEXT,
    superseded_by     INTEGER REFERENCES audits(id),
    local_changes     INTEGER NOT NULL DEFAULT 0 CHECK (local_changes IN (0,1)),
    source_pending    TEXT,
    content_hash      TEXT,
    import_id         INTEGER REFERENCES import_log(id),
    UNIQUE (source, audit_key)
);
CREATE INDEX audits_date ON audits(day);
CREATE INDEX audits_agent ON audits(agent_id, day);
CREATE INDEX audits_ticket ON audits(ticket_id);

CREATE TABLE audit_dimensions (
    audit_id     INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
    dimension_id INTEGER NOT NULL REFERENCES custom_dimensions(id),
    value        TEXT NOT NULL,
    PRIMARY KEY (audit_id, dimension_id)
) WITHOUT ROWID;

CREATE TABLE answers (
    id           INTEGER PRIMARY KEY,
    audit_id     INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES criteria(id),
    value        REAL,
    option_label TEXT,
    na           INTEGER NOT NULL DEFAULT 0 CHECK (na IN (0,1)),
    c            REAL CHECK (c BETWEEN 0 AND 1),
    comment      TEXT,
    UNIQUE (audit_id, criterion_id)
);

CREATE TABLE root_causes (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE answer_root_causes (
    answer_id     INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
    root_cause_id INTEGER NOT NULL REFERENCES root_causes(id),
    PRIMARY KEY (answer_id, root_cause_id)
) WITHOUT ROWID;

CREATE TABLE csat_responses (
    id           INTEGER PRIMARY KEY,
    source       TEXT NOT NULL DEFAULT 'default',
    response_key TEXT NOT NULL,
    ticket_id    TEXT,
    date         TEXT NOT NULL,
    date_time    TEXT,
    day          INTEGER NOT NULL,
    week         INTEGER NOT NULL,
    month        INTEGER NOT NULL,
    quarter      INTEGER NOT NULL,
    score        REAL NOT NULL,
    score_label  TEXT,
    scale        TEXT NOT NULL,
    satisfied    INTEGER NOT NULL CHECK (satisfied IN (0,1)),
    dissatisfied INTEGER NOT NULL CHECK (dissatisfied IN (0,1)),
    agent_id     INTEGER REFERENCES agents(id),
    team_id      INTEGER REFERENCES teams(id),
    site_id      INTEGER REFERENCES sites(id),
    supervisor   TEXT,
    queue_id     INTEGER REFERENCES queues(id),
    channel_id   INTEGER REFERENCES channels(id),
    reason       TEXT,
    comment      TEXT,
    content_hash TEXT,
    import_id    INTEGER REFERENCES import_log(id),
    UNIQUE (source, response_key)
);
CREATE INDEX csat_date ON csat_responses(day);
CREATE INDEX csat_ticket ON csat_responses(ticket_id);

CREATE TABLE csat_dimensions (
    response_id  INTEGER NOT NULL REFERENCES csat_responses(id) ON DELETE CASCADE,
    dimension_id INTEGER NOT NULL REFERENCES custom_dimensions(id),
    value        TEXT NOT NULL,
    PRIMARY KEY (response_id, dimension_id)
) WITHOUT ROWID;

CREATE TABLE interactions (
    id         INTEGER PRIMARY KEY,
    source     TEXT NOT NULL DEFAULT 'default',
    ticket_id  TEXT NOT NULL,
    channel_id INTEGER REFERENCES channels(id),
    date       TEXT,
    transcript TEXT,
    media      TEXT,
    import_id  INTEGER REFERENCES import_log(id),
    UNIQUE (source, ticket_id)
);

CREATE TABLE calibration_sessions (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    date           TEXT NOT NULL,
    state          TEXT NOT NULL DEFAULT 'draft'
                   CHECK (state IN ('draft','scoring','review','resolved','closed')),
    scorecard_id   INTEGER NOT NULL REFERENCES scorecards(id),
    lead           TEXT,
    draw_json      TEXT,
    package_sha256 TEXT,
    created_at     TEXT NOT NULL,
    closed_at      TEXT
);

CREATE TABLE calibration_participants (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    auditor_id   INTEGER REFERENCES auditors(id),
    is_expert    INTEGER NOT NULL DEFAULT 0 CHECK (is_expert IN (0,1)),
    submitted_at TEXT,
    discarded_at TEXT,
    UNIQUE (session_id, name)
);

CREATE TABLE calibration_items (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    ticket_id      TEXT,
    interaction_id INTEGER REFERENCES interactions(id),
    audit_id       INTEGER REFERENCES audits(id),
    notes          TEXT,
    UNIQUE (session_id, position)
);

CREATE TABLE calibration_answers (
    id             INTEGER PRIMARY KEY,
    item_id        INTEGER NOT NULL REFERENCES calibration_items(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES calibration_participants(id) ON DELETE CASCADE,
    criterion_id   INTEGER NOT NULL REFERENCES criteria(id),
    value          REAL,
    option_label   TEXT,
    na             INTEGER NOT NULL DEFAULT 0 CHECK (na IN (0,1)),
    c              REAL CHECK (c BETWEEN 0 AND 1),
    comment        TEXT,
    UNIQUE (item_id, participant_id, criterion_id)
);

CREATE TABLE calibration_consensus (
    item_id      INTEGER NOT NULL REFERENCES calibration_items(id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES criteria(id),
    value        REAL,
    option_label TEXT,
    na           INTEGER NOT NULL DEFAULT 0 CHECK (na IN (0,1)),
    c            REAL CHECK (c BETWEEN 0 AND 1),
    note         TEXT,
    PRIMARY KEY (item_id, criterion_id)
) WITHOUT ROWID;

CREATE TABLE anchor_examples (
    id           INTEGER PRIMARY KEY,
    criterion_id INTEGER NOT NULL REFERENCES criteria(id),
    item_id      INTEGER REFERENCES calibration_items(id) ON DELETE SET NULL,
    value        REAL,
    option_label TEXT,
    na           INTEGER NOT NULL DEFAULT 0 CHECK (na IN (0,1)),
    note         TEXT,
    created_at   TEXT NOT NULL
);

CREATE TABLE disputes (
    id               INTEGER PRIMARY KEY,
    audit_id         INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
    opened_at        TEXT NOT NULL,
    opened_by        TEXT NOT NULL,
    opener_role      TEXT NOT NULL CHECK (opener_role IN ('agent','lead')),
    comment          TEXT,
    state            TEXT NOT NULL DEFAULT 'open'
                     CHECK (state IN ('open','accepted','partially_accepted','rejected')),
    decided_at       TEXT,
    decided_by       TEXT,
    decision_comment TEXT,
    reaudit_id       INTEGER REFERENCES audits(id)
);
CREATE INDEX disputes_audit ON disputes(audit_id);

CREATE TABLE dispute_criteria (
    dispute_id   INTEGER NOT NULL REFERENCES disputes(id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES criteria(id),
    PRIMARY KEY (dispute_id, criterion_id)
) WITHOUT ROWID;

CREATE TABLE targets (
    id         INTEGER PRIMARY KEY,
    kpi        TEXT NOT NULL,
    scope_kind TEXT NOT NULL DEFAULT 'all' CHECK (scope_kind IN ('all','scorecard','team','queue')),
    scope      TEXT NOT NULL DEFAULT '',
    valid_from TEXT NOT NULL DEFAULT '0001-01-01',
    value      REAL NOT NULL,
    UNIQUE (kpi, scope_kind, scope, valid_from)
);

CREATE TABLE saved_views (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('pivot','chart','report','filter')),
    name       TEXT NOT NULL,
    spec_json  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (kind, name)
);

CREATE TABLE period_snapshots (
    id           INTEGER PRIMARY KEY,
    period       TEXT NOT NULL UNIQUE,
    closed_at    TEXT NOT NULL,
    closed_by    TEXT NOT NULL,
    kpis_json    TEXT NOT NULL,
    settings_json TEXT NOT NULL,
    fingerprint  TEXT NOT NULL
);
