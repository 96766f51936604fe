package io.thoughtscope.runtime.llama;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.Problem;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.search.RunContext;
import io.thoughtscope.reasoning.search.RunResult;
import io.thoughtscope.reasoning.search.Strategies;
import io.thoughtscope.reasoning.search.Strategy;
import io.thoughtscope.runtime.gguf.RandomModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every search strategy end to end through the llama.cpp engine on a tiny random-weight model. */
class StrategiesOnLlamaTest {

    @TempDir
    static Path dir;
    static LlamaEngine engine;

    @BeforeAll
    static void open() throws IOException {
        Path p = dir.resolve("tiny-qwen3.gguf");
        RandomModels.write(RandomModels.tiny("qwen3", 21), p);
        engine = LlamaEngine.open(p, LlamaOptions.defaults().withContext(4096).withThreads(2).withMaxSequences(24),
                null, TemplateChatFormat::of);
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private static RunResult run(String name, String... params) {
        Strategy s = Strategies.create(Strategies.spec(name, List.of(params)));
        RunResult r = s.run(RunContext.builder(engine, new Problem("What is 3 + 4?", "7")).seed(5).build());
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        ReasoningTree tree = r.tree();
        assertThat(tree.root().kind()).isEqualTo(NodeKind.PROMPT);
        for (Node n : tree.nodes()) {
            if (!n.isRoot()) {
                assertThat(n.parent()).isNotNull();
                assertThat(n.status()).isNotEqualTo(NodeStatus.GROWING);
            }
        }
        // nothing is left holding the engine's sequences
        assertThat(engine.liveSequences()).isZero();
        return r;
    }

    @Test
    void chainGrowsOneBranch() {
        RunResult r = run("chain", "max-tokens=20");
        assertThat(r.tree().root().children()).hasSize(1);
        assertThat(r.tokens().generated()).isBetween(1L, 20L);
    }

    @Test
    void selfConsistencyEvaluatesThePromptOnceAndVotes() {
        RunResult r = run("self-consistency", "n=8", "max-tokens=16");
        assertThat(r.tree().root().children()).hasSize(8);
        assertThat(r.votes()).isPresent();
        assertThat(r.votes().get().samples()).isEqualTo(8);
        // the prompt was evaluated once for all eight samples: the prefill plus one pending token per sample
        assertThat(r.counters().promptTokens()).isEqualTo(r.tokens().prompt() - 1);
        assertThat(r.counters().decodedTokens()).isEqualTo(r.tokens().generated() - 8 + 8);
    }

    @Test
    void bestOfNScoresEveryCandidate() {
        RunResult r = run("best-of-n", "n=3", "max-tokens=12", "verifier=logprob");
        assertThat(r.candidates()).hasSize(3).allSatisfy(c -> assertThat(Double.isNaN(c.score())).isFalse());
    }

    @Test
    void beamSearchKeepsPrunedBranches() {
        RunResult r = run("beam", "width=2", "expand=2", "depth=3", "step-tokens=6", "max-tokens=24", "verifier=logprob", "score=logprob");
        List<Node> nodes = r.tree().nodes();
        assertThat(nodes.stream().filter(n -> n.kind() == NodeKind.THOUGHT_STEP)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(nodes.stream().anyMatch(n -> n.status() == NodeStatus.PRUNED)).isTrue();
    }

    @Test
    void mctsRecordsIterationsAndSharesPrefixes() {
        RunResult r = run("mcts", "iterations=8", "expand=2", "depth=3", "step-tokens=6", "max-tokens=24", "verifier=logprob");
        assertThat(r.iterations()).hasSize(8);
        // every rollout's value is backed up to the root (an iteration rolls out each child it expands)
        int rollouts = r.iterations().stream().mapToInt(i -> i.backups().size()).sum();
        assertThat(rollouts).isGreaterThanOrEqualTo(8);
        assertThat(r.tree().root().scores().visits()).isEqualTo(rollouts);
        for (Node n : r.tree().nodes()) {
            if (!n.isRoot() && n.kind() == NodeKind.THOUGHT_STEP) {
                assertThat(n.iteration()).isBetween(1, 8);
            }
        }
        // prefix sharing: evaluated tokens stay close to the unique tokens of the tree
        assertThat((double) r.tokens().evaluated()).isLessThanOrEqualTo(1.2 * r.tokens().unique());
    }

    @Test
    void budgetForcingAndThoughtSwitchPenaltyRun() {
        RunResult budget = run("budget", "min=8", "max=16", "max-tokens=40");
        assertThat(budget.tree().nodes()).hasSizeGreaterThan(1);
        RunResult tip = run("tip", "alpha=3", "beta=10", "max-tokens=20");
        assertThat(tip.tree().nodes()).hasSizeGreaterThan(1);
    }
}
