package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.StepLabel;

/**
 * One lexicon entry: a phrase that signals a moment or votes for a step label.
 *
 * @param moment   the moment it marks, or null
 * @param label    the label it votes for, or null
 * @param phrase   the phrase, case-folded, without its {@code ^} / {@code *} markers
 * @param anchored matches only at the start of a step
 * @param prefix   matches words that start with the phrase
 * @param origin   where the cue was defined ({@code file:line}), for error messages
 */
public record Cue(MomentType moment, StepLabel label, String phrase, boolean anchored, boolean prefix, String origin) {
    public Cue {
        if ((moment == null) == (label == null)) {
            throw new IllegalArgumentException("a cue marks either a moment or a label");
        }
        if (phrase == null || phrase.isEmpty()) {
            throw new IllegalArgumentException("a cue needs a phrase");
        }
    }

    public boolean isMoment() {
        return moment != null;
    }
}
