package io.thoughtscope.reasoning.traces;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * JSON documents: an array of records (streamed element by element), or objects that are not
 * JSONL: one object (a record, or a container of records), or several concatenated
 * pretty-printed objects. A syntax error ends the document: JSON has no line to resume at.
 */
final class JsonDocumentInput {

    /** Fields that hold the records of a container object, e.g. {@code {"data": [...]}}. */
    static final List<String> CONTAINERS = List.of("data", "records", "traces", "samples", "results", "items", "rows");

    private JsonDocumentInput() {
    }

    /** {@code [ {...}, {...} ]}: record i is element i (1-based). */
    static void readArray(ByteSource source, Sink sink) throws IOException {
        int index = 0;
        try (InputStream in = source.open(); JsonParser p = Json.MAPPER.createParser(in)) {
            p.nextToken(); // the '[' the sniffer saw
            while (true) {
                JsonToken t;
                try {
                    t = p.nextToken();
                    if (t == JsonToken.END_ARRAY) {
                        break;
                    }
                    index++;
                    if (t == null) {
                        sink.problem(sink.record(index), "malformed JSON: the array never closes (the file ends)");
                        return;
                    }
                    JsonNode node = Json.MAPPER.readTree(p);
                    sink.json(node, sink.record(index), null);
                } catch (JacksonException e) {
                    sink.problem(sink.record(Math.max(index, 1)), Json.malformed(e, true));
                    return;
                }
            }
            try {
                if (p.nextToken() != null) {
                    sink.problem(sink.record(index), "malformed JSON: content after the closing ']' at line "
                            + p.currentTokenLocation().getLineNr());
                }
            } catch (JacksonException e) {
                sink.problem(sink.record(index), "content after the closing ']': " + Json.malformed(e, true));
            }
        }
    }

    /** One object (a record or a container), or a stream of objects (record i is object i). */
    static void readObjects(ByteSource source, Sink sink) throws IOException {
        int index = 0;
        JsonNode first = null;
        try (InputStream in = source.open(); JsonParser p = Json.MAPPER.createParser(in)) {
            try {
                while (p.nextToken() != null) {
                    JsonNode node = Json.MAPPER.readTree(p);
                    index++;
                    if (index == 1) {
                        first = node; // alone it may be a container; wait and see
                        continue;
                    }
                    if (index == 2) {
                        sink.json(first, sink.record(1), null);
                    }
                    sink.json(node, sink.record(index), null);
                }
            } catch (JacksonException e) {
                if (index == 1) {
                    single(first, sink);
                }
                int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
                // the line in the file says more than a record number in a document
                sink.problem(sink.line(line), Json.malformed(e, false)
                        + (index > 0 ? " (after " + index + " complete object" + (index > 1 ? "s" : "") + ")" : ""));
                return;
            }
        }
        if (index == 1) {
            single(first, sink);
        }
    }

    /** A container's records, or the object as one record. */
    private static void single(JsonNode node, Sink sink) {
        for (String name : CONTAINERS) {
            JsonNode array = node.get(name);
            if (isRecordArray(array)) {
                String model = FieldNames.MODEL.stream().map(node::get)
                        .filter(v -> v != null && v.isTextual()).map(JsonNode::textValue).findFirst().orElse(null);
                int index = 0;
                for (JsonNode element : array) {
                    index++;
                    // Hugging Face's datasets server wraps each row: {"row_idx": 0, "row": {...}}
                    JsonNode row = name.equals("rows") && element.path("row").isObject() ? element.get("row") : element;
                    sink.json(row, sink.record(index), model);
                }
                return;
            }
        }
        sink.json(node, sink.line(1), null); // one object: a one-line JSONL file, or one starting at line 1
    }

    private static boolean isRecordArray(JsonNode n) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            return false;
        }
        for (JsonNode e : n) {
            if (!e.isObject()) {
                return false;
            }
        }
        return true;
    }
}
