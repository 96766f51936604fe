package io.thoughtscope.reasoning.model;

/** The state of a run. */
public enum RunStatus {
    RUNNING,
    COMPLETED,
    /** Stopped before its end (cancel, crash, limit); kept, and can be continued. */
    CUT_SHORT,
    FAILED
}
