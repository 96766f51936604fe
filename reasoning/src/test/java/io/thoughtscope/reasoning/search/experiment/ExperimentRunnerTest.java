package io.thoughtscope.reasoning.search.experiment;

import io.thoughtscope.reasoning.model.Problem;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.search.Plans;
import io.thoughtscope.reasoning.search.RunContext;
import io.thoughtscope.reasoning.search.RunResult;
import io.thoughtscope.reasoning.search.ScriptedModel;
import io.thoughtscope.reasoning.search.Strategies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExperimentRunnerTest {

    @TempDir
    Path dir;

    /** Problems "k*2?" for k = 1..n with truth 2k. */
    private static List<ExperimentProblem> problems(int n) {
        List<ExperimentProblem> out = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            out.add(new ExperimentProblem("p" + k, new Problem("What is " + k + "*2?", String.valueOf(2 * k))));
        }
        return out;
    }

    /**
     * Models that answer 2k to "What is k*2?", except on problem {@code wrongOn} where a lane with
     * an odd seed says 5; they count the runs they start.
     */
    private static final class Models implements Supplier<ScriptedModel> {
        final List<ScriptedModel> made = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger runs = new AtomicInteger();
        final int wrongOn;

        Models(int wrongOn) {
            this.wrongOn = wrongOn;
        }

        @Override
        public ScriptedModel get() {
            ScriptedModel m = new ScriptedModel(c -> {
                String text = c.text();
                int k = Integer.parseInt(text.substring(text.indexOf("What is ") + 8, text.indexOf('*')));
                String g = Plans.generated(text);
                if (g.equals("<think>\n")) {
                    runs.incrementAndGet();
                }
                String a = k == wrongOn && c.seed() % 2 == 1 ? "5" : String.valueOf(2 * k);
                return Plans.next(g, "<think>\nok\n</think>\n\n\\boxed{" + a + "}", Plans.WORDS);
            }, Plans.WORDS);
            made.add(m);
            return m;
        }
    }

    private static List<StrategySpec> grid() {
        return Strategies.parseList("chain; self-consistency n=3; best-of-n n=2 verifier=logprob");
    }

    @Test
    void runsTheGridAndReportsAccuracyAgainstTokens() throws IOException {
        Models models = new Models(2);
        Experiment exp = new Experiment(problems(3), grid(), 1, 10, null);
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        AccuracyReport report = new ExperimentRunner(exp, models, new ExperimentListener() {
            @Override
            public void finished(ExperimentProblem problem, RunResult result, Progress progress) {
                done.add(progress.done());
            }
        }).run();
        assertThat(done).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(report.complete()).isTrue();
        assertThat(report.rows()).extracting(AccuracyReport.Row::label)
                .containsExactly("chain", "self-consistency n=3", "best-of-n n=2 verifier=logprob");
        // chain: seed 10 is even, always right; best-of-2 with equal confidences takes the first (seed 10)
        assertThat(report.rows()).extracting(AccuracyReport.Row::correct).containsExactly(3, 3, 3);
        AccuracyReport.Row chain = report.rows().get(0);
        AccuracyReport.Row vote = report.rows().get(1);
        assertThat(chain.accuracy()).isEqualTo(1.0);
        assertThat(vote.meanGenerated()).isEqualTo(3 * chain.meanGenerated());
        assertThat(vote.meanEvaluated()).isLessThan(3 * chain.meanEvaluated()); // the prompt is shared
        assertThat(models.made).hasSize(1);

        String table = report.table();
        assertThat(table).contains("STRATEGY").contains("self-consistency n=3").contains("100.0%").contains("3/3");
        StringBuilder csv = new StringBuilder();
        report.writeCsv(csv);
        String[] lines = csv.toString().split("\n");
        assertThat(lines[0]).isEqualTo("strategy,spec,problems,done,correct,accuracy,mean_generated_tokens,"
                + "mean_evaluated_tokens,total_generated_tokens,mean_seconds");
        assertThat(lines).hasSize(4);
        assertThat(lines[2]).startsWith("self-consistency n=3,self-consistency max-tokens=4096 min-p=0 n=3 ");
        assertThat(lines[3]).startsWith("best-of-n n=2 verifier=logprob,\"best-of-n "); // its question has quotes
        assertThat(lines[2]).contains(",3,3,3,1.0000," + String.format(java.util.Locale.ROOT, "%.1f", vote.meanGenerated()));
    }

    @Test
    void aVoteOutvotesTheOddSampleThatAChainOfAnOddSeedWouldFollow() throws IOException {
        Experiment exp = new Experiment(problems(3), Strategies.parseList("chain; self-consistency n=3"), 1, 11, null);
        AccuracyReport report = new ExperimentRunner(exp, new Models(2), null).run();
        // seed 11: the chain (odd) is wrong on problem 2; the vote (11, 12, 13) has two odd seeds and is wrong too
        assertThat(report.rows()).extracting(AccuracyReport.Row::correct).containsExactly(2, 2);
        Experiment even = new Experiment(problems(3), Strategies.parseList("chain; self-consistency n=3"), 1, 10, null);
        AccuracyReport evenReport = new ExperimentRunner(even, new Models(2), null).run();
        // seed 10: samples 10, 11, 12: one odd, outvoted
        assertThat(evenReport.rows()).extracting(AccuracyReport.Row::correct).containsExactly(3, 3);
    }

    @Test
    void runningAgainSkipsWhatTheResumeFileHolds() throws IOException {
        Path resume = dir.resolve("resume.jsonl");
        Experiment exp = new Experiment(problems(3), grid(), 2, 10, resume);
        AccuracyReport first = new ExperimentRunner(exp, new Models(2), null).run();
        assertThat(Files.readAllLines(resume)).hasSize(9);

        Models again = new Models(2);
        List<ExperimentListener.Progress> started = new ArrayList<>();
        AccuracyReport second = new ExperimentRunner(exp, again, new ExperimentListener() {
            @Override
            public void started(Progress progress) {
                started.add(progress);
            }
        }).run();
        assertThat(again.runs.get()).isZero();
        assertThat(again.made).isEmpty(); // nothing to run, no model opened
        assertThat(started).singleElement().satisfies(p -> {
            assertThat(p.resumed()).isEqualTo(9);
            assertThat(p.done()).isEqualTo(9);
            assertThat(p.correct()).isEqualTo(9);
        });
        assertThat(second.rows()).isEqualTo(first.rows());
    }

    @Test
    void aCancelledExperimentGoesOnWhereItStopped() throws IOException {
        Path resume = dir.resolve("resume.jsonl");
        Experiment exp = new Experiment(problems(4), grid(), 1, 10, resume);
        ExperimentRunner[] runner = new ExperimentRunner[1];
        runner[0] = new ExperimentRunner(exp, new Models(2), new ExperimentListener() {
            @Override
            public void finished(ExperimentProblem problem, RunResult result, Progress progress) {
                if (progress.done() == 5) {
                    runner[0].cancel();
                }
            }
        });
        AccuracyReport partial = runner[0].run();
        assertThat(partial.complete()).isFalse();
        assertThat(partial.table()).contains("incomplete");
        assertThat(Files.readAllLines(resume)).hasSize(5);

        Models rest = new Models(2);
        AccuracyReport whole = new ExperimentRunner(exp, rest, null).run();
        assertThat(whole.complete()).isTrue();
        assertThat(Files.readAllLines(resume)).hasSize(12);
        // only the seven runs left were done: chains 1, votes 3 and best-of 2 samples each
        assertThat(whole.rows()).extracting(AccuracyReport.Row::done).containsExactly(4, 4, 4);
        AccuracyReport oneGo = new ExperimentRunner(new Experiment(problems(4), grid(), 1, 10, null), new Models(2), null).run();
        assertThat(whole.rows()).extracting(AccuracyReport.Row::correct)
                .isEqualTo(oneGo.rows().stream().map(AccuracyReport.Row::correct).toList());
        assertThat(whole.rows()).extracting(AccuracyReport.Row::meanGenerated)
                .isEqualTo(oneGo.rows().stream().map(AccuracyReport.Row::meanGenerated).toList());
    }

    @Test
    void aRunTornByACrashIsDoneAgain() throws IOException {
        Path resume = dir.resolve("resume.jsonl");
        Experiment exp = new Experiment(problems(2), Strategies.parseList("chain"), 1, 10, resume);
        new ExperimentRunner(exp, new Models(0), null).run();
        List<String> lines = Files.readAllLines(resume);
        Files.writeString(resume, lines.get(0) + "\n" + lines.get(1).substring(0, 20));
        Models again = new Models(0);
        AccuracyReport report = new ExperimentRunner(exp, again, null).run();
        assertThat(again.runs.get()).isEqualTo(1);
        assertThat(report.complete()).isTrue();
        List<String> now = Files.readAllLines(resume);
        assertThat(now).hasSize(2);
        ResultLine redone = ResultLine.parse(now.get(1));
        ResultLine before = ResultLine.parse(lines.get(1));
        assertThat(withoutWallTime(redone)).isEqualTo(withoutWallTime(before));
    }

    private static ResultLine withoutWallTime(ResultLine r) {
        return new ResultLine(r.problem(), r.strategy(), r.seed(), r.answer(), r.verdict(), r.generated(), r.evaluated(),
                r.prompt(), r.nodes(), 0, r.agreement());
    }

    @Test
    void workersRunProblemsInParallelEachWithItsOwnModel() throws IOException {
        CountDownLatch together = new CountDownLatch(3);
        AtomicInteger made = new AtomicInteger();
        List<ScriptedModel> models = Collections.synchronizedList(new ArrayList<>());
        Supplier<ScriptedModel> supplier = () -> {
            made.incrementAndGet();
            ScriptedModel m = new ScriptedModel(c -> {
                String g = Plans.generated(c.text());
                if (g.equals("<think>\n") && together.getCount() > 0) {
                    together.countDown();
                    try {
                        // three first steps can only meet if three runs are under way at once
                        if (!together.await(20, TimeUnit.SECONDS)) {
                            throw new AssertionError("the workers did not run at the same time");
                        }
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                }
                String text = c.text();
                int k = Integer.parseInt(text.substring(text.indexOf("What is ") + 8, text.indexOf('*')));
                return Plans.next(g, "<think>\nok\n</think>\n\n\\boxed{" + 2 * k + "}", Plans.WORDS);
            }, Plans.WORDS);
            models.add(m);
            return m;
        };
        Experiment exp = new Experiment(problems(6), Strategies.parseList("chain"), 3, 10, null);
        AccuracyReport report = new ExperimentRunner(exp, supplier, null).run();
        assertThat(made.get()).isEqualTo(3);
        assertThat(report.rows().getFirst().correct()).isEqualTo(6);
        assertThat(models).allMatch(m -> m.liveSequences() == 0);
    }

    @Test
    void aFailedRunIsReportedNotRecordedAndRunsAgainNextTime() throws IOException {
        Path resume = dir.resolve("resume.jsonl");
        boolean[] broken = {true};
        Supplier<ScriptedModel> supplier = () -> new ScriptedModel(c -> {
            if (broken[0] && c.text().contains("What is 2*")) {
                throw new IllegalStateException("the model fell over");
            }
            String text = c.text();
            int k = Integer.parseInt(text.substring(text.indexOf("What is ") + 8, text.indexOf('*')));
            return Plans.next(Plans.generated(text), "<think>\nok\n</think>\n\n\\boxed{" + 2 * k + "}", Plans.WORDS);
        }, Plans.WORDS);
        Experiment exp = new Experiment(problems(3), Strategies.parseList("chain"), 1, 10, resume);
        List<String> failures = new ArrayList<>();
        AccuracyReport report = new ExperimentRunner(exp, supplier, new ExperimentListener() {
            @Override
            public void failed(ExperimentProblem problem, StrategySpec strategy, Throwable error, Progress progress) {
                failures.add(problem.id() + ": " + error.getMessage());
            }
        }).run();
        assertThat(failures).containsExactly("p2: the model fell over");
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.complete()).isFalse();
        assertThat(report.rows().getFirst().done()).isEqualTo(2);
        assertThat(report.table()).contains("(1 failed)");
        broken[0] = false;
        AccuracyReport again = new ExperimentRunner(exp, supplier, null).run();
        assertThat(again.complete()).isTrue();
        assertThat(again.rows().getFirst().correct()).isEqualTo(3);
    }

    @Test
    void preparingLetsTheCallerWatchEveryTree() throws IOException {
        List<Integer> trees = Collections.synchronizedList(new ArrayList<>());
        Experiment exp = new Experiment(problems(2), Strategies.parseList("chain; self-consistency n=2"), 1, 10, null);
        new ExperimentRunner(exp, new Models(0), new ExperimentListener() {
            @Override
            public void preparing(ExperimentProblem problem, StrategySpec strategy, RunContext.Builder context) {
                context.onTree(t -> trees.add(t.size()));
            }
        }).run();
        assertThat(trees).hasSize(4);
    }

    @Test
    void noModelNoExperiment() {
        Experiment exp = new Experiment(problems(1), Strategies.parseList("chain"), 2, 10, null);
        assertThatThrownBy(() -> new ExperimentRunner(exp, () -> {
            throw new IllegalStateException("no such file");
        }, null).run()).hasMessageContaining("no worker could open a model").hasRootCauseMessage("no such file");
    }

    @Test
    void anExperimentNeedsDistinctProblemsAndStrategies() {
        assertThatThrownBy(() -> new Experiment(List.of(problems(1).get(0), problems(1).get(0)), grid(), 1, 0, null))
                .hasMessageContaining("'p1' appears twice");
        assertThatThrownBy(() -> new Experiment(problems(1), Strategies.parseList("beam; beam width=4"), 1, 0, null))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new Experiment(problems(1), grid(), 0, 0, null)).hasMessageContaining("concurrency");
    }
}
