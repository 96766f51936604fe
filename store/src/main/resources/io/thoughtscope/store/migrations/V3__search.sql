-- Schema 3: full-text search over prompts, traces and notes.
-- search_doc says what each document of the FTS5 table belongs to (same rowid); filters join it.
-- Prompt and note documents follow their rows by trigger; a run's trace document is written by
-- the store when the run is saved, finished or found cut short, because a live tree still grows.

CREATE TABLE search_doc (
    rowid          INTEGER PRIMARY KEY,
    kind           TEXT    NOT NULL CHECK (kind IN ('prompt', 'trace', 'note')),
    session_key    INTEGER NOT NULL,
    run_key        INTEGER,
    annotation_key INTEGER
) STRICT;

CREATE INDEX search_doc_session ON search_doc (session_key);
CREATE INDEX search_doc_run ON search_doc (run_key) WHERE run_key IS NOT NULL;
CREATE INDEX search_doc_annotation ON search_doc (annotation_key) WHERE annotation_key IS NOT NULL;

CREATE VIRTUAL TABLE search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER session_search_insert AFTER INSERT ON session
BEGIN
    INSERT INTO search_doc (kind, session_key) VALUES ('prompt', new.key);
    INSERT INTO search (rowid, body) VALUES (last_insert_rowid(), new.title || char(10) || new.question);
END;

CREATE TRIGGER session_search_delete AFTER DELETE ON session
BEGIN
    DELETE FROM search WHERE rowid IN (SELECT rowid FROM search_doc WHERE session_key = old.key);
    DELETE FROM search_doc WHERE session_key = old.key;
END;

CREATE TRIGGER run_search_delete AFTER DELETE ON run
BEGIN
    DELETE FROM search WHERE rowid IN (SELECT rowid FROM search_doc WHERE run_key = old.key);
    DELETE FROM search_doc WHERE run_key = old.key;
END;

CREATE TRIGGER note_search_insert AFTER INSERT ON annotation WHEN new.kind = 'note'
BEGIN
    INSERT INTO search_doc (kind, session_key, run_key, annotation_key) VALUES ('note', new.session_key, new.run_key, new.key);
    INSERT INTO search (rowid, body) VALUES (last_insert_rowid(), new.text);
END;

CREATE TRIGGER note_search_delete AFTER DELETE ON annotation WHEN old.kind = 'note'
BEGIN
    DELETE FROM search WHERE rowid IN (SELECT rowid FROM search_doc WHERE annotation_key = old.key);
    DELETE FROM search_doc WHERE annotation_key = old.key;
END;

-- what earlier versions stored becomes searchable
INSERT INTO search_doc (kind, session_key) SELECT 'prompt', key FROM session ORDER BY key;
INSERT INTO search (rowid, body)
    SELECT d.rowid, s.title || char(10) || s.question FROM search_doc d JOIN session s ON s.key = d.session_key
    WHERE d.kind = 'prompt';

INSERT INTO search_doc (kind, session_key, run_key) SELECT 'trace', session_key, key FROM run ORDER BY key;
INSERT INTO search (rowid, body)
    SELECT d.rowid, (SELECT group_concat(n.text, char(10) ORDER BY n.id) FROM node n
                     WHERE n.run_key = d.run_key AND n.kind <> 'PROMPT')
    FROM search_doc d WHERE d.kind = 'trace';

INSERT INTO search_doc (kind, session_key, run_key, annotation_key)
    SELECT 'note', session_key, run_key, key FROM annotation WHERE kind = 'note' ORDER BY key;
INSERT INTO search (rowid, body)
    SELECT d.rowid, a.text FROM search_doc d JOIN annotation a ON a.key = d.annotation_key WHERE d.kind = 'note';
