package io.thoughtscope.reasoning.model;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A detected event in a trace.
 *
 * @param type     what kind of event
 * @param span     the span it covers: the step it occurs in, or the whole repeated region of a loop
 * @param evidence the phrases (or repeats) that triggered it, in text order; never empty
 * @param segment  index of the segment the first evidence lies in, -1 when it spans several
 * @param entropy  mean token entropy (nats) around the evidence, when token data exists
 */
public record Moment(MomentType type, Span span, List<Evidence> evidence, int segment,
                     OptionalDouble entropy) {
    public Moment {
        evidence = List.copyOf(evidence);
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("a moment needs evidence");
        }
    }

    /** Where the triggering phrase itself lies. */
    public Span anchor() {
        return evidence.getFirst().span();
    }
}
