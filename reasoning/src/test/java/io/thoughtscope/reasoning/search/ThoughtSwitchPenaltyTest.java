package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ThoughtSwitchPenaltyTest {

    private static final String SWITCH = " Alternatively";

    /**
     * Writes x's; after three x's in the current thought it prefers to switch (logit 0 against
     * -1 for another x). After 70 characters of thinking it closes and answers.
     */
    private static ScriptedModel restless() {
        return new ScriptedModel(c -> {
            String g = Plans.generated(c.text());
            if (g.contains("</think>") || g.length() >= 70) {
                String head = g.contains("</think>") ? g.substring(0, g.indexOf("</think>")) : g;
                return Plans.next(g, head + "</think>\n\n\\boxed{1}", Plans.WORDS);
            }
            int last = g.lastIndexOf(SWITCH);
            String thought = g.substring(last < 0 ? "<think>\n".length() : last + SWITCH.length());
            return thought.length() >= 3 ? ScriptedModel.Dist.ranked(SWITCH, "x") : ScriptedModel.Dist.of("x");
        }, Plans.WORDS);
    }

    private static RunResult run(ScriptedModel model, String spec) {
        return Strategies.create(Strategies.parse(spec)).run(RunContext.builder(model, Plans.problem("1")).build());
    }

    /** The generated tokens before each step, as the scripted vocabulary splits them. */
    private static List<List<String>> tokensBeforeEachStep(ScriptedModel model) {
        List<List<String>> out = new ArrayList<>();
        for (ScriptedModel.Context c : model.seen()) {
            String g = Plans.generated(c.text()).substring("<think>\n".length());
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < g.length(); ) {
                if (g.startsWith(SWITCH, i)) {
                    tokens.add(SWITCH);
                    i += SWITCH.length();
                } else if (g.startsWith("</think>", i)) {
                    tokens.add("</think>");
                    i += 8;
                } else {
                    tokens.add(g.substring(i, i + 1));
                    i++;
                }
            }
            out.add(tokens);
        }
        return out;
    }

    @Test
    void thePenaltyAppliesOnlyInsideItsWindowAfterEachSwitch() {
        ScriptedModel model = restless();
        RunResult r = run(model, "tip alpha=3 beta=6 words=Alternatively");
        int switchId = model.id(SWITCH);
        int plainId = model.id("Alternatively");
        List<List<String>> before = tokensBeforeEachStep(model);
        int penalised = 0;
        for (int i = 0; i < before.size(); i++) {
            List<String> tokens = before.get(i);
            int last = tokens.lastIndexOf(SWITCH);
            int since = tokens.size() - (last + 1);
            boolean open = !tokens.contains("</think>");
            boolean expected = open && since < 6;
            Float bias = model.seen().get(i).sampling().logitBias().get(switchId);
            assertThat(bias != null).as("step %d after %s", i, tokens).isEqualTo(expected);
            if (expected) {
                assertThat(bias).isEqualTo(-3f);
                assertThat(model.seen().get(i).sampling().logitBias()).containsEntry(plainId, -3f);
                penalised++;
            }
        }
        assertThat(penalised).isGreaterThan(6);
        // each thought now runs six tokens before the model may switch, instead of three
        String thinking = r.tree().root().children().getFirst().text();
        assertThat(thinking).startsWith("xxxxxx" + SWITCH + "xxxxxx" + SWITCH);
        assertThat(r.isCorrect()).isTrue();
    }

    @Test
    void withoutAPenaltyTheModelSwitchesAsItLikes() {
        ScriptedModel model = restless();
        RunResult r = run(model, "tip alpha=0 beta=6 words=Alternatively");
        assertThat(r.tree().root().children().getFirst().text()).startsWith("xxx" + SWITCH + "xxx" + SWITCH);
    }

    @Test
    void aWindowOfZeroNeverPenalises() {
        ScriptedModel model = restless();
        run(model, "tip alpha=3 beta=0");
        assertThat(model.seen()).allMatch(c -> c.sampling().logitBias().isEmpty());
    }

    @Test
    void switchTokensAreTheFirstTokensOfEachVariantButNotShortCommonOnes() {
        ScriptedModel words = new ScriptedModel(c -> ScriptedModel.Dist.end(),
                List.of("Altern", " Altern", " alternatively", "Wait"));
        Set<Integer> ids = ThoughtSwitchPenalty.switchTokens(words.tokenizer(), List.of("Alternatively", "wait"));
        // "Alternatively" -> "Altern"+..., " Alternatively" -> " Altern"+..., " alternatively" is one token,
        // "alternatively" would start with "a" (too short), "wait"/" wait" with "w"/" " (too short), "Wait" is one token
        assertThat(ids).containsExactlyInAnyOrder(words.id("Altern"), words.id(" Altern"), words.id(" alternatively"),
                words.id("Wait"));
    }

    @Test
    void theAnswerAfterTheThinkingIsLeftAlone() {
        ScriptedModel model = restless();
        RunResult r = run(model, "tip alpha=3 beta=1000 words=Alternatively");
        Node answer = r.tree().root().children().getFirst().children().getFirst();
        assertThat(answer.text()).isEqualTo("\n\n\\boxed{1}");
        List<ScriptedModel.Context> seen = model.seen();
        int closedAt = 0;
        while (!seen.get(closedAt).text().contains("</think>")) {
            closedAt++;
        }
        assertThat(seen.subList(0, closedAt)).allMatch(c -> !c.sampling().logitBias().isEmpty());
        assertThat(seen.subList(closedAt, seen.size())).allMatch(c -> c.sampling().logitBias().isEmpty());
        assertThat(r.tree().root().children().getFirst().text()).doesNotContain("Alternatively");
    }
}
