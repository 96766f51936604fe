package io.thoughtscope.runtime.template;

/**
 * Decodes the backslash escapes of a template string literal the way Jinja does (Python's
 * {@code unicode_escape}): the usual letters, octal, backslash-x, -u and -U hex escapes,
 * {@code \N{NAME}}, a backslash before a newline joins lines, and an unknown escape stays as written.
 */
final class StringEscapes {

    private StringEscapes() {
    }

    /** @throws IllegalArgumentException for a truncated or invalid escape */
    static String decode(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> { }
                case '\\', '\'', '"' -> out.append(e);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000B');
                case 'x' -> i = hex(s, i, 2, out);
                case 'u' -> i = hex(s, i, 4, out);
                case 'U' -> i = hex(s, i, 8, out);
                case 'N' -> i = named(s, i, out);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i - 1;
                        while (end < s.length() && end < i + 2 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) Integer.parseInt(s.substring(i - 1, end), 8));
                        i = end;
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int hex(String s, int from, int digits, StringBuilder out) {
        if (from + digits > s.length()) {
            throw new IllegalArgumentException("truncated \\" + s.charAt(from - 1) + " escape in string");
        }
        try {
            int cp = Integer.parseUnsignedInt(s.substring(from, from + digits), 16);
            out.appendCodePoint(cp);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid \\" + s.charAt(from - 1) + " escape in string");
        }
        return from + digits;
    }

    private static int named(String s, int from, StringBuilder out) {
        int close = s.indexOf('}', from);
        if (from >= s.length() || s.charAt(from) != '{' || close < 0) {
            throw new IllegalArgumentException("malformed \\N escape in string");
        }
        try {
            out.appendCodePoint(Character.codePointOf(s.substring(from + 1, close)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown character name in \\N escape");
        }
        return close + 1;
    }
}
