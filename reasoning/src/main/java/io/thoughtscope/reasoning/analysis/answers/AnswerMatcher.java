package io.thoughtscope.reasoning.analysis.answers;

import java.util.Arrays;
import java.util.List;

import static io.thoughtscope.reasoning.analysis.answers.AnswerStructure.Shape;

/**
 * Decides whether two normalised answers are the same, trying in order: equal strings, equal
 * values (numeric, percent), equal expressions (symbolic), then element-wise comparison of
 * tuples, intervals, sets and lists. Every rule is symmetric.
 */
final class AnswerMatcher {

    /** Tuples of tuples are fine; deeper nesting is not an answer. */
    private static final int MAX_DEPTH = 3;
    private static final int MAX_ELEMENTS = 64;

    private AnswerMatcher() {
    }

    /** The method that matched, or null when the answers differ. */
    static String match(NormalizedAnswer a, NormalizedAnswer b) {
        return match(a.text(), a.percent(), b.text(), b.percent(), 0);
    }

    private static String match(String x, boolean xPercent, String y, boolean yPercent, int depth) {
        if (x.isEmpty() || y.isEmpty()) {
            return null;
        }
        if (sameText(x, y)) {
            return Grade.STRING;
        }
        String scalar = ExpressionComparison.compare(x, xPercent, y, yPercent);
        if (scalar != null || depth >= MAX_DEPTH) {
            return scalar;
        }
        return matchStructures(AnswerStructure.of(x), xPercent, AnswerStructure.of(y), yPercent, depth);
    }

    /** Equal text; plain words ({@code Monday}, {@code yes}) ignore case. */
    static boolean sameText(String x, String y) {
        return x.equals(y) || (isPlainWord(x) && isPlainWord(y) && x.equalsIgnoreCase(y));
    }

    private static boolean isPlainWord(String s) {
        if (s.length() < 2) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String matchStructures(AnswerStructure x, boolean xPercent, AnswerStructure y, boolean yPercent,
                                          int depth) {
        Shape sx = x.shape();
        Shape sy = y.shape();
        if (sx == Shape.UNION || sy == Shape.UNION) {
            return sx == sy && unordered(x.elements(), xPercent, y.elements(), yPercent, depth) ? Grade.INTERVAL : null;
        }
        if (sx == Shape.BRACKETED && sy == Shape.BRACKETED) {
            if (x.open() != y.open() || x.close() != y.close()
                    || !ordered(x.elements(), xPercent, y.elements(), yPercent, depth)) {
                return null;
            }
            return x.isParenthesized() ? Grade.TUPLE : Grade.INTERVAL;
        }
        // a bare list read against a tuple keeps its order: "1, 2" is (1, 2), not (2, 1)
        if ((x.isParenthesized() && sy == Shape.LIST) || (y.isParenthesized() && sx == Shape.LIST)) {
            return ordered(x.elements(), xPercent, y.elements(), yPercent, depth) ? Grade.TUPLE : null;
        }
        if (sx == Shape.BRACKETED || sy == Shape.BRACKETED) {
            return null;
        }
        boolean collection = sx != Shape.SCALAR || sy != Shape.SCALAR || x.hasPlusMinus() || y.hasPlusMinus();
        if (!collection) {
            return null;
        }
        return unordered(x.expandedElements(), xPercent, y.expandedElements(), yPercent, depth) ? Grade.SET : null;
    }

    private static boolean ordered(List<String> xs, boolean xPercent, List<String> ys, boolean yPercent, int depth) {
        if (xs.size() != ys.size()) {
            return false;
        }
        for (int i = 0; i < xs.size(); i++) {
            if (match(xs.get(i), xPercent, ys.get(i), yPercent, depth + 1) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Multiset equality: a perfect matching between the elements (augmenting paths), which,
     * unlike a greedy pairing, does not depend on which side comes first.
     */
    private static boolean unordered(List<String> xs, boolean xPercent, List<String> ys, boolean yPercent, int depth) {
        int n = xs.size();
        if (n != ys.size() || n > MAX_ELEMENTS) {
            return false;
        }
        boolean[][] equal = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            boolean any = false;
            for (int j = 0; j < n; j++) {
                equal[i][j] = match(xs.get(i), xPercent, ys.get(j), yPercent, depth + 1) != null;
                any |= equal[i][j];
            }
            if (!any) {
                return false;
            }
        }
        int[] partnerOfY = new int[n];
        Arrays.fill(partnerOfY, -1);
        for (int i = 0; i < n; i++) {
            if (!augment(i, equal, partnerOfY, new boolean[n])) {
                return false;
            }
        }
        return true;
    }

    private static boolean augment(int i, boolean[][] equal, int[] partnerOfY, boolean[] seen) {
        for (int j = 0; j < partnerOfY.length; j++) {
            if (equal[i][j] && !seen[j]) {
                seen[j] = true;
                if (partnerOfY[j] < 0 || augment(partnerOfY[j], equal, partnerOfY, seen)) {
                    partnerOfY[j] = i;
                    return true;
                }
            }
        }
        return false;
    }
}
