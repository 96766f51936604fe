package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.Moment;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.TopToken;
import io.thoughtscope.reasoning.model.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MomentDetectionTest {

    private final TraceAnalyzer analyzer = new TraceAnalyzer();

    private static List<String> evidence(List<Moment> moments) {
        return moments.stream().flatMap(m -> m.evidence().stream()).map(e -> e.matched()).toList();
    }

    @Test
    void findsEveryKindInAnEnglishTraceWithSpansAndEvidence() {
        var a = analyzer.analyze(SampleTraces.R1_APPLES);
        String text = a.trace().text();
        assertThat(evidence(a.moments(MomentType.AHA))).containsExactly("Wait,");
        assertThat(evidence(a.moments(MomentType.SELF_VERIFICATION))).containsExactly("double-check");
        assertThat(evidence(a.moments(MomentType.BACKTRACK))).containsExactly("That's wrong");
        assertThat(evidence(a.moments(MomentType.THOUGHT_SWITCH))).containsExactly("Alternatively");
        for (Moment m : a.moments()) {
            assertThat(m.span().contains(m.anchor())).isTrue();
            assertThat(m.anchor().of(text)).isEqualTo(m.evidence().getFirst().matched());
            assertThat(a.segments().get(m.segment()).span()).isEqualTo(m.span());
            assertThat(m.entropy()).isEmpty(); // no token data
        }
        // in text order
        assertThat(a.moments()).isSortedAccordingTo((x, y) -> x.anchor().compareTo(y.anchor()));
    }

    @Test
    void chineseMoments() {
        var a = analyzer.analyze(SampleTraces.CHINESE);
        assertThat(evidence(a.moments(MomentType.AHA))).containsExactly("等等");
        assertThat(evidence(a.moments(MomentType.SELF_VERIFICATION))).contains("让我检查", "验证一下");
        var b = analyzer.analyze("<think>12 × 15 = 170。不对，重新计算：12 × 15 = 180。或者，换个思路。</think>180");
        assertThat(evidence(b.moments(MomentType.BACKTRACK))).contains("不对", "重新计算");
        assertThat(evidence(b.moments(MomentType.THOUGHT_SWITCH))).contains("或者，", "换个思路");
    }

    @Test
    void publishedSelfReflectionKeywordsAreSelfVerification() {
        for (String kw : List.of("recheck", "rethink", "reevaluate", "re-evaluate", "reevaluation", "re-examine",
                "reexamine", "try again", "check again", "think again", "go over the steps")) {
            var a = analyzer.analyze("<think>Intro. Let me " + kw + " now. Done.</think>1");
            assertThat(a.moments(MomentType.SELF_VERIFICATION)).as(kw).hasSize(1);
        }
    }

    @Test
    void longestPhraseWinsSoABacktrackIsNotAlsoASwitch() {
        var a = analyzer.analyze("<think>Hmm. Let me try another approach. Done.</think>1");
        assertThat(a.moments(MomentType.BACKTRACK)).hasSize(1);
        assertThat(a.moments(MomentType.THOUGHT_SWITCH)).isEmpty();
    }

    @Test
    void severalCuesOfOneTypeInOneStepMakeOneMoment() {
        var a = analyzer.analyze("<think>Intro. Let me verify and double-check this. Done.</think>1");
        assertThat(a.moments(MomentType.SELF_VERIFICATION)).hasSize(1);
        assertThat(a.moments(MomentType.SELF_VERIFICATION).getFirst().evidence()).hasSize(2);
    }

    @Test
    void wordsInsideOtherWordsAreNotMoments() {
        var a = analyzer.analyze("<think>We await results. The waiter came. Unverifiable claims.</think>1");
        assertThat(a.moments()).isEmpty();
    }

    @Test
    void loopsAreFoundFromRepeatedStepsAndFromAPeriodicTail() {
        var a = analyzer.analyze(SampleTraces.LOOPING);
        List<Moment> loops = a.moments(MomentType.LOOP);
        assertThat(loops).hasSize(1);
        Moment loop = loops.getFirst();
        String text = a.trace().text();
        assertThat(loop.span().of(text)).contains("1 + 0 + 2 + 4 = 7. So the sum is 7.");
        assertThat(loop.span().end()).isEqualTo(text.length());
        assertThat(loop.evidence()).hasSizeGreaterThanOrEqualTo(3);

        // a tail loop without sentence ends
        var b = analyzer.analyze("<think>Counting: " + "ab12 ".repeat(30));
        assertThat(b.moments(MomentType.LOOP)).hasSize(1);
        assertThat(b.moments(MomentType.LOOP).getFirst().evidence().getFirst().matched()).contains("ab12").contains("repeated");

        // twice is not a loop
        var c = analyzer.analyze("<think>The sum is seven here. The sum is seven here. Next thing.</think>7");
        assertThat(c.moments(MomentType.LOOP)).isEmpty();
    }

    @Test
    void entropyAroundAMomentComesFromTheTokensThere() {
        String text = "<think>The sum is 5. Wait, it is 6.</think>6";
        List<Token> tokens = new ArrayList<>();
        // split into single-character tokens; characters of "Wait" are uncertain (entropy 2), the rest sure (0)
        int wait = text.indexOf("Wait");
        for (int i = 0; i < text.length(); i++) {
            double h = i >= wait && i < wait + 4 ? 2.0 : 0.0;
            tokens.add(new Token(i, String.valueOf(text.charAt(i)), -0.1, List.of(new TopToken(i, "x", -0.1)), h, i));
        }
        Trace trace = ThinkingSplitter.split(text, tokens);
        var a = analyzer.analyze(trace, null);
        Moment aha = a.moments(MomentType.AHA).getFirst();
        // window: the 5 tokens of "Wait," plus 4 either side = 13 tokens, 4 of them at entropy 2
        assertThat(aha.entropy()).isPresent();
        assertThat(aha.entropy().getAsDouble()).isCloseTo(8.0 / 13, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(a.metrics().tokens()).isEqualTo(text.length());
    }
}
