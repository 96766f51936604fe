package io.thoughtscope.benchmarks;

import io.thoughtscope.reasoning.analysis.ThinkingSplitter;
import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.spi.Counters;
import io.thoughtscope.store.SessionBundle;
import io.thoughtscope.store.SessionQuery;
import io.thoughtscope.store.SessionSummary;
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
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Opening a database of 1,000 sessions and listing them all, as the sessions view and
 * {@code thoughtscope sessions} do: open (schema check, abandoned-run check), then the list with
 * runs, models, strategies, verdicts, stars and tags of every session. Each session holds one
 * analysed run of about 2,000 tokens. The score is milliseconds per open-and-list (goal: under 200).
 *
 * <p>Run: {@code ./build bench StoreListBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StoreListBenchmark {

    static final int SESSIONS = 1_000;

    private Path dir;
    private Path db;

    @Setup(Level.Trial)
    public void fill() {
        dir = SyntheticRuns.tempDir("list");
        db = dir.resolve("sessions.db");
        TraceAnalyzer analyzer = new TraceAnalyzer();
        List<String> traces = SyntheticTraces.generate(SESSIONS, 3000, 5);
        SplittableRandom r = new SplittableRandom(3);
        try (Store store = Store.open(db)) {
            for (int i = 0; i < SESSIONS; i++) {
                Session s = SyntheticRuns.session("session " + i);
                ReasoningTree tree = new ReasoningTree(s.problem().question());
                Node n = tree.addChild(tree.root(), NodeKind.BRANCH, 0, "");
                for (String piece : traces.get(i).split("(?<= )")) {
                    Token t = SyntheticRuns.token(r, 0);
                    n.appendToken(new Token(t.id(), piece, t.logprob(), t.alternatives(), t.entropy(), t.timeNanos()));
                }
                Run run = SyntheticRuns.run(s, tree, i % 3 == 0 ? "chain" : i % 3 == 1 ? "beam" : "mcts");
                var analysis = analyzer.analyze(ThinkingSplitter.split(n.text()).withTokens(n.tokens()), "#### 42");
                store.saveBundle(null, new SessionBundle(s, List.of(new SessionBundle.RunBundle(run, RunStatus.COMPLETED,
                        Counters.ZERO, run.startedAt().plusSeconds(30), List.of(new SessionBundle.AnalysisOf(1, 1, analysis)))),
                        i % 10 == 0 ? List.of("gsm8k") : List.of(), i % 25 == 0, List.of()));
            }
        }
    }

    @TearDown(Level.Trial)
    public void delete() {
        SyntheticRuns.delete(dir);
    }

    @Benchmark
    public List<SessionSummary> openAndList() {
        try (Store store = Store.open(db)) {
            List<SessionSummary> all = store.sessions(SessionQuery.all());
            if (all.size() != SESSIONS) {
                throw new IllegalStateException("listed " + all.size());
            }
            return all;
        }
    }
}
