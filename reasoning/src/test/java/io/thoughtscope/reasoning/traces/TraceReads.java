package io.thoughtscope.reasoning.traces;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What one read delivered, for assertions. */
final class TraceReads {

    final List<TraceRecord> records = new ArrayList<>();
    final List<ReadProblem> problems = new ArrayList<>();
    int returned;

    static TraceReads of(FieldMapping mapping, Path file) throws IOException {
        TraceReads r = new TraceReads();
        r.returned = new TraceReader(mapping).read(file, r.records::add, r.problems::add);
        assertThat(r.returned).as("returned count").isEqualTo(r.records.size());
        return r;
    }

    static TraceReads of(Path file) throws IOException {
        return of(FieldMapping.auto(), file);
    }

    static TraceReads of(FieldMapping mapping, String content, String name) {
        TraceReads r = new TraceReads();
        r.returned = new TraceReader(mapping).read(content, name, r.records::add, r.problems::add);
        assertThat(r.returned).as("returned count").isEqualTo(r.records.size());
        return r;
    }

    static TraceReads of(String content) {
        return of(FieldMapping.auto(), content, "paste.jsonl");
    }

    /** The single record, asserting there were no problems. */
    TraceRecord only() {
        assertThat(problems).isEmpty();
        assertThat(records).hasSize(1);
        return records.getFirst();
    }

    List<String> messages() {
        return problems.stream().map(ReadProblem::message).toList();
    }
}
