package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.ModelRef;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.spi.Counters;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The queries of the compare view: run summaries, divergence of two traces, aggregates per strategy. */
final class RunQueries {

    private static final String SUMMARY = "SELECT r.key, r.id, s.id, r.model, r.model_source, r.engine, r.backend, r.strategy, "
            + "r.parameters, r.seed, r.started_at, r.finished_at, r.status, r.prompt_tokens, r.decoded_tokens, r.steps, "
            + "r.prefill_nanos, r.decode_nanos, r.sample_nanos, r.node_count, r.token_count, r.final_answer, r.verdict, "
            + "(SELECT a.key FROM analysis a WHERE a.run_key = r.key ORDER BY a.key DESC LIMIT 1), "
            + "(SELECT a.words FROM analysis a WHERE a.run_key = r.key ORDER BY a.key DESC LIMIT 1) "
            + "FROM run r JOIN session s ON s.key = r.session_key ";

    private RunQueries() {
    }

    static Optional<RunSummary> summary(Connection c, String runId) throws SQLException {
        List<RunSummary> l = summaries(c, SUMMARY + "WHERE r.id = ?", runId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
    }

    static List<RunSummary> ofSession(Connection c, String sessionId) throws SQLException {
        return summaries(c, SUMMARY + "WHERE s.id = ? ORDER BY r.started_at, r.key", sessionId);
    }

    private static List<RunSummary> summaries(Connection c, String sql, Object... args) throws SQLException {
        List<RunSummary> out = new ArrayList<>();
        List<Long> analysisKeys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Db.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long finished = rs.getLong(12);
                    Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
                    Counters k = new Counters(rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getLong(18),
                            rs.getLong(19));
                    long ak = rs.getLong(24);
                    boolean analysed = !rs.wasNull();
                    analysisKeys.add(analysed ? ak : -1L);
                    int words = analysed ? rs.getInt(25) : -1;
                    out.add(new RunSummary(rs.getString(2), rs.getString(3),
                            new ModelRef(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                            Store.strategy(rs.getString(8), rs.getString(9)), rs.getLong(10),
                            Instant.ofEpochMilli(rs.getLong(11)), finishedAt, RunStatus.valueOf(rs.getString(13)), k,
                            rs.getInt(20), rs.getLong(21), rs.getString(22), Store.verdict(rs.getString(23)), words, Map.of()));
                }
            }
        }
        for (int i = 0; i < out.size(); i++) {
            long ak = analysisKeys.get(i);
            if (ak >= 0) {
                RunSummary r = out.get(i);
                Map<MomentType, Integer> m = AnalysisRows.momentCounts(c, ak);
                out.set(i, new RunSummary(r.id(), r.sessionId(), r.model(), r.strategy(), r.seed(), r.startedAt(),
                        r.finishedAt(), r.status(), r.counters(), r.nodes(), r.tokens(), r.finalAnswer(), r.verdict(),
                        r.words(), m));
            }
        }
        return out;
    }

    /**
     * The run's main leaf: the deepest chosen node, else the last answer node, else the last
     * leaf. Node ids grow with creation, so a parent always has a smaller id than its children.
     */
    static int mainLeaf(Connection c, long runKey) throws SQLException {
        int n = (int) Db.queryLong(c, "SELECT coalesce(max(id), -1) + 1 FROM node WHERE run_key = ?", runKey);
        int[] parent = new int[n];
        boolean[] chosen = new boolean[n];
        boolean[] answerKind = new boolean[n];
        boolean[] hasChild = new boolean[n];
        try (PreparedStatement ps = c.prepareStatement("SELECT id, parent_id, chosen, kind FROM node WHERE run_key = ?")) {
            ps.setLong(1, runKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    int p = rs.getInt(2);
                    parent[id] = rs.wasNull() ? -1 : p;
                    chosen[id] = rs.getInt(3) != 0;
                    answerKind[id] = NodeKind.ANSWER.name().equals(rs.getString(4));
                }
            }
        }
        int[] depth = new int[n];
        for (int i = 0; i < n; i++) {
            if (parent[i] >= 0 && parent[i] < n) {
                depth[i] = depth[parent[i]] + 1;
                hasChild[parent[i]] = true;
            }
        }
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (chosen[i] && (best < 0 || depth[i] >= depth[best])) {
                best = i;
            }
        }
        if (best >= 0) {
            return best;
        }
        for (int i = n - 1; i >= 0; i--) {
            if (answerKind[i]) {
                return i;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            if (!hasChild[i]) {
                return i;
            }
        }
        return 0;
    }

    static Store.TraceText traceText(Connection c, TracePointer p) throws SQLException {
        long runKey = Store.runKey(c, p.runId());
        int leaf = p.nodeId() >= 0 ? p.nodeId() : mainLeaf(c, runKey);
        AnalysisRows.PathText path = AnalysisRows.PathText.load(c, runKey, 0, leaf);
        return new Store.TraceText(p.runId(), leaf, path.text(), path.tokens(), path.nodes(), path.nodeStarts());
    }

    static Divergence divergence(Connection c, TracePointer pa, TracePointer pb) throws SQLException {
        Store.TraceText a = traceText(c, pa);
        Store.TraceText b = traceText(c, pb);
        int offset = -1;
        int tokenIndex = -1;
        if (!a.tokens().isEmpty() && !b.tokens().isEmpty() && tokensSpellText(a) && tokensSpellText(b)) {
            int n = Math.min(a.tokens().size(), b.tokens().size());
            int chars = 0;
            int i = 0;
            while (i < n && sameToken(a.tokens().get(i), b.tokens().get(i))) {
                chars += a.tokens().get(i).text().length();
                i++;
            }
            if (i < a.tokens().size() || i < b.tokens().size()) {
                tokenIndex = i;
                offset = chars;
            }
        } else {
            String x = a.text();
            String y = b.text();
            int n = Math.min(x.length(), y.length());
            int i = 0;
            while (i < n && x.charAt(i) == y.charAt(i)) {
                i++;
            }
            if (i < x.length() || i < y.length()) {
                offset = i;
            }
        }
        if (offset < 0) {
            return new Divergence(true, a.text().length(), -1, a.leaf(), b.leaf(), tail(a.text(), a.text().length()), "", "");
        }
        return new Divergence(false, offset, tokenIndex, nodeAt(a, offset), nodeAt(b, offset), tail(a.text(), offset),
                head(a.text(), offset), head(b.text(), offset));
    }

    private static boolean tokensSpellText(Store.TraceText t) {
        int len = 0;
        for (Token k : t.tokens()) {
            len += k.text().length();
        }
        return len == t.text().length();
    }

    private static boolean sameToken(Token x, Token y) {
        if (x.id() >= 0 && y.id() >= 0) {
            return x.id() == y.id();
        }
        return x.text().equals(y.text());
    }

    private static int nodeAt(Store.TraceText t, int offset) {
        int node = t.leaf();
        for (int i = 0; i < t.nodes().size(); i++) {
            if (t.nodeStarts().get(i) <= offset) {
                node = t.nodes().get(i);
            }
        }
        return node;
    }

    private static String tail(String s, int end) {
        return s.substring(Math.max(0, end - 80), Math.min(end, s.length()));
    }

    private static String head(String s, int start) {
        return start >= s.length() ? "" : s.substring(start, Math.min(s.length(), start + 80));
    }

    static List<StrategyAggregate> aggregate(Connection c, Collection<String> runIds) throws SQLException {
        ArrayNode ids = Json.MAPPER.createArrayNode();
        runIds.forEach(ids::add);
        List<StrategyAggregate> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT strategy, count(*), "
                + "sum(verdict IN ('CORRECT', 'INCORRECT')), sum(verdict = 'CORRECT'), avg(token_count), "
                + "avg(CASE WHEN finished_at IS NOT NULL THEN (finished_at - started_at) / 1000.0 END), sum(token_count) "
                + "FROM run WHERE id IN (SELECT value FROM json_each(?)) GROUP BY strategy ORDER BY strategy")) {
            ps.setString(1, Json.write(ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StrategyAggregate(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getDouble(5),
                            Db.realOrNaN(rs, 6), rs.getLong(7)));
                }
            }
        }
        return out;
    }
}
