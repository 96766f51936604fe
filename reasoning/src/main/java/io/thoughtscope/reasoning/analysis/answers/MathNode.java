package io.thoughtscope.reasoning.analysis.answers;

import java.util.function.DoubleUnaryOperator;

/** A node of a parsed {@link MathExpression}; variables are read from an array indexed by letter. */
sealed interface MathNode {

    record Constant(double value) implements MathNode {}

    record Variable(int index) implements MathNode {}

    record Negation(MathNode operand) implements MathNode {}

    record Factorial(MathNode operand) implements MathNode {}

    record Call(MathFunction function, MathNode argument) implements MathNode {}

    record Binary(Operator operator, MathNode left, MathNode right) implements MathNode {}

    default double evaluate(double[] variables) {
        return switch (this) {
            case Constant c -> c.value();
            case Variable v -> variables[v.index()];
            case Negation n -> -n.operand().evaluate(variables);
            case Factorial f -> factorial(f.operand().evaluate(variables));
            case Call c -> c.function().apply(c.argument().evaluate(variables));
            case Binary b -> b.operator().apply(b.left().evaluate(variables), b.right().evaluate(variables));
        };
    }

    /** n! for whole n up to 170 (the largest that fits a double); NaN otherwise. */
    static double factorial(double n) {
        if (n != Math.rint(n) || n < 0 || n > 170) {
            return Double.NaN;
        }
        double r = 1;
        for (int i = 2; i <= (int) n; i++) {
            r *= i;
        }
        return r;
    }

    enum Operator {
        ADD, SUBTRACT, MULTIPLY, DIVIDE, POWER,
        /** left is the degree, right the radicand. */
        ROOT,
        /** left is the base, right the argument. */
        LOG,
        BINOMIAL;

        double apply(double a, double b) {
            return switch (this) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> a / b;
                case POWER -> Math.pow(a, b);
                case ROOT -> root(a, b);
                case LOG -> Math.log(b) / Math.log(a);
                case BINOMIAL -> binomial(a, b);
            };
        }

        private static double root(double degree, double x) {
            boolean oddWhole = degree == Math.rint(degree) && Math.abs(degree % 2) == 1;
            return x < 0 && oddWhole ? -Math.pow(-x, 1 / degree) : Math.pow(x, 1 / degree);
        }

        private static double binomial(double n, double k) {
            if (n != Math.rint(n) || k != Math.rint(k) || n < 0 || n > 10_000) {
                return Double.NaN;
            }
            if (k < 0 || k > n) {
                return 0;
            }
            double r = 1;
            int kk = (int) Math.min(k, n - k);
            for (int i = 1; i <= kk; i++) {
                r = r * (n - kk + i) / i;
            }
            return Math.rint(r);
        }
    }

    enum MathFunction {
        SIN(Math::sin), COS(Math::cos), TAN(Math::tan),
        COT(x -> 1 / Math.tan(x)), SEC(x -> 1 / Math.cos(x)), CSC(x -> 1 / Math.sin(x)),
        ARCSIN(Math::asin), ARCCOS(Math::acos), ARCTAN(Math::atan),
        SINH(Math::sinh), COSH(Math::cosh), TANH(Math::tanh),
        LN(Math::log), LOG10(Math::log10), EXP(Math::exp),
        SQRT(Math::sqrt), ABS(Math::abs);

        private final DoubleUnaryOperator f;

        MathFunction(DoubleUnaryOperator f) {
            this.f = f;
        }

        double apply(double x) {
            return f.applyAsDouble(x);
        }
    }
}
