package io.thoughtscope.reasoning.analysis.answers;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A closed-form math expression as written in answers: LaTeX-ish ({@code \frac{1}{2}},
 * {@code 2\sqrt{3}}, {@code \sqrt[3]{x}}, {@code 3\pi}, {@code \binom{5}{2}}, {@code 5!},
 * {@code \sin(x)}, {@code e^{2}}) or plain ({@code 2(x+1)}, {@code 1/2}, {@code x^2}).
 *
 * <p>Variables are single ASCII letters ({@code e} is Euler's number). Two adjacent letters are
 * only accepted when they spell a known function, so words such as "yes" never parse as a
 * product of variables; anything not understood makes {@link #parse} return empty rather than
 * guess.
 */
public final class MathExpression {

    /** Longer text is not an answer; the limit also bounds the parser's recursion. */
    static final int MAX_LENGTH = 1_000;
    static final int LETTERS = 52;

    private final MathNode root;
    private final long variableMask;
    private final boolean approximate;
    private final boolean infinite;

    MathExpression(MathNode root, long variableMask, boolean approximate, boolean infinite) {
        this.root = root;
        this.variableMask = variableMask;
        this.approximate = approximate;
        this.infinite = infinite;
    }

    /** The parsed expression, or empty when the text is not an expression this parser knows. */
    public static Optional<MathExpression> parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MathExpressionParser(text).parse());
        } catch (MathExpressionParser.InvalidExpression e) {
            return Optional.empty();
        }
    }

    public boolean hasVariables() {
        return variableMask != 0;
    }

    /** The variable letters, sorted. */
    public Set<Character> variables() {
        Set<Character> vars = new TreeSet<>();
        for (int i = 0; i < LETTERS; i++) {
            if ((variableMask & (1L << i)) != 0) {
                vars.add(letter(i));
            }
        }
        return Collections.unmodifiableSet(vars);
    }

    /** Whether a decimal literal was written ({@code 0.785}): the value is an approximation. */
    public boolean isApproximate() {
        return approximate;
    }

    /** The value without variables; NaN when there are variables or the value is undefined. */
    public double evaluate() {
        if (hasVariables()) {
            return Double.NaN;
        }
        return evaluateAt(NO_VARIABLES);
    }

    /** The value with the given variable values; NaN when one is missing or the value is undefined. */
    public double evaluate(Map<Character, Double> values) {
        double[] byLetter = new double[LETTERS];
        Arrays.fill(byLetter, Double.NaN);
        values.forEach((c, v) -> {
            int i = letterIndex(c);
            if (i >= 0 && v != null) {
                byLetter[i] = v;
            }
        });
        return evaluateAt(byLetter);
    }

    /**
     * The value with variables read by {@link #letterIndex}. A division by zero gives NaN, not
     * infinity: only an expression that writes {@code \infty} has an infinite value.
     */
    double evaluateAt(double[] byLetter) {
        double v = root.evaluate(byLetter);
        return Double.isInfinite(v) && !infinite ? Double.NaN : v;
    }

    static int letterIndex(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return 26 + c - 'A';
        }
        return -1;
    }

    private static char letter(int index) {
        return index < 26 ? (char) ('a' + index) : (char) ('A' + index - 26);
    }

    private static final double[] NO_VARIABLES = new double[LETTERS];

    @Override
    public String toString() {
        return root.toString();
    }
}
