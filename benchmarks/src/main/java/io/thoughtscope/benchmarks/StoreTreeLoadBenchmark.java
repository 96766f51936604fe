package io.thoughtscope.benchmarks;

import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.spi.Counters;
import io.thoughtscope.store.Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Loading a stored tree of 50,000 nodes and 200,000 tokens (each with top-5 alternatives) back
 * into a {@link ReasoningTree}, exactly as it was: nodes, text, tokens at their offsets, scores,
 * statuses. The score is milliseconds per load (goal: under 1,000). {@code saveWholeTree} times
 * the other direction, for reference.
 *
 * <p>Run: {@code ./build bench StoreTreeLoadBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class StoreTreeLoadBenchmark {

    private Path dir;
    private Store store;
    private ReasoningTree tree;
    private Session session;
    private String runId;

    @Setup(Level.Trial)
    public void fill() {
        dir = SyntheticRuns.tempDir("tree");
        store = Store.open(dir.resolve("tree.db"));
        session = SyntheticRuns.session("big tree");
        store.saveSession(session);
        tree = SyntheticRuns.tree(50_000, 200_000, 11);
        Run run = SyntheticRuns.run(session, tree, "mcts");
        store.saveRun(run, RunStatus.COMPLETED, Counters.ZERO, null);
        runId = run.id();
    }

    @TearDown(Level.Trial)
    public void delete() {
        store.close();
        SyntheticRuns.delete(dir);
    }

    @Benchmark
    public ReasoningTree loadTree() {
        ReasoningTree t = store.loadRun(runId).orElseThrow().tree();
        if (t.size() != 50_000) {
            throw new IllegalStateException("loaded " + t.size() + " nodes");
        }
        return t;
    }

    @Benchmark
    public String saveWholeTree() {
        Run run = SyntheticRuns.run(session, tree, "mcts");
        store.saveRun(run, RunStatus.COMPLETED, Counters.ZERO, null);
        return run.id();
    }
}
