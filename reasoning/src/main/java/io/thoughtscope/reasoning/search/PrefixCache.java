package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.spi.LanguageModel;
import io.thoughtscope.reasoning.spi.Sequence;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The sequences of one tree: the prompt is evaluated once, and a sequence for any node is a fork
 * of a live sequence that passes through it, cut back to the node's end, so that branches share
 * their common prefix. Finished sequences are parked as sources for later forks and evicted
 * least recently used first when the model's sequence limit is reached; should no live sequence
 * pass through a node any more, its path is forced again from the nearest one that does.
 *
 * <p>Every node's tokens are recorded as they go into a sequence, so the length of the prefix
 * up to any node is known exactly. Not thread-safe: one run drives it.
 */
final class PrefixCache implements AutoCloseable {

    private record Parked(Sequence sequence, Node leaf) {}

    private final LanguageModel model;
    private final int capacity;
    private final Map<Integer, Segment> segments = new HashMap<>();
    /** Parked sequences, least recently used first; the root's never leaves. */
    private final Deque<Parked> parked = new ArrayDeque<>();
    /** Sequences handed out and not yet parked or released. */
    private final Set<Sequence> owned = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Node root;
    private final Sequence rootSequence;
    private int live;
    private boolean closed;

    /** A growable array of token ids. */
    private static final class Segment {
        int[] ids;
        int size;

        Segment(int[] initial) {
            ids = initial.length == 0 ? new int[8] : initial.clone();
            size = initial.length;
        }

        void add(int id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        int[] toArray() {
            return Arrays.copyOf(ids, size);
        }
    }

    PrefixCache(LanguageModel model, Node root, int[] promptTokens) {
        if (promptTokens.length == 0) {
            throw new IllegalArgumentException("the prompt has no tokens");
        }
        this.model = model;
        this.capacity = model.capabilities().maxSequences();
        if (capacity < 2) {
            throw new IllegalStateException("strategies need a model that holds at least 2 sequences, this one holds " + capacity);
        }
        this.root = root;
        this.rootSequence = model.prefill(promptTokens);
        live = 1;
        segments.put(root.id(), new Segment(promptTokens));
        parked.add(new Parked(rootSequence, root));
    }

    /** Starts the record of a node whose tokens will be appended as they come. */
    void track(Node node) {
        recorded(node);
    }

    void record(Node node, int id) {
        recorded(node).add(id);
    }

    void record(Node node, int[] ids) {
        Segment s = recorded(node);
        for (int id : ids) {
            s.add(id);
        }
    }

    /** The tokens a node put into its sequences. */
    int[] tokensOf(Node node) {
        return segment(node).toArray();
    }

    /** The sequence length at the end of {@code node}: the prompt and every segment down to it. */
    int end(Node node) {
        int n = 0;
        for (Node x = node; x != null; x = x.parent()) {
            n += segment(x).size;
        }
        return n;
    }

    /** The prompt tokens plus every node's tokens: what a perfect prefix cache evaluates once. */
    long uniqueTokens() {
        long n = 0;
        for (Segment s : segments.values()) {
            n += s.size;
        }
        return n;
    }

    int promptLength() {
        return segment(root).size;
    }

    int live() {
        return live;
    }

    /** Whether another sequence can be opened now (room, or a parked one to evict). */
    boolean canOpen() {
        return live < capacity || evictable() != null;
    }

    /** A new sequence positioned at the end of {@code node}, owned by the caller. */
    Sequence open(Node node) {
        ensureOpen();
        Parked through = findThrough(node);
        makeRoom(through);
        if (through != null && !parked.contains(through)) {
            through = findThrough(node); // it was the last to go; another (the root's, at least) may do
        }
        if (through != null) {
            Sequence s = model.fork(through.sequence());
            live++;
            owned.add(s);
            touch(through);
            cutTo(s, end(node));
            return s;
        }
        // nothing live passes through the node: force its path from the deepest ancestor that has one
        Node from = node.parent();
        while (findThrough(from) == null) {
            from = from.parent();
        }
        Parked source = findThrough(from);
        Sequence s = model.fork(source.sequence());
        live++;
        owned.add(s);
        touch(source);
        cutTo(s, end(from));
        Deque<Node> path = new ArrayDeque<>();
        for (Node x = node; x != from; x = x.parent()) {
            path.push(x);
        }
        for (Node x : path) {
            int[] ids = tokensOf(x);
            if (ids.length > 0) {
                model.append(s, ids);
            }
        }
        return s;
    }

    /** Keeps a finished sequence as a source for forks; {@code leaf} is the last node it holds. */
    void park(Sequence sequence, Node leaf) {
        if (!owned.remove(sequence)) {
            throw new IllegalStateException("sequence " + sequence.id() + " is not held by a lane");
        }
        parked.addLast(new Parked(sequence, leaf));
    }

    /** Takes back a parked sequence (to continue it), or opens a new one at {@code leaf} if it was evicted. */
    Sequence reclaim(Sequence sequence, Node leaf) {
        for (Iterator<Parked> it = parked.iterator(); it.hasNext(); ) {
            Parked p = it.next();
            if (p.sequence() == sequence && sequence != rootSequence) {
                it.remove();
                owned.add(sequence);
                cutTo(sequence, end(leaf));
                return sequence;
            }
        }
        return open(leaf);
    }

    /** Frees a sequence, held or parked; one already evicted is left alone. */
    void release(Sequence sequence) {
        if (sequence == null || sequence == rootSequence || closed) {
            return;
        }
        if (owned.remove(sequence) || parked.removeIf(p -> p.sequence() == sequence)) {
            model.release(sequence);
            live--;
        }
    }

    /** Frees the parked sequences whose leaf lies below {@code node} (a pruned branch). */
    void releaseBelow(Node node) {
        for (Iterator<Parked> it = parked.iterator(); it.hasNext(); ) {
            Parked p = it.next();
            if (p.sequence() != rootSequence && isAncestorOrSelf(node, p.leaf())) {
                it.remove();
                model.release(p.sequence());
                live--;
            }
        }
    }

    /** Whether {@code sequence} is parked (not evicted, not taken). */
    boolean isParked(Sequence sequence) {
        return parked.stream().anyMatch(p -> p.sequence() == sequence);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        for (Parked p : parked) {
            model.release(p.sequence());
        }
        for (Sequence s : owned) {
            model.release(s);
        }
        parked.clear();
        owned.clear();
        live = 0;
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the run's sequences were released");
        }
    }

    private void cutTo(Sequence s, int length) {
        if (s.length() > length) {
            model.truncate(s, length);
        } else if (s.length() < length) {
            throw new IllegalStateException("sequence " + s.id() + " holds " + s.length() + " tokens, fewer than " + length);
        }
    }

    /** Evicts parked sequences until one more fits, {@code keep} last of all. */
    private void makeRoom(Parked keep) {
        while (live >= capacity) {
            Parked victim = evictable(keep);
            if (victim == null) {
                throw new IllegalStateException("the model holds at most " + capacity + " sequences and all are in use");
            }
            parked.remove(victim);
            model.release(victim.sequence());
            live--;
        }
    }

    private Parked evictable() {
        return evictable(null);
    }

    private Parked evictable(Parked keep) {
        for (Parked p : parked) {
            if (p.sequence() != rootSequence && p != keep) {
                return p;
            }
        }
        return keep != null && keep.sequence() != rootSequence && parked.contains(keep) ? keep : null;
    }

    /** The most recently used parked sequence whose path contains {@code node}. */
    private Parked findThrough(Node node) {
        for (Iterator<Parked> it = parked.descendingIterator(); it.hasNext(); ) {
            Parked p = it.next();
            if (isAncestorOrSelf(node, p.leaf())) {
                return p;
            }
        }
        return null;
    }

    private void touch(Parked p) {
        if (p.sequence() != rootSequence) {
            parked.remove(p);
            parked.addLast(p);
        }
    }

    private static boolean isAncestorOrSelf(Node ancestor, Node node) {
        Node x = node;
        while (x != null && x.depth() > ancestor.depth()) {
            x = x.parent();
        }
        return x == ancestor;
    }

    /** A node grown in this run: its record starts empty, never derived from its text. */
    private Segment recorded(Node node) {
        return segments.computeIfAbsent(node.id(), id -> new Segment(new int[0]));
    }

    private Segment segment(Node node) {
        return segments.computeIfAbsent(node.id(), id -> new Segment(derive(node)));
    }

    /**
     * The tokens of a node this cache did not see grow (a tree read back from a store): its token
     * ids where they rebuild its text exactly, else its text tokenized afresh.
     */
    private int[] derive(Node node) {
        if (node.kind() == NodeKind.PROMPT) {
            return PromptTokens.encode(model.tokenizer(), node.text());
        }
        var tokens = node.tokens();
        StringBuilder text = new StringBuilder();
        int[] ids = new int[tokens.size()];
        boolean complete = true;
        for (int i = 0; i < ids.length; i++) {
            Token t = tokens.get(i);
            ids[i] = t.id();
            complete &= t.id() >= 0;
            text.append(t.text());
        }
        if (complete && text.toString().equals(node.text())) {
            return ids;
        }
        return model.tokenizer().tokenize(node.text(), false, true);
    }
}
