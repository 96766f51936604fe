package io.thoughtscope.reasoning.traces;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads reasoning traces from JSON, JSONL and plain-text files into {@link TraceRecord}s.
 *
 * <p>The format comes from the content, not the extension (except that {@code .txt},
 * {@code .md}, {@code .markdown}, {@code .text} and {@code .log} are always plain text):
 * <ol>
 *   <li>first non-blank character {@code [} followed by {@code {}, {@code "}, {@code [} or
 *       {@code ]}: a JSON array of records, streamed element by element; lines are record indices;</li>
 *   <li>{@code {} followed by {@code "} or <code>}</code>: JSONL when the first line is a whole
 *       object and more lines follow (or the first line is broken, or cut off with the next line
 *       starting an object), streamed line by line in constant memory, blank lines skipped;
 *       otherwise one JSON document, read whole: a container
 *       (an array of objects in {@code data}, {@code records}, {@code traces}, {@code samples},
 *       {@code results}, {@code items} or {@code rows}) whose elements are the records, a single
 *       record, or several concatenated objects;</li>
 *   <li>anything else: the whole file is one plain-text trace (think tags allowed).</li>
 * </ol>
 * Which fields of a record hold what is {@link RecordExtractor}'s business, driven by the
 * {@link FieldMapping}. A UTF-8 BOM is skipped. Binary, UTF-16 and non-UTF-8 files, malformed
 * lines and records without a trace are reported as {@link ReadProblem}s; reading goes on past
 * every bad JSONL line. Only failing to open or read the file throws. A reader holds no state
 * between reads and may be shared between threads.
 */
public final class TraceReader {

    private final RecordExtractor extractor;

    public TraceReader(FieldMapping mapping) {
        this.extractor = new RecordExtractor(mapping == null ? FieldMapping.auto() : mapping);
    }

    /**
     * Reads a file. Records and problems are handed over as they are read.
     *
     * @return how many records were delivered
     * @throws IOException when the file cannot be opened or read
     */
    public int read(Path file, Consumer<TraceRecord> records, Consumer<ReadProblem> problems) throws IOException {
        Path name = file.getFileName();
        return read(() -> Files.newInputStream(file), file.toString(), name == null ? file.toString() : name.toString(),
                records, problems);
    }

    /**
     * Reads pasted text: JSONL, a JSON array or object, or one plain trace.
     *
     * @param sourceName names the paste in records and problems ({@code pasted} when null or blank);
     *                   a {@code .txt} / {@code .md} ending forces plain text
     * @return how many records were delivered
     */
    public int read(String content, String sourceName, Consumer<TraceRecord> records, Consumer<ReadProblem> problems) {
        String name = sourceName == null || sourceName.isBlank() ? "pasted" : sourceName;
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            return read(() -> new ByteArrayInputStream(bytes), name, name, records, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
    }

    private int read(ByteSource source, String sourceName, String fileName, Consumer<TraceRecord> records,
                     Consumer<ReadProblem> problems) throws IOException {
        Sink sink = new Sink(extractor, sourceName, fileName, records, problems);
        byte[] head;
        boolean whole;
        try (InputStream in = source.open()) {
            head = in.readNBytes(Sniffer.HEAD_BYTES);
            whole = head.length < Sniffer.HEAD_BYTES || in.read() < 0;
        }
        Sniffer.Sniff sniff = Sniffer.sniff(head, whole, fileName);
        if (sniff.format() == null) {
            sink.fileProblem(sniff.problem());
            return 0;
        }
        switch (sniff.format()) {
            case JSON_ARRAY -> JsonDocumentInput.readArray(source, sink);
            case JSON_OBJECTS -> JsonLinesInput.read(source, sink);
            case PLAIN_TEXT -> PlainTextInput.read(source, sink);
        }
        return sink.delivered();
    }
}
