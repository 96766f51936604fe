package io.thoughtscope.reasoning.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A node of a {@link ReasoningTree}. Identity, parent, kind, depth and the creating iteration
 * are fixed; text and tokens only grow; scores, status, answer and the chosen flag change as a
 * search runs. Every accessor is safe to call from any thread while the node grows.
 */
public final class Node {

    private final ReasoningTree tree;
    private final int id;
    private final Node parent;
    private final NodeKind kind;
    private final int iteration;
    private final int depth;
    private final long createdNanos;

    // guarded by this
    private final StringBuilder text;
    private final List<Token> tokens = new ArrayList<>(0);
    private int[] tokenStarts = NO_STARTS; // tokenStarts[i]: where token i's text starts in text
    private final List<Node> children = new ArrayList<>(2);

    private static final int[] NO_STARTS = new int[0];

    private volatile Scores scores = Scores.NONE;
    private volatile NodeStatus status = NodeStatus.GROWING;
    private volatile boolean chosen;
    private volatile Answer answer;

    Node(ReasoningTree tree, int id, Node parent, NodeKind kind, int iteration, long createdNanos, String text) {
        this.tree = tree;
        this.id = id;
        this.parent = parent;
        this.kind = kind;
        this.iteration = iteration;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.createdNanos = createdNanos;
        this.text = new StringBuilder(text);
    }

    public ReasoningTree tree() {
        return tree;
    }

    public int id() {
        return id;
    }

    /** The parent, or null for the root. */
    public Node parent() {
        return parent;
    }

    public NodeKind kind() {
        return kind;
    }

    /** The search iteration that created this node (0 for the root and for strategies without iterations). */
    public int iteration() {
        return iteration;
    }

    public int depth() {
        return depth;
    }

    public long createdNanos() {
        return createdNanos;
    }

    public boolean isRoot() {
        return parent == null;
    }

    public synchronized List<Node> children() {
        return List.copyOf(children);
    }

    public synchronized int childCount() {
        return children.size();
    }

    synchronized void addChildInternal(Node child) {
        children.add(child);
    }

    public synchronized String text() {
        return text.toString();
    }

    public synchronized int textLength() {
        return text.length();
    }

    public synchronized List<Token> tokens() {
        return List.copyOf(tokens);
    }

    public synchronized int tokenCount() {
        return tokens.size();
    }

    public synchronized Token token(int index) {
        return tokens.get(index);
    }

    /**
     * Where token {@code index}'s text starts in the node's text. Tokens and text without tokens
     * ({@link #appendText}) may interleave, so a store needs this to rebuild the node exactly.
     */
    public synchronized int tokenStart(int index) {
        Objects.checkIndex(index, tokens.size());
        return tokenStarts[index];
    }

    /** Appends text that has no token data (an imported step, a user's edit). */
    public void appendText(String piece) {
        int from;
        int to;
        int tokenIndex;
        synchronized (this) {
            from = text.length();
            text.append(piece);
            to = text.length();
            tokenIndex = tokens.size();
        }
        tree.fire(new TreeEvent.TextAppended(this, from, to, tokenIndex, tokenIndex));
    }

    /** Appends a produced token; its text piece extends the node's text. */
    public void appendToken(Token token) {
        appendTokens(List.of(token));
    }

    public void appendTokens(List<Token> batch) {
        if (batch.isEmpty()) {
            return;
        }
        int from;
        int to;
        int tokenFrom;
        int tokenTo;
        synchronized (this) {
            from = text.length();
            tokenFrom = tokens.size();
            int needed = tokenFrom + batch.size();
            if (needed > tokenStarts.length) {
                tokenStarts = Arrays.copyOf(tokenStarts, Math.max(needed, tokenStarts.length * 2 + 8));
            }
            for (Token t : batch) {
                tokenStarts[tokens.size()] = text.length();
                text.append(t.text());
                tokens.add(t);
            }
            to = text.length();
            tokenTo = tokens.size();
        }
        tree.fire(new TreeEvent.TextAppended(this, from, to, tokenFrom, tokenTo));
    }

    public Scores scores() {
        return scores;
    }

    public void setScores(Scores newScores) {
        synchronized (this) {
            scores = newScores;
        }
        tree.fire(new TreeEvent.ScoresChanged(this, newScores));
    }

    /** Atomically updates the scores (for concurrent backpropagation). */
    public Scores updateScores(UnaryOperator<Scores> update) {
        Scores s;
        synchronized (this) {
            s = update.apply(scores);
            scores = s;
        }
        tree.fire(new TreeEvent.ScoresChanged(this, s));
        return s;
    }

    public NodeStatus status() {
        return status;
    }

    public void setStatus(NodeStatus newStatus) {
        if (status == newStatus) {
            return;
        }
        status = newStatus;
        tree.fire(new TreeEvent.StatusChanged(this, newStatus));
    }

    public boolean isChosen() {
        return chosen;
    }

    public void setChosen(boolean value) {
        if (chosen == value) {
            return;
        }
        chosen = value;
        tree.fire(new TreeEvent.ChosenChanged(this, value));
    }

    public Optional<Answer> answer() {
        return Optional.ofNullable(answer);
    }

    public void setAnswer(Answer value) {
        answer = value;
        tree.fire(new TreeEvent.AnswerSet(this, value));
    }

    @Override
    public String toString() {
        return "Node[" + id + " " + kind + " depth=" + depth + " it=" + iteration + "]";
    }
}
