package io.thoughtscope.reasoning.analysis.answers;

import static io.thoughtscope.reasoning.analysis.answers.LatexBraces.isAsciiLetter;
import static io.thoughtscope.reasoning.analysis.answers.LatexBraces.isDigit;
import static io.thoughtscope.reasoning.analysis.answers.LatexBraces.letterRun;

/**
 * Braces the arguments of {@code \frac}, {@code \binom} and {@code \sqrt} the way LaTeX reads
 * them, so {@code \frac12}, {@code \frac1{2}} and {@code \frac{1}{2}} all print alike, and
 * {@code \sqrt3} (or {@code \sqrt(3)} from a Unicode root) becomes {@code \sqrt{3}}.
 */
final class FractionBraces {

    private FractionBraces() {
    }

    static String brace(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        append(s, 0, s.length(), out);
        return out.toString();
    }

    private static void append(String s, int from, int to, StringBuilder out) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= to) {
                out.append(c);
                i++;
            } else if (!isAsciiLetter(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(i + 1));
                i += 2;
            } else {
                int len = letterRun(s, i + 1);
                String name = s.substring(i + 1, i + 1 + len);
                out.append(s, i, i + 1 + len);
                i += 1 + len;
                switch (name) {
                    case "frac", "binom" -> {
                        i = argument(s, i, to, out, false);
                        i = argument(s, i, to, out, false);
                    }
                    case "sqrt" -> {
                        int j = skipSpaces(s, i, to);
                        if (j < to && s.charAt(j) == '[') {
                            int close = s.indexOf(']', j);
                            if (close < 0 || close >= to) {
                                out.append(s, j, to);
                                return;
                            }
                            out.append('[');
                            append(s, j + 1, close, out);
                            out.append(']');
                            i = close + 1;
                        }
                        i = argument(s, i, to, out, true);
                    }
                    default -> {
                        // any other command is copied as written
                    }
                }
            }
        }
    }

    /** Copies one argument starting at or after {@code i}, braced; returns where it ended. */
    private static int argument(String s, int i, int to, StringBuilder out, boolean parentheses) {
        int j = skipSpaces(s, i, to);
        if (j >= to) {
            return j;
        }
        char c = s.charAt(j);
        if (c == '{' || (parentheses && c == '(')) {
            int close = c == '{' ? LatexBraces.closing(s, j, to) : closingParenthesis(s, j, to);
            if (close < 0) {
                out.append(s, j, to); // unbalanced: leave it for the parser to reject
                return to;
            }
            out.append('{');
            append(s, j + 1, close, out);
            out.append('}');
            return close + 1;
        }
        if (isDigit(c) || isAsciiLetter(c)) {
            out.append('{').append(c).append('}');
            return j + 1;
        }
        if (c == '\\' && j + 1 < to && isAsciiLetter(s.charAt(j + 1))) {
            int len = letterRun(s, j + 1);
            out.append('{').append(s, j, j + 1 + len).append('}');
            return j + 1 + len;
        }
        return i;
    }

    private static int closingParenthesis(String s, int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpaces(String s, int i, int to) {
        while (i < to && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
