package io.thoughtscope.reasoning.traces;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * Files that start with an object: JSONL, streamed line by line, or a JSON document handed to
 * {@link JsonDocumentInput}. JSONL when the first line is a whole object and more lines follow,
 * when the first line is broken beyond repair, or when it is only the start of an object but
 * the next line cannot continue it and starts an object itself (a cut-off first line). A
 * pretty-printed document's first lines always continue each other.
 */
final class JsonLinesInput {

    private JsonLinesInput() {
    }

    static void read(ByteSource source, Sink sink) throws IOException {
        boolean jsonl;
        try (Utf8Lines lines = new Utf8Lines(source.open())) {
            Utf8Lines.Line first = nextNonBlank(lines);
            if (first == null) {
                sink.fileProblem("empty file: no traces");
                return;
            }
            Utf8Lines.Line second = nextNonBlank(lines);
            jsonl = second != null && isJsonl(first, second);
            if (jsonl) {
                line(first, sink);
                line(second, sink);
                for (Utf8Lines.Line l = lines.next(); l != null; l = lines.next()) {
                    line(l, sink);
                }
            }
        }
        if (!jsonl) {
            JsonDocumentInput.readObjects(source, sink);
        }
    }

    private static Utf8Lines.Line nextNonBlank(Utf8Lines lines) throws IOException {
        for (Utf8Lines.Line l = lines.next(); l != null; l = lines.next()) {
            if (!l.isBlank()) {
                return l;
            }
        }
        return null;
    }

    /** How a piece of text parses on its own. */
    private enum Fit { WHOLE_OBJECT, PREFIX, BROKEN }

    private static boolean isJsonl(Utf8Lines.Line first, Utf8Lines.Line second) {
        if (first.text() == null || second.text() == null) {
            return true; // undecodable lines only make sense reported one by one
        }
        return switch (fit(first.text())) {
            case WHOLE_OBJECT, BROKEN -> true;
            case PREFIX -> second.text().stripLeading().startsWith("{")
                    && fit(first.text() + "\n" + second.text()) == Fit.BROKEN;
        };
    }

    private static Fit fit(String text) {
        try (JsonParser p = Json.MAPPER.createParser(text)) {
            JsonNode n = Json.MAPPER.readTree(p);
            return n != null && n.isObject() && p.nextToken() == null ? Fit.WHOLE_OBJECT : Fit.BROKEN;
        } catch (JsonEOFException e) {
            return Fit.PREFIX; // valid so far: it may go on in the next line
        } catch (JacksonException e) {
            // not every end-of-input error is a JsonEOFException ("within/between Array entries")
            String m = e.getOriginalMessage();
            return m != null && m.startsWith("Unexpected end-of-input") ? Fit.PREFIX : Fit.BROKEN;
        } catch (IOException e) {
            return Fit.BROKEN;
        }
    }

    /** One JSONL line; blank lines are skipped without a word. */
    private static void line(Utf8Lines.Line l, Sink sink) {
        Where where = sink.line(l.number());
        if (l.text() == null) {
            sink.problem(where, l.error());
            return;
        }
        if (l.text().isBlank()) {
            return;
        }
        JsonNode node;
        try (JsonParser p = Json.MAPPER.createParser(l.text())) {
            node = Json.MAPPER.readTree(p);
            if (p.nextToken() != null) {
                sink.problem(where, "malformed JSON: more than one value on the line (a second one starts at column "
                        + p.currentTokenLocation().getColumnNr() + ")");
                return;
            }
        } catch (JacksonException e) {
            sink.problem(where, Json.malformed(e, false));
            return;
        } catch (IOException e) {
            sink.problem(where, "unreadable: " + e.getMessage());
            return;
        }
        sink.json(node, where, null);
    }
}
