package io.thoughtscope.reasoning.analysis.answers;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.thoughtscope.reasoning.analysis.answers.LatexBraces.isAsciiLetter;
import static io.thoughtscope.reasoning.analysis.answers.LatexBraces.isDigit;

/**
 * Canonical form of a math answer, in the spirit of the MATH and Qwen graders' normalisers but
 * without their known slips: markdown bold, {@code $}, {@code \left}/{@code \right}, spacing,
 * degree marks, percent signs, {@code \text{}} wrappers and trailing units go;
 * {@code \dfrac}/{@code \tfrac} become {@code \frac}, {@code \frac12} becomes
 * {@code \frac{1}{2}}, {@code 3/4} becomes {@code \frac{3}{4}}, {@code .5} becomes {@code 0.5},
 * {@code x = 3} becomes {@code 3}, {@code 100,000} becomes {@code 100000} (a tuple such as
 * {@code 1,2} stays), {@code (B)} becomes {@code B}; whitespace goes.
 *
 * <p>It never throws: input it cannot make sense of comes back trimmed.
 */
public final class AnswerNormalizer {

    private static final int MAX_LENGTH = 2_000;

    /** {@code x}, {@code y1}, {@code x_1}, {@code \theta}, {@code f(x)}: a left side short enough to drop. */
    private static final Pattern SHORT_LEFT_SIDE = Pattern.compile(
            "[A-Za-z][A-Za-z0-9]?|[A-Za-z]_\\{?[A-Za-z0-9]{1,2}}?|\\\\[A-Za-z]{2,12}|[A-Za-z]\\([A-Za-z]\\)");
    /** A number followed by words: {@code 18 dollars}, {@code 42 apples}, {@code 5个}. */
    private static final Pattern NUMBER_WITH_WORDS = Pattern.compile(
            "([-+]?(?:\\d[\\d,]*(?:\\.\\d+)?|\\.\\d+))(?:\\s+([A-Za-z][A-Za-z'.\\-]+(?:\\s+[A-Za-z][A-Za-z'.\\-]*){0,4})"
                    + "|\\s*([\\p{IsHan}]{1,6}))");
    /** Words after a number that make it math, not a unit. */
    static final Set<String> NOT_UNITS = Set.of(
            "and", "or", "to", "times", "plus", "minus", "over", "divided", "by", "mod", "choose",
            "pi", "sqrt", "sin", "cos", "tan", "ln", "log", "exp", "inf", "infinity");
    private static final Pattern THOUSANDS = Pattern.compile("[-+]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
    private static final Pattern SLASH_FRACTION = Pattern.compile("(?<![\\w.}/^\\\\)|])(\\d+)/(\\d+)(?![\\w.^/{(|])");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+\\.\\d+");

    private AnswerNormalizer() {
    }

    /** The canonical form of {@code raw}; empty for null or blank input. Never throws. */
    public static String normalize(String raw) {
        return analyze(raw).text();
    }

    static NormalizedAnswer analyze(String raw) {
        if (raw == null) {
            return NormalizedAnswer.EMPTY;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return NormalizedAnswer.EMPTY;
        }
        if (s.length() > MAX_LENGTH) {
            return new NormalizedAnswer(s, false); // not an answer; not worth the work
        }
        try {
            return run(s);
        } catch (RuntimeException e) {
            return new NormalizedAnswer(s, false); // a bug here must not stop an analysis
        }
    }

    private static NormalizedAnswer run(String input) {
        String s = UnicodeMath.toLatex(input);
        s = s.replace("**", "").replace("{,}", "");
        s = unwrapBoxes(s);
        boolean percent = s.indexOf('%') >= 0;
        s = LatexCommands.clean(s);
        TextCommands.WithoutUnit withoutUnit = TextCommands.dropTrailingUnit(s);
        s = withoutUnit.text();
        percent |= isPercentWord(withoutUnit.unit());
        s = TextCommands.unwrap(s);
        s = FractionBraces.brace(s).strip();
        s = listWithAnd(s);
        s = stripLeftSide(s);
        Matcher unit = NUMBER_WITH_WORDS.matcher(s);
        if (unit.matches() && isUnit(unit.group(2))) {
            percent |= isPercentWord(unit.group(2));
            s = unit.group(1);
        }
        if (THOUSANDS.matcher(s).matches()) {
            s = s.replace(",", ""); // before spaces go: "1, 234" is a list, "1,234" a number
        }
        s = removeWhitespace(s);
        s = leadingZero(s);
        s = slashFractions(s);
        s = trimPunctuation(s);
        s = choiceLetter(s);
        s = plainNumber(s);
        s = specialValue(s);
        return new NormalizedAnswer(s, percent);
    }

    private static String unwrapBoxes(String s) {
        if (!s.contains("\\boxed") && !s.contains("\\fbox")) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            BoxScanner.Box box = s.charAt(i) == '\\' ? BoxScanner.at(s, i) : null;
            if (box != null) {
                out.append(unwrapBoxes(box.content(s)));
                i = box.end();
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isPercentWord(String words) {
        return words != null && words.toLowerCase(Locale.ROOT).contains("percent");
    }

    private static boolean isUnit(String words) {
        if (words == null) {
            return true; // a Chinese unit (个, 元, 天)
        }
        int space = words.indexOf(' ');
        String first = (space < 0 ? words : words.substring(0, space)).toLowerCase(Locale.ROOT);
        return !NOT_UNITS.contains(first);
    }

    /** "2 and 3", "2, 3, and 4", "x = 2 or x = 3" list values; only when digits show it is math, not prose. */
    private static String listWithAnd(String s) {
        if ((!s.contains(" and ") && !s.contains(" or ")) || s.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            return s;
        }
        return s.replace(", and ", ",").replace(" and ", ",").replace(", or ", ",").replace(" or ", ",");
    }

    /**
     * {@code x = 3} to {@code 3}, {@code x \in [0, 1)} to {@code [0,1)}, and for several
     * assignments {@code x = 1, y = 2} to {@code 1, 2}; only with a short left side, so an
     * equation such as {@code x^2 + y^2 = 1} stays.
     */
    private static String stripLeftSide(String s) {
        List<Integer> equals = TopLevel.equalsSigns(s);
        if (equals.size() <= 1) {
            String value = valueOfAssignment(s);
            return value == null ? s : value;
        }
        List<String> parts = TopLevel.split(s, ',');
        if (parts.size() != equals.size()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (String part : parts) {
            String value = valueOfAssignment(part);
            if (value == null) {
                return s;
            }
            out.append(out.isEmpty() ? "" : ",").append(value);
        }
        return out.toString();
    }

    private static String valueOfAssignment(String s) {
        List<Integer> equals = TopLevel.equalsSigns(s);
        int at;
        int width;
        if (equals.size() == 1) {
            at = equals.getFirst();
            width = 1;
        } else if (equals.isEmpty() && (at = TopLevel.indexOfCommand(s, "in")) >= 0) {
            width = 3;
        } else {
            return null;
        }
        String left = s.substring(0, at).strip();
        String right = s.substring(at + width).strip();
        return !right.isEmpty() && SHORT_LEFT_SIDE.matcher(left).matches() ? right : null;
    }

    /** Removes whitespace, except one space between a command and a letter ({@code \pi r}). */
    private static String removeWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
                continue;
            }
            int j = i;
            while (j + 1 < n && Character.isWhitespace(s.charAt(j + 1))) {
                j++;
            }
            if (j + 1 < n && isAsciiLetter(s.charAt(j + 1)) && endsWithCommand(out)) {
                out.append(' ');
            }
            i = j;
        }
        return out.toString();
    }

    private static boolean endsWithCommand(CharSequence out) {
        int i = out.length();
        while (i > 0 && isAsciiLetter(out.charAt(i - 1))) {
            i--;
        }
        return i < out.length() && i > 0 && out.charAt(i - 1) == '\\';
    }

    /** {@code .5} to {@code 0.5}. */
    private static String leadingZero(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && (i == 0 || !isDigit(s.charAt(i - 1))) && i + 1 < s.length() && isDigit(s.charAt(i + 1))) {
                out.append('0');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code 3/4} to {@code \frac{3}{4}} when both sides are whole numbers standing alone. */
    private static String slashFractions(String s) {
        if (s.indexOf('/') < 0) {
            return s;
        }
        Matcher m = SLASH_FRACTION.matcher(s);
        StringBuilder out = new StringBuilder(s.length() + 8);
        int last = 0;
        while (m.find()) {
            out.append(s, last, m.start()).append("\\frac{").append(m.group(1)).append("}{").append(m.group(2)).append('}');
            last = m.end();
        }
        return last == 0 ? s : out.append(s, last, s.length()).toString();
    }

    private static String trimPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ".,;:".indexOf(s.charAt(end - 1)) >= 0 && !(end >= 2 && s.charAt(end - 2) == '\\')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Multiple choice: {@code (B)} and {@code B)} to {@code B}. */
    private static String choiceLetter(String s) {
        if (s.length() == 3 && s.charAt(0) == '(' && s.charAt(2) == ')' && isUpper(s.charAt(1))) {
            return s.substring(1, 2);
        }
        if (s.length() == 2 && s.charAt(1) == ')' && isUpper(s.charAt(0))) {
            return s.substring(0, 1);
        }
        return s;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** {@code 18.00} to {@code 18}, {@code 0.50} to {@code 0.5}, {@code +5} to {@code 5}. */
    private static String plainNumber(String s) {
        if (s.length() > 1 && s.charAt(0) == '+' && isDigit(s.charAt(1))) {
            s = s.substring(1);
        }
        if (!DECIMAL.matcher(s).matches()) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        String r = s.substring(0, end);
        return r.equals("-0") ? "0" : r;
    }

    private static String specialValue(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "\\{\\}" -> "\\emptyset";
            case "infinity", "inf", "+\\infty" -> "\\infty";
            case "-infinity", "-inf" -> "-\\infty";
            default -> s;
        };
    }
}
