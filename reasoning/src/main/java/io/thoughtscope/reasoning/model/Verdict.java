package io.thoughtscope.reasoning.model;

/** The outcome of grading an answer against a ground truth. */
public enum Verdict {
    CORRECT,
    INCORRECT,
    /** No ground truth was given. */
    UNGRADED
}
