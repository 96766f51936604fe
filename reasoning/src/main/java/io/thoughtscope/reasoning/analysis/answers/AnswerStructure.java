package io.thoughtscope.reasoning.analysis.answers;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a normalised answer: a single value, a bracketed tuple or interval
 * ({@code (1,2)}, {@code [0,1)}), a set {@code \{1,2\}}, a bare list {@code 1,2}, or a union of
 * intervals.
 *
 * @param shape    which of those
 * @param open     the opening bracket of a bracketed answer, else a space
 * @param close    the closing bracket of a bracketed answer, else a space
 * @param elements the top-level parts (for a union: the intervals)
 */
record AnswerStructure(Shape shape, char open, char close, List<String> elements) {

    enum Shape { SCALAR, BRACKETED, SET, LIST, UNION }

    static AnswerStructure of(String s) {
        List<String> union = TopLevel.splitCommand(s, "cup");
        if (union.size() > 1) {
            return new AnswerStructure(Shape.UNION, ' ', ' ', union);
        }
        if (s.length() >= 4 && s.startsWith("\\{") && s.endsWith("\\}") && TopLevel.enclosedFrom(s, 1)) {
            String inner = s.substring(2, s.length() - 2);
            List<String> elements = inner.isEmpty() ? List.of() : TopLevel.split(inner, ',');
            return new AnswerStructure(Shape.SET, '{', '}', elements);
        }
        int n = s.length();
        if (n >= 2 && (s.charAt(0) == '(' || s.charAt(0) == '[')
                && (s.charAt(n - 1) == ')' || s.charAt(n - 1) == ']') && TopLevel.enclosedFrom(s, 0)) {
            List<String> elements = TopLevel.split(s.substring(1, n - 1), ',');
            if (elements.size() >= 2) {
                return new AnswerStructure(Shape.BRACKETED, s.charAt(0), s.charAt(n - 1), elements);
            }
        }
        List<String> elements = TopLevel.split(s, ',');
        if (elements.size() >= 2) {
            return new AnswerStructure(Shape.LIST, ' ', ' ', elements);
        }
        return new AnswerStructure(Shape.SCALAR, ' ', ' ', List.of(s));
    }

    boolean isParenthesized() {
        return shape == Shape.BRACKETED && open == '(' && close == ')';
    }

    /** Whether some element has a {@code \pm} or {@code \mp} that stands for two values. */
    boolean hasPlusMinus() {
        for (String e : elements) {
            if (e.contains("\\pm") || e.contains("\\mp")) {
                return true;
            }
        }
        return false;
    }

    /** The elements with {@code a \pm b} written out as {@code a+b} and {@code a-b}. */
    List<String> expandedElements() {
        if (!hasPlusMinus()) {
            return elements;
        }
        List<String> out = new ArrayList<>(elements.size() + 2);
        for (String e : elements) {
            if (e.contains("\\pm") || e.contains("\\mp")) {
                out.add(e.replace("\\pm", "+").replace("\\mp", "-"));
                out.add(e.replace("\\pm", "-").replace("\\mp", "+"));
            } else {
                out.add(e);
            }
        }
        return out;
    }
}
