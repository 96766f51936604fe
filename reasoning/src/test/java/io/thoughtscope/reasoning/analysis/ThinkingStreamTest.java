package io.thoughtscope.reasoning.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThinkingStreamTest {

    private static List<String> run(boolean startInside, String... pieces) {
        List<String> out = new ArrayList<>();
        ThinkingStream s = new ThinkingStream("<think>", "</think>", startInside,
                (t, thinking) -> out.add((thinking ? "T:" : "A:") + t));
        for (String p : pieces) {
            s.accept(p);
        }
        s.finish();
        return out;
    }

    @Test
    void tagsSplitAcrossPiecesAreRecognisedAndDropped() {
        assertThat(String.join("|", run(true, "Let me ", "think.</th", "ink>\n\nThe answer", " is 4.")))
                .isEqualTo("T:Let me |T:think.|A:\n\nThe answer|A: is 4.");
        assertThat(String.join("|", run(false, "<thi", "nk>hmm</think>ok")))
                .isEqualTo("T:hmm|A:ok");
    }

    @Test
    void aLessThanSignThatIsNotATagIsPassedOnOnceDecided() {
        assertThat(String.join("", run(true, "a <", "b and c</x>"))).isEqualTo("T:a T:<b and c</x>");
    }

    @Test
    void reportsWhetherThinkingClosed() {
        ThinkingStream s = new ThinkingStream("<think>", "</think>", true, (t, th) -> { });
        s.accept("still thinking");
        assertThat(s.thinkingClosed()).isFalse();
        s.accept("</think>done");
        assertThat(s.thinkingClosed()).isTrue();
        assertThat(s.isThinking()).isFalse();
    }
}
