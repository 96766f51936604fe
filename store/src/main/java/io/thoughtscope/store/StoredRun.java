package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;

/**
 * A run as stored: its summary and the run with its whole tree, ready to replay (node ids in
 * creation order, each with its iteration and creation time, tokens with their times).
 */
public record StoredRun(RunSummary summary, Run run) {

    public ReasoningTree tree() {
        return run.tree();
    }
}
