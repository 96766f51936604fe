package io.thoughtscope.reasoning.analysis.answers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class AnswerNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '¦', quoteCharacter = '"', textBlock = """
            **73**                         ¦ 73
            $\\$18.00$                     ¦ 18
            \\$1,250                       ¦ 1250
            18 \\text{ dollars}            ¦ 18
            5 \\text{ cm}^2                ¦ 5
            12 \\mbox{apples}              ¦ 12
            42 apples                      ¦ 42
            18 dollars                     ¦ 18
            5个                             ¦ 5
            \\text{Monday}                 ¦ Monday
            \\textbf{(B)}                  ¦ B
            \\text{(B)}                    ¦ B
            (C)                            ¦ C
            D)                             ¦ D
            \\dfrac{\\sqrt{3}}{2}          ¦ \\frac{\\sqrt{3}}{2}
            \\tfrac{1}{3}                  ¦ \\frac{1}{3}
            \\frac12                       ¦ \\frac{1}{2}
            \\frac1{2}                     ¦ \\frac{1}{2}
            \\frac 1 2                     ¦ \\frac{1}{2}
            \\frac{\\sqrt3}{2}             ¦ \\frac{\\sqrt{3}}{2}
            \\sqrt3                        ¦ \\sqrt{3}
            √3                             ¦ \\sqrt{3}
            3/4                            ¦ \\frac{3}{4}
            -3/4                           ¦ -\\frac{3}{4}
            .5                             ¦ 0.5
            0.50                           ¦ 0.5
            -.25                           ¦ -0.25
            x = 3                          ¦ 3
            y = 2x + 1                     ¦ 2x+1
            x^2 + y^2 = 1                  ¦ x^2+y^2=1
            x \\in [0, 1)                  ¦ [0,1)
            "x = 1, y = 2"                 ¦ 1,2
            "100,000"                      ¦ 100000
            "1,234,567.5"                  ¦ 1234567.5
            "1,2"                          ¦ 1,2
            "1, 234"                       ¦ "1,234"
            "(10,000)"                     ¦ "(10,000)"
            "(1, 2)"                       ¦ (1,2)
            "\\left( 1, 2 \\right)"        ¦ (1,2)
            "\\left\\{ 1, 2 \\right\\}"    ¦ \\{1,2\\}
            "\\lbrace 3 \\rbrace"          ¦ \\{3\\}
            50\\%                          ¦ 50
            90^\\circ                      ¦ 90
            90^{\\circ}                    ¦ 90
            45°                            ¦ 45
            1\\,000                        ¦ 1000
            1{,}000                        ¦ 1000
            \\boxed{5}                     ¦ 5
            \\displaystyle\\frac{1}{2}     ¦ \\frac{1}{2}
            \\pi r^2                       ¦ \\pi r^2
            2 \\pi                         ¦ 2\\pi
            1 \\pm \\sqrt{2}               ¦ 1\\pm\\sqrt{2}
            ±3                             ¦ \\pm3
            −5                             ¦ -5
            3 and 5                        ¦ 3,5
            x = 2 \\text{ or } x = 3      ¦ 2,3
            ∞                              ¦ \\infty
            \\{\\}                         ¦ \\emptyset
            \\varnothing                   ¦ \\emptyset
            \\frac{1}{                     ¦ \\frac{1}{
            """)
    void normalizesLikeTheReferenceGradersButBetter(String raw, String expected) {
        assertThat(AnswerNormalizer.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void percentSignsAreRemembered() {
        assertThat(AnswerNormalizer.analyze("50\\%").percent()).isTrue();
        assertThat(AnswerNormalizer.analyze("50%").percent()).isTrue();
        assertThat(AnswerNormalizer.analyze("50 \\text{ percent}").percent()).isTrue();
        assertThat(AnswerNormalizer.analyze("50 percent").percent()).isTrue();
        assertThat(AnswerNormalizer.analyze("50").percent()).isFalse();
    }

    @Test
    void nullAndBlankBecomeEmpty() {
        assertThat(AnswerNormalizer.normalize(null)).isEmpty();
        assertThat(AnswerNormalizer.normalize("   \n")).isEmpty();
        assertThat(AnswerNormalizer.normalize("$$")).isEmpty();
    }

    @Test
    void aRightArrowIsNotARightDelimiter() {
        assertThat(AnswerNormalizer.normalize("A \\rightarrow B")).isEqualTo("A\\rightarrow B");
    }

    @Test
    void twoWrappedWordsAreAPhraseNotAValueAndItsUnit() {
        assertThat(AnswerNormalizer.normalize("\\text{New} \\text{York}")).isEqualTo("NewYork");
    }

    /** Random LaTeX-ish garbage, cut-off groups and odd Unicode must never throw. */
    @Test
    void neverThrowsOnGarbage() {
        String[] pieces = {"\\frac", "\\sqrt", "{", "}", "\\{", "\\}", "(", ")", "[", "]", "\\left", "\\right",
                "\\text{", "\\boxed{", "\\boxed", "\\fbox", "$", "\\$", "%", "\\%", "^", "_", "\\circ", "=", ",",
                "1", "23", ".", "x", "yes", " ", "\\", "\\pm", "±", "√", "π", "−", "答案", "**", "\\in", "/", "!",
                "\\cup", "\\dfrac", "\\mathrm{", "°", "\n", "\\,", "~", "|", "'", "\"", "\uD83D\uDE00", "\uD800"};
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(12);
            for (int k = 0; k < len; k++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String raw = sb.toString();
            assertThatCode(() -> {
                String n = AnswerNormalizer.normalize(raw);
                assertThat(n).isNotNull();
                AnswerGrader.grade(raw, "1");
                AnswerGrader.equivalent(raw, n);
            }).as(raw).doesNotThrowAnyException();
        }
    }

    @Test
    void veryLongInputComesBackTrimmed() {
        String longText = "  " + "1+".repeat(2_000) + "1 ";
        assertThat(AnswerNormalizer.normalize(longText)).isEqualTo(longText.strip());
    }
}
