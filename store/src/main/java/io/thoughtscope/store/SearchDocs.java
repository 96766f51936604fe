package io.thoughtscope.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Keeps a run's trace document in the full-text index (prompts and notes follow by trigger). */
final class SearchDocs {

    private SearchDocs() {
    }

    /** Replaces the run's trace document with the text of all its nodes but the prompt. */
    static void writeTrace(Connection c, long runKey) throws SQLException {
        Db.update(c, "DELETE FROM search WHERE rowid IN (SELECT rowid FROM search_doc WHERE run_key = ? AND kind = 'trace')",
                runKey);
        Db.update(c, "DELETE FROM search_doc WHERE run_key = ? AND kind = 'trace'", runKey);
        Db.update(c, "INSERT INTO search_doc (kind, session_key, run_key) SELECT 'trace', session_key, key FROM run WHERE key = ?",
                runKey);
        Db.update(c, "INSERT INTO search (rowid, body) VALUES (last_insert_rowid(), "
                + "(SELECT group_concat(text, char(10) ORDER BY id) FROM node WHERE run_key = ? AND kind <> 'PROMPT'))", runKey);
    }

    /**
     * The user's words as an FTS5 query: each word quoted (so punctuation and FTS operators
     * are taken literally), all required; {@code word*} keeps its prefix star, {@code OR}
     * between words is kept.
     */
    static String matchQuery(String terms) {
        StringBuilder sb = new StringBuilder();
        for (String w : terms.strip().split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (w.equals("OR") && !sb.isEmpty()) {
                sb.append(" OR");
                continue;
            }
            boolean prefix = w.length() > 1 && w.endsWith("*");
            String body = prefix ? w.substring(0, w.length() - 1) : w;
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append('"').append(body.replace("\"", "\"\"")).append('"');
            if (prefix) {
                sb.append('*');
            }
        }
        return sb.toString();
    }
}
