package io.thoughtscope.reasoning.analysis;

import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.StepLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LexiconTest {

    @Test
    void builtInLexiconCoversEveryPhraseTypeAndLabelInEnglishAndChinese() {
        var byCategory = Lexicon.builtIn().byCategory();
        for (MomentType t : MomentType.values()) {
            if (t != MomentType.LOOP) {
                assertThat(byCategory).containsKey("moment." + t.key());
            }
        }
        for (StepLabel l : StepLabel.values()) {
            assertThat(byCategory).containsKey("label." + l.key());
        }
        assertThat(byCategory.get("moment.aha")).contains("等等", "^wait");
        assertThat(byCategory.get("moment.self_verification")).contains("recheck", "re-examine", "go over the steps", "验证");
        assertThat(byCategory.get("moment.backtrack")).contains("重新考虑");
    }

    @Test
    void parsesAnchorsPrefixesAndComments() {
        Lexicon l = Lexicon.of("""
                # comment
                moment.aha   ^Whoa
                label.self_checking verif*

                label.plan_generation   let me   think
                """);
        assertThat(l.cues()).hasSize(3);
        assertThat(l.cue(0).anchored()).isTrue();
        assertThat(l.cue(0).phrase()).isEqualTo("whoa");
        assertThat(l.cue(1).prefix()).isTrue();
        assertThat(l.cue(1).phrase()).isEqualTo("verif");
        assertThat(l.cue(2).phrase()).isEqualTo("let me   think");
    }

    @Test
    void badLinesNameTheFileAndLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mine.txt");
        Files.writeString(f, "moment.aha wow\nmoment.surprise gosh\n");
        assertThatThrownBy(() -> Lexicon.builtInPlus(List.of(f)))
                .isInstanceOf(Lexicon.LexiconException.class)
                .hasMessageContaining("mine.txt:2").hasMessageContaining("moment.surprise");
        Files.writeString(f, "justoneword\n");
        assertThatThrownBy(() -> Lexicon.builtInPlus(List.of(f))).hasMessageContaining("mine.txt:1");
        Files.writeString(f, "moment.loop again and again\n");
        assertThatThrownBy(() -> Lexicon.builtInPlus(List.of(f))).hasMessageContaining("repetition");
    }

    @Test
    void userCuesExtendTheBuiltInOnes(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("extra.txt");
        Files.writeString(f, "moment.aha eureka\n");
        TraceAnalyzer plain = new TraceAnalyzer();
        TraceAnalyzer extended = new TraceAnalyzer(Lexicon.builtInPlus(List.of(f)));
        String trace = "<think>Eureka! The sum is 5. Wait, it is 6.</think>6";
        assertThat(plain.analyze(trace).moments(MomentType.AHA)).hasSize(1);
        assertThat(extended.analyze(trace).moments(MomentType.AHA)).hasSize(2);
    }

    @Test
    void matcherFindsOverlappingPhrasesCaseInsensitively() {
        PhraseMatcher m = new PhraseMatcher(List.of("he", "she", "his", "hers", "that's"));
        List<String> found = new ArrayList<>();
        String text = "uSHErs THAT’S";
        m.scan(text, 0, text.length(), (p, s, e) -> found.add(p + ":" + text.substring(s, e)));
        assertThat(found).containsExactlyInAnyOrder("1:SHE", "0:HE", "3:HErs", "4:THAT’S");
    }
}
