package io.thoughtscope.app.cli;

import io.thoughtscope.app.LocalModels;
import io.thoughtscope.reasoning.model.ModelRef;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.search.RunContext;
import io.thoughtscope.reasoning.search.RunResult;
import io.thoughtscope.reasoning.search.Strategies;
import io.thoughtscope.reasoning.search.experiment.AccuracyReport;
import io.thoughtscope.reasoning.search.experiment.Experiment;
import io.thoughtscope.reasoning.search.experiment.ExperimentListener;
import io.thoughtscope.reasoning.search.experiment.ExperimentProblem;
import io.thoughtscope.reasoning.search.experiment.ExperimentRunner;
import io.thoughtscope.reasoning.search.experiment.ProblemFile;
import io.thoughtscope.reasoning.spi.LanguageModel;
import io.thoughtscope.runtime.llama.LlamaEngine;
import io.thoughtscope.runtime.remote.RemoteEngine;
import io.thoughtscope.runtime.remote.ServerSpec;
import io.thoughtscope.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@code thoughtscope experiment}: a grid of strategies over a problem set, with accuracy against
 * test-time compute per strategy. Finished runs are kept in a results file, so running the same
 * command again continues where it stopped.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true, versionProvider = ThoughtscopeCommand.VersionProvider.class,
        description = {"Run a grid of strategies over a problem set (JSONL with a question and a ground truth) and",
                "report accuracy against total tokens per strategy. Run it again to resume where it stopped."},
        sortOptions = false)
public final class ExperimentCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, paramLabel = "GGUF", description = "The model file.")
    Path model;

    @Option(names = "--server", paramLabel = "NAME", split = ",",
            description = "Run on servers added with 'thoughtscope server add' instead: the workers (--concurrency) "
                    + "take them in turn, so the problems spread over all of them.")
    List<String> servers = new ArrayList<>();

    @Option(names = "--problems", paramLabel = "FILE", required = true, description = "JSONL problems.")
    Path problems;

    @Option(names = "--strategies", paramLabel = "LIST", required = true,
            description = "Strategies separated by ';', each with its parameters: \"chain; self-consistency n=8; mcts iterations=32\".")
    String strategies;

    @Option(names = "--answer-field", paramLabel = "NAME", required = true, description = "The field with the ground truth.")
    String answerField;

    @Option(names = "--question-field", paramLabel = "NAME", description = "The field with the question (default: question, problem, prompt or input).")
    String questionField;

    @Option(names = "--id-field", paramLabel = "NAME", description = "The field with the problem id (default: id, unique_id, ... or the line).")
    String idField;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1",
            description = "Problems run at once, each with its own copy of the model (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of every run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--results", paramLabel = "FILE",
            description = "Where finished runs are kept (default: next to the problems, named after the strategies and seed).")
    Path results;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the report as CSV.")
    Path csv;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N problems.")
    Integer limit;

    @Option(names = "--save", description = "Also keep every run's tree in the session database.")
    boolean save;

    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<StrategySpec> specs;
        try {
            specs = Strategies.parseList(strategies);
            specs.forEach(Strategies::create); // every parameter checked before anything runs
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if ((model == null) == servers.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --model or --server (one or more)");
        }
        List<ServerSpec> serverSpecs;
        try {
            serverSpecs = Engines.specs(servers);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!Files.isRegularFile(problems)) {
            err.println("error: no problem file at " + problems);
            return ExitCodes.FAILED;
        }
        if (model != null) {
            LlamaEngine.validate(model);
        }
        ProblemFile.Loaded loaded = ProblemFile.read(problems, new ProblemFile.Fields(questionField, answerField, idField));
        loaded.skipped().forEach(s -> err.println("skipped " + s));
        List<ExperimentProblem> list = loaded.problems();
        if (limit != null) {
            list = list.subList(0, Math.min(limit, list.size()));
        }
        if (list.isEmpty()) {
            err.println("error: no usable problems in " + problems);
            return ExitCodes.FAILED;
        }
        Path resume = results != null ? results : defaultResults();
        int sequences = specs.stream().mapToInt(s -> Strategies.create(s).sequencesWanted()).max().orElse(2);
        Experiment exp = new Experiment(list, specs, concurrency, seed, resume);
        Terminal term = Terminal.detect(err);
        Store store = save ? database.open(err) : null;
        ModelRef ref = model != null
                ? new ModelRef(model.getFileName().toString(), model.toAbsolutePath().toString(), "llama.cpp", "")
                : new ModelRef(String.join(",", servers), serverSpecs.stream().map(s -> s.baseUrl().toString())
                        .collect(java.util.stream.Collectors.joining(",")), "openai", "remote");
        Bar bar = new Bar(err, term.colors(), store, ref, seed);
        AtomicInteger turn = new AtomicInteger();
        Supplier<LanguageModel> models = model != null
                ? () -> LocalModels.open(model, engine.toLlamaOptions(sequences), null)
                : () -> RemoteEngine.connect(serverSpecs.get(Math.floorMod(turn.getAndIncrement(), serverSpecs.size())));
        if (!servers.isEmpty() && concurrency < servers.size()) {
            err.println("note: --concurrency " + concurrency + " uses only " + concurrency + " of the " + servers.size()
                    + " servers; give --concurrency " + servers.size() + " or more to use them all");
        }
        ExperimentRunner runner = new ExperimentRunner(exp, models, bar);
        Thread hook = new Thread(runner::cancel, "thoughtscope-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        AccuracyReport report;
        try {
            report = runner.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // exiting
            }
        }
        bar.end();
        if (store != null) {
            store.close();
            err.println("trees saved in " + store.file());
        }
        out.print(report.table());
        out.flush();
        if (csv != null) {
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                report.writeCsv(w);
            }
            err.println("CSV written to " + csv);
        }
        err.println("results kept in " + resume + (report.complete() ? "" : " (run the command again to continue)"));
        if (report.failed() > 0) {
            err.println(report.failed() + " runs failed; they run again next time");
            return ExitCodes.PARTIAL;
        }
        return loaded.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    /** {@code problems.jsonl} → {@code problems.<hash of strategies, seed, model>.results.jsonl}. */
    private Path defaultResults() {
        String key = strategies.strip() + "|" + seed + "|" + (model != null ? model.getFileName().toString()
                : "server:" + String.join(",", servers));
        String hash;
        try {
            hash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String name = problems.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Path parent = problems.toAbsolutePath().getParent();
        return parent.resolve(base + "." + hash + ".results.jsonl");
    }

    /** A progress bar on a terminal, a line per finished run otherwise; saves trees when a store is given. */
    static final class Bar implements ExperimentListener {
        private final PrintWriter err;
        private final boolean tty;
        private final Store store;
        private final ModelRef modelRef;
        private final long seed;
        // preparing and finished of one run happen on the same worker thread
        private final ThreadLocal<TreeSaver> saver = new ThreadLocal<>();

        Bar(PrintWriter err, boolean tty, Store store, ModelRef modelRef, long seed) {
            this.err = err;
            this.tty = tty;
            this.store = store;
            this.modelRef = modelRef;
            this.seed = seed;
        }

        @Override
        public void preparing(ExperimentProblem problem, StrategySpec strategy, RunContext.Builder context) {
            if (store != null) {
                TreeSaver s = new TreeSaver(store, modelRef);
                s.attach(context, problem.problem(), problem.id(), strategy, seed);
                saver.set(s);
            }
        }

        @Override
        public synchronized void started(Progress p) {
            if (p.resumed() > 0) {
                err.println("resuming: " + p.resumed() + " of " + p.total() + " runs already done");
            }
            draw(p);
        }

        @Override
        public void finished(ExperimentProblem problem, RunResult result, Progress p) {
            TreeSaver s = saver.get();
            if (s != null) {
                s.finish(result);
                saver.remove();
            }
            report(problem, result, p);
        }

        private synchronized void report(ExperimentProblem problem, RunResult result, Progress p) {
            if (!tty) {
                err.printf(Locale.ROOT, "%d/%d %s · %s · %s%n", p.done(), p.total(), problem.id(),
                        Strategies.label(result.strategy()), result.verdict().name().toLowerCase(Locale.ROOT));
            }
            draw(p);
        }

        @Override
        public void failed(ExperimentProblem problem, StrategySpec strategy, Throwable error, Progress p) {
            TreeSaver s = saver.get();
            if (s != null) {
                s.abandon();
                saver.remove();
            }
            reportFailure(problem, strategy, error, p);
        }

        private synchronized void reportFailure(ExperimentProblem problem, StrategySpec strategy, Throwable error, Progress p) {
            err.println((tty ? "\r\u001B[2K" : "") + "failed: " + problem.id() + " · " + Strategies.label(strategy) + ": "
                    + (error.getMessage() == null ? error.toString() : error.getMessage()));
            draw(p);
        }

        private void draw(Progress p) {
            if (!tty) {
                return;
            }
            int width = 30;
            int filled = (int) Math.round(p.fraction() * width);
            double acc = p.done() == 0 ? 0 : 100.0 * p.correct() / p.done();
            long secs = p.elapsed().toSeconds();
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d runs · %.0f%% correct · %d:%02d", "#".repeat(filled),
                    ".".repeat(width - filled), p.done(), p.total(), acc, secs / 60, secs % 60);
            err.flush();
        }

        void end() {
            if (tty) {
                err.println();
            }
        }
    }
}
