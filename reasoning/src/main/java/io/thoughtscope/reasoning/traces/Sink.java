package io.thoughtscope.reasoning.traces;

import com.fasterxml.jackson.databind.JsonNode;
import io.thoughtscope.reasoning.analysis.ThinkingSplitter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Where the format readers put what they read: records out, problems reported, a count kept. */
final class Sink {

    private final RecordExtractor extractor;
    private final String source;
    private final String file;
    private final Consumer<TraceRecord> records;
    private final Consumer<ReadProblem> problems;
    private int delivered;

    Sink(RecordExtractor extractor, String source, String file, Consumer<TraceRecord> records,
         Consumer<ReadProblem> problems) {
        this.extractor = extractor;
        this.source = source;
        this.file = file;
        this.records = records;
        this.problems = problems;
    }

    Where line(int line) {
        return Where.line(file, line);
    }

    Where record(int index) {
        return Where.record(file, index);
    }

    /** Reads one JSON record; its problems are reported, never thrown. */
    void json(JsonNode node, Where where, String fallbackModel) {
        List<String> warnings = new ArrayList<>(0);
        List<TraceRecord> out;
        try {
            out = extractor.extract(node, source, where, fallbackModel, warnings::add);
        } catch (RecordProblem e) {
            problem(where, e.getMessage());
            return;
        } catch (RuntimeException e) {
            // a shape nobody foresaw must not end the file
            problem(where, "could not read the record: " + e);
            return;
        }
        warnings.forEach(w -> problem(where, w));
        out.forEach(this::deliver);
    }

    /** A whole plain-text trace. */
    void plain(String text, Where where) {
        deliver(new TraceRecord(source, where.line(), where.defaultId(), null, ThinkingSplitter.split(text), null, null));
    }

    void problem(Where where, String message) {
        problems.accept(new ReadProblem(source, where.line(), where.at() + ": " + message));
    }

    /** A problem with the file as a whole (line 0). */
    void fileProblem(String message) {
        problems.accept(new ReadProblem(source, 0, message));
    }

    int delivered() {
        return delivered;
    }

    private void deliver(TraceRecord r) {
        records.accept(r);
        delivered++;
    }
}
