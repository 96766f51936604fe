package io.thoughtscope.reasoning.analysis.answers;

/**
 * An answer in canonical form, and whether a percent sign was dropped on the way (the grader
 * then reads the value as hundredths).
 */
record NormalizedAnswer(String text, boolean percent) {

    static final NormalizedAnswer EMPTY = new NormalizedAnswer("", false);
}
