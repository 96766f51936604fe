package io.thoughtscope.app.cli;

import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.analysis.TraceMetrics;
import io.thoughtscope.reasoning.model.Completeness;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.reasoning.traces.TraceRecord;

import java.io.PrintWriter;
import java.util.Locale;

/** The human-readable table of {@code analyze}: fixed widths, so rows stream as they are analysed. */
final class TableWriter {

    private static final String FORMAT = "%-5s %-22s %-9s %6s %5s %4s %6s %4s %6s %4s %6s %3s  %-16s %s%n";

    private final PrintWriter out;
    private final boolean graded;
    private int rows;

    TableWriter(PrintWriter out, boolean graded) {
        this.out = out;
        this.graded = graded;
    }

    void header() {
        out.printf(Locale.ROOT, FORMAT, "#", "ID", "STATUS", "WORDS", "STEPS", "AHA", "VERIFY", "BACK", "SWITCH",
                "LOOP", "PER1K", "SW", "ANSWER", graded ? "VERDICT" : "");
    }

    void row(TraceRecord r, TraceAnalysis a) {
        TraceMetrics m = a.metrics();
        String answer = a.finalAnswer() == null ? "-" : a.finalAnswer().raw().replace('\n', ' ');
        String verdict = graded ? verdict(a.verdict()) : "";
        out.printf(Locale.ROOT, FORMAT, ++rows, fit(r.id(), 22), status(m.completeness()), m.words(), m.steps(),
                m.moments(MomentType.AHA), m.moments(MomentType.SELF_VERIFICATION), m.moments(MomentType.BACKTRACK),
                m.moments(MomentType.THOUGHT_SWITCH), m.moments(MomentType.LOOP),
                String.format(Locale.ROOT, "%.1f", m.momentsPer1kWords()), m.answerSwitches(), fit(answer, 16), verdict);
    }

    static String status(Completeness c) {
        return switch (c) {
            case COMPLETE -> "complete";
            case THINKING_CUT_OFF -> "cut off";
            case NO_ANSWER -> "no answer";
            case NO_THINKING -> "no think";
        };
    }

    private static String verdict(Verdict v) {
        return switch (v) {
            case CORRECT -> "correct";
            case INCORRECT -> "wrong";
            case UNGRADED -> "-";
        };
    }

    /** Cuts long values with an ellipsis so columns stay aligned. */
    static String fit(String s, int width) {
        if (s == null) {
            return "-";
        }
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
