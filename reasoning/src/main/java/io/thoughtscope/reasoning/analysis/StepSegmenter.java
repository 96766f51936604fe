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
        List<Step> steps = new ArrayList<>();
        final int to = region.end();
        int segStart = region.start();
        int paragraph = 0;
        int nextParagraph = 0;
        boolean content = false;   // the current step has a non-space character
        int mathDepth = 0;         // inside display math: no splitting
        boolean dollarMath = false;
        int i = region.start();
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < to) {
                char d = text.charAt(i + 1);
                if (d == '[') {
                    mathDepth++;
                    content = true;
                    i += 2;
                    continue;
                }
                if (d == ']' && mathDepth > 0) {
                    mathDepth--;
                    i += 2;
                    continue;
                }
                if (startsWith(text, i, to, "\\begin{")) {
                    mathDepth++;
                    content = true;
                    i += 7;
                    continue;
                }
                if (startsWith(text, i, to, "\\end{") && mathDepth > 0) {
                    mathDepth--;
                    i += 5;
                    continue;
                }
                content = true;
                i += 2; // an escaped character (\. \$ \\) never ends a step
                continue;
            }
            if (c == '$' && i + 1 < to && text.charAt(i + 1) == '$') {
                dollarMath = !dollarMath;
                content = true;
                i += 2;
                continue;
            }
            boolean inMath = mathDepth > 0 || dollarMath;
            if (c == '\n') {
                int j = i;
                int newlines = 0;
                while (j < to && Character.isWhitespace(text.charAt(j))) {
                    if (text.charAt(j) == '\n') {
                        newlines++;
                    }
                    j++;
                }
                if (newlines >= 2) {
                    // a blank line ends a paragraph, and any math block left open by a malformed trace
                    mathDepth = 0;
                    dollarMath = false;
                    inMath = false;
                }
                if (!inMath && content) {
                    steps.add(new Step(new Span(segStart, j), paragraph));
                    segStart = j;
                    content = false;
                    if (newlines >= 2) {
                        nextParagraph++;
                    }
                    paragraph = nextParagraph;
                } else if (!content && newlines >= 2 && !steps.isEmpty()) {
                    nextParagraph++;
                    paragraph = nextParagraph;
                }
                i = j;
                continue;
            }
            if (!Character.isWhitespace(c)) {
                content = true;
            }
            if (!inMath && (c == '.' || c == '!' || c == '?')) {
                int j = i + 1;
                while (j < to && isCloser(text.charAt(j))) {
                    j++;
                }
                if ((j == to || Character.isWhitespace(text.charAt(j))) && !(c == '.' && isNonTerminalPeriod(text, segStart, i))) {
                    int k = j;
                    int newlines = 0;
                    while (k < to && Character.isWhitespace(text.charAt(k))) {
                        if (text.charAt(k) == '\n') {
                            newlines++;
                        }
                        k++;
                    }
                    steps.add(new Step(new Span(segStart, k), paragraph));
                    segStart = k;
                    content = false;
                    if (newlines >= 2) {
                        nextParagraph++;
                    }
                    paragraph = nextParagraph;
                    i = k;
                    continue;
                }
                i = j;
                continue;
            }
            if (!inMath && (c == '。' || c == '！' || c == '？')) {
                int k = i + 1;
                while (k < to && isCloser(text.charAt(k))) {
                    k++;
                }
                int newlines = 0;
                while (k < to && Character.isWhitespace(text.charAt(k))) {
                    if (text.charAt(k) == '\n') {
                        newlines++;
                    }
                    k++;
                }
                steps.add(new Step(new Span(segStart, k), paragraph));
                segStart = k;
                content = false;
                if (newlines >= 2) {
                    nextParagraph++;
                }
                paragraph = nextParagraph;
                i = k;
                continue;
            }
            i++;
        }
        if (segStart < to) {
            if (!content && !steps.isEmpty()) {
                // trailing whitespace belongs to the last step
                Step last = steps.removeLast();
                steps.add(new Step(new Span(last.span().start(), to), last.paragraph()));
            } else {
                steps.add(new Step(new Span(segStart, to), paragraph));
            }
        }
        return steps;
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
