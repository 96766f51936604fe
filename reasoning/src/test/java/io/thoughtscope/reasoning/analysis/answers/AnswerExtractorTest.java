package io.thoughtscope.reasoning.analysis.answers;

import io.thoughtscope.reasoning.analysis.ThinkingSplitter;
import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.AnswerForm;
import io.thoughtscope.reasoning.model.Completeness;
import io.thoughtscope.reasoning.model.Region;
import io.thoughtscope.reasoning.model.Trace;
import io.thoughtscope.reasoning.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerExtractorTest {

    private static List<Answer> candidatesOf(String text) {
        return AnswerExtractor.candidates(ThinkingSplitter.split(text));
    }

    private static List<String> rawOf(String text) {
        return candidatesOf(text).stream().map(Answer::raw).toList();
    }

    private static Optional<String> finalOf(String text) {
        return AnswerExtractor.finalAnswer(ThinkingSplitter.split(text)).map(Answer::raw);
    }

    @Test
    void r1TraceThatChangesItsMind() {
        String text = """
                <think>
                Okay, so Natalia sold 48 clips in April and half as many in May. 48 / 2 = 24.
                So the answer is 12. Wait, that's not right, 12 is a quarter. Let me recheck.
                Hmm, 48 + 24 = 72. So the answer is 72, because she sold 24 in May.
                </think>

                Natalia sold $48 + 24 = 72$ clips in total.

                **Final Answer**
                \\[
                \\boxed{72}
                \\]""";
        Trace trace = ThinkingSplitter.split(text);
        List<Answer> candidates = AnswerExtractor.candidates(trace);

        assertThat(candidates).extracting(Answer::raw).containsExactly("12", "72", "72");
        assertThat(candidates).extracting(Answer::region).containsExactly(Region.THINKING, Region.THINKING, Region.ANSWER);
        assertThat(candidates).extracting(Answer::form).containsExactly(AnswerForm.PHRASE, AnswerForm.PHRASE, AnswerForm.BOXED);
        assertThat(candidates).extracting(Answer::verdict).containsOnly(Verdict.UNGRADED);
        for (Answer a : candidates) {
            assertThat(a.span().of(text)).isEqualTo(a.raw()); // spans point into the trace text
        }
        Answer last = AnswerExtractor.finalAnswer(trace, candidates).orElseThrow();
        assertThat(last.form()).isEqualTo(AnswerForm.BOXED);
        assertThat(last.span()).isEqualTo(candidates.getLast().span());
    }

    @Test
    void qwqChineseTrace() {
        String text = """
                <think>
                好的，我来算一下。3+4=7，所以答案是7。等等，题目问的是乘积，答案为12。
                让我检查一下：3×4=12，没错。答案：12
                </think>

                最终答案是 $\\boxed{12}$。""";
        List<Answer> candidates = candidatesOf(text);
        assertThat(candidates).extracting(Answer::raw).containsExactly("7", "12", "12", "12");
        assertThat(candidates.getLast().form()).isEqualTo(AnswerForm.BOXED);
        assertThat(finalOf(text)).contains("12");
    }

    @Test
    void chineseValuesEndAtChinesePunctuationAndLoseTheirUnit() {
        assertThat(rawOf("所以答案是5个苹果。")).containsExactly("5");
        assertThat(rawOf("最终答案为 $\\frac{1}{2}$，对吧")).containsExactly("\\frac{1}{2}");
        assertThat(rawOf("答案是否正确？让我检查。")).isEmpty();
    }

    @Test
    void boxesWithNestedAndEscapedBraces() {
        String text = "<think>ok</think> So $\\boxed{\\frac{\\sqrt{3}}{2}}$ and $\\boxed{\\left\\{1, 2\\right\\}}$ "
                + "and \\fbox{7} and $\\boxed 5$ done.";
        List<Answer> candidates = candidatesOf(text);
        assertThat(candidates).extracting(Answer::raw)
                .containsExactly("\\frac{\\sqrt{3}}{2}", "\\left\\{1, 2\\right\\}", "7", "5");
        assertThat(candidates).extracting(Answer::normalized).containsExactly("\\frac{\\sqrt{3}}{2}", "\\{1,2\\}", "7", "5");
        assertThat(candidates).extracting(Answer::form).containsOnly(AnswerForm.BOXED);
        assertThat(finalOf(text)).contains("5");
    }

    @Test
    void aBoxCutOffByTheTokenLimitIsNoCandidate() {
        String text = "<think>\nSo far \\boxed{3} looks plausible. Therefore the answer is \\boxed{\\frac{1}{";
        Trace trace = ThinkingSplitter.split(text);
        assertThat(trace.completeness()).isEqualTo(Completeness.THINKING_CUT_OFF);
        List<Answer> candidates = AnswerExtractor.candidates(trace);
        assertThat(candidates).extracting(Answer::raw).containsExactly("3");
        assertThat(AnswerExtractor.finalAnswer(trace, candidates)).isEmpty(); // a cut-off trace committed to nothing
    }

    @Test
    void anEmptyBoxInThePromptIsNoCandidate() {
        assertThat(rawOf("Please reason step by step, and put your final answer within \\boxed{}.")).isEmpty();
    }

    @Test
    void aPhraseWhoseValueIsABoxYieldsOnlyTheBox() {
        String text = "<think>hmm</think>\nThe final answer is $\\boxed{42}$. I hope it is correct.";
        List<Answer> candidates = candidatesOf(text);
        assertThat(candidates).hasSize(1);
        assertThat(candidates.getFirst().form()).isEqualTo(AnswerForm.BOXED);
        assertThat(candidates.getFirst().raw()).isEqualTo("42");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', quoteCharacter = '"', textBlock = """
            So the answer is 12.                              ¦ 12
            So the answer is 3.5.                             ¦ 3.5
            The final answer is $\\frac{3}{4}$.               ¦ \\frac{3}{4}
            Final answer: 18 dollars.                         ¦ 18
            Answer: (B)                                       ¦ (B)
            **Answer:** 42                                    ¦ 42
            **Answer**: 42                                    ¦ 42
            "The answer would be \\(x = 3\\), which checks out."  ¦ x = 3
            The answer should be 42 apples.                   ¦ 42
            The answer is probably **42**.                    ¦ 42
            "The answer is (1, 2), so we are done."           ¦ "(1, 2)"
            "The answer is 1, 2, and 3."                      ¦ "1, 2, and 3"
            the ANSWER IS 7 because 3+4=7                     ¦ 7
            The answer is 12... wait                          ¦ 12
            "The answer is $18.00, since she earns more."     ¦ $18.00
            The answer is $5$ apples.                         ¦ 5
            **The answer is 5**                               ¦ 5
            "The answer is: \\sqrt{2}"                        ¦ \\sqrt{2}
            The answer is A.                                  ¦ A
            "So, the answer must be 5! = 120"                 ¦ 5! = 120
            The answer is yes!                                ¦ yes
            "The answer is $x = 1, y = 2$, as shown."         ¦ "x = 1, y = 2"
            """)
    void readsThePhraseValueToTheEndOfTheSentence(String sentence, String value) {
        assertThat(rawOf(sentence)).containsExactly(value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', quoteCharacter = '"', textBlock = """
            Let me check whether the answer is correct.
            The answer is not 5.
            I think the answer is a function of n.
            The answers are 3 and 4.
            Let me verify the answer.
            The answer is the number of ways to choose.
            "#### Step 1: Compute the total"
            """)
    void remarksAboutTheAnswerAreNoCandidates(String sentence) {
        assertThat(rawOf(sentence)).isEmpty();
    }

    @Test
    void aValueTooLongToBeAnAnswerIsNoCandidate() {
        assertThat(rawOf("The answer is " + "very ".repeat(40) + "long.")).isEmpty();
    }

    @Test
    void finalAnswerHeadingWithTheValueOnTheNextLine() {
        String text = "<think>ok</think>\n## Final Answer\n\n$$\n17\n$$\n";
        assertThat(rawOf(text)).containsExactly("17");
        assertThat(finalOf(text)).contains("17");
    }

    @Test
    void finalAnswerColonWithABoxOnTheNextLineYieldsOnlyTheBox() {
        String text = "<think>ok</think>\n**Final Answer:**\n\\[ \\boxed{\\dfrac{1}{2}} \\]";
        List<Answer> candidates = candidatesOf(text);
        assertThat(candidates).extracting(Answer::raw).containsExactly("\\dfrac{1}{2}");
        assertThat(candidates.getFirst().normalized()).isEqualTo("\\frac{1}{2}");
    }

    @Test
    void gsm8kHashesLine() {
        String text = """
                Janet's ducks lay 16 eggs per day. She eats 3 and bakes with 4, so she sells 16 - 3 - 4 = 9.
                She makes 9 * 2 = $18 every day.
                #### 18""";
        List<Answer> candidates = candidatesOf(text);
        assertThat(candidates).extracting(Answer::raw).containsExactly("18");
        assertThat(candidates.getFirst().form()).isEqualTo(AnswerForm.HASHES);
        assertThat(finalOf(text)).contains("18");
        assertThat(AnswerGrader.grade(candidates.getFirst().raw(), "#### 18").isCorrect()).isTrue();
    }

    @Test
    void markdownHeadingsAreNotHashAnswers() {
        assertThat(rawOf("#### Step 2\n##### 42\nText #### 7")).isEmpty();
    }

    @Test
    void theAnswerRegionWinsOverTheThinking() {
        String text = "<think>\nthe answer is 5\n</think>\n\nSo the answer is 6.";
        assertThat(finalOf(text)).contains("6");
    }

    @Test
    void theLastBoxInTheAnswerWinsOverALaterPhrase() {
        String text = "<think>\nthe answer is 5\n</think>\n\nI computed \\boxed{7}. The answer is 8.";
        assertThat(rawOf(text)).containsExactly("5", "7", "8");
        assertThat(finalOf(text)).contains("7");
    }

    @Test
    void candidatesOnlyInTheThinkingMakeNoFinalAnswer() {
        String text = "<think>\nSo the answer is \\boxed{5}.\n</think>\n\nI am not sure.";
        Trace trace = ThinkingSplitter.split(text);
        assertThat(trace.completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(AnswerExtractor.candidates(trace)).extracting(Answer::raw).containsExactly("5");
        assertThat(AnswerExtractor.finalAnswer(trace)).isEmpty();
    }

    @Test
    void aTraceWithoutThinkingTakesItsLastCandidate() {
        String text = "The answer is 4. Actually, let me redo it: the answer is \\boxed{6}, and 6 is even.";
        Trace trace = ThinkingSplitter.split(text);
        assertThat(trace.completeness()).isEqualTo(Completeness.NO_THINKING);
        assertThat(AnswerExtractor.finalAnswer(trace).map(Answer::raw)).contains("6");
    }

    @Test
    void aCutOffTraceHasNoFinalAnswerEvenWithCandidates() {
        String text = "<think>\nSo the answer is 5. Wait, maybe the answer is \\boxed{6}. Let me";
        assertThat(rawOf(text)).containsExactly("5", "6");
        assertThat(finalOf(text)).isEmpty();
    }

    @Test
    void noCandidatesNoFinalAnswer() {
        assertThat(finalOf("<think>hmm</think>\nI do not know.")).isEmpty();
        assertThat(finalOf("")).isEmpty();
    }

    @Test
    void extractedCandidatesGradeAgainstAGroundTruth() {
        String text = """
                <think>
                The probability is 2/4, so the answer is \\frac{2}{4}. Hmm, simplify: the answer is 0.5.
                </think>
                The probability is $\\boxed{\\dfrac{1}{2}}$.""";
        List<Answer> graded = AnswerGrader.gradeAll(candidatesOf(text), "\\frac12");
        assertThat(graded).extracting(Answer::verdict).containsOnly(Verdict.CORRECT);
        assertThat(graded).hasSize(3);
    }

    @Test
    void answerSwitchesCountWithEquivalence() {
        String text = """
                <think>
                So the answer is 1/2. Wait, let me recheck. The answer is 0.5. Hmm, no: the answer is \\frac{1}{3}.
                </think>
                \\boxed{\\frac13}""";
        List<Answer> candidates = candidatesOf(text);
        int switches = 0;
        for (int i = 1; i < candidates.size(); i++) {
            if (!AnswerGrader.equivalent(candidates.get(i - 1).raw(), candidates.get(i).raw())) {
                switches++;
            }
        }
        assertThat(candidates).hasSize(4);
        assertThat(switches).isEqualTo(1);
    }

    /** Random mixes of triggers, cut-off groups and markup must never throw or yield a bad span. */
    @Test
    void neverThrowsOnGarbageTraces() {
        String[] pieces = {"answer", "Answer:", " is ", "**", "\\boxed{", "\\boxed ", "\\fbox{", "}", "{", "\\{",
                "####", "#", "答案", "是", "：", "。", "\n", " ", "$", "5", "x", ".", ", which", "<think>", "</think>",
                "Final Answer", "\\frac", "(", ")", "\\", "\uD83D\uDE00"};
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            Trace trace = ThinkingSplitter.split(text);
            List<Answer> candidates = AnswerExtractor.candidates(trace);
            for (Answer a : candidates) {
                assertThat(a.span().of(text)).as(text).isEqualTo(a.raw());
                assertThat(a.raw()).as(text).isNotBlank();
            }
            AnswerExtractor.finalAnswer(trace, candidates);
        }
    }

    @Test
    void aLongTraceIsScannedWithoutCatastrophe() {
        // an unbalanced box near the start and many near-miss triggers must stay linear
        String body = "\\boxed{" + "a answer #### ans 答 \\fbox ".repeat(20_000);
        Trace trace = ThinkingSplitter.split("<think>" + body);
        assertThat(AnswerExtractor.candidates(trace)).isEmpty();
    }
}
