package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BestOfNTest {

    private static final long SEED = 40;
    private static final String[] ANSWERS = {"11", "12", "13", null};

    private static String sample(int i) {
        return "<think>\nsample " + i + "\n</think>\n\n" + (ANSWERS[i] == null ? "No idea." : "\\boxed{" + ANSWERS[i] + "}");
    }

    /**
     * Samples follow their plan; the self-evaluation question is answered with " yes" at a
     * probability that depends on the sample (sample 2 is the most confident); sample i's
     * tokens have logit gaps that make sample 0 the most probable.
     */
    private static ScriptedModel model() {
        return new ScriptedModel(c -> {
            String g = Plans.generated(c.text());
            if (g.endsWith(Verifier.QUESTION)) {
                int i = g.charAt(g.indexOf("sample ") + 7) - '0';
                double yes = new double[] {0.0, 1.0, 2.0, 3.0}[i];
                Map<String, Double> logits = new LinkedHashMap<>();
                logits.put(" yes", yes);
                logits.put(" no", 1.0);
                logits.put("Y", -10.0);
                return new ScriptedModel.Dist(logits);
            }
            int i = (int) (c.seed() - SEED);
            ScriptedModel.Dist next = Plans.next(g, sample(i), Plans.WORDS);
            Map<String, Double> logits = new LinkedHashMap<>(next.logits());
            logits.put("~", -1.0 - 2.0 * (3 - i)); // a rival token: closer for later samples
            return new ScriptedModel.Dist(logits);
        }, Plans.WORDS);
    }

    private static RunResult run(ScriptedModel model, String spec, String truth) {
        return Strategies.create(Strategies.parse(spec)).run(RunContext.builder(model, Plans.problem(truth)).seed(SEED).build());
    }

    @Test
    void theRuleVerifierPicksTheCorrectSampleAndKeepsEveryScore() {
        RunResult r = run(model(), "best-of-n n=4 verifier=rule", "12");
        assertThat(r.candidates()).extracting(Candidate::score).containsExactly(0.0, 1.0, 0.0, 0.0);
        assertThat(r.answer()).hasValueSatisfying(a -> assertThat(a.raw()).isEqualTo("12"));
        assertThat(r.verdict()).isEqualTo(Verdict.CORRECT);
        for (Candidate c : r.candidates()) {
            Node leaf = r.tree().node(c.node());
            assertThat(leaf.scores().reward()).isEqualTo(c.score());
            assertThat(leaf.scores().score()).isEqualTo(c.score());
        }
    }

    @Test
    void selfEvaluationScoresByTheProbabilityOfYesAndReleasesItsForks() {
        ScriptedModel model = model();
        RunResult r = run(model, "best-of-n n=4 verifier=self", "13");
        List<Double> scores = r.candidates().stream().map(Candidate::score).toList();
        for (int i = 0; i < 3; i++) {
            double yes = Math.exp(i);
            double expected = yes / (yes + Math.E + Math.exp(-10));
            assertThat(scores.get(i)).isCloseTo(expected, within(1e-9));
        }
        assertThat(scores.get(3)).isZero(); // no answer, not asked
        assertThat(r.answer()).hasValueSatisfying(a -> assertThat(a.raw()).isEqualTo("13"));
        assertThat(r.isCorrect()).isTrue();
        // the question was asked of three forks, in one batch, and no fork is left
        assertThat(model.seen()).filteredOn(c -> c.text().endsWith(Verifier.QUESTION)).hasSize(3)
                .allMatch(c -> c.topK() > 0 && c.sampling().isGreedy());
        assertThat(model.liveSequences()).isZero();
        // the question never entered the tree
        assertThat(r.tree().nodes()).noneMatch(n -> n.text().contains("Is the answer above correct"));
    }

    @Test
    void theMeanLogprobVerifierPrefersTheMostConfidentSample() {
        RunResult r = run(model(), "best-of-n n=4 verifier=logprob", "11");
        List<Double> scores = r.candidates().stream().map(Candidate::score).toList();
        assertThat(scores.get(0)).isGreaterThan(scores.get(1));
        assertThat(scores.get(1)).isGreaterThan(scores.get(2));
        assertThat(scores.get(0)).isCloseTo(1 / (1 + Math.exp(-7)), within(1e-9));
        assertThat(r.answer()).hasValueSatisfying(a -> assertThat(a.raw()).isEqualTo("11"));
    }

    @Test
    void theRuleVerifierWithoutAGroundTruthFailsAndLeavesTheTreeConsistent() {
        ScriptedModel model = model();
        RunContext ctx = RunContext.builder(model, Plans.problem(null)).seed(SEED).build();
        Strategy s = Strategies.create(Strategies.parse("best-of-n n=4 verifier=rule"));
        assertThatThrownBy(() -> s.run(ctx)).isInstanceOf(IllegalStateException.class).hasMessageContaining("ground truth");
        assertThat(model.liveSequences()).isZero();
    }

    @Test
    void selfEvaluationNeedsAModelThatReportsAlternatives() {
        ScriptedModel model = model().withMaxTopK(0);
        RunContext ctx = RunContext.builder(model, Plans.problem("12")).seed(SEED).build();
        List<io.thoughtscope.reasoning.model.ReasoningTree> trees = new java.util.ArrayList<>();
        RunContext watched = RunContext.builder(model, Plans.problem("12")).seed(SEED).onTree(trees::add).build();
        assertThatThrownBy(() -> Strategies.create(Strategies.parse("best-of-n n=2")).run(watched))
                .hasMessageContaining("top-k");
        assertThat(trees.getFirst().nodes()).noneMatch(n -> n.status() == NodeStatus.GROWING);
        assertThat(ctx.problem().groundTruth()).isEqualTo("12");
    }
}
