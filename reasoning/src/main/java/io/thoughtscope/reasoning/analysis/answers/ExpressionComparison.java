package io.thoughtscope.reasoning.analysis.answers;

import java.util.Optional;
import java.util.Random;

/**
 * Compares two single values as math: numbers and closed forms by value, expressions with
 * variables by evaluating both at fixed sample points.
 *
 * <p>Tolerances: when either side writes a decimal ({@code 0.785398}) it is an approximation and
 * a relative 1e-4 applies, as in the reference graders. When both are exact forms
 * ({@code \frac{2}{4}}, {@code 2\sqrt{3}}, {@code 120}) only floating-point error is forgiven
 * (relative 1e-12), so 123456 never equals 123457. Near zero an absolute 1e-9 applies.
 */
final class ExpressionComparison {

    static final double APPROXIMATE = 1e-4;
    static final double EXACT = 1e-12;
    static final double NEAR_ZERO = 1e-9;

    private static final int SAMPLES = 4;
    /** Sample values in [0.5, 2.5] per variable letter: fixed, so grading is reproducible. */
    private static final double[][] SAMPLE_POINTS = samplePoints();

    private ExpressionComparison() {
    }

    /**
     * The method that found {@code x} and {@code y} equal ({@link Grade#NUMERIC},
     * {@link Grade#PERCENT}, {@link Grade#SYMBOLIC}), or null.
     *
     * @param xPercent whether {@code x} was written with a percent sign (so it means x/100)
     */
    static String compare(String x, boolean xPercent, String y, boolean yPercent) {
        if (!mayParse(x) || !mayParse(y)) {
            return null;
        }
        Optional<MathExpression> px = MathExpression.parse(x);
        if (px.isEmpty()) {
            return null;
        }
        Optional<MathExpression> py = MathExpression.parse(y);
        if (py.isEmpty()) {
            return null;
        }
        MathExpression ex = px.get();
        MathExpression ey = py.get();
        double tolerance = ex.isApproximate() || ey.isApproximate() ? APPROXIMATE : EXACT;
        if (!ex.hasVariables() && !ey.hasVariables()) {
            double a = ex.evaluate();
            double b = ey.evaluate();
            if (close(a, b, tolerance)) {
                return Grade.NUMERIC;
            }
            // percent leniency only for the side that had the sign: 50% is 0.5
            if ((xPercent && close(a / 100, b, tolerance)) || (yPercent && close(a, b / 100, tolerance))) {
                return Grade.PERCENT;
            }
            return null;
        }
        if (ex.hasVariables() && ey.hasVariables()) {
            return sameAtSamples(ex, ey, tolerance) ? Grade.SYMBOLIC : null;
        }
        return null;
    }

    static boolean close(double a, double b, double relative) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return false;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a == b;
        }
        double diff = Math.abs(a - b);
        return diff <= NEAR_ZERO || diff <= relative * Math.max(Math.abs(a), Math.abs(b));
    }

    private static boolean sameAtSamples(MathExpression x, MathExpression y, double tolerance) {
        int defined = 0;
        for (double[] point : SAMPLE_POINTS) {
            double a = x.evaluateAt(point);
            double b = y.evaluateAt(point);
            if (Double.isNaN(a) && Double.isNaN(b)) {
                continue; // outside both domains: says nothing
            }
            if (!close(a, b, Math.max(tolerance, 1e-9))) {
                return false;
            }
            defined++;
        }
        return defined >= 2;
    }

    /** A quick filter: lists, sets and relations never parse, so do not try. */
    private static boolean mayParse(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '=' || c == '<' || c == '>' || c == ';') {
                return false;
            }
        }
        return true;
    }

    private static double[][] samplePoints() {
        Random random = new Random(20_250_101L);
        double[][] points = new double[SAMPLES][MathExpression.LETTERS];
        for (double[] point : points) {
            for (int i = 0; i < point.length; i++) {
                point[i] = 0.5 + 2.0 * random.nextDouble();
            }
        }
        return points;
    }
}
