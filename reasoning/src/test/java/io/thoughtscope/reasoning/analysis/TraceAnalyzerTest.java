package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.AnswerForm;
import io.thoughtscope.reasoning.model.Completeness;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.Region;
import io.thoughtscope.reasoning.model.StepLabel;
import io.thoughtscope.reasoning.model.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The whole pipeline on traces that look like real ones. */
class TraceAnalyzerTest {

    private final TraceAnalyzer analyzer = new TraceAnalyzer();

    @Test
    void aTraceThatChangesItsMindCountsSwitchesAndOverthinking() {
        TraceAnalysis a = analyzer.analyze(ThinkingSplitter.split(SampleTraces.R1_APPLES), "9");
        assertThat(a.candidates()).extracting(c -> c.raw()).containsExactly("4", "9");
        assertThat(a.candidates().get(0).verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(a.candidates().get(0).region()).isEqualTo(Region.THINKING);
        assertThat(a.finalAnswer().raw()).isEqualTo("9");
        assertThat(a.finalAnswer().form()).isEqualTo(AnswerForm.BOXED);
        assertThat(a.finalAnswer().region()).isEqualTo(Region.ANSWER);
        assertThat(a.verdict()).isEqualTo(Verdict.CORRECT);

        TraceMetrics m = a.metrics();
        assertThat(m.answerSwitches()).isEqualTo(1);
        assertThat(m.firstCorrectCandidate()).isEqualTo(1);
        // the first correct answer is the box after the thinking: nothing was thought after it
        assertThat(m.wordsAfterFirstCorrect()).isZero();
        assertThat(m.completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(m.moments()).isEqualTo(a.moments().size());
        assertThat(m.stepsPerLabel().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(m.steps());
        assertThat(m.steps(StepLabel.FINAL_ANSWER_EMISSION)).isPositive();
        assertThat(m.momentsPer1kWords()).isCloseTo(1000.0 * m.moments() / m.words(), within(1e-9));
    }

    @Test
    void overthinkingIsTheThinkingAfterTheFirstCorrectCandidate() {
        String text = "<think>\n2 + 3 = 5. So the answer is 5.\n\nWait, let me double-check this carefully once more. "
                + "2 plus 3 is 5 again. Yes, I am sure.\n</think>\nThe answer is \\boxed{5}.";
        TraceAnalysis a = analyzer.analyze(ThinkingSplitter.split(text), "5");
        TraceMetrics m = a.metrics();
        assertThat(m.firstCorrectCandidate()).isZero();
        assertThat(m.answerSwitches()).isZero();
        // "Wait, let me double-check this carefully once more. 2 plus 3 is 5 again. Yes, I am sure."
        // is 19 words ("double-check" counts as two)
        assertThat(m.wordsAfterFirstCorrect()).isEqualTo(19);
        assertThat(m.overthinkingRatio()).isCloseTo(19.0 / m.thinkingWords(), within(1e-9));
    }

    @Test
    void aCutOffTraceHasNoFinalAnswerAndIsWrongWhenGraded() {
        TraceAnalysis a = analyzer.analyze(ThinkingSplitter.split(SampleTraces.QWQ_CUT_OFF), "6");
        assertThat(a.trace().completeness()).isEqualTo(Completeness.THINKING_CUT_OFF);
        assertThat(a.finalAnswer()).isNull();
        assertThat(a.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(a.metrics().completeness()).isEqualTo(Completeness.THINKING_CUT_OFF);
        assertThat(a.moments(MomentType.SELF_VERIFICATION)).isNotEmpty();
        assertThat(a.moments(MomentType.AHA)).isNotEmpty();
        // ungraded without a truth
        assertThat(analyzer.analyze(ThinkingSplitter.split(SampleTraces.QWQ_CUT_OFF), null).verdict()).isEqualTo(Verdict.UNGRADED);
    }

    @Test
    void chineseTraceWithAGsm8kStyleReference() {
        TraceAnalysis a = analyzer.analyze(ThinkingSplitter.split(SampleTraces.CHINESE), "12 乘以 15 等于 180。\n#### 180");
        assertThat(a.groundTruth()).isEqualTo("180");
        assertThat(a.finalAnswer().raw()).isEqualTo("180");
        assertThat(a.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(a.metrics().words()).isGreaterThan(50); // CJK characters count as words
        assertThat(a.segments()).extracting(s -> s.label()).contains(StepLabel.PROBLEM_SETUP, StepLabel.SELF_CHECKING,
                StepLabel.FINAL_ANSWER_EMISSION);
    }

    @Test
    void everyConventionYieldsItsAnswer() {
        assertThat(analyzer.analyze(ThinkingSplitter.split(SampleTraces.S1), "55").verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(analyzer.analyze(ThinkingSplitter.split(SampleTraces.BEGIN_OF_THOUGHT), "4").verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(analyzer.analyze(ThinkingSplitter.split(SampleTraces.KIMI), "56").verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void answersInLatexFormsAreGradedLikeTheReferenceGraders() {
        String frac = "<think>Half of 3 is 1.5.</think>The answer is $\\boxed{\\dfrac{3}{2}}$.";
        assertThat(analyzer.analyze(ThinkingSplitter.split(frac), "1.5").verdict()).isEqualTo(Verdict.CORRECT);
        String interval = "<think>x can be from 0 up to but not 1.</think>\\boxed{[0, 1)}";
        assertThat(analyzer.analyze(ThinkingSplitter.split(interval), "[0,1)").verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(analyzer.analyze(ThinkingSplitter.split(interval), "(0,1)").verdict()).isEqualTo(Verdict.INCORRECT);
        String percent = "<think>It is half.</think>So the answer is \\boxed{50\\%}.";
        assertThat(analyzer.analyze(ThinkingSplitter.split(percent), "0.5").verdict()).isEqualTo(Verdict.CORRECT);
        String units = "<think>18 dollars.</think>\\boxed{18 \\text{ dollars}}";
        assertThat(analyzer.analyze(ThinkingSplitter.split(units), "#### 18").verdict()).isEqualTo(Verdict.CORRECT);
        String nested = "<think>ok</think>\\boxed{\\frac{\\sqrt{3}}{2}}";
        assertThat(analyzer.analyze(ThinkingSplitter.split(nested), "\\frac{\\sqrt3}{2}").verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void emptyAndTaglessTextsAreHandled() {
        TraceAnalysis empty = analyzer.analyze("");
        assertThat(empty.segments()).isEmpty();
        assertThat(empty.metrics().words()).isZero();
        assertThat(empty.metrics().momentsPer1kWords()).isZero();
        TraceAnalysis plain = analyzer.analyze("The answer is 7.");
        assertThat(plain.trace().completeness()).isEqualTo(Completeness.NO_THINKING);
        assertThat(plain.finalAnswer().raw()).isEqualTo("7");
    }

    @Test
    void analysisIsThreadSafe() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<TraceAnalysis>>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> analyzer.analyze(ThinkingSplitter.split(SampleTraces.R1_APPLES), "9")));
            }
            TraceAnalysis first = futures.getFirst().get();
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
