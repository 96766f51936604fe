package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.Region;
import io.thoughtscope.reasoning.model.Segment;
import io.thoughtscope.reasoning.model.StepLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class StepLabelingTest {

    private final TraceAnalyzer analyzer = new TraceAnalyzer();

    /** The label of the step containing {@code sentence}, in a trace where it is not the opening step. */
    private Segment stepOf(String sentence) {
        String text = "<think>Intro one. Intro two. " + sentence + " Outro.</think>done";
        var a = analyzer.analyze(text);
        int at = text.indexOf(sentence);
        return a.segmentAt(at);
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Okay, so we are given a triangle with sides 3 and 4.  | PROBLEM_SETUP
            First, I need to break it down step by step.          | PLAN_GENERATION
            I recall the formula for the area of a circle.         | FACT_RETRIEVAL
            Let me compute 3 × 4 = 12 and 12 + 5 = 17.             | ACTIVE_COMPUTATION
            Therefore, the total comes out right.                  | RESULT_CONSOLIDATION
            Wait, that can't be right.                             | UNCERTAINTY_MANAGEMENT
            Let me verify: 12 × 3 = 36, which matches.             | SELF_CHECKING
            So the answer is \\boxed{36}.                          | FINAL_ANSWER_EMISSION
            等等，不对。                                            | UNCERTAINTY_MANAGEMENT
            首先，我需要计算总数。                                   | PLAN_GENERATION
            让我验证一下这个结果。                                   | SELF_CHECKING
            所以，总数是十二。                                       | RESULT_CONSOLIDATION
            """)
    void labelsFollowTheStrongestCue(String sentence, StepLabel expected) {
        Segment s = stepOf(sentence);
        assertThat(s.label()).as("label of '%s', evidence %s", sentence, s.evidence()).isEqualTo(expected);
        assertThat(s.evidence()).isNotEmpty();
    }

    @Test
    void evidenceNamesTheMatchedCueAsWritten() {
        Segment s = stepOf("Let me double-check the SUM.");
        assertThat(s.label()).isEqualTo(StepLabel.SELF_CHECKING);
        assertThat(s.evidence()).anySatisfy(e -> {
            assertThat(e.rule()).isEqualTo("cue");
            assertThat(e.matched()).isEqualTo("double-check");
        });
    }

    @Test
    void equationsVoteForComputationWithTheEquationAsEvidence() {
        Segment s = stepOf("Then 17 - 5 = 12 and 12 / 4 = 3.");
        assertThat(s.label()).isEqualTo(StepLabel.ACTIVE_COMPUTATION);
        assertThat(s.evidence().getFirst().rule()).isEqualTo("equation");
        assertThat(s.evidence().getFirst().matched()).contains("17 - 5 = 12");
    }

    @Test
    void wholeWordsOnly() {
        // "await" and "sometimes" contain "wait" and "times" but are not those words
        Segment s = stepOf("The crowd will await the bus sometimes.");
        assertThat(s.label()).isNotIn(StepLabel.UNCERTAINTY_MANAGEMENT, StepLabel.ACTIVE_COMPUTATION);
    }

    @Test
    void anchoredCuesCountOnlyAtTheStartOfAStep() {
        assertThat(stepOf("So the pattern continues.").label()).isEqualTo(StepLabel.RESULT_CONSOLIDATION);
        assertThat(stepOf("It is so pretty.").label()).isNotEqualTo(StepLabel.RESULT_CONSOLIDATION);
        assertThat(stepOf("**So** the pattern continues.").label()).isEqualTo(StepLabel.RESULT_CONSOLIDATION);
    }

    @Test
    void withoutCuesPositionAndContentDecideAndSaySo() {
        var a = analyzer.analyze("<think>Janet has ducks. They lay 16 eggs. The farm is big. It has 9 cows.</think>x");
        assertThat(a.segments().get(0).label()).isEqualTo(StepLabel.PROBLEM_SETUP);
        assertThat(a.segments().get(0).evidence().getFirst().rule()).isEqualTo("position");
        assertThat(a.segments().get(2).label()).isEqualTo(StepLabel.FACT_RETRIEVAL);
        assertThat(a.segments().get(3).label()).isEqualTo(StepLabel.ACTIVE_COMPUTATION);
        assertThat(a.segments().get(3).evidence().getFirst().rule()).isEqualTo("numbers");
    }

    @Test
    void segmentsCoverThinkingAndAnswerExactlyWithRegionsAndIndexes() {
        var a = analyzer.analyze(SampleTraces.R1_APPLES);
        StringBuilder thinking = new StringBuilder();
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < a.segments().size(); i++) {
            Segment s = a.segments().get(i);
            assertThat(s.index()).isEqualTo(i);
            (s.region() == Region.THINKING ? thinking : answer).append(s.text(a.trace().text()));
        }
        assertThat(thinking.toString()).isEqualTo(a.trace().thinkingText());
        assertThat(answer.toString()).isEqualTo(a.trace().answerText());
        assertThat(a.segments().getLast().label()).isEqualTo(StepLabel.FINAL_ANSWER_EMISSION);
    }
}
