package io.thoughtscope.reasoning.analysis.answers;

import io.thoughtscope.reasoning.model.Span;

import java.util.List;
import java.util.Locale;

/**
 * Answer phrases and where their values lie: "the answer is X", "the final answer is X",
 * "answer would/should/will/must be X", "Final Answer: X", "Answer: X", a "**Final Answer**"
 * heading with X on the next lines, 答案是X / 答案为X / 最终答案是X / 答案：X, and GSM8K's
 * {@code #### X}. Each method is called at a trigger found by the extractor's single scan and
 * returns the value's span, or null.
 */
final class AnswerPhrases {

    private static final List<String> CONNECTORS = List.of("is", "would be", "should be", "will be", "must be");
    private static final List<String> CHINESE_CONNECTORS = List.of(
            "应该是", "应该为", "就是", "应为", "是", "为", ":", "：");

    private AnswerPhrases() {
    }

    /** At an "answer" (any case) starting at {@code i}. */
    static Span english(String text, int i) {
        int n = text.length();
        int p = i + 6;
        if ((i > 0 && Character.isLetter(text.charAt(i - 1))) || (p < n && Character.isLetter(text.charAt(p)))) {
            return null; // "answers", "reanswer"
        }
        p = skipMarkup(text, p);
        if (p >= n) {
            return null;
        }
        char c = text.charAt(p);
        if (c == ':' || c == '：') {
            return PhraseValue.after(text, p + 1, true);
        }
        if (c == '\n' || c == '\r') {
            return isHeading(text, i, "final") ? PhraseValue.onFollowingLines(text, p) : null;
        }
        if (c == '=') {
            return PhraseValue.after(text, p + 1, false);
        }
        for (String connector : CONNECTORS) {
            int end = p + connector.length();
            if (text.regionMatches(true, p, connector, 0, connector.length())
                    && (end >= n || !Character.isLetter(text.charAt(end)))) {
                int q = PhraseValue.skipBlanks(text, end);
                if (q < n && (text.charAt(q) == ':' || text.charAt(q) == '：')) {
                    q++;
                }
                return PhraseValue.after(text, q, true);
            }
        }
        return null;
    }

    /** At a 答案 starting at {@code i}. */
    static Span chinese(String text, int i) {
        int p = skipMarkup(text, i + 2);
        if (p >= text.length()) {
            return null;
        }
        char c = text.charAt(p);
        if (c == '\n' || c == '\r') {
            return isHeading(text, i, "最终") ? PhraseValue.onFollowingLines(text, p) : null;
        }
        for (String connector : CHINESE_CONNECTORS) {
            if (text.startsWith(connector, p)) {
                int q = PhraseValue.skipBlanks(text, p + connector.length());
                if (q < text.length() && (text.charAt(q) == ':' || text.charAt(q) == '：')) {
                    q++;
                }
                return PhraseValue.after(text, q, true);
            }
        }
        return null;
    }

    /** At a {@code ####} starting at {@code i}: GSM8K's final line, not a markdown heading. */
    static Span hashes(String text, int i) {
        int n = text.length();
        if (i + 4 < n && text.charAt(i + 4) == '#') {
            return null;
        }
        int k = i - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k--;
        }
        if (k >= 0 && text.charAt(k) != '\n') {
            return null;
        }
        int p = PhraseValue.skipBlanks(text, i + 4);
        int end = text.indexOf('\n', p);
        end = end < 0 ? n : end;
        if (end == p || end - p > PhraseValue.MAX_LENGTH) {
            return null;
        }
        Span value = PhraseValue.clean(text, p, end);
        return value != null && looksLikeValue(value.of(text)) ? value : null;
    }

    /** "#### 42" but not "#### Step 2: ..." : a digit, and no word outside LaTeX commands. */
    private static boolean looksLikeValue(String v) {
        boolean digit = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (LatexBraces.isDigit(c)) {
                digit = true;
            } else if (c == ':') {
                return false;
            } else if (LatexBraces.isAsciiLetter(c)) {
                int run = LatexBraces.letterRun(v, i);
                if (run > 1 && (i == 0 || v.charAt(i - 1) != '\\')) {
                    return false;
                }
                i += run - 1;
            }
        }
        return digit;
    }

    /** Whether the line holds only markup and {@code allowed} (any case) before index {@code i}. */
    private static boolean isHeading(String text, int i, String allowed) {
        int lineStart = text.lastIndexOf('\n', i - 1) + 1;
        StringBuilder words = new StringBuilder();
        for (int k = lineStart; k < i; k++) {
            char c = text.charAt(k);
            if ("#*_ \t".indexOf(c) < 0) {
                words.append(c);
            }
        }
        String w = words.toString().toLowerCase(Locale.ROOT);
        return w.isEmpty() || w.equals(allowed);
    }

    /** Skips blanks and markdown emphasis between a phrase's words: "**Answer**:". */
    private static int skipMarkup(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '*')) {
            i++;
        }
        return i;
    }
}
