package io.thoughtscope.reasoning.model;

/**
 * Receives tree changes synchronously on the mutating thread. Implementations must be quick
 * (enqueue and return): a UI drains its queue once per frame, a store batches its writes.
 */
@FunctionalInterface
public interface TreeListener {
    void onEvent(TreeEvent event);
}
