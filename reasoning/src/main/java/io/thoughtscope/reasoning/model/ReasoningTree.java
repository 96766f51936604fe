package io.thoughtscope.reasoning.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one tree model behind a plain chat, a self-consistency run, a beam search, an MCTS run
 * and a user's forks. The root is the prompt; every other node hangs below it.
 *
 * <p>Trees grow while they are read: any thread may add nodes and append tokens while other
 * threads read. Node ids are dense and given in creation order, so {@code node(i)} for
 * {@code i < size()} is always valid and a replay in id order shows the growth as it happened.
 * Listeners hear every change synchronously on the mutating thread.
 */
public final class ReasoningTree {

    private final Object lock = new Object();
    private volatile Node[] nodes = new Node[16];
    private volatile int size;
    private final List<TreeListener> listeners = new CopyOnWriteArrayList<>();
    private final long startNanos = System.nanoTime();

    /** A tree whose root is a prompt with the given text. */
    public ReasoningTree(String promptText) {
        add(null, NodeKind.PROMPT, 0, promptText, 0);
    }

    public Node root() {
        return nodes[0];
    }

    public int size() {
        return size;
    }

    public Node node(int id) {
        int n = size;
        if (id < 0 || id >= n) {
            throw new IndexOutOfBoundsException("no node " + id + " in a tree of " + n);
        }
        return nodes[id];
    }

    /** A snapshot of the nodes that exist now, in id order. */
    public List<Node> nodes() {
        int n = size;
        return List.of(Arrays.copyOf(nodes, n));
    }

    public Node addChild(Node parent, NodeKind kind, int iteration, String text) {
        return addChild(parent, kind, iteration, text, System.nanoTime() - startNanos);
    }

    /** Adds a node with a known creation time (nanoseconds since the run started), as a store does when it reloads a tree. */
    public Node addChild(Node parent, NodeKind kind, int iteration, String text, long createdNanos) {
        Objects.requireNonNull(parent, "parent");
        if (parent.tree() != this) {
            throw new IllegalArgumentException("parent belongs to another tree");
        }
        return add(parent, kind, iteration, text, createdNanos);
    }

    private Node add(Node parent, NodeKind kind, int iteration, String text, long createdNanos) {
        Objects.requireNonNull(kind, "kind");
        Node node;
        synchronized (lock) {
            int id = size;
            node = new Node(this, id, parent, kind, iteration, createdNanos, text == null ? "" : text);
            Node[] arr = nodes;
            if (id == arr.length) {
                arr = Arrays.copyOf(arr, arr.length * 2);
            }
            arr[id] = node;
            nodes = arr;
            if (parent != null) {
                parent.addChildInternal(node);
            }
            size = id + 1;
        }
        fire(new TreeEvent.NodeAdded(node));
        return node;
    }

    /** The nodes from the root down to {@code node}, both included. */
    public List<Node> path(Node node) {
        List<Node> path = new ArrayList<>(node.depth() + 1);
        for (Node n = node; n != null; n = n.parent()) {
            path.add(n);
        }
        return path.reversed();
    }

    /** The text produced along the path to {@code node}, the prompt excluded. */
    public String pathText(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node n : path(node)) {
            if (n.kind() != NodeKind.PROMPT && n.kind() != NodeKind.USER_MESSAGE) {
                sb.append(n.text());
            }
        }
        return sb.toString();
    }

    /** Leaves (nodes without children) in id order. */
    public List<Node> leaves() {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes()) {
            if (n.childCount() == 0) {
                out.add(n);
            }
        }
        return out;
    }

    /** Total tokens over all nodes. */
    public long tokenCount() {
        long t = 0;
        for (Node n : nodes()) {
            t += n.tokenCount();
        }
        return t;
    }

    public void addListener(TreeListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(TreeListener listener) {
        listeners.remove(listener);
    }

    void fire(TreeEvent event) {
        for (TreeListener l : listeners) {
            l.onEvent(event);
        }
    }
}
