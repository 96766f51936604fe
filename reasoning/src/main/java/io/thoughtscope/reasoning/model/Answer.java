package io.thoughtscope.reasoning.model;

/**
 * An answer candidate found in a trace.
 *
 * @param raw        the candidate as written (inside the box, after the phrase)
 * @param normalized the canonical form used for comparison
 * @param span       where {@code raw} lies in the trace text
 * @param region     thinking or answer
 * @param form       how it was written
 * @param verdict    the grade against the ground truth, {@link Verdict#UNGRADED} without one
 */
public record Answer(String raw, String normalized, Span span, Region region, AnswerForm form,
                     Verdict verdict) {

    public Answer withVerdict(Verdict v) {
        return new Answer(raw, normalized, span, region, form, v);
    }
}
