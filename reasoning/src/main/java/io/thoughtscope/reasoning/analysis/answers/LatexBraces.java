package io.thoughtscope.reasoning.analysis.answers;

/** Brace matching for LaTeX, where {@code \{}, {@code \}} and {@code \\} are escapes, not groups. */
final class LatexBraces {

    private LatexBraces() {
    }

    /**
     * The index of the {@code '}'} that closes the {@code '{'} at {@code open}, or -1 when the
     * group is still open at {@code limit} (a cut-off text, or content too long to be an answer).
     */
    static int closing(CharSequence s, int open, int limit) {
        int end = Math.min(s.length(), limit);
        int depth = 0;
        for (int i = open; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++; // the escaped character never opens or closes a group
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The length of the run of ASCII letters starting at {@code from}. */
    static int letterRun(CharSequence s, int from) {
        int i = from;
        while (i < s.length() && isAsciiLetter(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    /** Whether {@code s} has the command {@code \name} at {@code at}, not followed by more letters. */
    static boolean commandAt(String s, int at, String name) {
        int end = at + 1 + name.length();
        return at < s.length() && s.charAt(at) == '\\' && s.startsWith(name, at + 1)
                && (end >= s.length() || !isAsciiLetter(s.charAt(end)));
    }
}
