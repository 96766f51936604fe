package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.spi.SamplingParams;
import io.thoughtscope.reasoning.spi.Sequence;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationTest {

    /** Writes "abc" then ends. */
    private static ScriptedModel abc() {
        return new ScriptedModel((text, seed) -> {
            int produced = text.length() - text.indexOf('>') - 1;
            return produced < 3 ? (char) ('a' + produced) : (char) 0;
        });
    }

    @Test
    void stopsAtTheEndOfGenerationToken() {
        ScriptedModel m = abc();
        Sequence s = m.prefill(ScriptedModel.chars("q>"));
        List<String> seen = new ArrayList<>();
        Generation.Result r = Generation.run(m, s, new Generation.Options(100, List.of(), 0, SamplingParams.greedy()),
                step -> seen.add(step.token().text()));
        assertThat(r.reason()).isEqualTo(Generation.Stop.END_OF_GENERATION);
        assertThat(r.text()).isEqualTo("abc");
        assertThat(r.tokens()).isEqualTo(4);
        assertThat(seen).containsExactly("a", "b", "c", "");
    }

    @Test
    void stopsAtTheTokenLimitOrAStopString() {
        ScriptedModel m = abc();
        Generation.Result limited = Generation.run(m, m.prefill(ScriptedModel.chars("q>")),
                new Generation.Options(2, List.of(), 0, SamplingParams.greedy()), null);
        assertThat(limited.reason()).isEqualTo(Generation.Stop.MAX_TOKENS);
        assertThat(limited.text()).isEqualTo("ab");
        Generation.Result stopped = Generation.run(m, m.prefill(ScriptedModel.chars("q>")),
                new Generation.Options(100, List.of("bc"), 0, SamplingParams.greedy()), null);
        assertThat(stopped.reason()).isEqualTo(Generation.Stop.STOP_STRING);
        assertThat(stopped.text()).isEqualTo("abc");
    }
}
