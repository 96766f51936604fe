package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.reasoning.spi.Counters;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of one run: the tree it grew and what it decided.
 *
 * @param strategy   the strategy with all its parameters
 * @param seed       the run's seed
 * @param tree       the reasoning tree (root = the rendered prompt)
 * @param status     {@code COMPLETED}, or {@code CUT_SHORT} when cancelled
 * @param chosen     the node holding the chosen answer (its path is marked chosen)
 * @param answer     the chosen answer, graded when a ground truth was known
 * @param verdict    the chosen answer's verdict; {@code INCORRECT} without an answer when a truth
 *                   was known, {@code UNGRADED} without a truth
 * @param votes      the vote tally (self-consistency)
 * @param candidates every scored candidate (best-of-N, beam search)
 * @param iterations the MCTS iterations in order
 * @param tokens     token costs
 * @param counters   the model's counters for this run
 * @param wall       wall time
 * @param live       the tree's sequences, when the context asked to keep them; close it
 */
public record RunResult(StrategySpec strategy, long seed, ReasoningTree tree, RunStatus status, Optional<Node> chosen,
                        Optional<Answer> answer, Verdict verdict, Optional<VoteTally> votes, List<Candidate> candidates,
                        List<MctsIteration> iterations, TokenUsage tokens, Counters counters, Duration wall,
                        Optional<LiveTree> live) {

    public RunResult {
        candidates = List.copyOf(candidates);
        iterations = List.copyOf(iterations);
    }

    public boolean isCorrect() {
        return verdict == Verdict.CORRECT;
    }

    /** A few lines for a terminal: the tree's shape, the answer, the costs, and the votes if any. */
    public String summary() {
        List<Node> nodes = tree.nodes();
        long pruned = nodes.stream().filter(n -> n.status() == NodeStatus.PRUNED).count();
        long cut = nodes.stream().filter(n -> n.status() == NodeStatus.CUT_OFF).count();
        StringBuilder sb = new StringBuilder();
        sb.append(Strategies.label(strategy)).append('\n');
        sb.append(String.format(Locale.ROOT, "%s · %d nodes, %d leaves", status == RunStatus.COMPLETED ? "completed" : "cut short",
                nodes.size(), tree.leaves().size()));
        if (pruned > 0) {
            sb.append(", ").append(pruned).append(" pruned");
        }
        if (cut > 0) {
            sb.append(", ").append(cut).append(" cut off");
        }
        sb.append(String.format(Locale.ROOT, " · %d tokens generated, %d evaluated (prompt %d, tree %d) · %.1f s%n",
                tokens.generated(), tokens.evaluated(), tokens.prompt(), tokens.unique(), wall.toNanos() / 1e9));
        sb.append("answer: ").append(answer.map(Answer::raw).orElse("(none)"));
        if (verdict != Verdict.UNGRADED) {
            sb.append(" · ").append(verdict.name().toLowerCase(Locale.ROOT));
        }
        chosen.ifPresent(n -> sb.append(" · node ").append(n.id()));
        sb.append('\n');
        votes.ifPresent(v -> sb.append(v.format()));
        return sb.toString();
    }
}
