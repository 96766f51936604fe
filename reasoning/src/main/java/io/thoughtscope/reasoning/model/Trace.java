package io.thoughtscope.reasoning.model;

import java.util.List;

/**
 * A reasoning trace: its text and where the thinking and the answer lie in it.
 *
 * @param text         the whole text, tags included
 * @param thinking     the thinking content without its tags; null when there is none
 * @param answer       the answer content (may be empty, never null)
 * @param format       the convention that marked the thinking
 * @param completeness whether the trace ran to its end
 * @param tokens       per-token data when known (pieces concatenate to {@code text} or to a
 *                     part of it), else empty
 */
public record Trace(String text, Span thinking, Span answer, ThinkFormat format, Completeness completeness,
                    List<Token> tokens) {

    public Trace {
        if (text == null || answer == null || format == null || completeness == null) {
            throw new IllegalArgumentException("text, answer, format and completeness are required");
        }
        if (answer.end() > text.length() || (thinking != null && thinking.end() > text.length())) {
            throw new IllegalArgumentException("span outside the text");
        }
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    public boolean hasThinking() {
        return thinking != null;
    }

    public String thinkingText() {
        return thinking == null ? "" : thinking.of(text);
    }

    public String answerText() {
        return answer.of(text);
    }

    public boolean isCutOff() {
        return completeness == Completeness.THINKING_CUT_OFF;
    }

    public Trace withTokens(List<Token> newTokens) {
        return new Trace(text, thinking, answer, format, completeness, newTokens);
    }

    public Region regionAt(int offset) {
        return thinking != null && offset < thinking.end() && offset >= thinking.start()
                ? Region.THINKING : Region.ANSWER;
    }
}
