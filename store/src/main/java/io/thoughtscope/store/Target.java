package io.thoughtscope.store;

/**
 * What an annotation is on: a session, a run of it, or one node of a run's tree.
 *
 * @param sessionId the session
 * @param runId     the run, or null for the session itself
 * @param nodeId    the node, or -1 for the whole run (or session)
 */
public record Target(String sessionId, String runId, int nodeId) {

    public Target {
        if (sessionId == null) {
            throw new IllegalArgumentException("an annotation target needs a session");
        }
        if (nodeId >= 0 && runId == null) {
            throw new IllegalArgumentException("a node target needs its run");
        }
        nodeId = Math.max(nodeId, -1);
    }

    public static Target session(String sessionId) {
        return new Target(sessionId, null, -1);
    }

    public static Target run(String sessionId, String runId) {
        return new Target(sessionId, runId, -1);
    }

    public static Target node(String sessionId, String runId, int nodeId) {
        return new Target(sessionId, runId, nodeId);
    }
}
