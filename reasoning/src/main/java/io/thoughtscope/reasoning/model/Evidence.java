package io.thoughtscope.reasoning.model;

/**
 * What decided a label or a moment: the rule that fired and the text it matched.
 *
 * @param rule    the rule, e.g. {@code cue}, {@code equation}, {@code boxed}, {@code repeat}
 * @param matched the matched text as it appears in the trace (or a description for rules
 *                that match no single phrase)
 * @param span    where it matched in the trace text
 */
public record Evidence(String rule, String matched, Span span) {
    public Evidence {
        if (rule == null || matched == null || span == null) {
            throw new IllegalArgumentException("evidence needs a rule, a match and a span");
        }
    }
}
