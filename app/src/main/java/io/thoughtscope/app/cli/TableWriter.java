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

    // ID and ANSWER are padded by display width (CJK characters take two columns), the rest by printf
    private static final String FORMAT = "%-5s %s %-9s %6s %5s %4s %6s %4s %6s %4s %6s %3s  %s %s%n";
    private static final int ID_WIDTH = 22;
    private static final int ANSWER_WIDTH = 16;

    private final PrintWriter out;
    private final boolean graded;
    private int rows;

    TableWriter(PrintWriter out, boolean graded) {
        this.out = out;
        this.graded = graded;
    }

    void header() {
        out.printf(Locale.ROOT, FORMAT, "#", pad("ID", ID_WIDTH), "STATUS", "WORDS", "STEPS", "AHA", "VERIFY", "BACK", "SWITCH",
                "LOOP", "PER1K", "SW", pad("ANSWER", ANSWER_WIDTH), graded ? "VERDICT" : "");
    }

    void row(TraceRecord r, TraceAnalysis a) {
        TraceMetrics m = a.metrics();
        String answer = a.finalAnswer() == null ? "-" : a.finalAnswer().raw().replace('\n', ' ');
        String verdict = graded ? verdict(a.verdict()) : "";
        out.printf(Locale.ROOT, FORMAT, ++rows, pad(fit(r.id(), ID_WIDTH), ID_WIDTH), status(m.completeness()), m.words(), m.steps(),
                m.moments(MomentType.AHA), m.moments(MomentType.SELF_VERIFICATION), m.moments(MomentType.BACKTRACK),
                m.moments(MomentType.THOUGHT_SWITCH), m.moments(MomentType.LOOP),
                String.format(Locale.ROOT, "%.1f", m.momentsPer1kWords()), m.answerSwitches(),
                pad(fit(answer, ANSWER_WIDTH), ANSWER_WIDTH), verdict);
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

    /** Cuts a value to {@code width} display columns, with an ellipsis when it is longer. */
    static String fit(String s, int width) {
        if (s == null) {
            return "-";
        }
        if (displayWidth(s) <= width) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            int cw = charWidth(s.charAt(i));
            if (w + cw > width - 1) {
                break;
            }
            sb.append(s.charAt(i));
            w += cw;
        }
        return sb.append('…').toString();
    }

    /** Pads to {@code width} display columns. */
    static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - displayWidth(s)));
    }

    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += charWidth(s.charAt(i));
        }
        return w;
    }

    /** East Asian wide characters take two terminal columns. */
    private static int charWidth(char c) {
        return (c >= '\u1100' && c <= '\u115F') || (c >= '\u2E80' && c <= '\uA4CF') || (c >= '\uAC00' && c <= '\uD7A3')
                || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFE30' && c <= '\uFE4F') || (c >= '\uFF00' && c <= '\uFF60')
                || (c >= '\uFFE0' && c <= '\uFFE6') ? 2 : 1;
    }
}
