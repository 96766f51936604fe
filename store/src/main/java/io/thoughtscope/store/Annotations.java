package io.thoughtscope.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Notes, tags and stars: one table, one row each. */
final class Annotations {

    private Annotations() {
    }

    /** Tags are kept trimmed, lower case, with inner blanks as dashes: "Hard Case" is hard-case. */
    static String tagName(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("a tag needs a name");
        }
        return tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    static Annotation add(Connection c, Target t, String kind, String text) throws SQLException {
        long sessionKey = Store.sessionKey(c, t.sessionId());
        Long runKey = t.runId() == null ? null : Store.runKey(c, t.runId());
        long key = add(c, sessionKey, runKey, t.nodeId(), kind, text);
        return new Annotation(key, t, Annotation.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), text, Instant.now());
    }

    /** Inserts an annotation; a tag or star already there is kept once. Returns its key. */
    static long add(Connection c, long sessionKey, Long runKey, int nodeId, String kind, String text) throws SQLException {
        String value = kind.equals("tag") ? tagName(text) : text;
        String sql = "INSERT INTO annotation (session_key, run_key, node_id, kind, text, created_at) VALUES (?,?,?,?,?,?)"
                + (kind.equals("note") ? "" : " ON CONFLICT DO NOTHING") + " RETURNING key";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, sessionKey);
            if (runKey == null) {
                ps.setNull(2, Types.INTEGER);
            } else {
                ps.setLong(2, runKey);
            }
            if (nodeId < 0) {
                ps.setNull(3, Types.INTEGER);
            } else {
                ps.setInt(3, nodeId);
            }
            ps.setString(4, kind);
            ps.setString(5, value);
            ps.setLong(6, System.currentTimeMillis());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        return Db.queryLong(c, "SELECT key FROM annotation WHERE session_key = ? AND run_key IS ? AND node_id IS ? AND kind = ? "
                + "AND text = ?", sessionKey, runKey, nodeId < 0 ? null : nodeId, kind, value);
    }

    static boolean remove(Connection c, Target t, String kind, String text) throws SQLException {
        long sessionKey = Store.sessionKey(c, t.sessionId());
        Long runKey = t.runId() == null ? null : Store.runKey(c, t.runId());
        return Db.update(c, "DELETE FROM annotation WHERE session_key = ? AND run_key IS ? AND node_id IS ? AND kind = ? "
                + "AND text = ?", sessionKey, runKey, t.nodeId() < 0 ? null : t.nodeId(), kind, text) > 0;
    }

    static List<Annotation> of(Connection c, String sessionId) throws SQLException {
        List<Annotation> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.key, r.id, a.node_id, a.kind, a.text, a.created_at "
                + "FROM annotation a JOIN session s ON s.key = a.session_key LEFT JOIN run r ON r.key = a.run_key "
                + "WHERE s.id = ? ORDER BY a.key")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int node = rs.getInt(3);
                    if (rs.wasNull()) {
                        node = -1;
                    }
                    out.add(new Annotation(rs.getLong(1), new Target(sessionId, rs.getString(2), node),
                            Annotation.Kind.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getString(5),
                            Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
        }
        return out;
    }
}
