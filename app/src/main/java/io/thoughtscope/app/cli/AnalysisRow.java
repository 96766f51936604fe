package io.thoughtscope.app.cli;

import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.analysis.TraceMetrics;
import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.Evidence;
import io.thoughtscope.reasoning.model.Moment;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.Segment;
import io.thoughtscope.reasoning.model.StepLabel;
import io.thoughtscope.reasoning.traces.TraceRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One analysed trace as a flat, ordered row: the same columns for JSON and CSV output, so the
 * two formats never disagree. Nested details (moments, candidates, steps) exist only in JSON.
 */
final class AnalysisRow {

    private AnalysisRow() {
    }

    /** The scalar columns, in output order. */
    static Map<String, Object> columns(TraceRecord r, TraceAnalysis a) {
        TraceMetrics m = a.metrics();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("source", r.source());
        row.put("line", r.line());
        row.put("id", r.id());
        row.put("model", r.model());
        row.put("format", a.trace().format().name().toLowerCase(Locale.ROOT));
        row.put("completeness", a.trace().completeness().name().toLowerCase(Locale.ROOT));
        row.put("chars", m.chars());
        row.put("words", m.words());
        row.put("thinking_words", m.thinkingWords());
        row.put("answer_words", m.answerWords());
        row.put("tokens", m.tokens() < 0 ? null : m.tokens());
        row.put("steps", m.steps());
        for (StepLabel l : StepLabel.values()) {
            row.put("steps_" + l.key(), m.steps(l));
        }
        row.put("moments", m.moments());
        for (MomentType t : MomentType.values()) {
            row.put("moments_" + t.key(), m.moments(t));
        }
        row.put("moments_per_1k_words", round(m.momentsPer1kWords()));
        Answer fin = a.finalAnswer();
        row.put("final_answer", fin == null ? null : fin.raw());
        row.put("final_answer_normalized", fin == null ? null : fin.normalized());
        row.put("ground_truth", a.groundTruth());
        row.put("verdict", a.verdict().name().toLowerCase(Locale.ROOT));
        row.put("answer_candidates", m.answerCandidates());
        row.put("answer_switches", m.answerSwitches());
        row.put("first_correct_candidate", m.firstCorrectCandidate() < 0 ? null : m.firstCorrectCandidate());
        row.put("words_after_first_correct", m.wordsAfterFirstCorrect() < 0 ? null : m.wordsAfterFirstCorrect());
        row.put("overthinking_ratio", Double.isNaN(m.overthinkingRatio()) ? null : round(m.overthinkingRatio()));
        return row;
    }

    /** The columns plus the lists behind them, for JSON rows. */
    static Map<String, Object> detailed(TraceRecord r, TraceAnalysis a, boolean withSteps) {
        Map<String, Object> row = columns(r, a);
        String text = a.trace().text();
        List<Map<String, Object>> moments = new ArrayList<>();
        for (Moment mo : a.moments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", mo.type().key());
            m.put("start", mo.anchor().start());
            m.put("end", mo.anchor().end());
            m.put("step", mo.segment() < 0 ? null : mo.segment());
            m.put("evidence", mo.evidence().stream().map(Evidence::matched).toList());
            m.put("entropy", mo.entropy().isPresent() ? round(mo.entropy().getAsDouble()) : null);
            moments.add(m);
        }
        row.put("moment_list", moments);
        List<Map<String, Object>> cands = new ArrayList<>();
        for (Answer c : a.candidates()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("raw", c.raw());
            m.put("normalized", c.normalized());
            m.put("form", c.form().name().toLowerCase(Locale.ROOT));
            m.put("region", c.region().name().toLowerCase(Locale.ROOT));
            m.put("start", c.span().start());
            m.put("verdict", c.verdict().name().toLowerCase(Locale.ROOT));
            cands.add(m);
        }
        row.put("candidate_list", cands);
        if (withSteps) {
            List<Map<String, Object>> steps = new ArrayList<>();
            for (Segment s : a.segments()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", s.index());
                m.put("region", s.region().name().toLowerCase(Locale.ROOT));
                m.put("paragraph", s.paragraph());
                m.put("label", s.label().key());
                m.put("text", s.text(text));
                m.put("evidence", s.evidence().stream().map(e -> e.rule() + ":" + e.matched()).toList());
                steps.add(m);
            }
            row.put("steps_list", steps);
        }
        return row;
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
