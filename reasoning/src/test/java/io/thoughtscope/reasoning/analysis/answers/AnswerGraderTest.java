package io.thoughtscope.reasoning.analysis.answers;

import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.AnswerForm;
import io.thoughtscope.reasoning.model.Region;
import io.thoughtscope.reasoning.model.Span;
import io.thoughtscope.reasoning.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerGraderTest {

    /** Every item of the "known failures of popular graders" list, and the method that must decide it. */
    @ParameterizedTest(name = "{0} = {1} by {2}")
    @CsvSource(delimiter = '¦', quoteCharacter = '"', textBlock = """
            \\frac{2}{4}                   ¦ 1/2                             ¦ numeric
            \\frac{6}{8}                   ¦ \\frac{3}{4}                    ¦ numeric
            1 \\pm \\sqrt{2}               ¦ "1+\\sqrt{2}, 1-\\sqrt{2}"      ¦ set
            \\pm 3                         ¦ "-3, 3"                         ¦ set
            x = \\pm 2                     ¦ "2, -2"                         ¦ set
            5!                             ¦ 120                             ¦ numeric
            3! \\cdot 2                    ¦ 12                              ¦ numeric
            **73**                         ¦ 73                              ¦ string
            $\\$18.00$                     ¦ 18                              ¦ string
            18 \\text{ dollars}            ¦ 18                              ¦ string
            0.5                            ¦ \\frac12                        ¦ numeric
            \\frac12                       ¦ 1/2                             ¦ string
            0.5                            ¦ 1/2                             ¦ numeric
            50\\%                          ¦ 0.5                             ¦ percent
            12.5%                          ¦ \\frac{1}{8}                    ¦ percent
            50\\%                          ¦ 50                              ¦ string
            x = 3                          ¦ 3                               ¦ string
            \\dfrac{\\sqrt{3}}{2}          ¦ \\frac{\\sqrt3}{2}              ¦ string
            "[0, 1)"                       ¦ "[0,1)"                         ¦ string
            "100,000"                      ¦ 100000                          ¦ string
            "\\{1,2\\}"                    ¦ "\\{2,1\\}"                     ¦ set
            \\frac{\\pi}{4}                ¦ 0.785398                        ¦ numeric
            \\text{Monday}                 ¦ monday                          ¦ string
            \\text{(B)}                    ¦ B                               ¦ string
            90^\\circ                      ¦ 90                              ¦ string
            2\\sqrt{2}                     ¦ \\sqrt{8}                       ¦ numeric
            \\frac{1+\\sqrt{5}}{2}         ¦ 1.618034                        ¦ numeric
            2x+1                           ¦ 1+2x                            ¦ symbolic
            \\frac{x}{2}                   ¦ 0.5x                            ¦ symbolic
            (x+1)^2                        ¦ x^2+2x+1                        ¦ symbolic
            y = 2x + 1                     ¦ 1 + 2x                          ¦ symbolic
            "(1, 2)"                       ¦ "(1.0, \\frac{4}{2})"           ¦ tuple
            "(1, 2)"                       ¦ "1, 2"                          ¦ tuple
            "[0, \\frac{1}{2}]"            ¦ "[0, 0.5]"                      ¦ interval
            "(-\\infty, 2]"                ¦ "(-∞, 2]"                       ¦ string
            "(-\\infty, 2]"                ¦ "(-\\infty, \\sqrt{4}]"         ¦ interval
            "(-\\infty, 0) \\cup (1, \\infty)" ¦ "(1, \\infty) \\cup (-\\infty, 0)" ¦ interval
            "3, 5"                         ¦ "5, 3"                          ¦ set
            "\\{3\\}"                      ¦ 3                               ¦ set
            "x = 1, y = 2"                 ¦ "(1, 2)"                        ¦ tuple
            "\\{(1,2), (3,4)\\}"           ¦ "\\{(3,4), (1,2)\\}"            ¦ set
            2\\frac{1}{2}                  ¦ 2.5                             ¦ numeric
            \\binom{5}{2}                  ¦ 10                              ¦ numeric
            1e3                            ¦ 1000                            ¦ numeric
            """)
    void gradesTheKnownFailuresOfPopularGradersCorrectly(String candidate, String truth, String method) {
        assertThat(AnswerGrader.grade(candidate, truth)).isEqualTo(new Grade(Verdict.CORRECT, method));
        assertThat(AnswerGrader.equivalent(truth, candidate)).isTrue();
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '¦', quoteCharacter = '"', textBlock = """
            \\frac{1}{                     ¦ 1
            \\frac{1}{                     ¦ \\frac{1}{1}
            "[0, 1)"                       ¦ "(0,1)"
            "[0, 1)"                       ¦ "[0,1]"
            "(1, 2)"                       ¦ "(2, 1)"
            "(1, 2)"                       ¦ "\\{1, 2\\}"
            "(1, 2)"                       ¦ "(1, 2, 3)"
            "3, 5"                         ¦ "3"
            1 \\pm \\sqrt{2}               ¦ 1+\\sqrt{2}
            yes                            ¦ y*e*s
            yes                            ¦ no
            123456                         ¦ 123457
            \\frac{1}{3}                   ¦ 0.33
            0.5                            ¦ 50
            50\\%                          ¦ 5000
            50\\%                          ¦ 5
            x                              ¦ y
            x^2                            ¦ 2x
            2x+1                           ¦ 3
            A                              ¦ B
            \\text{Monday}                 ¦ Tuesday
            5!                             ¦ 5
            \\sqrt{2}                      ¦ 1.4
            -3                             ¦ 3
            \\infty                        ¦ -\\infty
            1/0                            ¦ \\infty
            """)
    void tellsDifferentAnswersApart(String candidate, String truth) {
        assertThat(AnswerGrader.grade(candidate, truth)).isEqualTo(new Grade(Verdict.INCORRECT, "none"));
        assertThat(AnswerGrader.equivalent(truth, candidate)).isFalse();
    }

    @Test
    void withoutTruthTheGradeIsUngraded() {
        assertThat(AnswerGrader.grade("5", null)).isEqualTo(new Grade(Verdict.UNGRADED, "none"));
        assertThat(AnswerGrader.grade("5", "  ")).isEqualTo(new Grade(Verdict.UNGRADED, "none"));
    }

    @Test
    void aMissingCandidateIsIncorrect() {
        assertThat(AnswerGrader.grade(null, "5").verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(AnswerGrader.grade("", "5").verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(AnswerGrader.equivalent(null, "5")).isFalse();
        assertThat(AnswerGrader.equivalent("", "")).isFalse();
    }

    @Test
    void referenceAnswerReadsGsm8kSolutions() {
        String gsm8k = """
                Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 duck eggs a day.
                She makes 9 * 2 = $<<9*2=18>>18 every day at the farmer's market.
                #### 1,234""";
        assertThat(AnswerGrader.referenceAnswer(gsm8k)).isEqualTo("1,234");
        assertThat(AnswerGrader.grade("1234", gsm8k).isCorrect()).isTrue();
        assertThat(AnswerGrader.referenceAnswer("#### 42\n")).isEqualTo("42");
    }

    @Test
    void referenceAnswerTakesTheLastBoxOfAWorkedSolution() {
        String math = "We have $x^2 = \\boxed{4}$ at first, so the area is $\\boxed{\\frac{\\sqrt{3}}{4}}$.";
        assertThat(AnswerGrader.referenceAnswer(math)).isEqualTo("\\frac{\\sqrt{3}}{4}");
        assertThat(AnswerGrader.grade("\\dfrac{\\sqrt3}{4}", math).isCorrect()).isTrue();
    }

    @Test
    void referenceAnswerOtherwiseIsTheTrimmedText() {
        assertThat(AnswerGrader.referenceAnswer("  \\frac{1}{2} \n")).isEqualTo("\\frac{1}{2}");
        assertThat(AnswerGrader.referenceAnswer(null)).isEmpty();
    }

    @Test
    void equivalenceIsSymmetricOverManyKindsOfAnswer() {
        List<String> answers = List.of("1/2", "0.5", "\\frac{2}{4}", "50\\%", "50", "5000", "x = 3", "3", "3.0001",
                "(1, 2)", "1, 2", "\\{2, 1\\}", "[1, 2]", "[1,2)", "(1,2) \\cup (3,4)", "\\pm 1", "1, -1", "-1, 1",
                "2x+1", "1+2x", "x", "\\text{Monday}", "monday", "yes", "\\frac{1}{", "5!", "120", "\\infty",
                "0.785398", "\\frac{\\pi}{4}", "1 \\pm \\sqrt{2}", "1+\\sqrt{2}, 1-\\sqrt{2}", "(B)", "B", "");
        for (String a : answers) {
            for (String b : answers) {
                assertThat(AnswerGrader.equivalent(a, b)).as("%s ~ %s", a, b).isEqualTo(AnswerGrader.equivalent(b, a));
            }
        }
    }

    @Test
    void gradeAllSetsEveryVerdictAgainstOneTruth() {
        List<Answer> candidates = List.of(answer("12"), answer("\\frac{28}{2}"), answer("14.0"));
        assertThat(AnswerGrader.gradeAll(candidates, "#### 14")).extracting(Answer::verdict)
                .containsExactly(Verdict.INCORRECT, Verdict.CORRECT, Verdict.CORRECT);
        assertThat(AnswerGrader.gradeAll(candidates, null)).extracting(Answer::verdict)
                .containsOnly(Verdict.UNGRADED);
    }

    private static Answer answer(String raw) {
        return new Answer(raw, AnswerNormalizer.normalize(raw), new Span(0, raw.length()), Region.ANSWER,
                AnswerForm.BOXED, Verdict.UNGRADED);
    }
}
