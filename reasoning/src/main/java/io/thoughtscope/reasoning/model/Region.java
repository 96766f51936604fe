package io.thoughtscope.reasoning.model;

/** Which part of a trace a span lies in. */
public enum Region {
    THINKING,
    ANSWER
}
