package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.spi.SamplingParams;
import io.thoughtscope.reasoning.spi.Sequence;
import io.thoughtscope.reasoning.spi.StepRequest;
import io.thoughtscope.reasoning.spi.TokenStep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One sequence decoding into the tree. Tokens go into the lane's current node as they come; when
 * the thinking closes, the rest goes into an {@link NodeKind#ANSWER} child; with a step delimiter
 * the lane stops at the end of a step. Inside the thinking, tokens that could be the start of
 * the closing tag are held back until that is decided, so that a steering can take the tag out
 * again before it ever reaches the tree.
 */
final class Lane {

    /** Why a lane stopped. */
    enum Stop {
        /** The model ended its output. */
        END_OF_GENERATION,
        /** A step ended (delimiter or the step's token cap). */
        STEP_END,
        /** The path reached its token limit. */
        MAX_TOKENS
    }

    /**
     * @param maxPathTokens the most tokens the path from the prompt may hold
     * @param delimiter     the text that ends a step, or null to run to the end
     * @param stepMaxTokens a step longer than this ends anyway
     * @param topK          alternatives to record per token
     * @param steering      a fresh steering for the lane
     */
    record Rules(int maxPathTokens, String delimiter, int stepMaxTokens, int topK, Supplier<Steering> steering) {
        static Rules toTheEnd(int maxPathTokens) {
            return new Rules(maxPathTokens, null, Integer.MAX_VALUE, 0, () -> Steering.NONE);
        }

        static Rules oneStep(int maxPathTokens, String delimiter, int stepMaxTokens) {
            return new Rules(maxPathTokens, delimiter, stepMaxTokens, 0, () -> Steering.NONE);
        }

        Rules withSteering(Supplier<Steering> s) {
            return new Rules(maxPathTokens, delimiter, stepMaxTokens, topK, s);
        }

    }

    /** A token kept back from the tree, with the sequence length before it. */
    private record Held(Token token, int lengthBefore) {}

    private final LiveTree live;
    private final Node start;
    private final NodeKind kind;
    private final long seed;
    private int iteration;
    private Rules rules;
    private Steering steering;
    private Sequence sequence;
    private Node first;
    private Node node;
    private boolean thinking;
    private boolean closed;
    private int thinkingTokens;
    private int stepTokens;
    private int pathTokens;
    private char lastChar;
    private Stop stop;
    /** The kind of node a continuation starts with, while it waits for its sequence. */
    private NodeKind continuation;
    private final List<Held> held = new ArrayList<>();
    private final StringBuilder heldText = new StringBuilder();
    /** Where the closing tag starts in {@link #heldText} while a steering decides on it. */
    private int tagAt = -1;
    private final StringBuilder stepText = new StringBuilder();
    private int stepContent = -1;
    private final StringBuilder openWatch = new StringBuilder();

    Lane(LiveTree live, Node start, NodeKind kind, int iteration, Rules rules) {
        this.live = live;
        this.start = start;
        this.kind = kind;
        this.iteration = iteration;
        this.rules = rules;
        this.seed = live.nextLaneSeed();
    }

    // ---- life

    /** Whether the lane holds its sequence (a continuation that waits for it does not). */
    boolean isOpen() {
        return sequence != null && continuation == null;
    }

    boolean running() {
        return isOpen() && stop == null;
    }

    /** Whether {@link #open} can take a sequence now without exceeding the model's limit. */
    boolean canOpen() {
        return continuation != null && live.cache().isParked(sequence) || live.cache().canOpen();
    }

    /** Takes a sequence at the start node and creates the lane's first node (or the continuation's). */
    void open() {
        if (continuation != null) {
            sequence = live.cache().reclaim(sequence, node);
            node = live.addNode(node, continuation, iteration, "");
            continuation = null;
            stop = null;
            resetStep();
            return;
        }
        sequence = live.cache().open(start);
        first = live.addNode(start, kind, iteration, "");
        node = first;
        steering = rules.steering().get();
        thinking = live.thinkingAt(start);
        closed = live.closedAt(start);
        pathTokens = live.cache().end(start) - live.cache().promptLength();
        String before = live.tree().pathText(start);
        lastChar = before.isEmpty() ? '\n' : before.charAt(before.length() - 1);
        resetStep();
    }

    /**
     * Goes on after a step into a new node below the current one (an MCTS rollout, the next
     * step) when the decoder next runs it; its sequence is taken back from the cache then, or
     * opened again if it was evicted meanwhile.
     */
    void continueInto(NodeKind nextKind, int nextIteration, Rules nextRules) {
        if (stop != Stop.STEP_END) {
            throw new IllegalStateException("only a lane that ended a step can go on, this one: " + stop);
        }
        iteration = nextIteration;
        rules = nextRules;
        continuation = nextKind;
    }

    /** Hands the finished lane's sequence to the cache as a source for forks. */
    void park() {
        if (sequence != null && !live.cache().isParked(sequence)) {
            live.cache().park(sequence, node);
        }
    }

    // ---- decoding

    StepRequest request() {
        SamplingParams base = live.sampling().withSeed(seed);
        Map<Integer, Float> steer = steering.bias(this);
        if (!steer.isEmpty()) {
            Map<Integer, Float> bias = new HashMap<>(base.logitBias());
            steer.forEach((id, b) -> bias.merge(id, b, Float::sum));
            base = base.withLogitBias(bias);
        }
        return new StepRequest(sequence, base, rules.topK());
    }

    void beforeStep() {
        steering.beforeStep(this);
    }

    void accept(TokenStep step) {
        live.countGenerated(1);
        Token t = step.token();
        if (step.endOfGeneration()) {
            if (thinking && steering.onEndInsideThinking(this)) {
                return;
            }
            flushHeld(false);
            end(Stop.END_OF_GENERATION);
            return;
        }
        pathTokens++;
        stepTokens++;
        steering.produced(this, t);
        if (thinking) {
            acceptThinking(t);
        } else {
            put(t, true);
        }
        if (stop == null) {
            checkLimits();
        }
    }

    private void acceptThinking(Token t) {
        thinkingTokens++;
        held.add(new Held(t, sequence.length() - 1));
        heldText.append(t.text());
        ThinkTags tags = live.tags();
        int at = tags.closeId() >= 0 && t.id() == tags.closeId()
                ? heldText.length() - t.text().length()
                : heldText.indexOf(tags.close());
        if (at < 0) {
            releaseSafePrefix();
            return;
        }
        tagAt = at;
        thinkingTokens -= held.size() - firstTagToken(); // the tag is no thinking
        if (!steering.onThinkingClose(this)) {
            acceptClose();
        }
        tagAt = -1;
    }

    /** Passes on the held tokens that can no longer be part of the closing tag. */
    private void releaseSafePrefix() {
        String close = live.tags().close();
        int keep = 0;
        for (int k = Math.min(close.length() - 1, heldText.length()); k > 0; k--) {
            if (close.startsWith(heldText.substring(heldText.length() - k))) {
                keep = k;
                break;
            }
        }
        int safe = heldText.length() - keep;
        int end = 0;
        int n = 0;
        while (n < held.size() && end + held.get(n).token().text().length() <= safe) {
            end += held.get(n).token().text().length();
            n++;
        }
        releaseFirst(n, true);
    }

    /** Puts the first {@code n} held tokens into the tree; a step that ends among them drops the rest. */
    private void releaseFirst(int n, boolean stepEnds) {
        int released = 0;
        int chars = 0;
        while (released < n) {
            Held h = held.get(released);
            put(h.token(), stepEnds);
            released++;
            chars += h.token().text().length();
            if (stop != null) {
                break;
            }
        }
        held.subList(0, released).clear();
        heldText.delete(0, chars);
        if (stop != null && !held.isEmpty()) {
            dropHeld();
        }
    }

    /** Takes the held tokens out of the sequence again; they never reach the tree. */
    private void dropHeld() {
        live.model().truncate(sequence, held.getFirst().lengthBefore());
        thinkingTokens -= held.size();
        pathTokens -= held.size();
        held.clear();
        heldText.setLength(0);
    }

    private void flushHeld(boolean stepEnds) {
        releaseFirst(held.size(), stepEnds);
    }

    /** The thinking closes: the tag stays with the thinking, the rest goes into an answer node. */
    private void acceptClose() {
        flushHeld(false);
        thinking = false;
        closed = true;
        if (stop == null) {
            node.setStatus(NodeStatus.DONE);
            node = live.addNode(node, NodeKind.ANSWER, iteration, "");
        }
    }

    private int firstTagToken() {
        if (live.tags().closeId() >= 0 && held.getLast().token().id() == live.tags().closeId()) {
            return held.size() - 1;
        }
        int end = 0;
        for (int i = 0; i < held.size(); i++) {
            end += held.get(i).token().text().length();
            if (end > tagAt) {
                return i;
            }
        }
        return held.size() - 1;
    }

    /** Appends a produced token to the current node; may end the step. */
    private void put(Token t, boolean stepEnds) {
        node.appendToken(t);
        live.cache().record(node, t.id());
        String text = t.text();
        if (!text.isEmpty()) {
            lastChar = text.charAt(text.length() - 1);
        }
        if (!thinking && !closed) {
            watchOpen(text);
        }
        if (rules.delimiter() == null || closed) {
            return;
        }
        int from = stepText.length();
        stepText.append(text);
        if (stepContent < 0) {
            for (int i = from; i < stepText.length(); i++) {
                if (!Character.isWhitespace(stepText.charAt(i))) {
                    stepContent = i;
                    break;
                }
            }
        }
        if (stepEnds && stepContent >= 0) {
            int searchFrom = Math.max(stepContent, from - rules.delimiter().length() + 1);
            if (stepText.indexOf(rules.delimiter(), searchFrom) >= 0) {
                end(Stop.STEP_END);
            }
        }
    }

    /** A model that writes its own opening tag starts thinking after it. */
    private void watchOpen(String text) {
        String open = live.tags().open();
        openWatch.append(text);
        if (openWatch.indexOf(open) >= 0) {
            thinking = true;
            openWatch.setLength(0);
        } else if (openWatch.length() > open.length()) {
            openWatch.delete(0, openWatch.length() - open.length());
        }
    }

    private void checkLimits() {
        if (pathTokens >= rules.maxPathTokens()) {
            flushHeld(false);
            end(Stop.MAX_TOKENS);
        } else if (rules.delimiter() != null && !closed && stepTokens >= rules.stepMaxTokens()) {
            flushHeld(false);
            if (stop == null) {
                end(Stop.STEP_END);
            }
        }
    }

    private void end(Stop why) {
        stop = why;
        node.setStatus(why == Stop.MAX_TOKENS ? NodeStatus.CUT_OFF : NodeStatus.DONE);
    }

    private void resetStep() {
        stepText.setLength(0);
        stepContent = -1;
        stepTokens = 0;
    }

    // ---- what steerings may do

    /**
     * Takes the closing tag the model just wrote out of the sequence (it never reaches the tree)
     * and injects {@code text} instead; the thinking goes on in a new branch below it.
     */
    void rejectClose(String text) {
        int j = firstTagToken();
        int startOfJ = 0;
        for (int i = 0; i < j; i++) {
            startOfJ += held.get(i).token().text().length();
        }
        String before = live.tags().closeId() >= 0 && held.getLast().token().id() == live.tags().closeId()
                ? "" : heldText.substring(startOfJ, Math.max(startOfJ, tagAt));
        releaseFirst(j, false);
        pathTokens -= held.size();
        live.model().truncate(sequence, held.getFirst().lengthBefore());
        held.clear();
        heldText.setLength(0);
        // the token that holds the tag's start may begin with text of the model's: keep that text
        if (!before.isEmpty()) {
            node.appendText(before);
            thinkingTokens += force(node, before);
        }
        inject(text, NodeKind.BRANCH);
    }

    /** Drops the end-of-generation token the model just produced and injects {@code text}. */
    void rejectEnd(String text) {
        live.model().truncate(sequence, sequence.length() - 1);
        flushHeld(false);
        inject(text, NodeKind.BRANCH);
    }

    /**
     * Closes the thinking with {@code text} (the closing tag and an answer cue) and goes on
     * with the answer. A pending end-of-generation token is dropped first.
     */
    void forceAnswer(String text, boolean dropPendingEnd) {
        if (dropPendingEnd) {
            live.model().truncate(sequence, sequence.length() - 1);
        }
        flushHeld(false);
        inject(text, NodeKind.ANSWER);
        thinking = false;
        closed = true;
    }

    /**
     * An intervention node with {@code text}, forced into the sequence; the lane goes on below it.
     * Text injected into the thinking counts as thinking (as in s1), so a model that keeps
     * closing right after each injection still reaches a minimum.
     */
    private void inject(String text, NodeKind next) {
        node.setStatus(NodeStatus.DONE);
        Node intervention = live.addNode(node, NodeKind.INTERVENTION, iteration, text);
        int forced = force(intervention, text);
        if (next != NodeKind.ANSWER && thinking) {
            thinkingTokens += forced;
        }
        intervention.setStatus(NodeStatus.DONE);
        node = live.addNode(intervention, next, iteration, "");
    }

    private int force(Node into, String text) {
        int[] ids = live.model().tokenizer().tokenize(text, false, true);
        if (ids.length > 0) {
            live.model().append(sequence, ids);
            live.cache().record(into, ids);
            pathTokens += ids.length;
            lastChar = text.charAt(text.length() - 1);
        }
        return ids.length;
    }

    // ---- what strategies and steerings read

    Node first() {
        return first;
    }

    /** The node the lane writes into now, or last wrote into. */
    Node leaf() {
        return node;
    }

    Stop stop() {
        return stop;
    }

    boolean thinking() {
        return thinking;
    }

    /** Whether the thinking has closed on this path. */
    boolean closed() {
        return closed;
    }

    /** Tokens of thinking on this lane: produced and injected ones, closing tags not counted. */
    int thinkingTokens() {
        return thinkingTokens;
    }

    /** The last character of the path's text (a newline at the start). */
    char lastChar() {
        return lastChar;
    }

    ThinkTags tags() {
        return live.tags();
    }
}
