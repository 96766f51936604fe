package io.thoughtscope.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.thoughtscope.app.Lexicons;
import io.thoughtscope.reasoning.analysis.Lexicon;
import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.reasoning.traces.ReadProblem;
import io.thoughtscope.reasoning.traces.TraceReader;
import io.thoughtscope.reasoning.traces.TraceRecord;
import io.thoughtscope.store.Store;
import io.thoughtscope.store.StoreException;
import io.thoughtscope.store.imports.TraceSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** {@code thoughtscope analyze FILE...}: analyse reasoning traces and print a table, JSON rows or CSV. */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        versionProvider = ThoughtscopeCommand.VersionProvider.class,
        description = {
                "Analyse reasoning traces: steps, moments and answers.",
                "",
                "Splits thinking from answer, labels each step, finds aha, self-verification,",
                "backtracking, thought-switch and loop moments, and grades the answers.",
                "",
                "FILE is JSON, JSONL or plain text with <think> tags; '-' reads standard input.",
                "Record shapes are detected: question/thinking/answer fields, OpenAI messages",
                "with reasoning_content, chat completion responses, ShareGPT conversations.",
                "Field options take dotted paths, e.g. model_answers.thinking_model.",
                ""},
        sortOptions = false)
public final class AnalyzeCommand implements java.util.concurrent.Callable<Integer> {

    enum Format { table, json, csv }

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Trace files (JSON, JSONL, text), or - for standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). json prints one object per line.")
    Format format;

    @CommandLine.Mixin
    FieldOptions fields = new FieldOptions();

    @Option(names = "--lexicon", paramLabel = "FILE", description = "Extra cue phrases (the built-in lexicon's format); "
            + "repeatable. lexicon.txt in the config folder (~/.config/thoughtscope on Linux) is always added.")
    List<Path> lexicons = new ArrayList<>();

    @Option(names = "--steps", description = "With --format json: include every step with its label and evidence.")
    boolean steps;

    @Option(names = "--limit", paramLabel = "N", description = "Analyse at most N traces.")
    Integer limit;

    @Option(names = {"-q", "--quiet"}, description = "No summary line.")
    boolean quiet;

    @Option(names = "--save", description = "Also store each analysed trace as a session (a one-branch tree with its "
            + "analysis) in the session database; traces stored before are not stored again.")
    boolean save;

    @CommandLine.Mixin
    DatabaseOption database = new DatabaseOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit != null && limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        Lexicon lexicon = Lexicons.load(lexicons);
        TraceAnalyzer analyzer = new TraceAnalyzer(lexicon);
        TraceReader reader = new TraceReader(fields.mapping());
        Saver saver = save ? new Saver(database.open(err), err) : null;
        try {
            return analyze(analyzer, reader, saver, out, err);
        } finally {
            if (saver != null) {
                saver.store.close();
            }
        }
    }

    private int analyze(TraceAnalyzer analyzer, TraceReader reader, Saver saver, PrintWriter out, PrintWriter err)
            throws IOException {

        Stats stats = new Stats();
        ObjectMapper json = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
        TableWriter table = new TableWriter(out, fields.groundTruthField != null);
        CsvWriter csv = new CsvWriter(out);
        if (format == Format.table) {
            table.header();
        }
        Consumer<TraceRecord> onRecord = r -> {
            if (limit != null && stats.analysed >= limit) {
                return;
            }
            TraceAnalysis a = analyzer.analyze(r.trace(), r.groundTruth());
            stats.add(a);
            if (saver != null) {
                saver.save(r, a);
            }
            switch (format) {
                case table -> table.row(r, a);
                case csv -> csv.row(AnalysisRow.columns(r, a));
                case json -> {
                    try {
                        out.println(json.writeValueAsString(AnalysisRow.detailed(r, a, steps)));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        };
        Consumer<ReadProblem> onProblem = p -> {
            stats.skipped++;
            err.println("skipped " + p.source() + ":" + p.line() + ": " + p.message());
        };
        for (String f : files) {
            if (limit != null && stats.analysed >= limit) {
                break;
            }
            if (f.equals("-")) {
                String content = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
                reader.read(content, "<stdin>", onRecord, onProblem);
                continue;
            }
            Path p = Path.of(f);
            if (!Files.exists(p)) {
                err.println("error: no such file: " + f);
                stats.unreadable++;
                continue;
            }
            if (Files.isDirectory(p)) {
                err.println("error: " + f + " is a folder; give the trace files in it");
                stats.unreadable++;
                continue;
            }
            try {
                reader.read(p, onRecord, onProblem);
            } catch (IOException e) {
                err.println("error: cannot read " + f + ": " + e.getMessage());
                stats.unreadable++;
            }
        }
        out.flush();
        if (!quiet) {
            // keep stdout machine-readable for json and csv
            (format == Format.table ? out : err).println(stats.summary());
        }
        if (saver != null) {
            saver.summary();
        }
        if (stats.analysed == 0) {
            if (stats.unreadable == 0 && stats.skipped == 0) {
                err.println("error: no traces found in " + String.join(", ", files));
            }
            return ExitCodes.FAILED;
        }
        if (saver != null && saver.failure != null) {
            return ExitCodes.FAILED;
        }
        return stats.skipped > 0 || stats.unreadable > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    /** {@code --save}: each analysed trace into the store, until the store fails (a full disk). */
    private static final class Saver {
        final Store store;
        final PrintWriter err;
        int saved;
        int already;
        StoreException failure;

        Saver(Store store, PrintWriter err) {
            this.store = store;
            this.err = err;
        }

        void save(TraceRecord r, TraceAnalysis a) {
            if (failure != null) {
                return;
            }
            try {
                if (TraceSessions.save(store, r, a)) {
                    saved++;
                } else {
                    already++;
                }
            } catch (StoreException e) {
                failure = e;
                err.println("error: " + e.getMessage() + " The analysis goes on without saving.");
            }
        }

        void summary() {
            err.println("saved " + saved + (saved == 1 ? " trace" : " traces") + " to " + store.file()
                    + (already > 0 ? " (" + already + " stored before)" : ""));
        }
    }

    /** Running totals for the summary line. */
    private static final class Stats {
        int analysed;
        int skipped;
        int unreadable;
        int graded;
        int correct;
        long words;
        long moments;
        int cutOff;

        void add(TraceAnalysis a) {
            analysed++;
            words += a.metrics().words();
            moments += a.metrics().moments();
            if (a.trace().isCutOff()) {
                cutOff++;
            }
            if (a.verdict() != Verdict.UNGRADED) {
                graded++;
                if (a.verdict() == Verdict.CORRECT) {
                    correct++;
                }
            }
        }

        String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(analysed).append(analysed == 1 ? " trace" : " traces");
            if (skipped > 0) {
                sb.append(", ").append(skipped).append(" skipped");
            }
            if (unreadable > 0) {
                sb.append(", ").append(unreadable).append(unreadable == 1 ? " file unreadable" : " files unreadable");
            }
            if (cutOff > 0) {
                sb.append(", ").append(cutOff).append(" cut off");
            }
            if (analysed > 0) {
                sb.append(String.format(Locale.ROOT, " · %.0f words on average · %.1f moments per 1,000 words",
                        (double) words / analysed, words == 0 ? 0.0 : moments * 1000.0 / words));
            }
            if (graded > 0) {
                sb.append(String.format(Locale.ROOT, " · accuracy %.1f%% (%d of %d)", 100.0 * correct / graded, correct, graded));
            }
            return sb.toString();
        }
    }
}
