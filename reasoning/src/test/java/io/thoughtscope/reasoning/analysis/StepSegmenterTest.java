package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.Span;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class StepSegmenterTest {

    private static List<String> steps(String text) {
        return StepSegmenter.segment(text, new Span(0, text.length())).stream().map(s -> s.span().of(text)).toList();
    }

    @Test
    void splitsSentencesAndKeepsTheirTrailingWhitespace() {
        assertThat(steps("First step. Second step!  Third?\nFourth"))
                .containsExactly("First step. ", "Second step!  ", "Third?\n", "Fourth");
    }

    @Test
    void blankLinesStartNewParagraphs() {
        String text = "A one. A two.\n\nB one.\n\n\nC one.";
        var segs = StepSegmenter.segment(text, new Span(0, text.length()));
        assertThat(segs).extracting(StepSegmenter.Step::paragraph).containsExactly(0, 0, 1, 2);
    }

    @Test
    void decimalsAbbreviationsAndListNumbersDoNotEndSteps() {
        assertThat(steps("Pi is about 3.14, e.g. in circles. Next."))
                .containsExactly("Pi is about 3.14, e.g. in circles. ", "Next.");
        assertThat(steps("1. Add the numbers.\n2. Divide."))
                .containsExactly("1. Add the numbers.\n", "2. Divide.");
    }

    @Test
    void displayMathStaysInOneStep() {
        String text = "So we get:\n\\[\nx = 1. \\\\\ny = 2.\n\\]\nDone.";
        assertThat(steps(text)).containsExactly("So we get:\n", "\\[\nx = 1. \\\\\ny = 2.\n\\]\n", "Done.");
        assertThat(steps("$$a = b.\nc$$ then.")).containsExactly("$$a = b.\nc$$ then.");
    }

    @Test
    void chineseSentenceEnds() {
        assertThat(steps("首先计算。然后检查！对吗？好的")).containsExactly("首先计算。", "然后检查！", "对吗？", "好的");
    }

    @Test
    void quotesAndParenthesesAfterAPeriodStayWithTheSentence() {
        assertThat(steps("He said \"stop.\" Then (really.) More"))
                .containsExactly("He said \"stop.\" ", "Then (really.) ", "More");
    }

    @Test
    void leadingWhitespaceJoinsTheFirstStepAndTrailingWhitespaceTheLast() {
        assertThat(steps("\n\nHello. World.\n\n")).containsExactly("\n\nHello. ", "World.\n\n");
        assertThat(steps("   ")).containsExactly("   ");
        assertThat(steps("")).isEmpty();
    }

    @Test
    void stepsConcatenateBackToTheRegionExactlyForAnyInput() {
        Random rnd = new Random(7);
        String alphabet = "ab .!?\n\n  \t。？$\\[]{}12e.g";
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(80);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String text = "<pre>" + sb + "<post>";
            Span region = new Span(5, 5 + sb.length());
            var segs = StepSegmenter.segment(text, region);
            StringBuilder joined = new StringBuilder();
            int expectedStart = region.start();
            for (var s : segs) {
                assertThat(s.span().start()).isEqualTo(expectedStart);
                assertThat(s.span().isEmpty()).isFalse();
                joined.append(s.span().of(text));
                expectedStart = s.span().end();
            }
            assertThat(joined.toString()).isEqualTo(sb.toString());
        }
    }

    @Test
    void realTraceConcatenatesExactly() {
        String text = SampleTraces.R1_APPLES;
        var trace = ThinkingSplitter.split(text);
        StringBuilder joined = new StringBuilder();
        for (var s : StepSegmenter.segment(text, trace.thinking())) {
            joined.append(s.span().of(text));
        }
        assertThat(joined.toString()).isEqualTo(trace.thinkingText());
    }
}
