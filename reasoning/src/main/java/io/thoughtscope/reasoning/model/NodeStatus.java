package io.thoughtscope.reasoning.model;

/** The life of a node. */
public enum NodeStatus {
    /** Tokens are still being appended. */
    GROWING,
    /** Finished normally. */
    DONE,
    /** Dropped by the search (beam pruning); kept in the tree so it can be shown and explained. */
    PRUNED,
    /** Stopped by a token limit, a cancel or a failure before it finished. */
    CUT_OFF
}
