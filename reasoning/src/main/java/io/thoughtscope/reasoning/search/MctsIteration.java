package io.thoughtscope.reasoning.search;

import java.util.List;

/**
 * What one MCTS iteration did, enough to replay the tree's growth and its statistics: the nodes
 * that existed before plus {@code created} give the tree after it; applying {@code backups} (each
 * adds one visit with its value to the node and all its ancestors) gives the visits and values.
 *
 * @param index    1-based iteration number (the {@code iteration} of the nodes it created)
 * @param selected the selected path, root first (node ids)
 * @param created  ids of the nodes it created, in creation order
 * @param backups  the values it backed up, from which nodes
 */
public record MctsIteration(int index, List<Integer> selected, List<Integer> created, List<Backup> backups) {

    /** A value backed up from {@code node} to the root. */
    public record Backup(int node, double value) {}

    public MctsIteration {
        selected = List.copyOf(selected);
        created = List.copyOf(created);
        backups = List.copyOf(backups);
    }
}
