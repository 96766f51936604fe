package io.thoughtscope.reasoning.traces;

import java.util.Locale;
import java.util.Set;

/**
 * Decides a file's format from its first bytes: whether it is text at all, then JSON array,
 * JSON objects (JSONL, one object, a container) or plain text.
 */
final class Sniffer {

    /** How much of the file decides: enough to see past a long first line's start. */
    static final int HEAD_BYTES = 1 << 16;

    enum Format { JSON_ARRAY, JSON_OBJECTS, PLAIN_TEXT }

    /** The format, or (format null) why the file cannot be read. */
    record Sniff(Format format, String problem) {
        static Sniff of(Format f) {
            return new Sniff(f, null);
        }

        static Sniff bad(String problem) {
            return new Sniff(null, problem);
        }
    }

    private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "md", "markdown", "text", "log");

    private Sniffer() {
    }

    /**
     * @param head     the file's first bytes
     * @param whole    whether {@code head} is the whole file
     * @param fileName the name, whose extension forces plain text for .txt / .md
     */
    static Sniff sniff(byte[] head, boolean whole, String fileName) {
        int from = Utf8.bomLength(head);
        if (from == 0 && head.length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            return Sniff.bad("UTF-16 text is not supported: save the file as UTF-8");
        }
        for (int i = from; i < head.length; i++) {
            if (head[i] == 0) {
                return Sniff.bad("binary file (NUL byte at offset " + i + "), not JSON, JSONL or text");
            }
        }
        Utf8.Scan scan = Utf8.scan(head, from, whole);
        String text = scan.text();
        // a stray Latin-1 byte is reported where it lies (JSONL goes on past it); many mean no UTF-8 at all
        if (scan.errors() > 4 + text.length() / 100) {
            return Sniff.bad("not UTF-8 text (byte 0x%02X at offset %d and %d more): a binary file or another encoding"
                    .formatted(head[scan.firstError()] & 0xFF, scan.firstError(), scan.errors() - 1));
        }
        if (controlCharacters(text) > 4 + text.length() / 100) {
            return Sniff.bad("binary file (control characters in the first " + head.length
                    + " bytes), not JSON, JSONL or text");
        }
        if (text.isBlank()) {
            return whole ? Sniff.bad("empty file: no traces") : Sniff.of(Format.PLAIN_TEXT);
        }
        if (TEXT_EXTENSIONS.contains(extension(fileName))) {
            return Sniff.of(Format.PLAIN_TEXT);
        }
        int first = nonBlank(text, 0);
        int second = nonBlank(text, first + 1);
        char next = second < 0 ? 0 : text.charAt(second);
        // the character after the bracket tells JSON from a text that merely starts with one
        return switch (text.charAt(first)) {
            case '[' -> next == 0 || "{\"[]".indexOf(next) >= 0 ? Sniff.of(Format.JSON_ARRAY) : Sniff.of(Format.PLAIN_TEXT);
            case '{' -> next == 0 || next == '"' || next == '}' ? Sniff.of(Format.JSON_OBJECTS) : Sniff.of(Format.PLAIN_TEXT);
            default -> Sniff.of(Format.PLAIN_TEXT);
        };
    }

    private static int controlCharacters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // tabs, line ends, form feeds and ANSI escapes occur in real text; the rest do not
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F) {
                n++;
            }
        }
        return n;
    }

    private static int nonBlank(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
