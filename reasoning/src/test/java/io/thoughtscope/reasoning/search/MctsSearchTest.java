package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Scores;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MctsSearchTest {

    private static final long SEED = 500;

    /** Steps "s{lane}."; a path is right when its first step came from an even lane. */
    private static ScriptedModel model() {
        return Steps.model(SEED, 3, i -> 2.0, i -> false, path -> Steps.firstStep(path) % 2 == 0 ? "12" : "13");
    }

    private static RunResult run(ScriptedModel model, String spec) {
        return Strategies.create(Strategies.parse(spec)).run(RunContext.builder(model, Plans.problem("12")).seed(SEED).build());
    }

    private static Scores visits(int n, double sum) {
        return new Scores(n, sum, 0, Double.NaN, Double.NaN);
    }

    @Test
    void uctAddsAnExplorationBonusThatShrinksWithVisits() {
        assertThat(MctsSearch.uct(10, visits(2, 1.0), 1.41)).isCloseTo(0.5 + 1.41 * Math.sqrt(Math.log(10) / 2), within(1e-12));
        assertThat(MctsSearch.uct(10, visits(0, 0), 1.41)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(MctsSearch.uct(10, visits(5, 5.0), 0)).isEqualTo(1.0);
    }

    @Test
    void selectionTakesTheHighestUctTheUnvisitedFirstAndTheFirstOnTies() {
        ReasoningTree tree = new ReasoningTree("p");
        Node root = tree.root();
        Node a = tree.addChild(root, NodeKind.THOUGHT_STEP, 1, "a");
        Node b = tree.addChild(root, NodeKind.THOUGHT_STEP, 1, "b");
        Node c = tree.addChild(root, NodeKind.THOUGHT_STEP, 1, "c");
        root.setScores(visits(12, 6));
        a.setScores(visits(8, 6));   // mean 0.75, visited a lot
        b.setScores(visits(2, 1));   // mean 0.5, visited little
        c.setScores(visits(2, 1));
        assertThat(MctsSearch.select(root, List.of(a, b, c), 0)).isSameAs(a);     // exploitation only
        assertThat(MctsSearch.select(root, List.of(a, b, c), 1.41)).isSameAs(b);  // the bonus wins; b before c
        Node d = tree.addChild(root, NodeKind.THOUGHT_STEP, 2, "d");
        assertThat(MctsSearch.select(root, List.of(a, b, c, d), 1.41)).isSameAs(d);
    }

    @Test
    void backupAddsAVisitAndTheValueToEveryAncestor() {
        ReasoningTree tree = new ReasoningTree("p");
        Node s = tree.addChild(tree.root(), NodeKind.THOUGHT_STEP, 1, "s");
        Node r = tree.addChild(s, NodeKind.BRANCH, 1, "r");
        MctsSearch.backup(r, 1.0);
        MctsSearch.backup(s, 0.25);
        assertThat(r.scores().visits()).isEqualTo(1);
        assertThat(s.scores().visits()).isEqualTo(2);
        assertThat(s.scores().meanValue()).isEqualTo(0.625);
        assertThat(tree.root().scores().valueSum()).isEqualTo(1.25);
    }

    @Test
    void everyIterationIsRecordedAndReplaysToTheTreesVisitsAndValues() {
        RunResult r = run(model(), "mcts iterations=32 expand=2 depth=3 c=1.0 verifier=rule");
        ReasoningTree tree = r.tree();
        assertThat(r.iterations()).hasSize(32);

        Map<Integer, Integer> visits = new HashMap<>();
        Map<Integer, Double> sums = new HashMap<>();
        for (MctsIteration it : r.iterations()) {
            // the selection followed UCT over the statistics as they were before this iteration
            for (int k = 1; k < it.selected().size(); k++) {
                Node parent = tree.node(it.selected().get(k - 1));
                List<Node> siblings = MctsSearch.steps(parent).stream().filter(n -> n.iteration() < it.index()).toList();
                Node best = null;
                double bestValue = Double.NEGATIVE_INFINITY;
                for (Node sib : siblings) {
                    int n = visits.getOrDefault(sib.id(), 0);
                    double u = MctsSearch.uct(visits.getOrDefault(parent.id(), 0),
                            new Scores(n, sums.getOrDefault(sib.id(), 0.0), 0, Double.NaN, Double.NaN), 1.0);
                    if (best == null || u > bestValue) {
                        best = sib;
                        bestValue = u;
                    }
                }
                assertThat(it.selected().get(k)).as("iteration %d, level %d", it.index(), k).isEqualTo(best.id());
            }
            for (int id : it.created()) {
                assertThat(tree.node(id).iteration()).isEqualTo(it.index());
            }
            for (MctsIteration.Backup b : it.backups()) {
                for (Node n = tree.node(b.node()); n != null; n = n.parent()) {
                    visits.merge(n.id(), 1, Integer::sum);
                    sums.merge(n.id(), b.value(), Double::sum);
                }
            }
        }
        for (Node n : tree.nodes()) {
            assertThat(n.scores().visits()).as("visits of %s", n).isEqualTo(visits.getOrDefault(n.id(), 0));
            assertThat(n.scores().valueSum()).as("value of %s", n).isCloseTo(sums.getOrDefault(n.id(), 0.0), within(1e-9));
        }
        int backups = r.iterations().stream().mapToInt(it -> it.backups().size()).sum();
        assertThat(tree.root().scores().visits()).isEqualTo(backups);
    }

    @Test
    void theTreeHasStepsRolloutsAndTerminalStepsAndPicksTheBestVisitedAnswer() {
        RunResult r = run(model(), "mcts iterations=32 expand=2 depth=3 verifier=rule");
        ReasoningTree tree = r.tree();
        List<Node> steps = tree.nodes().stream().filter(n -> n.kind() == NodeKind.THOUGHT_STEP).toList();
        List<MctsIteration> expansions = r.iterations().stream().filter(it -> !it.created().isEmpty()).toList();
        // each expansion adds both missing steps at once
        assertThat(steps).hasSize(2 * expansions.size());
        for (Node s : steps) {
            assertThat(MctsSearch.steps(s).size()).isIn(0, 2);
            if (s.depth() < 3) {
                // every step below the last depth was rolled out once, when it was made
                assertThat(s.children()).filteredOn(n -> n.kind() == NodeKind.BRANCH).hasSize(1);
            } else {
                assertThat(s.children()).extracting(Node::kind).containsExactly(NodeKind.ANSWER);
            }
            assertThat(s.scores().visits()).isPositive();
        }
        // the other iterations selected a terminal step again and backed its value up once more
        List<MctsIteration> reselections = r.iterations().stream().filter(it -> it.created().isEmpty()).toList();
        assertThat(reselections).isNotEmpty().allSatisfy(it -> {
            assertThat(it.backups()).hasSize(1);
            assertThat(tree.node(it.selected().getLast()).depth()).isEqualTo(3);
        });
        // the even first step leads to 12: it was worth more, so it was visited more
        Node even = tree.root().children().stream().filter(n -> n.text().equals("s0.\n\n")).findFirst().orElseThrow();
        Node odd = tree.root().children().stream().filter(n -> n.text().equals("s1.\n\n")).findFirst().orElseThrow();
        assertThat(even.scores().meanValue()).isEqualTo(1.0);
        assertThat(odd.scores().meanValue()).isZero();
        assertThat(even.scores().visits()).isGreaterThan(odd.scores().visits());
        assertThat(r.answer()).hasValueSatisfying(a -> assertThat(a.raw()).isEqualTo("12"));
        assertThat(r.isCorrect()).isTrue();
        assertThat(tree.path(r.chosen().orElseThrow())).contains(even);
        assertThat(tree.nodes()).noneMatch(n -> n.status() == NodeStatus.GROWING || n.status() == NodeStatus.PRUNED);
    }

    @Test
    void thirtyTwoIterationsEvaluateAtMostOnePointTwoTimesTheTreesUniqueTokens() {
        ScriptedModel model = model();
        RunResult r = run(model, "mcts iterations=32 expand=3 depth=4 verifier=rule");
        long unique = r.tokens().unique();
        assertThat(unique).isEqualTo(r.tokens().prompt() + r.tree().tokenCount());
        assertThat(r.tokens().evaluated()).isLessThanOrEqualTo((long) (1.2 * unique));
        assertThat(model.prefills()).isEqualTo(1);
        assertThat(model.liveSequences()).isZero();
    }

    @Test
    void aModelWithFewSequencesGrowsTheSameTree() {
        for (String spec : List.of("mcts iterations=12 expand=2 depth=3 verifier=rule",
                "mcts iterations=16 expand=3 depth=4 verifier=rule")) {
            ScriptedModel small = model().withMaxSequences(3);
            RunResult r = run(small, spec);
            RunResult big = run(model(), spec);
            assertThat(small.peakLiveSequences()).isLessThanOrEqualTo(3);
            // rollouts wait for room, so nodes may come in another order, but the same tree grows
            List<String> texts = new ArrayList<>();
            r.tree().nodes().forEach(n -> texts.add(n.text() + " " + n.scores()));
            assertThat(texts).containsExactlyInAnyOrderElementsOf(
                    big.tree().nodes().stream().map(n -> n.text() + " " + n.scores()).toList());
            assertThat(r.tree().pathText(r.chosen().orElseThrow())).isEqualTo(big.tree().pathText(big.chosen().orElseThrow()));
            // paths whose sequences were evicted were forced again from the prompt: more work, same result
            assertThat(r.tokens().evaluated()).isGreaterThanOrEqualTo(big.tokens().evaluated());
            assertThat(small.prefills()).isEqualTo(1);
            assertThat(small.liveSequences()).isZero();
        }
    }

    @Test
    void cancellingBetweenIterationsKeepsTheTreeConsistent() {
        ScriptedModel model = model();
        int[] polls = {0};
        RunResult r = Strategies.create(Strategies.parse("mcts iterations=32 expand=2 depth=3 verifier=rule"))
                .run(RunContext.builder(model, Plans.problem("12")).seed(SEED).cancelWhen(() -> ++polls[0] > 40).build());
        assertThat(r.status()).isEqualTo(io.thoughtscope.reasoning.model.RunStatus.CUT_SHORT);
        assertThat(r.tree().nodes()).noneMatch(n -> n.status() == NodeStatus.GROWING);
        assertThat(r.tree().nodes()).anyMatch(n -> n.status() == NodeStatus.CUT_OFF);
        assertThat(model.liveSequences()).isZero();
    }
}
