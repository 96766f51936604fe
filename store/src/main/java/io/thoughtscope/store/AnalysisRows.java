package io.thoughtscope.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.analysis.TraceMetrics;
import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.AnswerForm;
import io.thoughtscope.reasoning.model.Completeness;
import io.thoughtscope.reasoning.model.Moment;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.Region;
import io.thoughtscope.reasoning.model.Segment;
import io.thoughtscope.reasoning.model.Span;
import io.thoughtscope.reasoning.model.StepLabel;
import io.thoughtscope.reasoning.model.ThinkFormat;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.Trace;
import io.thoughtscope.reasoning.model.Verdict;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes and reads a {@link TraceAnalysis}: segments with labels and evidence, moments,
 * answer candidates with verdicts, the figures. The trace text is not stored twice: it is the
 * text of the run's path from the first to the last node, and comes back from the tree rows.
 */
final class AnalysisRows {

    private AnalysisRows() {
    }

    static void save(Connection c, long runKey, int firstNode, int lastNode, TraceAnalysis a) throws SQLException {
        Db.update(c, "DELETE FROM analysis WHERE run_key = ? AND first_node = ? AND last_node = ?", runKey, firstNode, lastNode);
        Trace t = a.trace();
        List<Answer> candidates = a.candidates();
        int finalIndex = a.finalAnswer() == null ? Integer.MIN_VALUE : candidates.indexOf(a.finalAnswer());
        long key;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO analysis (run_key, first_node, last_node, format, "
                + "completeness, thinking_start, thinking_end, answer_start, answer_end, ground_truth, verdict, final_answer, "
                + "words, metrics, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING key")) {
            ps.setLong(1, runKey);
            ps.setInt(2, firstNode);
            ps.setInt(3, lastNode);
            ps.setString(4, t.format().name());
            ps.setString(5, t.completeness().name());
            if (t.thinking() == null) {
                ps.setNull(6, Types.INTEGER);
                ps.setNull(7, Types.INTEGER);
            } else {
                ps.setInt(6, t.thinking().start());
                ps.setInt(7, t.thinking().end());
            }
            ps.setInt(8, t.answer().start());
            ps.setInt(9, t.answer().end());
            ps.setString(10, a.groundTruth());
            ps.setString(11, a.verdict().name());
            if (finalIndex == Integer.MIN_VALUE) {
                ps.setNull(12, Types.INTEGER);
            } else {
                ps.setInt(12, finalIndex); // -1: the final answer is not among the candidates, kept apart
            }
            ps.setInt(13, a.metrics().words());
            ps.setString(14, metrics(a.metrics()));
            ps.setLong(15, System.currentTimeMillis());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                key = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO segment (analysis_key, idx, span_start, span_end, region, "
                + "paragraph, label, evidence) VALUES (?,?,?,?,?,?,?,?)")) {
            for (Segment s : a.segments()) {
                ps.setLong(1, key);
                ps.setInt(2, s.index());
                ps.setInt(3, s.span().start());
                ps.setInt(4, s.span().end());
                ps.setString(5, s.region().name());
                ps.setInt(6, s.paragraph());
                ps.setString(7, s.label().name());
                ps.setString(8, Json.evidence(s.evidence()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO moment (analysis_key, idx, type, span_start, span_end, "
                + "segment, entropy, evidence) VALUES (?,?,?,?,?,?,?,?)")) {
            int i = 0;
            for (Moment m : a.moments()) {
                ps.setLong(1, key);
                ps.setInt(2, i++);
                ps.setString(3, m.type().name());
                ps.setInt(4, m.span().start());
                ps.setInt(5, m.span().end());
                ps.setInt(6, m.segment());
                if (m.entropy().isPresent()) {
                    ps.setDouble(7, m.entropy().getAsDouble());
                } else {
                    ps.setNull(7, Types.REAL);
                }
                ps.setString(8, Json.evidence(m.evidence()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO answer (analysis_key, idx, raw, normalized, span_start, "
                + "span_end, region, form, verdict) VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < candidates.size(); i++) {
                bindAnswer(ps, key, i, candidates.get(i));
            }
            if (finalIndex == -1) {
                bindAnswer(ps, key, -1, a.finalAnswer());
            }
            ps.executeBatch();
        }
        Answer fin = a.finalAnswer();
        Db.update(c, "UPDATE run SET final_answer = ?, verdict = ? WHERE key = ?", fin == null ? null : fin.raw(),
                a.verdict().name(), runKey);
    }

    private static void bindAnswer(PreparedStatement ps, long key, int idx, Answer a) throws SQLException {
        ps.setLong(1, key);
        ps.setInt(2, idx);
        ps.setString(3, a.raw());
        ps.setString(4, a.normalized());
        ps.setInt(5, a.span().start());
        ps.setInt(6, a.span().end());
        ps.setString(7, a.region().name());
        ps.setString(8, a.form().name());
        ps.setString(9, a.verdict().name());
        ps.addBatch();
    }

    /** The analyses of a run, oldest first. */
    static List<StoredAnalysis> load(Connection c, long runKey, String runId) throws SQLException {
        record Head(long key, int first, int last, ThinkFormat format, Completeness completeness, Span thinking, Span answer,
                    String truth, Verdict verdict, Integer finalIndex, String metrics) {}
        List<Head> heads = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, first_node, last_node, format, completeness, thinking_start, "
                + "thinking_end, answer_start, answer_end, ground_truth, verdict, final_answer, metrics FROM analysis "
                + "WHERE run_key = ? ORDER BY key")) {
            ps.setLong(1, runKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int ts = rs.getInt(6);
                    Span thinking = rs.wasNull() ? null : new Span(ts, rs.getInt(7));
                    int fi = rs.getInt(12);
                    Integer finalIndex = rs.wasNull() ? null : fi;
                    heads.add(new Head(rs.getLong(1), rs.getInt(2), rs.getInt(3), ThinkFormat.valueOf(rs.getString(4)),
                            Completeness.valueOf(rs.getString(5)), thinking, new Span(rs.getInt(8), rs.getInt(9)),
                            rs.getString(10), Verdict.valueOf(rs.getString(11)), finalIndex, rs.getString(13)));
                }
            }
        }
        List<StoredAnalysis> out = new ArrayList<>(heads.size());
        for (Head h : heads) {
            PathText path = PathText.load(c, runKey, h.first(), h.last());
            Trace trace = new Trace(path.text(), h.thinking(), h.answer(), h.format(), h.completeness(), path.tokens());
            List<Segment> segments = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT idx, span_start, span_end, region, paragraph, label, evidence "
                    + "FROM segment WHERE analysis_key = ? ORDER BY idx")) {
                ps.setLong(1, h.key());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        segments.add(new Segment(rs.getInt(1), new Span(rs.getInt(2), rs.getInt(3)),
                                Region.valueOf(rs.getString(4)), rs.getInt(5), StepLabel.valueOf(rs.getString(6)),
                                Json.evidence(rs.getString(7))));
                    }
                }
            }
            List<Moment> moments = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT type, span_start, span_end, segment, entropy, evidence "
                    + "FROM moment WHERE analysis_key = ? ORDER BY idx")) {
                ps.setLong(1, h.key());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double e = rs.getDouble(5);
                        OptionalDouble entropy = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(e);
                        moments.add(new Moment(MomentType.valueOf(rs.getString(1)), new Span(rs.getInt(2), rs.getInt(3)),
                                Json.evidence(rs.getString(6)), rs.getInt(4), entropy));
                    }
                }
            }
            List<Answer> candidates = new ArrayList<>();
            Answer apart = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT idx, raw, normalized, span_start, span_end, region, form, "
                    + "verdict FROM answer WHERE analysis_key = ? ORDER BY idx")) {
                ps.setLong(1, h.key());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Answer a = new Answer(rs.getString(2), rs.getString(3), new Span(rs.getInt(4), rs.getInt(5)),
                                Region.valueOf(rs.getString(6)), AnswerForm.valueOf(rs.getString(7)),
                                Verdict.valueOf(rs.getString(8)));
                        if (rs.getInt(1) < 0) {
                            apart = a;
                        } else {
                            candidates.add(a);
                        }
                    }
                }
            }
            Answer fin = h.finalIndex() == null ? null
                    : h.finalIndex() < 0 || h.finalIndex() >= candidates.size() ? apart : candidates.get(h.finalIndex());
            out.add(new StoredAnalysis(runId, h.first(), h.last(), new TraceAnalysis(trace, segments, moments, candidates, fin,
                    h.truth(), h.verdict(), metrics(h.metrics()))));
        }
        return out;
    }

    /** Moments per type of an analysis. */
    static Map<MomentType, Integer> momentCounts(Connection c, long analysisKey) throws SQLException {
        Map<MomentType, Integer> out = new EnumMap<>(MomentType.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT type, count(*) FROM moment WHERE analysis_key = ? GROUP BY type")) {
            ps.setLong(1, analysisKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(MomentType.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
        }
        return out;
    }

    static String metrics(TraceMetrics m) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("chars", m.chars());
        o.put("thinking_chars", m.thinkingChars());
        o.put("answer_chars", m.answerChars());
        o.put("words", m.words());
        o.put("thinking_words", m.thinkingWords());
        o.put("answer_words", m.answerWords());
        o.put("tokens", m.tokens());
        o.put("steps", m.steps());
        ObjectNode labels = o.putObject("steps_per_label");
        m.stepsPerLabel().forEach((k, v) -> labels.put(k.name(), v));
        ObjectNode types = o.putObject("moments_per_type");
        m.momentsPerType().forEach((k, v) -> types.put(k.name(), v));
        o.put("answer_candidates", m.answerCandidates());
        o.put("answer_switches", m.answerSwitches());
        o.put("first_correct_candidate", m.firstCorrectCandidate());
        o.put("first_correct_offset", m.firstCorrectOffset());
        o.put("words_after_first_correct", m.wordsAfterFirstCorrect());
        if (Double.isNaN(m.overthinkingRatio())) {
            o.putNull("overthinking_ratio");
        } else {
            o.put("overthinking_ratio", m.overthinkingRatio());
        }
        o.put("completeness", m.completeness().name());
        return Json.write(o);
    }

    static TraceMetrics metrics(String json) {
        JsonNode o = Json.read(json);
        Map<StepLabel, Integer> labels = new EnumMap<>(StepLabel.class);
        o.path("steps_per_label").properties().forEach(e -> labels.put(StepLabel.valueOf(e.getKey()), e.getValue().asInt()));
        Map<MomentType, Integer> types = new EnumMap<>(MomentType.class);
        o.path("moments_per_type").properties().forEach(e -> types.put(MomentType.valueOf(e.getKey()), e.getValue().asInt()));
        JsonNode ratio = o.path("overthinking_ratio");
        return new TraceMetrics(o.path("chars").asInt(), o.path("thinking_chars").asInt(), o.path("answer_chars").asInt(),
                o.path("words").asInt(), o.path("thinking_words").asInt(), o.path("answer_words").asInt(),
                o.path("tokens").asInt(), o.path("steps").asInt(), labels, types, o.path("answer_candidates").asInt(),
                o.path("answer_switches").asInt(), o.path("first_correct_candidate").asInt(),
                o.path("first_correct_offset").asInt(), o.path("words_after_first_correct").asInt(),
                ratio.isNumber() ? ratio.asDouble() : Double.NaN, Completeness.valueOf(o.path("completeness").asText()));
    }

    /** The text and tokens of a path of a run's tree, prompt and user messages left out. */
    record PathText(String text, List<Token> tokens, List<Integer> nodes, List<Integer> nodeStarts) {

        static PathText load(Connection c, long runKey, int first, int last) throws SQLException {
            // walk up from the last node to the first, then read those nodes' text and tokens
            List<Integer> up = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("WITH RECURSIVE up(id, parent_id) AS ("
                    + "SELECT id, parent_id FROM node WHERE run_key = ?1 AND id = ?2 "
                    + "UNION ALL SELECT n.id, n.parent_id FROM node n JOIN up ON n.id = up.parent_id AND n.run_key = ?1 "
                    + "WHERE up.id <> ?3) SELECT id, parent_id FROM up")) {
                ps.setLong(1, runKey);
                ps.setInt(2, last);
                ps.setInt(3, first);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        up.add(rs.getInt(1));
                    }
                }
            }
            List<Integer> path = up.reversed();
            StringBuilder text = new StringBuilder();
            List<Token> tokens = new ArrayList<>();
            List<Integer> kept = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            try (PreparedStatement nodeText = c.prepareStatement("SELECT kind, text FROM node WHERE run_key = ? AND id = ?");
                 PreparedStatement nodeTokens = c.prepareStatement("SELECT data FROM token_chunk WHERE run_key = ? AND node_id = ? "
                         + "ORDER BY first_idx")) {
                for (int id : path) {
                    nodeText.setLong(1, runKey);
                    nodeText.setInt(2, id);
                    String kind;
                    String t;
                    try (ResultSet rs = nodeText.executeQuery()) {
                        if (!rs.next()) {
                            continue;
                        }
                        kind = rs.getString(1);
                        t = rs.getString(2);
                    }
                    if (kind.equals(NodeKind.PROMPT.name()) || kind.equals(NodeKind.USER_MESSAGE.name())) {
                        continue;
                    }
                    kept.add(id);
                    starts.add(text.length());
                    text.append(t);
                    nodeTokens.setLong(1, runKey);
                    nodeTokens.setInt(2, id);
                    try (ResultSet rs = nodeTokens.executeQuery()) {
                        int[] pos = new int[16];
                        List<Token> own = new ArrayList<>();
                        while (rs.next()) {
                            pos = TokenChunks.decode(rs.getBytes(1), own, pos);
                        }
                        tokens.addAll(own);
                    }
                }
            }
            return new PathText(text.toString(), tokens, kept, starts);
        }
    }
}
