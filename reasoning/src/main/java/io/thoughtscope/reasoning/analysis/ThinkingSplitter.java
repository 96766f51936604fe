package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.Completeness;
import io.thoughtscope.reasoning.model.Span;
import io.thoughtscope.reasoning.model.ThinkFormat;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.Trace;

import java.util.List;

/**
 * Splits a trace's text into thinking and answer for the tag conventions seen in the wild:
 * {@code <think>} (R1 and its distills, QwQ, Qwen3; the opening tag is often in the prompt, so a
 * closing tag alone is enough), s1's {@code <|im_start|>think} / {@code <|im_start|>answer},
 * {@code <|begin_of_thought|>} and Kimi's {@code ◁think▷}. Thinking that never closes was cut off.
 */
public final class ThinkingSplitter {

    private record Tags(ThinkFormat format, String open, String close) {}

    private static final List<Tags> TAGS = List.of(
            new Tags(ThinkFormat.THINK_TAGS, "<think>", "</think>"),
            new Tags(ThinkFormat.THINK_TAGS, "<thinking>", "</thinking>"),
            new Tags(ThinkFormat.S1, "<|im_start|>think", "<|im_start|>answer"),
            new Tags(ThinkFormat.BEGIN_OF_THOUGHT, "<|begin_of_thought|>", "<|end_of_thought|>"),
            new Tags(ThinkFormat.KIMI, "◁think▷", "◁/think▷"));

    /** End-of-text markers that are not part of the answer. */
    private static final List<String> END_MARKERS = List.of(
            "<|im_end|>", "<｜end▁of▁sentence｜>", "<|end_of_text|>", "<|eot_id|>", "<|endoftext|>", "</s>");

    private static final String SOLUTION_OPEN = "<|begin_of_solution|>";
    private static final String SOLUTION_CLOSE = "<|end_of_solution|>";

    private ThinkingSplitter() {
    }

    public static Trace split(String text) {
        return split(text, List.of());
    }

    public static Trace split(String text, List<Token> tokens) {
        Tags best = null;
        int bestOpen = -1;
        int bestClose = -1;
        int bestPos = Integer.MAX_VALUE;
        for (Tags t : TAGS) {
            int open = text.indexOf(t.open());
            int close = text.indexOf(t.close(), open < 0 ? 0 : open + t.open().length());
            if (open < 0 && close < 0) {
                continue;
            }
            int pos = open >= 0 ? open : close;
            if (pos < bestPos) {
                best = t;
                bestPos = pos;
                bestOpen = open;
                bestClose = close;
            }
        }
        int n = text.length();
        if (best == null) {
            Span answer = trimMarkers(text, 0, n);
            return new Trace(text, null, answer, ThinkFormat.NONE, Completeness.NO_THINKING, tokens);
        }
        int thinkStart = bestOpen >= 0 ? bestOpen + best.open().length() : 0;
        if (bestClose < 0) {
            Span thinking = trimMarkers(text, thinkStart, n);
            return new Trace(text, thinking, new Span(n, n), best.format(), Completeness.THINKING_CUT_OFF, tokens);
        }
        Span thinking = new Span(thinkStart, bestClose);
        Span answer = answerSpan(text, bestClose + best.close().length());
        Completeness c = isBlank(text, answer) ? Completeness.NO_ANSWER : Completeness.COMPLETE;
        return new Trace(text, thinking, answer, best.format(), c, tokens);
    }

    /**
     * A trace whose thinking and answer came in separate fields (an API's {@code reasoning_content}).
     * The text is the thinking, a blank line, and the answer. A missing answer after thinking
     * means the output stopped inside the thinking.
     */
    public static Trace fromParts(String thinking, String answer, List<Token> tokens) {
        if (thinking == null || thinking.isEmpty()) {
            return split(answer == null ? "" : answer, tokens);
        }
        if (answer == null || answer.isBlank()) {
            String text = thinking + (answer == null ? "" : answer);
            return new Trace(text, new Span(0, thinking.length()), new Span(text.length(), text.length()),
                    ThinkFormat.SEPARATE, Completeness.THINKING_CUT_OFF, tokens);
        }
        String sep = thinking.endsWith("\n\n") ? "" : thinking.endsWith("\n") ? "\n" : "\n\n";
        String text = thinking + sep + answer;
        int answerStart = thinking.length() + sep.length();
        Span a = trimMarkers(text, answerStart, text.length());
        return new Trace(text, new Span(0, thinking.length()), a, ThinkFormat.SEPARATE, Completeness.COMPLETE, tokens);
    }

    private static Span answerSpan(String text, int from) {
        int open = text.indexOf(SOLUTION_OPEN, from);
        if (open >= 0 && text.substring(from, open).isBlank()) {
            int start = open + SOLUTION_OPEN.length();
            int close = text.indexOf(SOLUTION_CLOSE, start);
            return new Span(start, close < 0 ? trimMarkers(text, start, text.length()).end() : close);
        }
        return trimMarkers(text, from, text.length());
    }

    /** Drops end-of-text markers (and the whitespace before them) at the end of a span. */
    private static Span trimMarkers(String text, int start, int end) {
        boolean changed = true;
        while (changed && end > start) {
            changed = false;
            int e = end;
            while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            for (String m : END_MARKERS) {
                if (e - start >= m.length() && text.startsWith(m, e - m.length())) {
                    end = e - m.length();
                    changed = true;
                    break;
                }
            }
        }
        return new Span(start, end);
    }

    private static boolean isBlank(String text, Span s) {
        for (int i = s.start(); i < s.end(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
