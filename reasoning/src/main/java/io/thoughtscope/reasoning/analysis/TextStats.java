package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.Span;

/** Word counts that work for English and Chinese alike. */
public final class TextStats {

    private TextStats() {
    }

    /**
     * Words in a span: runs of letters and digits of alphabetic scripts count once, each CJK
     * character counts as a word (the usual convention for Chinese text lengths).
     */
    public static int words(CharSequence text, Span span) {
        int n = 0;
        boolean inWord = false;
        for (int i = span.start(); i < span.end(); i++) {
            char c = text.charAt(i);
            if (CueScan.isCjk(c)) {
                n++;
                inWord = false;
            } else if (CueScan.isWordChar(c) || (inWord && (c == '\'' || c == '\u2019' || isNumberSeparator(text, span, i)))) {
                if (!inWord) {
                    n++;
                    inWord = true;
                }
            } else {
                inWord = false;
            }
        }
        return n;
    }

    /** The point or comma inside a number (3.5, 1,000) does not split it into two words. */
    private static boolean isNumberSeparator(CharSequence text, Span span, int i) {
        char c = text.charAt(i);
        return (c == '.' || c == ',') && i > span.start() && i + 1 < span.end()
                && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
    }

    public static int words(CharSequence text) {
        return words(text, new Span(0, text.length()));
    }
}
