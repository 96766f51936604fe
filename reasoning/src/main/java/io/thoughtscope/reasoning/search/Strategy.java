package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.reasoning.spi.ChatFormat;
import io.thoughtscope.reasoning.spi.ChatMessage;
import io.thoughtscope.reasoning.spi.Counters;
import io.thoughtscope.reasoning.spi.LanguageModel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * An inference-time method that grows a reasoning tree for a problem and picks an answer. Make
 * one with {@link Strategies#create}; {@link #run} it as often as needed (each run grows its own
 * tree). The run renders the prompt with the model's chat template, evaluates it once, lets the
 * strategy grow the tree, and reports the answer, its grade and what it cost.
 */
public abstract sealed class Strategy
        permits Chain, SelfConsistency, BestOfN, StepBeamSearch, MctsSearch, BudgetForcing, ThoughtSwitchPenalty {

    private final StrategySpec spec;
    private final StrategyParams params;

    Strategy(StrategySpec spec, StrategyParams params) {
        this.spec = spec;
        this.params = params;
    }

    public StrategySpec spec() {
        return spec;
    }

    public StrategyParams params() {
        return params;
    }

    /**
     * Runs the strategy on the context's problem. Cancellation ends it early with status
     * {@code CUT_SHORT} and every unfinished node cut off; a model failure is rethrown after the
     * same clean-up.
     */
    public final RunResult run(RunContext ctx) {
        long start = System.nanoTime();
        LanguageModel model = ctx.model();
        Counters before = model.counters();
        ReasoningTree tree = LiveTree.newTree(ctx, prompt(ctx));
        LiveTree live = null;
        Outcome outcome = Outcome.NONE;
        RunStatus status = RunStatus.COMPLETED;
        ctx.running(true);
        try {
            live = LiveTree.start(ctx, tree, params);
            outcome = grow(live);
        } catch (CancellationException e) {
            status = RunStatus.CUT_SHORT;
        } catch (RuntimeException | Error e) {
            finish(live, tree, false);
            throw e;
        } finally {
            ctx.running(false);
        }
        finish(live, tree, ctx.keepLive());
        Counters used = model.counters().minus(before);
        Optional<Node> chosen = Optional.ofNullable(outcome.chosen());
        Optional<Answer> answer = chosen.flatMap(Node::answer);
        Verdict verdict = ctx.problem().groundTruth() == null ? Verdict.UNGRADED
                : answer.map(Answer::verdict).orElse(Verdict.INCORRECT);
        TokenUsage tokens = new TokenUsage(live == null ? 0 : live.promptTokens(), live == null ? 0 : live.generated(),
                used.promptTokens() + used.decodedTokens(), live == null ? 0 : live.uniqueTokens());
        return new RunResult(spec, ctx.seed(), tree, status, chosen, answer, verdict,
                Optional.ofNullable(outcome.votes()), outcome.candidates(), outcome.iterations(), tokens, used,
                Duration.ofNanos(System.nanoTime() - start),
                ctx.keepLive() && live != null ? Optional.of(live) : Optional.empty());
    }

    private static void finish(LiveTree live, ReasoningTree tree, boolean keep) {
        if (live == null) {
            for (Node n : tree.nodes()) {
                n.setStatus(NodeStatus.CUT_OFF); // the prompt was never evaluated
            }
            return;
        }
        live.cutOffGrowing();
        if (!keep) {
            live.close();
        }
    }

    /** The prompt: the context's conversation or the preset's message, rendered by the model. */
    String prompt(RunContext ctx) {
        ChatFormat chat = ctx.model().chat();
        List<ChatMessage> messages = ctx.messages().orElseGet(() -> params.prompt().messages(ctx.problem().question()));
        return chat.render(messages, true, params.thinking());
    }

    /**
     * How many model sequences the strategy uses at full width (the prompt's included): open the
     * model with at least this many for one batch per position. Fewer still work, in waves; MCTS
     * keeps more paths to fork from when it has more.
     */
    public int sequencesWanted() {
        return 2;
    }

    /** Grows the tree; returns what was chosen. Throws CancellationException when cancelled. */
    abstract Outcome grow(LiveTree live);
}
