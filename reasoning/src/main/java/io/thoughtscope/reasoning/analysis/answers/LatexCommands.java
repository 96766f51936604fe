package io.thoughtscope.reasoning.analysis.answers;

import java.util.Map;
import java.util.Set;

import static io.thoughtscope.reasoning.analysis.answers.LatexBraces.isAsciiLetter;
import static io.thoughtscope.reasoning.analysis.answers.LatexBraces.letterRun;

/**
 * One pass over LaTeX that drops what never changes an answer's value: math delimiters,
 * {@code $} and {@code \$}, percent signs (the caller noted them), {@code \left}/{@code \right},
 * spacing, degree marks; and renames synonyms ({@code \dfrac} to {@code \frac}, {@code \leq} to
 * {@code \le}).
 */
final class LatexCommands {

    private static final Set<String> DROPPED = Set.of(
            "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
            "biggl", "biggr", "displaystyle", "textstyle", "limits", "nolimits", "degree", "degrees");

    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("dfrac", "\\frac"), Map.entry("tfrac", "\\frac"), Map.entry("cfrac", "\\frac"),
            Map.entry("dbinom", "\\binom"), Map.entry("tbinom", "\\binom"),
            Map.entry("lbrace", "\\{"), Map.entry("rbrace", "\\}"),
            Map.entry("lvert", "|"), Map.entry("rvert", "|"), Map.entry("vert", "|"),
            Map.entry("varnothing", "\\emptyset"), Map.entry("infin", "\\infty"),
            Map.entry("leq", "\\le"), Map.entry("leqslant", "\\le"),
            Map.entry("geq", "\\ge"), Map.entry("geqslant", "\\ge"),
            Map.entry("neq", "\\ne"), Map.entry("cdotp", "\\cdot"),
            Map.entry("quad", " "), Map.entry("qquad", " "));

    private LatexCommands() {
    }

    static String clean(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '$' || c == '%') {
                i++;
            } else if (c == '~') {
                out.append(' ');
                i++;
            } else if (c != '\\') {
                out.append(c);
                i++;
            } else if (i + 1 >= n) {
                i++; // a lone trailing backslash
            } else if (!isAsciiLetter(s.charAt(i + 1))) {
                escapedSymbol(out, s.charAt(i + 1));
                i += 2;
            } else {
                int len = letterRun(s, i + 1);
                String name = s.substring(i + 1, i + 1 + len);
                i += 1 + len;
                if (name.equals("left") || name.equals("right")) {
                    if (i < n && s.charAt(i) == '.') {
                        i++; // \left. is an invisible delimiter
                    }
                } else if (name.equals("circ")) {
                    i = degree(out, s, i);
                } else if (!DROPPED.contains(name)) {
                    String renamed = RENAMED.get(name);
                    if (renamed != null) {
                        out.append(renamed);
                    } else {
                        out.append('\\').append(name);
                    }
                }
            }
        }
        return out.toString();
    }

    private static void escapedSymbol(StringBuilder out, char d) {
        switch (d) {
            case ',', ';', ':', '!', ' ', '\\' -> out.append(' ');
            case '$', '%', '(', ')', '[', ']' -> {
                // currency, percent (noted by the caller) and math delimiters
            }
            default -> out.append('\\').append(d); // \{ \} and other escapes stay
        }
    }

    /**
     * {@code ^\circ} and {@code ^{\circ}} are degree marks and go; a lone {@code \circ}
     * (composition) stays. Returns where to continue in {@code s}.
     */
    private static int degree(StringBuilder out, String s, int i) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        if (end >= 2 && out.charAt(end - 2) == '^' && out.charAt(end - 1) == '{') {
            int j = i;
            while (j < s.length() && s.charAt(j) == ' ') {
                j++;
            }
            if (j < s.length() && s.charAt(j) == '}') {
                out.setLength(end - 2);
                return j + 1;
            }
        } else if (end >= 1 && out.charAt(end - 1) == '^') {
            out.setLength(end - 1);
            return i;
        }
        out.append("\\circ");
        return i;
    }
}
