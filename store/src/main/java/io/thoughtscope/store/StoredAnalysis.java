package io.thoughtscope.store;

import io.thoughtscope.reasoning.analysis.TraceAnalysis;

/**
 * A stored analysis of one trace of a run: the text of the path from {@code firstNode} down to
 * {@code lastNode} (prompt and user messages left out).
 */
public record StoredAnalysis(String runId, int firstNode, int lastNode, TraceAnalysis analysis) {
}
