package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.StrategySpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategiesTest {

    @Test
    void aParsedSpecHoldsEveryParameterWithItsDefault() {
        StrategySpec beam = Strategies.parse("beam width=2");
        assertThat(beam.name()).isEqualTo("beam");
        assertThat(beam.parameters()).containsEntry("width", "2").containsEntry("expand", "4")
                .containsEntry("delimiter", "\n\n").containsEntry("temperature", "0.6").containsEntry("prompt", "step");
        assertThat(Strategies.parse("beam width=4")).isEqualTo(Strategies.parse("beam"));
        assertThat(Strategies.create(beam)).isInstanceOf(StepBeamSearch.class);
        assertThat(((StepBeamSearch) Strategies.create(beam)).settings().width()).isEqualTo(2);
    }

    @Test
    void theFullTextReadsBackToAnEqualSpec() {
        StrategySpec spec = Strategies.parse("best-of-n n=3 question=\"Is it right? Say \\\"yes\\\"\\n\" verifier=logprob");
        assertThat(spec.parameters().get("question")).isEqualTo("Is it right? Say \"yes\"\n");
        String text = Strategies.format(spec);
        assertThat(Strategies.parse(text)).isEqualTo(spec);
        StrategySpec tip = Strategies.parse("tip words=Alternatively|Hmm;");
        assertThat(Strategies.parse(Strategies.format(tip))).isEqualTo(tip);
        StrategySpec budget = Strategies.parse("budget final=\\boxed{ word=Hmm\\;");
        assertThat(budget.parameters()).containsEntry("final", "\\boxed{").containsEntry("word", "Hmm;");
        assertThat(Strategies.parse(Strategies.format(budget))).isEqualTo(budget);
    }

    @Test
    void aListIsSeparatedBySemicolonsOutsideQuotes() {
        List<StrategySpec> specs = Strategies.parseList("chain; self-consistency n=4 ;budget word=\"Wait; no\"");
        assertThat(specs).extracting(StrategySpec::name).containsExactly("chain", "self-consistency", "budget");
        assertThat(specs.get(2).parameters()).containsEntry("word", "Wait; no");
        assertThatThrownBy(() -> Strategies.parseList(" ; ")).hasMessageContaining("no strategies");
    }

    @Test
    void aLabelShowsWhatDiffersFromTheDefaults() {
        assertThat(Strategies.label(Strategies.parse("self-consistency n=16 temperature=0.8")))
                .isEqualTo("self-consistency n=16 temperature=0.8");
        assertThat(Strategies.label(Strategies.parse("chain"))).isEqualTo("chain");
    }

    @Test
    void commandLineAssignmentsReadEscapes() {
        StrategySpec spec = Strategies.spec("mcts", List.of("iterations=8", "delimiter=\\n", "c=0.5"));
        assertThat(spec.parameters()).containsEntry("delimiter", "\n").containsEntry("iterations", "8");
        MctsSearch mcts = (MctsSearch) Strategies.create(spec);
        assertThat(mcts.settings().exploration()).isEqualTo(0.5);
        assertThat(mcts.settings().verifier()).isInstanceOf(Verifier.SelfEvaluation.class);
        assertThatThrownBy(() -> Strategies.spec("mcts", List.of("iterations"))).hasMessageContaining("key=value");
    }

    @Test
    void mistakesAreNamedWithTheStrategyAndTheParameter() {
        assertThatThrownBy(() -> Strategies.parse("bogus")).hasMessageContaining("unknown strategy 'bogus'")
                .hasMessageContaining("self-consistency");
        assertThatThrownBy(() -> Strategies.parse("chain n=3")).hasMessageContaining("unknown parameter 'n' for chain");
        assertThatThrownBy(() -> Strategies.parse("self-consistency n=many")).hasMessageContaining("n must be a whole number");
        assertThatThrownBy(() -> Strategies.parse("self-consistency n=0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Strategies.parse("mcts c=-1")).hasMessageContaining("mcts:").hasMessageContaining("exploration");
        assertThatThrownBy(() -> Strategies.parse("chain temperature=-1")).hasMessageContaining("temperature");
        assertThatThrownBy(() -> Strategies.parse("chain repeat-penalty=0")).hasMessageContaining("repetitionPenalty");
        assertThatThrownBy(() -> Strategies.parse("chain prompt=poem")).hasMessageContaining("plain, step, draft");
        assertThatThrownBy(() -> Strategies.parse("chain thinking=maybe")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> Strategies.parse("best-of-n verifier=oracle")).hasMessageContaining("rule, self, logprob");
        assertThatThrownBy(() -> Strategies.parse("chain \"max-tokens=1")).hasMessageContaining("unclosed quote");
        assertThatThrownBy(() -> Strategies.parse("chain max-tokens")).hasMessageContaining("key=value");
    }

    @Test
    void eachStrategySaysHowManySequencesItUses() {
        assertThat(Strategies.create(Strategies.parse("chain")).sequencesWanted()).isEqualTo(2);
        assertThat(Strategies.create(Strategies.parse("budget")).sequencesWanted()).isEqualTo(2);
        assertThat(Strategies.create(Strategies.parse("self-consistency n=8")).sequencesWanted()).isEqualTo(9);
        assertThat(Strategies.create(Strategies.parse("best-of-n n=4")).sequencesWanted()).isEqualTo(5);
        assertThat(Strategies.create(Strategies.parse("beam width=2 expand=3")).sequencesWanted()).isEqualTo(9);
        assertThat(Strategies.create(Strategies.parse("mcts expand=3 depth=4")).sequencesWanted()).isEqualTo(16);
    }

    @Test
    void everyStrategyIsNamedAndDocumented() {
        assertThat(Strategies.names()).containsExactly("chain", "self-consistency", "best-of-n", "beam", "mcts", "budget", "tip");
        String help = Strategies.help();
        for (String name : Strategies.names()) {
            assertThat(help).contains(name + " — ");
        }
        assertThat(help).contains("max-tokens").contains("iterations");
        for (String name : Strategies.names()) {
            Strategy s = Strategies.create(new StrategySpec(name, Map.of()));
            assertThat(s.spec().parameters()).containsKey("max-tokens");
            assertThat(s.params()).isEqualTo(StrategyParams.defaults());
        }
    }
}
