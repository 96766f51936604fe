package io.thoughtscope.runtime.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Python's {@code str} operations that chat templates call ({@code strip}, {@code split},
 * {@code title}, ...), with Python's rules: whitespace is Unicode whitespace, indices count code
 * points, not UTF-16 units.
 */
final class PythonStrings {

    private PythonStrings() {
    }

    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    /** {@code str.strip(chars)}; {@code chars} null strips whitespace. */
    static String strip(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        if (left) {
            while (start < end) {
                int cp = s.codePointAt(start);
                if (!strippable(cp, chars)) {
                    break;
                }
                start += Character.charCount(cp);
            }
        }
        if (right) {
            while (end > start) {
                int cp = s.codePointBefore(end);
                if (!strippable(cp, chars)) {
                    break;
                }
                end -= Character.charCount(cp);
            }
        }
        return s.substring(start, end);
    }

    private static boolean strippable(int cp, String chars) {
        return chars == null ? isSpace(cp) : chars.indexOf(cp) >= 0;
    }

    /** {@code str.split(sep, maxsplit)}; {@code sep} null splits on runs of whitespace. */
    static List<Object> split(String s, String sep, long maxSplit) {
        List<Object> parts = new ArrayList<>();
        if (sep == null) {
            int i = 0;
            int n = s.length();
            while (true) {
                while (i < n && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                if (maxSplit >= 0 && parts.size() == maxSplit) {
                    parts.add(s.substring(i));
                    break;
                }
                int j = i;
                while (j < n && !isSpace(s.charAt(j))) {
                    j++;
                }
                parts.add(s.substring(i, j));
                i = j;
            }
            return parts;
        }
        requireSeparator(sep);
        int from = 0;
        while (maxSplit < 0 || parts.size() < maxSplit) {
            int at = s.indexOf(sep, from);
            if (at < 0) {
                break;
            }
            parts.add(s.substring(from, at));
            from = at + sep.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** {@code str.rsplit(sep, maxsplit)}. */
    static List<Object> rsplit(String s, String sep, long maxSplit) {
        if (maxSplit < 0) {
            return split(s, sep, -1);
        }
        List<Object> parts = new ArrayList<>();
        if (sep == null) {
            int j = s.length();
            while (true) {
                while (j > 0 && isSpace(s.charAt(j - 1))) {
                    j--;
                }
                if (j <= 0) {
                    break;
                }
                if (parts.size() == maxSplit) {
                    parts.add(s.substring(0, j));
                    break;
                }
                int i = j;
                while (i > 0 && !isSpace(s.charAt(i - 1))) {
                    i--;
                }
                parts.add(s.substring(i, j));
                j = i;
            }
        } else {
            requireSeparator(sep);
            int end = s.length();
            while (parts.size() < maxSplit) {
                int at = s.lastIndexOf(sep, end - sep.length());
                if (at < 0) {
                    break;
                }
                parts.add(s.substring(at + sep.length(), end));
                end = at;
            }
            parts.add(s.substring(0, end));
        }
        Collections.reverse(parts);
        return parts;
    }

    private static void requireSeparator(String sep) {
        if (sep.isEmpty()) {
            throw new EvalError("empty separator");
        }
    }

    /** {@code str.splitlines()}: Python's line boundaries, ends dropped. */
    static List<Object> splitLines(String s) {
        List<Object> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                lines.add(s.substring(start, i));
                i += 2;
                start = i;
            } else if ("\n\r\u000B\f\u001C\u001D\u001E\u0085\u2028\u2029".indexOf(c) >= 0) {
                lines.add(s.substring(start, i));
                i++;
                start = i;
            } else {
                i++;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    /** {@code str.title()}: a cased letter after an uncased character starts a word. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (previousCased) {
                out.appendCodePoint(Character.toLowerCase(cp));
            } else {
                out.appendCodePoint(Character.toTitleCase(cp));
            }
            previousCased = isCased(cp);
        }
        return out.toString();
    }

    /** {@code str.capitalize()}: first character upper, the rest lower. */
    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        int rest = Character.charCount(first);
        return new StringBuilder().appendCodePoint(Character.toTitleCase(first))
                .append(lower(s.substring(rest))).toString();
    }

    static String upper(String s) {
        return s.toUpperCase(java.util.Locale.ROOT);
    }

    static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    /** {@code str.isupper()} / {@code str.islower()}: some cased character, none of the other case. */
    static boolean isAllCase(String s, boolean upper) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (upper ? Character.isLowerCase(cp) || Character.isTitleCase(cp)
                      : Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            cased |= isCased(cp);
        }
        return cased;
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** True when every character is one UTF-16 unit, so char indices are code point indices. */
    static boolean isBmpOnly(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The characters of a string, one string per code point, as Python iterates them. */
    static List<Object> characters(String s) {
        List<Object> chars = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            chars.add(s.substring(i, next));
            i = next;
        }
        return chars;
    }

    /** {@code str.replace(old, new, count)}; the length of the result is known before it is built. */
    static String replace(String s, String old, String replacement, long count, RenderBudget budget) {
        if (count == 0) {
            return s;
        }
        if (old.isEmpty()) {
            List<Object> chars = characters(s);
            long inserts = count < 0 ? chars.size() + 1L : Math.min(count, chars.size() + 1L);
            budget.charString(s.length() + inserts * replacement.length());
            StringBuilder out = new StringBuilder();
            long done = 0;
            for (Object ch : chars) {
                if (done < inserts) {
                    out.append(replacement);
                    done++;
                }
                out.append((String) ch);
            }
            if (done < inserts) {
                out.append(replacement);
            }
            return out.toString();
        }
        long hits = 0;
        for (int at = s.indexOf(old); at >= 0 && (count < 0 || hits < count); at = s.indexOf(old, at + old.length())) {
            hits++;
        }
        if (hits == 0) {
            return s;
        }
        budget.charString(s.length() + hits * (replacement.length() - old.length()));
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (long done = 0; done < hits; done++) {
            int at = s.indexOf(old, from);
            out.append(s, from, at).append(replacement);
            from = at + old.length();
        }
        return out.append(s, from, s.length()).toString();
    }
}
