-- Schema 2: what the analysis found in a trace, and the user's notes, tags and stars.

-- One analysed trace: the text of the path from first_node down to last_node (prompt and user
-- messages left out), split into thinking and answer.
CREATE TABLE analysis (
    key            INTEGER PRIMARY KEY,
    run_key        INTEGER NOT NULL REFERENCES run (key) ON DELETE CASCADE,
    first_node     INTEGER NOT NULL,
    last_node      INTEGER NOT NULL,
    format         TEXT    NOT NULL,
    completeness   TEXT    NOT NULL,
    thinking_start INTEGER,
    thinking_end   INTEGER,
    answer_start   INTEGER NOT NULL,
    answer_end     INTEGER NOT NULL,
    ground_truth   TEXT,
    verdict        TEXT    NOT NULL CHECK (verdict IN ('CORRECT', 'INCORRECT', 'UNGRADED')),
    -- index of the final answer among the candidates, NULL when there is none
    final_answer   INTEGER,
    words          INTEGER NOT NULL,
    -- every figure of TraceMetrics as JSON
    metrics        TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    UNIQUE (run_key, first_node, last_node)
) STRICT;

CREATE TABLE segment (
    analysis_key INTEGER NOT NULL REFERENCES analysis (key) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    region       TEXT    NOT NULL,
    paragraph    INTEGER NOT NULL,
    label        TEXT    NOT NULL,
    -- [[rule, matched, start, end], ...]
    evidence     TEXT    NOT NULL,
    PRIMARY KEY (analysis_key, idx)
) STRICT, WITHOUT ROWID;

CREATE TABLE moment (
    analysis_key INTEGER NOT NULL REFERENCES analysis (key) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    type         TEXT    NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    segment      INTEGER NOT NULL,
    entropy      REAL,
    evidence     TEXT    NOT NULL,
    PRIMARY KEY (analysis_key, idx)
) STRICT, WITHOUT ROWID;

CREATE INDEX moment_type ON moment (type, analysis_key);

CREATE TABLE answer (
    analysis_key INTEGER NOT NULL REFERENCES analysis (key) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    raw          TEXT    NOT NULL,
    normalized   TEXT    NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    region       TEXT    NOT NULL,
    form         TEXT    NOT NULL,
    verdict      TEXT    NOT NULL,
    PRIMARY KEY (analysis_key, idx)
) STRICT, WITHOUT ROWID;

-- Notes, tags and stars on a session, a run or one node of a run's tree.
CREATE TABLE annotation (
    key         INTEGER PRIMARY KEY,
    session_key INTEGER NOT NULL REFERENCES session (key) ON DELETE CASCADE,
    run_key     INTEGER REFERENCES run (key) ON DELETE CASCADE,
    node_id     INTEGER,
    kind        TEXT    NOT NULL CHECK (kind IN ('note', 'tag', 'star')),
    text        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    CHECK (node_id IS NULL OR run_key IS NOT NULL)
) STRICT;

CREATE INDEX annotation_session ON annotation (session_key);
-- a tag or a star is there once per target
CREATE UNIQUE INDEX annotation_once ON annotation (session_key, coalesce(run_key, -1), coalesce(node_id, -1), kind, text)
    WHERE kind IN ('tag', 'star');
CREATE INDEX annotation_tag ON annotation (kind, text);
