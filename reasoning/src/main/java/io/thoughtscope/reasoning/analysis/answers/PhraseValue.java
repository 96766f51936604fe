package io.thoughtscope.reasoning.analysis.answers;

import io.thoughtscope.reasoning.model.Span;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.thoughtscope.reasoning.analysis.answers.LatexBraces.isDigit;

/**
 * Reads the value after an answer phrase: it runs to the end of the sentence and loses its
 * wrapping ({@code $...$}, {@code **...**}, {@code \(...\)}) and trailing punctuation. All scans
 * are bounded, so a phrase costs at most a few hundred characters of work.
 */
final class PhraseValue {

    /** A longer "value" is prose, not an answer. */
    static final int MAX_LENGTH = 120;
    /** How far a heading such as "**Final Answer**" may be from its value. */
    private static final int LOOKAHEAD = 300;

    /** Words that end the value: "the answer is 5 because ...". */
    private static final List<String> STOP_WORDS = List.of("because", "since", "which", "but", "so", "where", "when");
    /** Words skipped before the value: "the answer is probably 5". */
    private static final Set<String> FILLERS = Set.of(
            "indeed", "actually", "probably", "likely", "clearly", "simply", "just", "then", "therefore",
            "thus", "hence", "now", "definitely", "obviously", "exactly", "still", "finally", "certainly",
            "option", "choice");
    /** A value starting with one of these is a remark about the answer, not the answer. */
    private static final Set<String> NOT_VALUES = Set.of(
            "correct", "incorrect", "wrong", "right", "not", "different", "same", "unclear", "unknown",
            "obtained", "found", "given", "going", "supposed", "that", "this", "these", "those", "what",
            "whether", "either", "neither", "also", "as", "to", "in", "of", "for", "on", "at", "by", "from",
            "with", "consistent", "valid", "invalid", "there", "it", "we", "you", "asking", "expected");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");
    private static final List<String> CHINESE_NOT_VALUES = List.of(
            "不", "否", "正确", "错", "对", "什么", "多少", "这", "那", "一个", "如何", "怎么", "应该", "吗");
    /** A number followed by words ({@code 18 dollars}) or a Chinese unit ({@code 5个}). */
    private static final Pattern NUMBER_THEN_WORDS = Pattern.compile(
            "([-+]?\\$?(?:\\d[\\d,]*(?:\\.\\d+)?|\\.\\d+)%?)(?:\\s+([A-Za-z][A-Za-z'.\\-]+)(?:\\s.*)?|\\s*\\p{IsHan}.*)");
    private static final String[][] WRAPPERS = {
            {"**", "**"}, {"$$", "$$"}, {"$", "$"}, {"\\(", "\\)"}, {"\\[", "\\]"}, {"`", "`"}};

    private PhraseValue() {
    }

    /**
     * The value starting at or after {@code from} on the same line; when that line has nothing
     * but markup and {@code nextLines} is set, the value on the next non-blank line.
     */
    static Span after(String text, int from, boolean nextLines) {
        int p = skipBlanks(text, from);
        if (restOfLineIsMarkup(text, p)) {
            return nextLines ? onFollowingLines(text, p) : null;
        }
        return read(text, p);
    }

    /** The value on the first line after {@code from} that has content, looking a short way ahead. */
    static Span onFollowingLines(String text, int from) {
        int limit = Math.min(text.length(), from + LOOKAHEAD);
        int i = from;
        for (int line = 0; line < 5; line++) {
            int newline = text.indexOf('\n', i);
            if (newline < 0 || newline >= limit) {
                return null;
            }
            int start = skipBlanks(text, newline + 1);
            if (!restOfLineIsMarkup(text, start)) {
                return read(text, start);
            }
            i = newline + 1;
        }
        return null;
    }

    /** The value starting at {@code p}, up to the end of its sentence; null when there is none. */
    static Span read(String text, int p) {
        int n = text.length();
        int depth = 0;
        boolean inMath = false; // inside $...$ commas and words belong to the formula
        int j = p;
        for (; j < n; j++) {
            if (j - p >= MAX_LENGTH) {
                return null;
            }
            char c = text.charAt(j);
            if (c == '\n' || c == '\r' || c == '。' || c == '，' || c == '；' || c == '！' || c == '？' || c == '?') {
                break;
            }
            boolean topLevel = depth == 0 && !inMath;
            if (c == '$') {
                // a closing '$' later on the line makes this math; otherwise it is a currency sign
                inMath = !inMath && closesOnLine(text, j + 1, p + MAX_LENGTH);
            } else if (TopLevel.opens(c)) {
                depth++;
            } else if (TopLevel.closes(c)) {
                depth = Math.max(0, depth - 1);
            } else if (c == '.' && !(j + 1 < n && isDigit(text.charAt(j + 1)))) {
                break; // a full stop; a decimal point is followed by a digit
            } else if ((c == ',' || c == ';') && topLevel && spaceThenLetter(text, j + 1)) {
                break; // ", which ...", "; so ..."
            } else if (c == ' ' && topLevel && stopWordAt(text, j + 1)) {
                break;
            }
        }
        if (containsBox(text, p, j)) {
            return null; // the box is the candidate, found on its own
        }
        return clean(text, p, j);
    }

    /** Trims, unwraps and checks the value in {@code [start, end)}; null when it is not an answer. */
    static Span clean(String text, int start, int end) {
        int s = start;
        int e = end;
        for (int round = 0; round < 6 && s < e; round++) {
            int s0 = s;
            int e0 = e;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || isTrailingPunctuation(text, s, e))) {
                e--;
            }
            s = skipFiller(text, s, e);
            int[] unwrapped = unwrap(text, s, e);
            s = unwrapped[0];
            e = unwrapped[1];
            if (s == s0 && e == e0) {
                break;
            }
        }
        if (s >= e) {
            return null;
        }
        String value = text.substring(s, e);
        Matcher m = NUMBER_THEN_WORDS.matcher(value);
        if (m.matches() && (m.group(2) == null || !AnswerNormalizer.NOT_UNITS.contains(m.group(2).toLowerCase(Locale.ROOT)))) {
            e = s + m.end(1);
            value = m.group(1);
        }
        return isAnswerLike(value) ? new Span(s, e) : null;
    }

    private static boolean isTrailingPunctuation(String text, int s, int e) {
        char c = text.charAt(e - 1);
        if (".,;:?".indexOf(c) >= 0) {
            return true;
        }
        // "yes!" loses its '!', but "5!" is a factorial
        return c == '!' && e - 2 >= s && Character.isLetter(text.charAt(e - 2));
    }

    private static int skipFiller(String text, int s, int e) {
        for (int k = 0; k < 3; k++) {
            int w = s;
            while (w < e && Character.isLetter(text.charAt(w))) {
                w++;
            }
            if (w == s || w >= e || text.charAt(w) != ' '
                    || !FILLERS.contains(text.substring(s, w).toLowerCase(Locale.ROOT))) {
                return s;
            }
            s = skipBlanks(text, w);
            if (s < e && (text.charAt(s) == ':' || text.charAt(s) == ',')) {
                s = skipBlanks(text, s + 1);
            }
        }
        return s;
    }

    /**
     * Strips one layer of wrapping: a pair around the whole value, a pair around a leading value
     * followed by words only ({@code $5$ apples}), or an unpaired {@code **} left by a sentence
     * in bold.
     */
    private static int[] unwrap(String text, int s, int e) {
        for (String[] w : WRAPPERS) {
            String open = w[0];
            String close = w[1];
            if (!text.startsWith(open, s)) {
                continue;
            }
            int closeAt = text.indexOf(close, s + open.length());
            if (closeAt < 0 || closeAt + close.length() > e) {
                if (open.equals("**")) {
                    return new int[] {s + 2, e}; // "**5" from "**The answer is 5**"
                }
                return new int[] {s, e};
            }
            if (closeAt + close.length() == e) {
                return new int[] {s + open.length(), closeAt};
            }
            if (wordsOnly(text, closeAt + close.length(), e)) {
                return new int[] {s + open.length(), closeAt};
            }
            return new int[] {s, e};
        }
        if (e - s >= 2 && text.startsWith("**", e - 2)) {
            return new int[] {s, e - 2};
        }
        return new int[] {s, e};
    }

    private static boolean wordsOnly(String text, int from, int to) {
        boolean letter = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (c != ' ' && c != '-' && c != '\'' && c != '.') {
                return false;
            }
        }
        return letter;
    }

    private static boolean isAnswerLike(String value) {
        if (value.isEmpty() || value.charAt(0) == '<') {
            return false; // "<think>" or a special token after an "Answer:" in a prompt
        }
        for (String prefix : CHINESE_NOT_VALUES) {
            if (value.startsWith(prefix)) {
                return false;
            }
        }
        int w = 0;
        while (w < value.length() && LatexBraces.isAsciiLetter(value.charAt(w))) {
            w++;
        }
        if (w == 0) {
            return true;
        }
        String first = value.substring(0, w).toLowerCase(Locale.ROOT);
        if (NOT_VALUES.contains(first)) {
            return false;
        }
        // "A" is a choice; "a function of x" is prose
        boolean wordFollows = w + 1 < value.length() && value.charAt(w) == ' ' && Character.isLetter(value.charAt(w + 1));
        return !(ARTICLES.contains(first) && wordFollows);
    }

    private static boolean closesOnLine(String text, int from, int limit) {
        int end = Math.min(text.length(), limit);
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == '$') {
                return true;
            }
            if (c == '\n') {
                return false;
            }
        }
        return false;
    }

    private static boolean containsBox(String text, int from, int to) {
        int b = text.indexOf("\\boxed", from);
        if (b >= 0 && b < to) {
            return true;
        }
        int f = text.indexOf("\\fbox", from);
        return f >= 0 && f < to;
    }

    /** Whether the rest of the line from {@code p} is blank or only markup (**, $$, \[). */
    private static boolean restOfLineIsMarkup(String text, int p) {
        int n = text.length();
        for (int i = p; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c == '\\' && i + 1 < n && (text.charAt(i + 1) == '[' || text.charAt(i + 1) == ']')) {
                i++;
            } else if (!Character.isWhitespace(c) && c != '*' && c != '$' && c != '#' && c != '-' && c != '`') {
                return false;
            }
        }
        return true;
    }

    /** ", which" ends a value; ", and 3" (a list going on) does not. */
    private static boolean spaceThenLetter(String text, int k) {
        if (!(k + 1 < text.length() && text.charAt(k) == ' ' && Character.isLetter(text.charAt(k + 1)))) {
            return false;
        }
        for (String joiner : List.of("and ", "or ")) {
            int next = k + 1 + joiner.length();
            if (text.startsWith(joiner, k + 1) && next < text.length() && !Character.isLetter(text.charAt(next))) {
                return false;
            }
        }
        return true;
    }

    private static boolean stopWordAt(String text, int k) {
        for (String w : STOP_WORDS) {
            int end = k + w.length();
            if (text.regionMatches(true, k, w, 0, w.length())
                    && (end >= text.length() || !Character.isLetter(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    static int skipBlanks(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
