package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a region of a trace into steps: paragraphs at blank lines, then sentences (and single
 * lines) inside them. Each step keeps the whitespace that follows it, so the steps of a region
 * concatenate back to the region exactly. Display math ({@code \[...\]}, {@code $$...$$},
 * {@code \begin...\end}) is never split, nor are decimals, abbreviations and list numbers.
 */
public final class StepSegmenter {

    /** A step before labelling: its span and the paragraph it belongs to within its region. */
    public record Step(Span span, int paragraph) {}

    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "st", "fig", "eq", "approx", "no", "cf", "al",
            "resp", "ca", "sec", "ch", "vol", "pp");

    private StepSegmenter() {
    }

    public static List<Step> segment(CharSequence text, Span region) {
        Steps steps = new Steps(text, region);
        final int to = region.end();
        int mathDepth = 0;         // inside display math: no splitting
        boolean dollarMath = false;
        int i = region.start();
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < to) {
                char d = text.charAt(i + 1);
                steps.content = true;
                if (d == '[') {
                    mathDepth++;
                    i += 2;
                } else if (d == ']' && mathDepth > 0) {
                    mathDepth--;
                    i += 2;
                } else if (startsWith(text, i, to, "\\begin{")) {
                    mathDepth++;
                    i += 7;
                } else if (startsWith(text, i, to, "\\end{") && mathDepth > 0) {
                    mathDepth--;
                    i += 5;
                } else {
                    i += 2; // an escaped character (\. \$ \\) never ends a step
                }
                continue;
            }
            if (c == '$' && i + 1 < to && text.charAt(i + 1) == '$') {
                dollarMath = !dollarMath;
                steps.content = true;
                i += 2;
                continue;
            }
            if (c == '\n') {
                int j = skipWhitespace(text, i, to);
                if (countNewlines(text, i, j) >= 2) {
                    // a blank line ends a paragraph, and any math block a malformed trace left open
                    mathDepth = 0;
                    dollarMath = false;
                }
                if (mathDepth == 0 && !dollarMath && steps.content) {
                    steps.end(i, j);
                }
                i = j;
                continue;
            }
            if (!Character.isWhitespace(c)) {
                steps.content = true;
            }
            boolean inMath = mathDepth > 0 || dollarMath;
            if (!inMath && (c == '.' || c == '!' || c == '?')) {
                int j = skipClosers(text, i + 1, to);
                if ((j == to || Character.isWhitespace(text.charAt(j))) && !(c == '.' && isNonTerminalPeriod(text, steps.start, i))) {
                    i = steps.end(j, skipWhitespace(text, j, to));
                } else {
                    i = j;
                }
                continue;
            }
            if (!inMath && (c == '。' || c == '！' || c == '？')) {
                int j = skipClosers(text, i + 1, to);
                i = steps.end(j, skipWhitespace(text, j, to));
                continue;
            }
            i++;
        }
        return steps.finish();
    }

    /** The steps found so far and the one being read. */
    private static final class Steps {
        private final CharSequence text;
        private final int to;
        private final List<Step> list = new ArrayList<>();
        int start;
        boolean content;       // the current step has a non-space character
        private int paragraph;

        Steps(CharSequence text, Span region) {
            this.text = text;
            this.to = region.end();
            this.start = region.start();
        }

        /**
         * Ends the current step at {@code end}, where the whitespace that follows its last character
         * (from {@code wsStart}) ends; a blank line in that whitespace starts a new paragraph.
         */
        int end(int wsStart, int end) {
            list.add(new Step(new Span(start, end), paragraph));
            if (countNewlines(text, wsStart, end) >= 2) {
                paragraph++;
            }
            start = end;
            content = false;
            return end;
        }

        List<Step> finish() {
            if (start < to) {
                if (!content && !list.isEmpty()) {
                    // trailing whitespace belongs to the last step
                    Step last = list.removeLast();
                    list.add(new Step(new Span(last.span().start(), to), last.paragraph()));
                } else {
                    list.add(new Step(new Span(start, to), paragraph));
                }
            }
            return list;
        }
    }

    private static int skipWhitespace(CharSequence text, int from, int to) {
        int k = from;
        while (k < to && Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int skipClosers(CharSequence text, int from, int to) {
        int k = from;
        while (k < to && isCloser(text.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int countNewlines(CharSequence text, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static boolean isCloser(char c) {
        return c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']' || c == '*'
                || c == '\u201D' || c == '\u2019' || c == '」' || c == '』' || c == '）';
    }

    /** A period after an abbreviation ("e.g.") or a list number at the start of a step ("2. "). */
    private static boolean isNonTerminalPeriod(CharSequence text, int segStart, int dot) {
        int w = dot;
        while (w > segStart && (Character.isLetterOrDigit(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            w--;
        }
        if (w == dot) {
            return false;
        }
        String word = text.subSequence(w, dot).toString();
        if (isDigits(word) && word.length() <= 3 && isOnlyMarkupBefore(text, segStart, w)) {
            return true;
        }
        return ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isOnlyMarkupBefore(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '*' && c != '#' && c != '-' && c != '(') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean startsWith(CharSequence text, int at, int to, String prefix) {
        if (at + prefix.length() > to) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
