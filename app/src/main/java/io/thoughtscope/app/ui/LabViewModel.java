package io.thoughtscope.app.ui;

import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.reasoning.traces.FieldMapping;
import io.thoughtscope.reasoning.traces.ReadProblem;
import io.thoughtscope.reasoning.traces.TraceReader;
import io.thoughtscope.reasoning.traces.TraceRecord;
import io.thoughtscope.viewer.trace.TraceViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The state of the trace lab window: the traces loaded (from a file, the clipboard or the
 * examples), the one selected, an optional ground truth typed by the user, and the analysis
 * shown. Reading happens on a background executor; results are applied on the UI executor in
 * one step per load. Tested without a window by passing direct executors.
 */
public final class LabViewModel {

    private static final String EXAMPLES = "/io/thoughtscope/app/examples/examples.jsonl";

    private final Executor background;
    private final Executor ui;
    private final TraceAnalyzer analyzer;
    private final TraceViewModel traceModel = new TraceViewModel();

    private final ObservableList<TraceRecord> records = FXCollections.observableArrayList();
    private final ObservableList<ReadProblem> problems = FXCollections.observableArrayList();
    private final StringProperty sourceName = new SimpleStringProperty(this, "sourceName", "");
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final StringProperty groundTruth = new SimpleStringProperty(this, "groundTruth", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObjectProperty<String> error = new SimpleObjectProperty<>(this, "error");
    private final IntegerProperty analysedCount = new SimpleIntegerProperty(this, "analysedCount");
    private final List<TraceAnalysis> cache = new ArrayList<>();
    private long loadGeneration;
    private long cacheGeneration;

    /** Files up to this many traces are analysed completely in the background, for verdicts and accuracy. */
    static final int ANALYSE_ALL_LIMIT = 20_000;

    public LabViewModel(Executor background, Executor ui, TraceAnalyzer analyzer) {
        this.background = background;
        this.ui = ui;
        this.analyzer = analyzer;
        selected.addListener((_, _, _) -> showSelected());
        groundTruth.addListener((_, _, _) -> {
            cache.replaceAll(_ -> null);
            showSelected();
            analyseAllInBackground();
        });
    }

    public TraceViewModel traceModel() {
        return traceModel;
    }

    public ObservableList<TraceRecord> records() {
        return records;
    }

    public ObservableList<ReadProblem> problems() {
        return problems;
    }

    public StringProperty sourceNameProperty() {
        return sourceName;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public StringProperty groundTruthProperty() {
        return groundTruth;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The last error for the user (a sentence, never a stack trace); null when there is none. */
    public ObjectProperty<String> errorProperty() {
        return error;
    }

    /** Reads a file in the background and shows its first trace. */
    public void open(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        load(name, (reader, rec, prob) -> {
            if (!Files.isRegularFile(file)) {
                throw new IOException(Files.isDirectory(file) ? file + " is a folder, not a trace file" : "no such file: " + file);
            }
            reader.read(file, rec, prob);
        });
    }

    /** Reads pasted or dropped text: JSONL, JSON or a plain trace with think tags. */
    public void openText(String content, String name) {
        load(name, (reader, rec, prob) -> reader.read(content, name, rec, prob));
    }

    /** The built-in example traces. */
    public void openExamples() {
        load("examples", (reader, rec, prob) -> {
            try (InputStream in = Objects.requireNonNull(LabViewModel.class.getResourceAsStream(EXAMPLES), "examples missing")) {
                reader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "examples", rec, prob);
            }
        });
    }

    @FunctionalInterface
    private interface Source {
        void read(TraceReader reader, Consumer<TraceRecord> records, Consumer<ReadProblem> problems) throws IOException;
    }

    private void load(String name, Source source) {
        long generation = ++loadGeneration;
        String truth = groundTruth.get();
        busy.set(true);
        status.set("Reading " + name + "…");
        background.execute(() -> {
            List<TraceRecord> recs = new ArrayList<>();
            List<ReadProblem> probs = new ArrayList<>();
            String failure = null;
            try {
                source.read(new TraceReader(FieldMapping.auto()), recs::add, probs::add);
            } catch (IOException | RuntimeException e) {
                failure = "Could not read " + name + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            // analyse the first trace here too, so the window shows it without a pause
            TraceAnalysis first = recs.isEmpty() ? null : analyze(recs.getFirst(), truth);
            String fail = failure;
            ui.execute(() -> {
                if (generation != loadGeneration) {
                    return; // a newer load replaced this one
                }
                busy.set(false);
                if (fail != null && recs.isEmpty()) {
                    error.set(fail);
                    status.set(fail);
                    return;
                }
                if (recs.isEmpty()) {
                    String msg;
                    if (probs.isEmpty()) {
                        msg = "No traces found in " + name;
                    } else if (probs.size() == 1 && probs.getFirst().line() == 0) {
                        msg = "Could not read " + name + ": " + probs.getFirst().message();
                    } else {
                        msg = "No readable traces in " + name + " (" + probs.size()
                                + (probs.size() == 1 ? " record" : " records") + " skipped):\n" + describe(probs);
                    }
                    error.set(msg);
                    status.set(msg.lines().findFirst().orElse(msg));
                    return;
                }
                sourceName.set(name);
                cache.clear();
                for (int i = 0; i < recs.size(); i++) {
                    cache.add(i == 0 ? first : null);
                }
                problems.setAll(probs);
                records.setAll(recs);
                selected.set(-1);
                selected.set(0);
                status.set(statusLine());
                analyseAllInBackground();
            });
        });
    }

    static String describe(List<ReadProblem> probs) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (ReadProblem p : probs) {
            if (shown++ == 12) {
                sb.append("… and ").append(probs.size() - 12).append(" more");
                break;
            }
            sb.append(p.source()).append(':').append(p.line()).append(": ").append(p.message()).append('\n');
        }
        return sb.toString().strip();
    }

    /** Counts analyses that arrived from the background; views refresh their verdict icons on change. */
    public IntegerProperty analysedCountProperty() {
        return analysedCount;
    }

    /** The analysis of record {@code i} if it is done, else null (never blocks). */
    public TraceAnalysis cachedAnalysis(int i) {
        return i >= 0 && i < cache.size() ? cache.get(i) : null;
    }

    private void analyseAllInBackground() {
        if (records.size() < 2 || records.size() > ANALYSE_ALL_LIMIT) {
            return;
        }
        long generation = ++cacheGeneration;
        List<TraceRecord> recs = List.copyOf(records);
        String truth = groundTruth.get();
        background.execute(() -> {
            List<TraceAnalysis> done = new ArrayList<>(recs.size());
            for (TraceRecord r : recs) {
                done.add(analyze(r, truth));
            }
            ui.execute(() -> {
                if (generation != cacheGeneration || cache.size() != done.size()) {
                    return; // the file or the ground truth changed meanwhile
                }
                for (int i = 0; i < done.size(); i++) {
                    if (cache.get(i) == null) {
                        cache.set(i, done.get(i));
                    }
                }
                analysedCount.set(analysedCount.get() + 1);
                status.set(statusLine());
            });
        });
    }

    private String statusLine() {
        String s = sourceName.get() + " · " + records.size() + (records.size() == 1 ? " trace" : " traces");
        if (!problems.isEmpty()) {
            s += " · " + problems.size() + " skipped (malformed)";
        }
        int graded = 0;
        int correct = 0;
        for (TraceAnalysis a : cache) {
            if (a == null) {
                return s; // not all analysed yet
            }
            if (a.verdict() != Verdict.UNGRADED) {
                graded++;
                if (a.verdict() == Verdict.CORRECT) {
                    correct++;
                }
            }
        }
        if (graded > 0) {
            s += String.format(Locale.ROOT, " · accuracy %.0f%% (%d of %d)", 100.0 * correct / graded, correct, graded);
        }
        return s;
    }

    private TraceAnalysis analyze(TraceRecord r) {
        return analyze(r, groundTruth.get());
    }

    private TraceAnalysis analyze(TraceRecord r, String truth) {
        return analyzer.analyze(r.trace(), truth == null || truth.isBlank() ? r.groundTruth() : truth);
    }

    private void showSelected() {
        int i = selected.get();
        if (i < 0 || i >= records.size()) {
            traceModel.setAnalysis(null);
            return;
        }
        TraceAnalysis a = cache.get(i);
        if (a == null) {
            a = analyze(records.get(i));
            cache.set(i, a);
        }
        traceModel.setAnalysis(a);
    }

    public TraceAnalysis current() {
        return traceModel.getAnalysis();
    }

    public TraceRecord currentRecord() {
        int i = selected.get();
        return i >= 0 && i < records.size() ? records.get(i) : null;
    }

    public void clearError() {
        error.set(null);
    }
}
