package io.thoughtscope.reasoning.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of strategy specs: words separated by blanks, double quotes around values with
 * blanks, backslash escapes {@code \n \t \r \" \\ \;}. A backslash before any other character is
 * kept as written, so {@code \boxed} needs no escaping.
 */
final class SpecText {

    private SpecText() {
    }

    /** Splits at {@code separator} outside quotes and not escaped; the parts keep their escapes. */
    static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                cur.append(c).append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (c == separator && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote in: " + text);
        }
        parts.add(cur.toString());
        return parts;
    }

    /** The blank-separated words, quotes removed and escapes read. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                cur.append(escaped(text.charAt(++i)));
                inWord = true;
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote in: " + text);
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }

    /** Reads the escapes of one value. */
    static String unescape(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                sb.append(escaped(value.charAt(++i)));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String escaped(char c) {
        return switch (c) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case '"', '\\', ';' -> String.valueOf(c);
            default -> "\\" + c;
        };
    }

    /** A value as {@link #words} reads it back: escaped, and quoted when it has blanks. */
    static String quote(String value) {
        StringBuilder sb = new StringBuilder();
        boolean blanks = value.isEmpty();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                default -> {
                    blanks |= Character.isWhitespace(c);
                    sb.append(c);
                }
            }
        }
        return blanks ? "\"" + sb + "\"" : sb.toString();
    }
}
