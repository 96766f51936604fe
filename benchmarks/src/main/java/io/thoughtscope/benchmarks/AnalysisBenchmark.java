package io.thoughtscope.benchmarks;

import io.thoughtscope.reasoning.analysis.ThinkingSplitter;
import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.reasoning.model.Trace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Analysis throughput on one thread: 2,000 traces of about 3,000 characters, each split, segmented,
 * labelled, scanned for moments and loops, its answers extracted and graded. The score is traces
 * per second (goal: at least 2,000 on one core).
 *
 * <p>Run: {@code ./build bench AnalysisBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AnalysisBenchmark {

    static final int TRACES = 2000;

    @Param({"3000"})
    int chars;

    private List<Trace> traces;
    private final TraceAnalyzer analyzer = new TraceAnalyzer();

    @Setup
    public void setup() {
        traces = SyntheticTraces.generate(TRACES, chars, 42).stream().map(ThinkingSplitter::split).toList();
    }

    @Benchmark
    @OperationsPerInvocation(TRACES)
    public void analyzeWithGroundTruth(Blackhole bh) {
        for (Trace t : traces) {
            TraceAnalysis a = analyzer.analyze(t, "#### 42");
            bh.consume(a);
        }
    }

    @Benchmark
    @OperationsPerInvocation(TRACES)
    public void analyzeFromRawText(Blackhole bh) {
        for (Trace t : traces) {
            bh.consume(analyzer.analyze(t.text()));
        }
    }
}
