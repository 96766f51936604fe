-- Schema 1: sessions, runs and their reasoning trees with per-token data.
-- Every table is STRICT. Times are epoch milliseconds unless a column says nanos. A NULL REAL
-- stands for "unknown" (the model's NaN). Text keys (UUIDv7) are the public ids; the integer
-- keys stay inside the database and keep the big tables small.

CREATE TABLE session (
    key          INTEGER PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    title        TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    question     TEXT    NOT NULL,
    ground_truth TEXT,
    -- content hash of an imported record; a second import of the same record finds it
    import_key   TEXT    UNIQUE
) STRICT;

CREATE INDEX session_created ON session (created_at);

CREATE TABLE run (
    key            INTEGER PRIMARY KEY,
    id             TEXT    NOT NULL UNIQUE,
    session_key    INTEGER NOT NULL REFERENCES session (key) ON DELETE CASCADE,
    model          TEXT    NOT NULL,
    model_source   TEXT    NOT NULL,
    engine         TEXT    NOT NULL,
    backend        TEXT    NOT NULL,
    strategy       TEXT    NOT NULL,
    -- the strategy's parameters as a JSON object with sorted keys
    parameters     TEXT    NOT NULL,
    seed           INTEGER NOT NULL,
    started_at     INTEGER NOT NULL,
    finished_at    INTEGER,
    status         TEXT    NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'CUT_SHORT', 'FAILED')),
    -- while RUNNING: the writing process (host, pid, process start) and its last sign of life
    owner          TEXT,
    heartbeat_at   INTEGER,
    prompt_tokens  INTEGER NOT NULL DEFAULT 0,
    decoded_tokens INTEGER NOT NULL DEFAULT 0,
    steps          INTEGER NOT NULL DEFAULT 0,
    prefill_nanos  INTEGER NOT NULL DEFAULT 0,
    decode_nanos   INTEGER NOT NULL DEFAULT 0,
    sample_nanos   INTEGER NOT NULL DEFAULT 0,
    node_count     INTEGER NOT NULL DEFAULT 0,
    token_count    INTEGER NOT NULL DEFAULT 0,
    final_answer   TEXT,
    verdict        TEXT CHECK (verdict IN ('CORRECT', 'INCORRECT', 'UNGRADED'))
) STRICT;

CREATE INDEX run_session ON run (session_key);
CREATE INDEX run_running ON run (status) WHERE status = 'RUNNING';

CREATE TABLE node (
    run_key       INTEGER NOT NULL REFERENCES run (key) ON DELETE CASCADE,
    id            INTEGER NOT NULL,
    parent_id     INTEGER,
    kind          TEXT    NOT NULL,
    -- the search iteration that created the node: a replay shows the tree as it grew
    iteration     INTEGER NOT NULL,
    created_nanos INTEGER NOT NULL,
    text          TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    chosen        INTEGER NOT NULL DEFAULT 0,
    visits        INTEGER NOT NULL DEFAULT 0,
    value_sum     REAL,
    votes         INTEGER NOT NULL DEFAULT 0,
    reward        REAL,
    score         REAL,
    -- the node's answer candidate as JSON, NULL when it has none
    answer        TEXT,
    PRIMARY KEY (run_key, id)
) STRICT;

-- Tokens in chunks: consecutive tokens of one node packed into one BLOB (id, text, log-probability,
-- entropy, time, top-k alternatives, and where each token's text starts in the node's text; the
-- layout is TokenChunks'). A live run adds a chunk per node per flush; a row per token made both
-- streaming and loading four times slower.
CREATE TABLE token_chunk (
    run_key   INTEGER NOT NULL REFERENCES run (key) ON DELETE CASCADE,
    node_id   INTEGER NOT NULL,
    -- the chunk holds the node's tokens first_idx .. first_idx + count - 1
    first_idx INTEGER NOT NULL,
    count     INTEGER NOT NULL,
    data      BLOB    NOT NULL,
    PRIMARY KEY (run_key, node_id, first_idx)
) STRICT;
