package io.thoughtscope.runtime.llama;

import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Receives llama.cpp's log lines. They are kept in a small numbered ring so that a failure can be
 * explained with what the library said ("unknown model architecture: ..."), and printed only
 * when {@code -Dthoughtscope.llama.log=true}.
 */
final class LlamaLog {

    private record Line(long number, String text) {}

    private static final int KEEP = 400;
    private static final Deque<Line> RECENT = new ArrayDeque<>();
    private static final StringBuilder PARTIAL = new StringBuilder();
    private static final boolean ECHO = Boolean.getBoolean("thoughtscope.llama.log");
    private static long next;

    private LlamaLog() {
    }

    /** Upcall target: void (*ggml_log_callback)(enum ggml_log_level level, const char * text, void * user_data). */
    static void log(int level, MemorySegment text, MemorySegment userData) {
        String s;
        try {
            s = text.reinterpret(1 << 16).getString(0);
        } catch (RuntimeException e) {
            return; // never throw into native code
        }
        synchronized (RECENT) {
            PARTIAL.append(s);
            int nl;
            while ((nl = PARTIAL.indexOf("\n")) >= 0) {
                String line = PARTIAL.substring(0, nl);
                PARTIAL.delete(0, nl + 1);
                if (RECENT.size() == KEEP) {
                    RECENT.removeFirst();
                }
                RECENT.addLast(new Line(next++, line));
                if (ECHO) {
                    System.err.println("[llama] " + line);
                }
            }
        }
    }

    /** A mark: the number the next line will get. */
    static long mark() {
        synchronized (RECENT) {
            return next;
        }
    }

    /** The lines logged since {@code mark} that say something went wrong, joined for an exception message. */
    static String problemsSince(long mark) {
        StringBuilder sb = new StringBuilder();
        synchronized (RECENT) {
            for (Line l : RECENT) {
                String t = l.text().strip();
                String lower = t.toLowerCase(java.util.Locale.ROOT);
                if (l.number() >= mark && (lower.contains("error") || lower.contains("failed") || lower.contains("unknown")
                        || lower.contains("invalid") || lower.contains("not supported") || lower.contains("out of memory")
                        || lower.contains("unable"))) {
                    if (!sb.isEmpty()) {
                        sb.append("; ");
                    }
                    sb.append(t);
                }
            }
        }
        return sb.toString();
    }

    /**
     * The layers offloaded to a GPU and the layers llama.cpp counts (the output layer included), as
     * logged since {@code mark} ("offloaded 29/29 layers to GPU"), or null if nothing was logged.
     */
    static int[] offloadedLayersSince(long mark) {
        int[] found = null;
        synchronized (RECENT) {
            for (Line l : RECENT) {
                if (l.number() < mark) {
                    continue;
                }
                String t = l.text();
                int i = t.indexOf("offloaded ");
                int slash = i < 0 ? -1 : t.indexOf('/', i + 10);
                int space = slash < 0 ? -1 : t.indexOf(' ', slash);
                if (slash > 0 && space > slash) {
                    try {
                        found = new int[] {Integer.parseInt(t.substring(i + 10, slash).strip()),
                                Integer.parseInt(t.substring(slash + 1, space).strip())};
                    } catch (NumberFormatException e) {
                        // another kind of line
                    }
                }
            }
        }
        return found;
    }
}
