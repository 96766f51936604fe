package io.thoughtscope.reasoning.analysis.answers;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

import static io.thoughtscope.reasoning.analysis.answers.LatexBraces.isAsciiLetter;
import static io.thoughtscope.reasoning.analysis.answers.LatexBraces.letterRun;

/**
 * Text-style wrappers ({@code \text}, {@code \textbf}, {@code \mathrm}, {@code \mbox}, ...):
 * a trailing one after a value is a unit and goes ({@code 18 \text{ dollars}}); any other is
 * replaced by its content ({@code \text{Monday}}, {@code \textbf{(B)}}).
 */
final class TextCommands {

    static final Set<String> WRAPPERS = Set.of(
            "text", "textbf", "textit", "textrm", "textsf", "texttt", "textnormal", "textup",
            "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathup", "mbox", "hbox", "emph",
            "operatorname", "boldsymbol");

    /** A unit's words: letters, spaces, dots, slashes, hyphens (km/h, sq. ft, light-years). */
    private static final Pattern UNIT_WORDS = Pattern.compile("[\\p{L} ./'\\-]*");
    /** Squared or cubed units: {@code \text{ cm}^2}. */
    private static final Pattern UNIT_POWER = Pattern.compile("\\^\\{?[23]}?");

    /** The text without its trailing unit, and the unit's words (empty when none was dropped). */
    record WithoutUnit(String text, String unit) {}

    private TextCommands() {
    }

    static WithoutUnit dropTrailingUnit(String s) {
        StringBuilder units = new StringBuilder();
        for (int round = 0; round < 3; round++) {
            int[] last = lastWrapper(s);
            if (last == null) {
                break;
            }
            int start = last[0];
            int open = last[1];
            int close = last[2];
            String tail = s.substring(close + 1).strip();
            String content = s.substring(open + 1, close).strip();
            String prefix = s.substring(0, start).strip();
            boolean unitShaped = (tail.isEmpty() || UNIT_POWER.matcher(tail).matches())
                    && UNIT_WORDS.matcher(content).matches();
            if (!unitShaped || !isValue(prefix)) {
                break;
            }
            units.append(content).append(' ');
            s = prefix;
        }
        return new WithoutUnit(s, units.toString().strip());
    }

    /** Replaces every wrapper by its content; an unclosed one is left as written. */
    static String unwrap(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int[] pendingCloses = new int[8];
        int pending = 0;
        int i = 0;
        while (i < n) {
            if (pending > 0 && i == pendingCloses[pending - 1]) {
                pending--;
                i++;
                continue;
            }
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && isAsciiLetter(s.charAt(i + 1))) {
                int len = letterRun(s, i + 1);
                int after = i + 1 + len;
                int brace = skipSpaces(s, after);
                if (WRAPPERS.contains(s.substring(i + 1, after)) && brace < n && s.charAt(brace) == '{') {
                    int close = LatexBraces.closing(s, brace, n);
                    if (close > 0) {
                        if (pending == pendingCloses.length) {
                            pendingCloses = Arrays.copyOf(pendingCloses, pending * 2);
                        }
                        pendingCloses[pending++] = close;
                        i = brace + 1;
                        continue;
                    }
                }
                out.append(s, i, after);
                i = after;
            } else if (c == '\\' && i + 1 < n) {
                out.append(c).append(s.charAt(i + 1)); // an escape: never a wrapper's closing brace
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Whether {@code prefix} ends in something a unit can follow: a number or a math expression,
     * not nothing and not an operator, and not just more text (two wrapped words are a phrase).
     */
    private static boolean isValue(String prefix) {
        if (prefix.isEmpty() || "+-*/=^_({[,\\".indexOf(prefix.charAt(prefix.length() - 1)) >= 0) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (LatexBraces.isDigit(c)) {
                return true;
            }
        }
        return prefix.indexOf('\\') >= 0 && lastWrapper(prefix) == null;
    }

    /** {start, open brace, close brace} of the last complete wrapper in {@code s}, or null. */
    private static int[] lastWrapper(String s) {
        int[] last = null;
        int i = s.indexOf('\\');
        while (i >= 0 && i + 1 < s.length()) {
            int len = letterRun(s, i + 1);
            int next = i + 1;
            if (len > 0 && WRAPPERS.contains(s.substring(i + 1, i + 1 + len))) {
                int brace = skipSpaces(s, i + 1 + len);
                if (brace < s.length() && s.charAt(brace) == '{') {
                    int close = LatexBraces.closing(s, brace, s.length());
                    if (close > 0) {
                        last = new int[] {i, brace, close};
                        next = close;
                    }
                }
            }
            i = s.indexOf('\\', next);
        }
        return last;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
