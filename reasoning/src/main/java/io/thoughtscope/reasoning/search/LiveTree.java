package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.analysis.ThinkingSplitter;
import io.thoughtscope.reasoning.analysis.answers.AnswerExtractor;
import io.thoughtscope.reasoning.analysis.answers.AnswerGrader;
import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Span;
import io.thoughtscope.reasoning.model.TreeListener;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.reasoning.spi.LanguageModel;
import io.thoughtscope.reasoning.spi.SamplingParams;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * A reasoning tree together with the model sequences behind it: what a strategy grows, and what
 * {@link ForkAndIntervene} continues. The prompt is evaluated once when it opens; every branch
 * is a fork that shares its prefix. One thread drives it; listeners of the tree hear every change
 * on that thread. Close it to free the model's sequences.
 */
public final class LiveTree implements AutoCloseable {

    private final LanguageModel model;
    private final ReasoningTree tree;
    private final ThinkTags tags;
    private final boolean thinkingAtStart;
    private final String truth;
    private final SamplingParams sampling;
    private final BooleanSupplier cancelled;
    private final PrefixCache cache;
    private long lanes;
    private long generated;

    private LiveTree(LanguageModel model, ReasoningTree tree, String truth, SamplingParams sampling,
                     BooleanSupplier cancelled) {
        this.model = model;
        this.tree = tree;
        this.tags = ThinkTags.of(model.chat(), model.tokenizer());
        String prompt = tree.root().text();
        this.thinkingAtStart = model.chat().endsInsideThinking(prompt);
        this.truth = truth;
        this.sampling = sampling;
        this.cancelled = cancelled;
        this.cache = new PrefixCache(model, tree.root(), PromptTokens.encode(model.tokenizer(), prompt));
        tree.root().setStatus(NodeStatus.DONE);
    }

    /** A new tree whose root is the rendered prompt, with the run's listeners attached. */
    static ReasoningTree newTree(RunContext ctx, String prompt) {
        ReasoningTree tree = new ReasoningTree(prompt);
        for (TreeListener l : ctx.listeners()) {
            tree.addListener(l);
        }
        ctx.onTree().accept(tree);
        return tree;
    }

    /** Evaluates the tree's prompt and opens it for growing. */
    static LiveTree start(RunContext ctx, ReasoningTree tree, StrategyParams params) {
        return new LiveTree(ctx.model(), tree, ctx.problem().groundTruth(), params.sampling(ctx.seed()),
                ctx::isCancelled);
    }

    /**
     * Opens a tree that was grown before (read back from a store, or kept from a closed run) so
     * that it can be forked: its prompt is evaluated again, and paths are forced as needed.
     *
     * @param truth the problem's ground truth for grading new answers, or null
     */
    public static LiveTree reopen(LanguageModel model, ReasoningTree tree, String truth, StrategyParams params,
                                  long seed, BooleanSupplier cancelled) {
        return new LiveTree(model, tree, truth, params.sampling(seed), cancelled);
    }

    public ReasoningTree tree() {
        return tree;
    }

    public LanguageModel model() {
        return model;
    }

    /** The prompt's tokens plus every node's: the tokens a perfect prefix cache evaluates once. */
    public long uniqueTokens() {
        return cache.uniqueTokens();
    }

    public int promptTokens() {
        return cache.promptLength();
    }

    /** Frees the model's sequences; the tree stays. */
    @Override
    public void close() {
        cache.close();
    }

    // ---- for strategies

    PrefixCache cache() {
        return cache;
    }

    ThinkTags tags() {
        return tags;
    }

    SamplingParams sampling() {
        return sampling;
    }

    String truth() {
        return truth;
    }

    /** Adds a node whose tokens this run records. */
    Node addNode(Node parent, NodeKind kind, int iteration, String text) {
        Node n = tree.addChild(parent, kind, iteration, text);
        cache.track(n);
        return n;
    }

    /** Lanes get consecutive seeds from the run's seed, in the order they are made. */
    long nextLaneSeed() {
        return sampling.seed() + lanes++;
    }

    void countGenerated(int n) {
        generated += n;
    }

    /** Tokens the model sampled in this run (dropped and end-of-generation tokens included). */
    long generated() {
        return generated;
    }

    void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled");
        }
    }

    /** The text of the path with the opening tag in front when the prompt carried it. */
    private String markedPathText(Node node) {
        return (thinkingAtStart ? tags.open() : "") + tree.pathText(node);
    }

    boolean thinkingAt(Node node) {
        String text = markedPathText(node);
        int open = text.lastIndexOf(tags.open());
        return open >= 0 && text.indexOf(tags.close(), open) < 0;
    }

    boolean closedAt(Node node) {
        return markedPathText(node).contains(tags.close());
    }

    /**
     * The answer the path to {@code leaf} commits to, graded against the truth; its span is in
     * the path's text ({@link ReasoningTree#pathText}).
     */
    Optional<Answer> readAnswer(Node leaf) {
        String text = markedPathText(leaf);
        int shift = thinkingAtStart ? tags.open().length() : 0;
        return AnswerExtractor.finalAnswer(ThinkingSplitter.split(text)).map(a -> {
            Span s = new Span(Math.max(0, a.span().start() - shift), Math.max(0, a.span().end() - shift));
            Verdict v = truth == null ? Verdict.UNGRADED : AnswerGrader.grade(a.raw(), truth).verdict();
            return new Answer(a.raw(), a.normalized(), s, a.region(), a.form(), v);
        });
    }

    /** Reads the answer of a finished path and sets it on its leaf. */
    Optional<Answer> settleAnswer(Node leaf) {
        Optional<Answer> a = readAnswer(leaf);
        a.ifPresent(leaf::setAnswer);
        return a;
    }

    /** Marks the path from the root to {@code node} as chosen (the root excluded). */
    void choose(Node node) {
        for (Node n = node; n != null && !n.isRoot(); n = n.parent()) {
            n.setChosen(true);
        }
    }

    /** Nodes left growing by a stop are cut off, so the tree reads consistently. */
    void cutOffGrowing() {
        for (Node n : tree.nodes()) {
            if (n.status() == NodeStatus.GROWING && !n.isRoot()) {
                n.setStatus(NodeStatus.CUT_OFF);
            }
        }
        tree.root().setStatus(NodeStatus.DONE);
    }

    /** The highest iteration number in the tree. */
    int lastIteration() {
        int max = 0;
        for (Node n : tree.nodes()) {
            max = Math.max(max, n.iteration());
        }
        return max;
    }
}
