package io.thoughtscope.reasoning.analysis.answers;

/**
 * Finds {@code \boxed{...}}, {@code \fbox{...}} and {@code \boxed X}. Braces are matched (nested
 * groups and escaped braces included); a box still open when the text ends was cut off and is
 * not an answer.
 */
final class BoxScanner {

    /** Content longer than this is not an answer (and bounds the work on cut-off text). */
    static final int MAX_CONTENT = 1_000;

    /**
     * A box: its content (whitespace trimmed, may be empty) and where the whole box ends.
     */
    record Box(int contentStart, int contentEnd, int end) {
        boolean isEmpty() {
            return contentStart == contentEnd;
        }

        String content(String text) {
            return text.substring(contentStart, contentEnd);
        }
    }

    private BoxScanner() {
    }

    /** The box whose command starts at {@code at}, or null when there is none there. */
    static Box at(String s, int at) {
        int i;
        if (LatexBraces.commandAt(s, at, "boxed")) {
            i = at + 6;
        } else if (LatexBraces.commandAt(s, at, "fbox")) {
            i = at + 5;
        } else {
            return null;
        }
        int n = s.length();
        int j = i;
        while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        if (j < n && s.charAt(j) == '{') {
            int close = LatexBraces.closing(s, j, j + MAX_CONTENT + 2);
            return close < 0 ? null : trimmed(s, j + 1, close, close + 1);
        }
        if (j == i || s.charAt(at + 1) == 'f') {
            return null; // "\boxed" glued to something that is not a group; \fbox always takes one
        }
        // "\boxed 5": a single token up to whitespace or the end of inline math
        int k = j;
        while (k < n && !Character.isWhitespace(s.charAt(k)) && s.charAt(k) != '$') {
            k++;
        }
        return k == j ? null : new Box(j, k, k);
    }

    /** The last complete box in {@code s}, or null. */
    static Box last(String s) {
        Box last = null;
        int i = s.indexOf('\\');
        while (i >= 0) {
            Box b = at(s, i);
            if (b != null && !b.isEmpty()) {
                last = b;
            }
            i = s.indexOf('\\', b != null ? b.end() : i + 1);
        }
        return last;
    }

    private static Box trimmed(String s, int from, int to, int end) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return new Box(from, to, end);
    }
}
