package io.thoughtscope.store.imports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.reasoning.traces.FieldMapping;
import io.thoughtscope.reasoning.traces.ReadProblem;
import io.thoughtscope.reasoning.traces.TraceReader;
import io.thoughtscope.store.SessionBundle;
import io.thoughtscope.store.Store;
import io.thoughtscope.store.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code thoughtscope import}: reads trace files, Open WebUI chat exports and LLM Reasoners tree
 * logs into the store. Every valid record is analysed and stored in its own transaction; a
 * malformed one is reported with its file and line and skipped; a record stored before (same
 * content) is not added again, so importing a file twice adds nothing. A store failure (a full
 * disk) ends the import; what was stored before it is kept.
 */
public final class Importer {

    private final Store store;
    private final TraceAnalyzer analyzer;
    private final FieldMapping mapping;

    public Importer(Store store, TraceAnalyzer analyzer, FieldMapping mapping) {
        this.store = store;
        this.analyzer = analyzer;
        this.mapping = mapping == null ? FieldMapping.auto() : mapping;
    }

    /** Stops reading when the store fails. */
    private static final class Stop extends RuntimeException {
        final StoreException cause;

        Stop(StoreException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    /** Counts while a file is read. */
    private static final class Tally {
        int added;
        int already;
        final List<ReadProblem> problems = new ArrayList<>();
        StoreException stoppedBy;
    }

    /**
     * Imports one file.
     *
     * @param format   how to read it, or null to detect it from the content
     * @param problems told about each malformed record as it is met (they are in the report too)
     * @throws IOException when the file cannot be opened or read
     */
    public ImportReport importFile(Path file, ImportFormat format, Consumer<ReadProblem> problems) throws IOException {
        ImportFormat f = format != null ? format : ImportFormat.detect(file);
        Tally tally = new Tally();
        Consumer<ReadProblem> onProblem = p -> {
            tally.problems.add(p);
            problems.accept(p);
        };
        try {
            switch (f) {
                case TRACES -> traces(file, tally, onProblem);
                case OPEN_WEBUI -> openWebUi(file, tally, onProblem);
                case TREELOG -> treeLog(file, tally, onProblem);
            }
        } catch (Stop s) {
            tally.stoppedBy = s.cause;
        }
        return new ImportReport(file.toString(), f, tally.added, tally.already, tally.problems, tally.stoppedBy);
    }

    private void store(String key, SessionBundle bundle, Tally tally) {
        try {
            if (store.saveBundle(key, bundle)) {
                tally.added++;
            } else {
                tally.already++;
            }
        } catch (StoreException e) {
            throw new Stop(e);
        }
    }

    private void traces(Path file, Tally tally, Consumer<ReadProblem> problems) throws IOException {
        TraceReader reader = new TraceReader(mapping);
        reader.read(file, r -> {
            String key = TraceSessions.key(r);
            if (store.hasImportKey(key)) {
                tally.already++; // known: not analysed again
                return;
            }
            TraceAnalysis a = analyzer.analyze(r.trace(), r.groundTruth());
            store(key, TraceSessions.bundle(r, a), tally);
        }, problems);
    }

    private void openWebUi(Path file, Tally tally, Consumer<ReadProblem> problems) throws IOException {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file); JsonParser p = Jsons.MAPPER.createParser(in)) {
            JsonToken first;
            try {
                first = p.nextToken();
            } catch (JacksonException e) {
                problems.accept(new ReadProblem(source, line(e), "line " + line(e) + ": " + TreeLogs.malformedJson(e)));
                return;
            }
            if (first == JsonToken.START_OBJECT) {
                int line = p.currentTokenLocation().getLineNr();
                chat(Jsons.MAPPER.readTree(p), line, 1, source, tally, problems);
                return;
            }
            if (first != JsonToken.START_ARRAY) {
                problems.accept(new ReadProblem(source, 1, "line 1: an Open WebUI export is a JSON array of chats"));
                return;
            }
            int index = 0;
            while (true) {
                int line = 0;
                JsonNode element;
                try {
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.END_ARRAY || t == null) {
                        return;
                    }
                    line = p.currentTokenLocation().getLineNr();
                    element = Jsons.MAPPER.readTree(p);
                } catch (JacksonException e) {
                    // a broken document cannot be resynchronised: report where, keep what came before
                    int at = line(e);
                    problems.accept(new ReadProblem(source, at, "line " + at + ": " + TreeLogs.malformedJson(e)
                            + "; the rest of the file was not read"));
                    return;
                }
                chat(element, line, ++index, source, tally, problems);
            }
        }
    }

    private void chat(JsonNode element, int line, int index, String source, Tally tally, Consumer<ReadProblem> problems) {
        String key = OpenWebUiChats.key(element);
        if (store.hasImportKey(key)) {
            tally.already++;
            return;
        }
        SessionBundle bundle;
        try {
            bundle = OpenWebUiChats.bundle(element, line, analyzer);
        } catch (Malformed m) {
            problems.accept(new ReadProblem(source, m.line(), "line " + m.line() + ": chat " + index + ": " + m.getMessage()));
            return;
        } catch (RuntimeException e) {
            problems.accept(new ReadProblem(source, line, "line " + line + ": chat " + index + " could not be read: " + e));
            return;
        }
        store(key, bundle, tally);
    }

    private void treeLog(Path file, Tally tally, Consumer<ReadProblem> problems) throws IOException {
        String source = file.toString();
        byte[] bytes = Files.readAllBytes(file);
        String key = Jsons.key("treelog", bytes);
        if (store.hasImportKey(key)) {
            tally.already++;
            return;
        }
        SessionBundle bundle;
        try (JsonParser p = Jsons.MAPPER.createParser(bytes)) {
            bundle = TreeLogs.bundle(TreeLogs.snapshots(p), file.getFileName().toString(), analyzer);
        } catch (JacksonException e) {
            int at = line(e);
            problems.accept(new ReadProblem(source, at, "line " + at + ": " + TreeLogs.malformedJson(e)));
            return;
        } catch (Malformed m) {
            problems.accept(new ReadProblem(source, m.line(), "line " + m.line() + ": " + m.getMessage()));
            return;
        }
        store(key, bundle, tally);
    }

    private static int line(JacksonException e) {
        return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
    }
}
