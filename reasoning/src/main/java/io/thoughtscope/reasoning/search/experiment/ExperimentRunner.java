package io.thoughtscope.reasoning.search.experiment;

import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.search.RunContext;
import io.thoughtscope.reasoning.search.RunResult;
import io.thoughtscope.reasoning.search.Strategies;
import io.thoughtscope.reasoning.search.Strategy;
import io.thoughtscope.reasoning.spi.LanguageModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs an experiment: every strategy on every problem, skipping what the resume file holds,
 * problems in parallel up to the concurrency, each worker on a platform thread with its own
 * model from the supplier (opened when the worker starts, closed when it ends). Every finished
 * run is recorded before it counts; a failed or cancelled run is not, so it runs again next
 * time. The report covers every recorded run of the grid, earlier sessions' included.
 */
public final class ExperimentRunner {

    private record Task(ExperimentProblem problem, StrategySpec spec, ResumeFile.Key key) {}

    private final Experiment experiment;
    private final Supplier<? extends LanguageModel> models;
    private final ExperimentListener listener;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Set<RunContext> running = ConcurrentHashMap.newKeySet();
    private volatile RuntimeException modelFailure;

    public ExperimentRunner(Experiment experiment, Supplier<? extends LanguageModel> models, ExperimentListener listener) {
        this.experiment = experiment;
        this.models = models;
        this.listener = listener == null ? new ExperimentListener() { } : listener;
    }

    /** Stops the experiment: running runs stop promptly and are not recorded; no new one starts. */
    public void cancel() {
        cancelled.set(true);
        for (RunContext ctx : running) {
            ctx.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Runs what is left of the grid and reports on all of it.
     *
     * @throws IOException when the resume file cannot be opened or written
     */
    public AccuracyReport run() throws IOException {
        long start = System.nanoTime();
        try (ResumeFile resume = experiment.resumeFile() == null ? ResumeFile.inMemory()
                : ResumeFile.open(experiment.resumeFile())) {
            Queue<Task> tasks = new ConcurrentLinkedQueue<>();
            int resumed = 0;
            for (ExperimentProblem p : experiment.problems()) {
                for (StrategySpec spec : experiment.strategies()) {
                    ResumeFile.Key key = new ResumeFile.Key(p.id(), Strategies.format(spec));
                    if (resume.contains(key)) {
                        resumed++;
                    } else {
                        tasks.add(new Task(p, spec, key));
                    }
                }
            }
            Map<String, Strategy> strategies = new HashMap<>();
            for (StrategySpec spec : experiment.strategies()) {
                strategies.put(Strategies.format(spec), Strategies.create(spec));
            }
            Counts counts = new Counts(experiment.runs(), resumed, start);
            for (ResultLine line : resume.lines()) {
                if (counts.inGrid(line, experiment) && line.correct()) {
                    counts.correct.incrementAndGet();
                }
            }
            listener.started(counts.progress());
            int workers = Math.min(experiment.concurrency(), tasks.size());
            List<Thread> threads = new ArrayList<>();
            List<Throwable> broken = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Thread t = Thread.ofPlatform().name("experiment-worker-" + w).unstarted(() -> work(tasks, strategies, resume, counts));
                t.setUncaughtExceptionHandler((thread, e) -> {
                    synchronized (broken) {
                        broken.add(e);
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    cancel();
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (broken) {
                for (Throwable e : broken) {
                    if (e instanceof UncheckedIOException io) {
                        throw io.getCause();
                    }
                }
                if (!broken.isEmpty()) {
                    throw new IllegalStateException("an experiment worker failed: " + broken.getFirst().getMessage(),
                            broken.getFirst());
                }
            }
            if (!tasks.isEmpty() && !cancelled.get()) {
                // runs were left though nobody cancelled: no worker could open a model
                throw new IllegalStateException("no worker could open a model", modelFailure);
            }
            Map<ResumeFile.Key, ResultLine> recorded = new LinkedHashMap<>();
            for (ResultLine line : resume.lines()) {
                recorded.put(new ResumeFile.Key(line.problem(), line.strategy()), line);
            }
            return AccuracyReport.of(experiment, recorded, counts.failed.get());
        }
    }

    private void work(Queue<Task> tasks, Map<String, Strategy> strategies, ResumeFile resume, Counts counts) {
        LanguageModel model;
        try {
            model = models.get();
        } catch (RuntimeException e) {
            modelFailure = e; // the other workers go on with the runs
            return;
        }
        try (model) {
            Task task;
            while (!cancelled.get() && (task = tasks.poll()) != null) {
                runOne(model, task, strategies.get(task.key().strategy()), resume, counts);
            }
        }
    }

    private void runOne(LanguageModel model, Task task, Strategy strategy, ResumeFile resume, Counts counts) {
        RunContext.Builder builder = RunContext.builder(model, task.problem().problem())
                .seed(experiment.seed())
                .cancelWhen(cancelled::get);
        listener.preparing(task.problem(), task.spec(), builder);
        RunContext ctx = builder.build();
        running.add(ctx);
        RunResult result;
        try {
            result = strategy.run(ctx);
        } catch (RuntimeException | Error e) {
            counts.failed.incrementAndGet();
            listener.failed(task.problem(), task.spec(), e, counts.progress());
            return;
        } finally {
            running.remove(ctx);
        }
        if (result.status() != RunStatus.COMPLETED) {
            return; // cancelled: not done
        }
        try {
            resume.append(ResultLine.of(task.problem().id(), result));
        } catch (IOException e) {
            cancel();
            throw new UncheckedIOException(e);
        }
        counts.done.incrementAndGet();
        if (result.isCorrect()) {
            counts.correct.incrementAndGet();
        }
        listener.finished(task.problem(), result, counts.progress());
    }

    /** Progress counters shared by the workers. */
    private static final class Counts {
        final int total;
        final int resumed;
        final long start;
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger correct = new AtomicInteger();

        Counts(int total, int resumed, long start) {
            this.total = total;
            this.resumed = resumed;
            this.start = start;
        }

        boolean inGrid(ResultLine line, Experiment experiment) {
            return experiment.problems().stream().anyMatch(p -> p.id().equals(line.problem()))
                    && experiment.strategies().stream().anyMatch(s -> Strategies.format(s).equals(line.strategy()));
        }

        ExperimentListener.Progress progress() {
            return new ExperimentListener.Progress(resumed + done.get(), total, resumed, failed.get(), correct.get(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
