package io.thoughtscope.reasoning.analysis.answers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MathExpressionTest {

    private static double value(String text) {
        return MathExpression.parse(text).orElseThrow(() -> new AssertionError("did not parse: " + text)).evaluate();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            42                         | 42
            -7                         | -7
            3.25                       | 3.25
            0.5                        | 0.5
            1e3                        | 1000
            2.5E-2                     | 0.025
            1+2*3                      | 7
            (1+2)*3                    | 9
            2^3^2                      | 512
            -2^2                       | -4
            2^-1                       | 0.5
            10-4-3                     | 3
            12/4/3                     | 1
            2\\cdot 3                  | 6
            2\\times3                  | 6
            7\\div 2                   | 3.5
            \\frac{1}{2}               | 0.5
            \\frac12                   | 0.5
            \\dfrac{3}{4}              | 0.75
            \\frac{\\frac{1}{2}}{4}    | 0.125
            \\sqrt{16}                 | 4
            \\sqrt4                    | 2
            \\sqrt[3]{27}              | 3
            \\sqrt[3]{-8}              | -2
            2\\sqrt{3}                 | 3.4641016151377544
            3\\pi                      | 9.42477796076938
            \\pi                       | 3.141592653589793
            2(3+1)                     | 8
            (1+1)(2+2)                 | 8
            5!                         | 120
            0!                         | 1
            3!+1                       | 7
            \\binom{5}{2}              | 10
            \\dbinom{10}{3}            | 120
            2\\frac{1}{2}              | 2.5
            -2\\frac{1}{2}             | -2.5
            e^{2}                      | 7.38905609893065
            \\exp(1)                   | 2.718281828459045
            \\ln{e}                    | 1
            \\log_2 8                  | 3
            \\log_{10}(1000)           | 3
            \\sin(0)                   | 0
            \\cos{\\pi}                | -1
            \\sin^2(1)+\\cos^2(1)      | 1
            {2}^{10}                   | 1024
            [2+3]                      | 5
            sqrt(9)                    | 3
            """)
    void evaluatesLatexAndPlainNotation(String text, double expected) {
        assertThat(value(text)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {
            "yes", "xy", "2xy", "abc", "\\frac{1}{", "\\frac{1}", "1.2.3", "2 3", "(1,2)", "1,000", "[0,1)",
            "\\unknown{3}", "1+", "()", "|x", "x=3", "\\text{5}", "\\{1\\}", "5%", "$5$", "", "   ", "\\", "\\sqrt",
            "2^", "((1)", "1)", ".", "..5", "Monday", "\\alpha"})
    void rejectsWhatItDoesNotUnderstandInsteadOfGuessing(String text) {
        assertThat(MathExpression.parse(text)).isEmpty();
    }

    @Test
    void rejectsDeepNestingAndHugeInputWithoutStackOverflow() {
        String deep = "(".repeat(5_000) + "1" + ")".repeat(5_000);
        assertThat(MathExpression.parse(deep)).isEmpty();
        assertThat(MathExpression.parse("-".repeat(900) + "1")).isEmpty();
        assertThat(MathExpression.parse("1+".repeat(600) + "1")).isEmpty(); // over the length limit
    }

    @Test
    void absoluteValueBars() {
        assertThat(value("|-3|")).isEqualTo(3);
        assertThat(value("1+|2-5|")).isEqualTo(4);
    }

    @Test
    void singleLettersAreVariablesExceptEuler() {
        MathExpression x = MathExpression.parse("2x^2 + 3y - e").orElseThrow();
        assertThat(x.variables()).containsExactly('x', 'y');
        assertThat(x.hasVariables()).isTrue();
        assertThat(x.evaluate()).isNaN();
        assertThat(x.evaluate(Map.of('x', 2.0, 'y', 1.0))).isCloseTo(8 + 3 - Math.E, within(1e-12));
        assertThat(x.evaluate(Map.of('x', 2.0))).isNaN();
    }

    @Test
    void implicitMultiplicationBindsVariablesAndCommands() {
        MathExpression e = MathExpression.parse("2(x+1)\\sqrt{x}").orElseThrow();
        assertThat(e.evaluate(Map.of('x', 4.0))).isCloseTo(20, within(1e-12));
        MathExpression pi = MathExpression.parse("\\pi r^2").orElseThrow();
        assertThat(pi.evaluate(Map.of('r', 2.0))).isCloseTo(4 * Math.PI, within(1e-12));
    }

    @Test
    void decimalsMarkTheValueAsApproximate() {
        assertThat(MathExpression.parse("0.785").orElseThrow().isApproximate()).isTrue();
        assertThat(MathExpression.parse("\\frac{\\pi}{4}").orElseThrow().isApproximate()).isFalse();
        assertThat(MathExpression.parse("120").orElseThrow().isApproximate()).isFalse();
    }

    @Test
    void undefinedValuesAreNaNButWrittenInfinityIsInfinite() {
        assertThat(value("1/0")).isNaN();
        assertThat(value("\\sqrt{-1}")).isNaN();
        assertThat(value("(-1)!")).isNaN();
        assertThat(value("2.5!")).isNaN();
        assertThat(value("\\infty")).isInfinite().isPositive();
        assertThat(value("-\\infty")).isInfinite().isNegative();
    }
}
