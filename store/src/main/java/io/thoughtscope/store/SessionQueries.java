package io.thoughtscope.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The sessions list and its filters, built as one SQL statement. */
final class SessionQueries {

    private static final String SEP = "char(31)";

    private SessionQueries() {
    }

    /** SQL fragments and their arguments, in order. */
    private static final class Sql {
        final StringBuilder sb = new StringBuilder();
        final List<Object> args = new ArrayList<>();

        Sql add(String s, Object... a) {
            sb.append(s);
            args.addAll(Arrays.asList(a));
            return this;
        }

        PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement ps = c.prepareStatement(sb.toString());
            Db.bind(ps, args.toArray());
            return ps;
        }
    }

    static List<SessionSummary> list(Connection c, SessionQuery q) throws SQLException {
        Sql sql = new Sql();
        hits(sql, q);
        sql.add("SELECT s.id, s.title, s.created_at, s.question, s.ground_truth, "
                + "(SELECT count(*) FROM run r WHERE r.session_key = s.key), "
                + "(SELECT group_concat(m, " + SEP + ") FROM (SELECT DISTINCT r.model AS m FROM run r "
                + "  WHERE r.session_key = s.key AND r.model <> '' ORDER BY r.key)), "
                + "(SELECT group_concat(st, " + SEP + ") FROM (SELECT DISTINCT r.strategy AS st FROM run r "
                + "  WHERE r.session_key = s.key ORDER BY r.key)), "
                + "(SELECT count(*) FROM run r WHERE r.session_key = s.key AND r.verdict = 'CORRECT'), "
                + "(SELECT count(*) FROM run r WHERE r.session_key = s.key AND r.verdict IN ('CORRECT', 'INCORRECT')), "
                + "EXISTS (SELECT 1 FROM annotation a WHERE a.session_key = s.key AND a.kind = 'star'), "
                + "(SELECT group_concat(t, " + SEP + ") FROM (SELECT DISTINCT a.text AS t FROM annotation a "
                + "  WHERE a.session_key = s.key AND a.kind = 'tag' ORDER BY a.text)), ");
        sql.add(q.text() != null ? "best.snip" : "NULL");
        sql.add(" FROM session s");
        if (q.text() != null) {
            sql.add(" JOIN best ON best.skey = s.key");
        }
        where(sql, q);
        sql.add(q.text() != null ? " ORDER BY best.rank, s.created_at DESC, s.key DESC" : " ORDER BY s.created_at DESC, s.key DESC");
        limit(sql, q);
        List<SessionSummary> out = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SessionSummary(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getString(4), rs.getString(5), rs.getInt(6), split(rs.getString(7)), split(rs.getString(8)),
                        rs.getInt(9), rs.getInt(10), rs.getInt(11) != 0, split(rs.getString(12)), rs.getString(13)));
            }
        }
        return out;
    }

    static int count(Connection c, SessionQuery q) throws SQLException {
        Sql sql = new Sql();
        hits(sql, q);
        sql.add("SELECT count(*) FROM session s");
        if (q.text() != null) {
            sql.add(" JOIN best ON best.skey = s.key");
        }
        where(sql, q);
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The runs that satisfy the run filters, in the sessions the query lists. */
    static List<String> runIds(Connection c, SessionQuery q) throws SQLException {
        Sql sql = new Sql();
        hits(sql, q);
        sql.add("SELECT r.id FROM run r JOIN (SELECT s.key AS key, s.created_at AS created_at FROM session s");
        if (q.text() != null) {
            sql.add(" JOIN best ON best.skey = s.key");
        }
        where(sql, q);
        sql.add(" ORDER BY s.created_at DESC, s.key DESC");
        limit(sql, q);
        sql.add(") picked ON picked.key = r.session_key WHERE 1 = 1");
        runFilters(sql, q, "r");
        sql.add(" ORDER BY picked.created_at DESC, r.key");
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The full-text hits, best passage per session (a materialised CTE: snippet() needs the plain MATCH query). */
    private static void hits(Sql sql, SessionQuery q) {
        if (q.text() == null) {
            return;
        }
        String match = SearchDocs.matchQuery(q.text());
        sql.add("WITH hits AS MATERIALIZED (SELECT d.session_key AS skey, bm25(search) AS rank, "
                + "snippet(search, 0, '[', ']', '…', 12) AS snip FROM search JOIN search_doc d ON d.rowid = search.rowid "
                + "WHERE search MATCH ?), best AS (SELECT skey, min(rank) AS rank, snip FROM hits GROUP BY skey) ", match);
    }

    private static void where(Sql sql, SessionQuery q) {
        sql.add(" WHERE 1 = 1");
        if (q.model() != null || q.strategy() != null || q.verdict() != null || q.moment() != null) {
            sql.add(" AND EXISTS (SELECT 1 FROM run r WHERE r.session_key = s.key");
            runFilters(sql, q, "r");
            sql.add(")");
        }
        if (q.tag() != null) {
            sql.add(" AND EXISTS (SELECT 1 FROM annotation a WHERE a.session_key = s.key AND a.kind = 'tag' AND a.text = ?)",
                    Annotations.tagName(q.tag()));
        }
        if (q.starred() != null) {
            sql.add(q.starred() ? " AND " : " AND NOT ");
            sql.add("EXISTS (SELECT 1 FROM annotation a WHERE a.session_key = s.key AND a.kind = 'star')");
        }
        if (q.since() != null) {
            sql.add(" AND s.created_at >= ?", q.since().toEpochMilli());
        }
        if (q.until() != null) {
            sql.add(" AND s.created_at < ?", q.until().toEpochMilli());
        }
    }

    private static void runFilters(Sql sql, SessionQuery q, String r) {
        if (q.model() != null) {
            sql.add(" AND instr(lower(" + r + ".model), lower(?)) > 0", q.model());
        }
        if (q.strategy() != null) {
            sql.add(" AND lower(" + r + ".strategy) = lower(?)", q.strategy());
        }
        if (q.verdict() != null) {
            sql.add(" AND " + r + ".verdict = ?", q.verdict().name());
        }
        if (q.moment() != null) {
            sql.add(" AND EXISTS (SELECT 1 FROM analysis an JOIN moment mo ON mo.analysis_key = an.key "
                    + "WHERE an.run_key = " + r + ".key AND mo.type = ?)", q.moment().name());
        }
    }

    private static void limit(Sql sql, SessionQuery q) {
        if (q.limit() > 0) {
            sql.add(" LIMIT ? OFFSET ?", q.limit(), q.offset());
        } else if (q.offset() > 0) {
            sql.add(" LIMIT -1 OFFSET ?", q.offset());
        }
    }

    private static List<String> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return List.of(joined.split("\u001f"));
    }
}
