package io.thoughtscope.reasoning.analysis.answers;

import java.util.ArrayList;
import java.util.List;

/**
 * Operations on the top level of an answer, outside any bracket: {@code (1, 2), \{3, 4\}} has
 * two top-level parts. Any of {@code ( [ \{ {} opens and any of {@code ) ] \} }} closes, so
 * half-open intervals such as {@code [0, 1)} nest correctly.
 */
final class TopLevel {

    private TopLevel() {
    }

    static boolean opens(char c) {
        return c == '(' || c == '[' || c == '{';
    }

    static boolean closes(char c) {
        return c == ')' || c == ']' || c == '}';
    }

    /** The parts of {@code s} between top-level occurrences of {@code sep}. */
    static List<String> split(String s, char sep) {
        List<String> parts = new ArrayList<>(4);
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (opens(c)) {
                depth++;
            } else if (closes(c)) {
                depth = Math.max(0, depth - 1);
            } else if (c == sep && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** The parts of {@code s} between top-level occurrences of the command {@code \name}. */
    static List<String> splitCommand(String s, String name) {
        List<String> parts = new ArrayList<>(2);
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (opens(c)) {
                depth++;
            } else if (closes(c)) {
                depth = Math.max(0, depth - 1);
            } else if (c == '\\' && depth == 0 && LatexBraces.commandAt(s, i, name)) {
                parts.add(s.substring(start, i));
                start = i + 1 + name.length();
                i = start - 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** Indices of top-level {@code '='} signs that are not part of {@code <=, >=, !=, ==}. */
    static List<Integer> equalsSigns(String s) {
        List<Integer> at = new ArrayList<>(1);
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (opens(c)) {
                depth++;
            } else if (closes(c)) {
                depth = Math.max(0, depth - 1);
            } else if (c == '=' && depth == 0) {
                char before = i > 0 ? s.charAt(i - 1) : ' ';
                char after = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
                if ("<>!=".indexOf(before) < 0 && after != '=') {
                    at.add(i);
                }
            }
        }
        return at;
    }

    /** The top-level index of the command {@code \name}, or -1. */
    static int indexOfCommand(String s, String name) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (opens(c)) {
                depth++;
            } else if (closes(c)) {
                depth = Math.max(0, depth - 1);
            } else if (c == '\\' && depth == 0 && LatexBraces.commandAt(s, i, name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the bracket opening at index {@code from} closes exactly at the last character. */
    static boolean enclosedFrom(String s, int from) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (opens(c)) {
                depth++;
            } else if (closes(c)) {
                depth--;
                if (depth == 0) {
                    return i == s.length() - 1;
                }
                if (depth < 0) {
                    return false;
                }
            }
        }
        return false;
    }
}
