package io.thoughtscope.runtime.remote;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a streamed response event by event: server-sent events (the OpenAI-compatible servers:
 * {@code data:} lines, several joined by newlines, an event ending at a blank line, comments
 * starting with a colon; older llama-server sends failures as {@code error:} lines) or
 * newline-delimited JSON (Ollama's native API). Lines end with LF, CRLF or CR.
 */
final class EventReader implements Closeable {

    /** One event: its data, and whether the server marked it as an error. */
    record Event(String data, boolean error) {
        boolean done() {
            return !error && data.strip().equals("[DONE]");
        }
    }

    private final InputStream in;
    private final boolean ndjson;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private boolean lastWasCr;

    EventReader(InputStream in, boolean ndjson) {
        this.in = in;
        this.ndjson = ndjson;
    }

    /** The next event, or null at the end of the stream (which may be a cut: the caller decides). */
    Event next() throws IOException {
        if (ndjson) {
            String l;
            while ((l = readLine()) != null) {
                if (!l.isBlank()) {
                    return new Event(l, false);
                }
            }
            return null;
        }
        StringBuilder data = null;
        boolean error = false;
        String l;
        while ((l = readLine()) != null) {
            if (l.isEmpty()) {
                if (data != null) {
                    return new Event(data.toString(), error);
                }
                continue;
            }
            if (l.startsWith(":")) {
                continue; // a comment (keep-alive)
            }
            int colon = l.indexOf(':');
            String field = colon < 0 ? l : l.substring(0, colon);
            String value = colon < 0 ? "" : l.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("data") || field.equals("error")) {
                error |= field.equals("error");
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            } else if (field.equals("event") && value.equals("error")) {
                error = true;
            }
        }
        // the stream ended: an event without its blank line still counts
        return data == null ? null : new Event(data.toString(), error);
    }

    private String readLine() throws IOException {
        line.reset();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                if (lastWasCr) {
                    lastWasCr = false;
                    continue;
                }
                return line.toString(StandardCharsets.UTF_8);
            }
            lastWasCr = b == '\r';
            if (lastWasCr) {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
