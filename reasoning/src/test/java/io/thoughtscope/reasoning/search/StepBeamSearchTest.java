package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.ReasoningTree;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StepBeamSearchTest {

    private static final long SEED = 1000;
    /** Lane 5 (the third lane of the second level) reaches its answer a step early. */
    private static final int EARLY = 5;

    private static double gap(int lane) {
        return 1 + ((lane * 7) % 11) * 0.5;
    }

    private static ScriptedModel model() {
        return Steps.model(SEED, 3, StepBeamSearchTest::gap, i -> i == EARLY,
                path -> Steps.lastStep(path) % 2 == 0 ? "12" : "13");
    }

    private static RunResult run(ScriptedModel model, String spec) {
        return Strategies.create(Strategies.parse(spec)).run(RunContext.builder(model, Plans.problem("12")).seed(SEED).build());
    }

    private static List<Node> level(ReasoningTree tree, int depth) {
        return tree.nodes().stream().filter(n -> n.kind() == NodeKind.THOUGHT_STEP && n.iteration() == depth).toList();
    }

    @Test
    void eachLevelKeepsTheBestStepsAndMarksTheRestPruned() {
        ScriptedModel model = model();
        RunResult r = run(model, "beam width=2 expand=3 depth=3 score=logprob verifier=logprob");
        ReasoningTree tree = r.tree();

        List<Node> first = level(tree, 1);
        assertThat(first).hasSize(3).allMatch(n -> n.parent().isRoot());
        assertThat(first).extracting(Node::text).containsExactly("s0.\n\n", "s1.\n\n", "s2.\n\n");
        // lane gaps 1, 4.5, 2.5: the two most confident survive
        assertThat(first).extracting(Node::status).containsExactly(NodeStatus.PRUNED, NodeStatus.DONE, NodeStatus.DONE);

        List<Node> second = level(tree, 2);
        assertThat(second).hasSize(6);
        assertThat(second).extracting(n -> n.parent().id()).containsExactly(first.get(1).id(), first.get(1).id(),
                first.get(1).id(), first.get(2).id(), first.get(2).id(), first.get(2).id());
        Node early = second.get(EARLY - 3);
        assertThat(early.text()).isEqualTo("s5.\n</think>");
        assertThat(early.status()).isEqualTo(NodeStatus.DONE);
        assertThat(early.children().getFirst().answer()).isPresent();
        // one beam finished, so one of the five open steps survives
        List<Node> open = second.stream().filter(n -> n != early).toList();
        assertThat(open.stream().filter(n -> n.status() == NodeStatus.DONE)).hasSize(1);
        assertThat(open.stream().filter(n -> n.status() == NodeStatus.PRUNED)).hasSize(4);

        for (int d = 1; d <= 2; d++) {
            List<Node> steps = level(tree, d).stream().filter(n -> n.childCount() == 0 || n.children().getFirst().kind() != NodeKind.ANSWER).toList();
            double lowestKept = steps.stream().filter(n -> n.status() != NodeStatus.PRUNED).mapToDouble(n -> n.scores().score()).min().orElseThrow();
            double highestPruned = steps.stream().filter(n -> n.status() == NodeStatus.PRUNED).mapToDouble(n -> n.scores().score()).max().orElseThrow();
            assertThat(lowestKept).as("level %d", d).isGreaterThan(highestPruned);
            for (Node n : steps) {
                assertThat(n.scores().score()).isCloseTo(Verifier.MeanLogprob.pathConfidence(n), within(1e-12));
            }
        }
        // pruned branches were not expanded further
        assertThat(tree.nodes()).filteredOn(n -> n.status() == NodeStatus.PRUNED).allMatch(n -> n.childCount() == 0);

        List<Node> third = level(tree, 3);
        assertThat(third).hasSize(3).allMatch(n -> n.children().getFirst().kind() == NodeKind.ANSWER);
        assertThat(r.candidates()).hasSize(4);
        Candidate best = r.candidates().stream().max(Comparator.comparingDouble(Candidate::score)).orElseThrow();
        assertThat(r.chosen().orElseThrow().id()).isEqualTo(best.node());
        assertThat(tree.path(r.chosen().orElseThrow()).stream().filter(n -> !n.isRoot())).allMatch(Node::isChosen);
        assertThat(model.liveSequences()).isZero();
    }

    @Test
    void theRuleVerifierChoosesAmongTheFinishedPaths() {
        RunResult r = run(model(), "beam width=2 expand=3 depth=3 verifier=rule");
        assertThat(r.candidates()).allSatisfy(c -> assertThat(c.score()).isIn(0.0, 1.0));
        assertThat(r.answer()).hasValueSatisfying(a -> assertThat(a.raw()).isEqualTo("12"));
        assertThat(r.isCorrect()).isTrue();
    }

    @Test
    void prunedSequencesAreReleasedSoTheBeamFitsASmallModel() {
        ScriptedModel small = model().withMaxSequences(5);
        RunResult r = run(small, "beam width=2 expand=3 depth=3 verifier=logprob");
        RunResult big = run(model(), "beam width=2 expand=3 depth=3 verifier=logprob");
        assertThat(small.peakLiveSequences()).isLessThanOrEqualTo(5);
        // lanes start as room frees up, so nodes come in another order, but the same tree grows
        assertThat(r.tree().nodes()).extracting(Node::text).containsExactlyInAnyOrderElementsOf(
                big.tree().nodes().stream().map(Node::text).toList());
        assertThat(r.tree().pathText(r.chosen().orElseThrow())).isEqualTo(big.tree().pathText(big.chosen().orElseThrow()));
        assertThat(small.prefills()).isEqualTo(1);
    }

    @Test
    void aStepWithoutDelimiterEndsAtItsTokenCap() {
        ScriptedModel model = Plans.model((g, s) -> "<think>\nabcdefgh\n</think>\n\n\\boxed{12}");
        RunResult r = run(model, "beam width=1 expand=1 depth=2 step-tokens=3 verifier=logprob");
        assertThat(level(r.tree(), 1)).extracting(Node::text).containsExactly("abc");
        Node last = level(r.tree(), 2).getFirst();
        assertThat(last.text()).isEqualTo("defgh\n</think>");
        assertThat(last.children().getFirst().answer()).isPresent();
        assertThat(r.isCorrect()).isTrue();
    }

    @Test
    void theRuleVerifierPicksTheOneCorrectFinishedPath() {
        RunResult r = run(model(), "beam width=2 expand=3 depth=3 verifier=rule");
        // finished: lane 5 (early, odd: 13), then lanes 9, 10, 11 below lane 3 (13, 12, 13)
        assertThat(r.candidates()).extracting(Candidate::score).containsExactly(0.0, 0.0, 1.0, 0.0);
        assertThat(r.tree().pathText(r.chosen().orElseThrow())).contains("s10.");
    }

    @Test
    void unfinishedStepsCannotBeScoredByTheRule() {
        assertThatThrownBy(() -> Strategies.parse("beam score=rule")).hasMessageContaining("unfinished");
    }
}
