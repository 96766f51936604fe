package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.Completeness;
import io.thoughtscope.reasoning.model.ThinkFormat;
import io.thoughtscope.reasoning.model.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThinkingSplitterTest {

    @Test
    void closingTagAloneMarksThinkingBecauseR1PutsTheOpeningTagInThePrompt() {
        Trace t = ThinkingSplitter.split(SampleTraces.R1_APPLES);
        assertThat(t.format()).isEqualTo(ThinkFormat.THINK_TAGS);
        assertThat(t.completeness()).isEqualTo(Completeness.COMPLETE);
        assertThat(t.thinkingText()).startsWith("Okay, so I need").endsWith("Yes, 9 apples.\n");
        assertThat(t.answerText()).contains("Janet has **9** apples left.").doesNotContain("</think>");
    }

    @Test
    void thinkingThatNeverClosesIsCutOff() {
        Trace t = ThinkingSplitter.split(SampleTraces.QWQ_CUT_OFF);
        assertThat(t.completeness()).isEqualTo(Completeness.THINKING_CUT_OFF);
        assertThat(t.isCutOff()).isTrue();
        assertThat(t.thinkingText()).startsWith("\nLet me think").endsWith("which is area / s = 1, so");
        assertThat(t.answerText()).isEmpty();
    }

    @Test
    void s1TagsSplitAtTheAnswerMarker() {
        Trace t = ThinkingSplitter.split(SampleTraces.S1);
        assertThat(t.format()).isEqualTo(ThinkFormat.S1);
        assertThat(t.thinkingText()).contains("10 × 11 / 2 = 55").doesNotContain("Answer:");
        assertThat(t.answerText().strip()).isEqualTo("Answer: 55");
    }

    @Test
    void beginOfThoughtAnswerIsTheSolutionBlockContent() {
        Trace t = ThinkingSplitter.split(SampleTraces.BEGIN_OF_THOUGHT);
        assertThat(t.format()).isEqualTo(ThinkFormat.BEGIN_OF_THOUGHT);
        assertThat(t.thinkingText().strip()).isEqualTo("We need 2 + 2. That is 4.");
        assertThat(t.answerText().strip()).isEqualTo("The answer is $\\boxed{4}$.");
    }

    @Test
    void kimiTags() {
        Trace t = ThinkingSplitter.split(SampleTraces.KIMI);
        assertThat(t.format()).isEqualTo(ThinkFormat.KIMI);
        assertThat(t.thinkingText()).isEqualTo("Compute 7 × 8. 7 × 8 = 56.");
        assertThat(t.answerText()).isEqualTo("The product is \\boxed{56}.");
    }

    @Test
    void textWithoutTagsIsAllAnswer() {
        Trace t = ThinkingSplitter.split("The answer is 42.");
        assertThat(t.format()).isEqualTo(ThinkFormat.NONE);
        assertThat(t.completeness()).isEqualTo(Completeness.NO_THINKING);
        assertThat(t.hasThinking()).isFalse();
        assertThat(t.answerText()).isEqualTo("The answer is 42.");
    }

    @Test
    void closedThinkingWithNothingAfterHasNoAnswer() {
        Trace t = ThinkingSplitter.split("<think>hmm</think>\n\n");
        assertThat(t.completeness()).isEqualTo(Completeness.NO_ANSWER);
    }

    @Test
    void endOfTextMarkersAreNotPartOfTheAnswer() {
        Trace t = ThinkingSplitter.split("<think>x</think>The answer is 3.<｜end▁of▁sentence｜>");
        assertThat(t.answerText()).isEqualTo("The answer is 3.");
        t = ThinkingSplitter.split("<think>x</think>Final: 3\n<|im_end|>\n");
        assertThat(t.answerText()).isEqualTo("Final: 3\n");
    }

    @Test
    void earliestConventionWinsWhenATraceQuotesAnother() {
        Trace t = ThinkingSplitter.split("<think>The tag ◁think▷ is Kimi's.</think>ok");
        assertThat(t.format()).isEqualTo(ThinkFormat.THINK_TAGS);
        assertThat(t.thinkingText()).isEqualTo("The tag ◁think▷ is Kimi's.");
    }

    @Test
    void separateFieldsJoinWithABlankLineAndAnEmptyAnswerMeansCutOff() {
        Trace t = ThinkingSplitter.fromParts("Let me think.", "It is 5.", List.of());
        assertThat(t.format()).isEqualTo(ThinkFormat.SEPARATE);
        assertThat(t.text()).isEqualTo("Let me think.\n\nIt is 5.");
        assertThat(t.thinkingText()).isEqualTo("Let me think.");
        assertThat(t.answerText()).isEqualTo("It is 5.");
        assertThat(t.completeness()).isEqualTo(Completeness.COMPLETE);

        Trace cut = ThinkingSplitter.fromParts("Let me think about", "", List.of());
        assertThat(cut.completeness()).isEqualTo(Completeness.THINKING_CUT_OFF);

        Trace tagged = ThinkingSplitter.fromParts(null, "<think>a</think>b", List.of());
        assertThat(tagged.format()).isEqualTo(ThinkFormat.THINK_TAGS);
        assertThat(tagged.answerText()).isEqualTo("b");
    }
}
