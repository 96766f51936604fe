package io.thoughtscope.reasoning.model;

/** Whether a trace ran to its end. */
public enum Completeness {
    /** Thinking closed and an answer followed. */
    COMPLETE,
    /** Thinking never closed: the trace was cut off (usually by a token limit). */
    THINKING_CUT_OFF,
    /** Thinking closed but no answer text followed. */
    NO_ANSWER,
    /** No thinking marked at all; the text is an answer only. */
    NO_THINKING
}
