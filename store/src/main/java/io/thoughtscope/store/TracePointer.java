package io.thoughtscope.store;

/**
 * One trace of a stored run: the path from the root to {@code nodeId}, or to the run's main leaf
 * (the deepest chosen node, else the last answer, else the last leaf) when {@code nodeId} is -1.
 */
public record TracePointer(String runId, int nodeId) {

    public static TracePointer main(String runId) {
        return new TracePointer(runId, -1);
    }
}
