package io.thoughtscope.reasoning.model;

import java.util.List;

/**
 * One step of a trace: a sentence (or a sentence-less chunk) inside a paragraph. The segments of
 * a region concatenate back to that region's text exactly, whitespace included.
 *
 * @param index     position among all segments of the trace
 * @param span      where the step lies in the trace text (its trailing whitespace included)
 * @param region    thinking or answer
 * @param paragraph index of the blank-line separated paragraph within its region
 * @param label     the step's label
 * @param evidence  what decided the label, strongest first; never empty
 */
public record Segment(int index, Span span, Region region, int paragraph, StepLabel label,
                      List<Evidence> evidence) {
    public Segment {
        evidence = List.copyOf(evidence);
    }

    public String text(CharSequence traceText) {
        return span.of(traceText);
    }
}
