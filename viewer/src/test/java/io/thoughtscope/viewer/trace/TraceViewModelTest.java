package io.thoughtscope.viewer.trace;

import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.reasoning.model.Moment;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.StepLabel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The trace view's state, tested without a window. */
class TraceViewModelTest {

    static final String TRACE = """
            Okay, so we need 3 × 4. That is 12.

            Wait, let me double-check: 3 × 4 = 12. Yes.

            Alternatively, 4 + 4 + 4 = 12. So the answer is 12.
            </think>

            The answer is \\boxed{12}.""";

    private static TraceAnalysis analysis() {
        return new TraceAnalyzer().analyze(io.thoughtscope.reasoning.analysis.ThinkingSplitter.split(TRACE), "12");
    }

    private static List<String> classesAt(List<StyledRun> runs, int offset) {
        for (StyledRun r : runs) {
            if (offset >= r.start() && offset < r.end()) {
                return r.styleClasses();
            }
        }
        throw new AssertionError("no run at " + offset);
    }

    @Test
    void runsCoverTheWholeTextInOrderWithoutGaps() {
        TraceViewModel vm = new TraceViewModel();
        vm.setAnalysis(analysis());
        List<StyledRun> runs = vm.styleRuns();
        int pos = 0;
        for (StyledRun r : runs) {
            assertThat(r.start()).isEqualTo(pos);
            assertThat(r.end()).isGreaterThan(r.start());
            pos = r.end();
        }
        assertThat(pos).isEqualTo(TRACE.length());
    }

    @Test
    void runsCarryLabelMomentAnswerAndTagClasses() {
        TraceViewModel vm = new TraceViewModel();
        TraceAnalysis a = analysis();
        vm.setAnalysis(a);
        List<StyledRun> runs = vm.styleRuns();
        int wait = TRACE.indexOf("Wait,");
        assertThat(classesAt(runs, wait)).contains(StyleClasses.moment(MomentType.AHA));
        int check = TRACE.indexOf("double-check");
        assertThat(classesAt(runs, check)).contains(StyleClasses.moment(MomentType.SELF_VERIFICATION),
                StyleClasses.step(StepLabel.SELF_CHECKING));
        int boxed = TRACE.indexOf("{12}") + 1;
        assertThat(classesAt(runs, boxed)).contains("answer-correct");
        assertThat(classesAt(runs, TRACE.indexOf("</think>"))).containsExactly(StyleClasses.THINK_TAG);
        // the blank line after a step is not tinted
        int blank = TRACE.indexOf("\n\n");
        assertThat(classesAt(runs, blank)).noneMatch(c -> c.startsWith("step-"));
    }

    @Test
    void togglesRemoveTheirHighlights() {
        TraceViewModel vm = new TraceViewModel();
        vm.setAnalysis(analysis());
        vm.showLabelsProperty().set(false);
        vm.showMomentsProperty().set(false);
        vm.showAnswersProperty().set(false);
        for (StyledRun r : vm.styleRuns()) {
            assertThat(r.styleClasses()).allMatch(c -> c.equals(StyleClasses.THINK_TAG) || c.equals(StyleClasses.ANSWER_REGION));
        }
    }

    @Test
    void momentNavigationWrapsAndMarksTheCurrentMoment() {
        TraceViewModel vm = new TraceViewModel();
        TraceAnalysis a = analysis();
        vm.setAnalysis(a);
        List<Moment> moments = a.moments();
        assertThat(moments).hasSizeGreaterThanOrEqualTo(3);
        assertThat(vm.currentMoment()).isEmpty();
        assertThat(vm.nextMoment()).isTrue();
        assertThat(vm.currentMoment()).contains(moments.getFirst());
        assertThat(classesAt(vm.styleRuns(), moments.getFirst().anchor().start())).contains(StyleClasses.CURRENT_MOMENT);
        vm.previousMoment();
        assertThat(vm.currentMoment()).contains(moments.getLast());
        vm.nextMoment();
        assertThat(vm.currentMoment()).contains(moments.getFirst());
        vm.jumpTo(moments.get(1));
        assertThat(vm.currentMomentIndexProperty().get()).isEqualTo(1);
        // a new trace resets the position
        vm.setAnalysis(analysis());
        assertThat(vm.currentMoment()).isEmpty();
        vm.setAnalysis(null);
        assertThat(vm.nextMoment()).isFalse();
        assertThat(vm.styleRuns()).isEmpty();
    }

    @Test
    void gutterLinesNameTheStepsAndMoments() {
        TraceViewModel vm = new TraceViewModel();
        vm.setAnalysis(analysis());
        List<TraceViewModel.LineInfo> lines = vm.lines();
        assertThat(lines).hasSize((int) TRACE.chars().filter(c -> c == '\n').count() + 1);
        // line 2 is "Wait, let me double-check: ..."
        TraceViewModel.LineInfo waitLine = lines.get(2);
        assertThat(waitLine.stepStart()).isTrue();
        assertThat(waitLine.label()).isEqualTo(StepLabel.SELF_CHECKING);
        assertThat(waitLine.moments()).contains(MomentType.AHA, MomentType.SELF_VERIFICATION);
        // the blank line between paragraphs starts no step
        assertThat(lines.get(1).stepStart()).isFalse();
        assertThat(lines.get(1).moments()).isEmpty();
    }

    @Test
    void momentsAtAnOffsetAndTheSegmentThere() {
        TraceViewModel vm = new TraceViewModel();
        vm.setAnalysis(analysis());
        int alt = TRACE.indexOf("Alternatively") + 3;
        assertThat(vm.momentsAt(alt)).extracting(Moment::type).containsExactly(MomentType.THOUGHT_SWITCH);
        assertThat(vm.segmentAt(alt)).isNotNull();
        assertThat(vm.momentsAt(0)).isEmpty();
    }
}
