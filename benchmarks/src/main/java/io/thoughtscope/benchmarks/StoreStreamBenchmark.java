package io.thoughtscope.benchmarks;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.spi.Counters;
import io.thoughtscope.store.RunRecorder;
import io.thoughtscope.store.Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Streamed tokens persisted per second: a live run's tree grows as fast as one thread can append
 * (branches taking turns, one token at a time, each with id, log-probability, entropy, time and
 * top-5 alternatives) while its {@link RunRecorder} commits from its own thread every 250 ms with
 * {@code synchronous=FULL}; the time runs until {@code finish} returns, everything on disk. The
 * score is tokens per second (goal: at least 200,000).
 *
 * <p>Run: {@code ./build bench StoreStreamBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class StoreStreamBenchmark {

    static final int TOKENS = 200_000;

    @Param({"8"})
    int branches;

    private List<Token> tokens;
    private Path dir;
    private Store store;
    private Session session;

    @Setup(Level.Trial)
    public void tokens() {
        tokens = SyntheticRuns.tokens(TOKENS, 1);
    }

    @Setup(Level.Iteration)
    public void open() {
        dir = SyntheticRuns.tempDir("stream");
        store = Store.open(dir.resolve("stream.db"));
        session = SyntheticRuns.session("stream");
        store.saveSession(session);
    }

    @TearDown(Level.Iteration)
    public void close() {
        store.close();
        SyntheticRuns.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(TOKENS)
    public long streamAndPersist() {
        Run run = SyntheticRuns.run(session, new ReasoningTree(session.problem().question()), "beam");
        RunRecorder rec = store.record(run);
        List<Node> tips = new ArrayList<>(branches);
        for (int b = 0; b < branches; b++) {
            tips.add(run.tree().addChild(run.tree().root(), NodeKind.BRANCH, 0, ""));
        }
        for (int i = 0; i < TOKENS; i++) {
            tips.get(i % branches).appendToken(tokens.get(i));
        }
        rec.finish(RunStatus.COMPLETED, Counters.ZERO);
        return rec.persistedTokens();
    }
}
