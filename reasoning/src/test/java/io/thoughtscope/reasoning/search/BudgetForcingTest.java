package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.ReasoningTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetForcingTest {

    private static final List<String> CHAR_LEVEL_TAG = List.of(" Wait", "Wait", "!</");

    /**
     * Thinks "abc\n" (4 tokens) and wants to close; right after the first injected "Wait" it
     * wants to close again at once (the closing tag ranked first), else it goes on ", sure.\n"
     * and closes.
     */
    private static ScriptedModel eagerCloser(List<String> words) {
        String close = "</think>";
        return new ScriptedModel(c -> {
            String g = Plans.generated(c.text());
            int w = g.lastIndexOf("Wait");
            if (w >= 0 && g.indexOf("Wait") == w) {
                String after = g.substring(w + 4);
                if (after.isEmpty()) {
                    return ScriptedModel.Dist.ranked(words.contains(close) ? close : "<", ",");
                }
                if (close.startsWith(after) && !after.equals(close)) {
                    return Plans.next(after, close, words);
                }
            }
            String plan = w >= 0 ? g.substring(0, w + 4) + ", sure.\n</think>\n\n\\boxed{4}"
                    : "<think>\nabc\n</think>\n\n\\boxed{4}";
            return Plans.next(g, plan, words);
        }, words);
    }

    private static RunResult run(ScriptedModel model, String spec) {
        return Strategies.create(Strategies.parse(spec)).run(RunContext.builder(model, Plans.problem("4")).build());
    }

    private static List<Node> kinds(ReasoningTree tree, NodeKind kind) {
        return tree.nodes().stream().filter(n -> n.kind() == kind).toList();
    }

    /** Steps whose sampling suppresses the closing tag. */
    private static List<Integer> suppressedSteps(ScriptedModel model) {
        int close = model.id("</think>");
        List<Integer> out = new ArrayList<>();
        List<ScriptedModel.Context> seen = model.seen();
        for (int i = 0; i < seen.size(); i++) {
            Float b = seen.get(i).sampling().logitBias().get(close);
            if (b != null && b == Float.NEGATIVE_INFINITY) {
                out.add(i);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "min {0}: wait {1}")
    @CsvSource({"0, false", "3, false", "4, false", "5, true", "10, true"})
    void appendsWaitExactlyWhenTheThinkingEndsBelowTheMinimum(int min, boolean waits) {
        ScriptedModel model = eagerCloser(Plans.WORDS);
        RunResult r = run(model, "budget min=" + min + " max=100");
        List<Node> interventions = kinds(r.tree(), NodeKind.INTERVENTION);
        if (waits) {
            assertThat(interventions).extracting(Node::text).containsExactly("Wait");
            assertThat(r.tree().pathText(r.chosen().orElseThrow()))
                    .isEqualTo("abc\nWait, sure.\n</think>\n\n\\boxed{4}");
            // the tag was suppressed on the one step after the injection, and on no other
            int afterWait = 5; // a, b, c, \n, the refused tag; then the step after "Wait"
            assertThat(suppressedSteps(model)).containsExactly(afterWait);
            assertThat(model.seen().get(afterWait).text()).endsWith("abc\nWait");
        } else {
            assertThat(interventions).isEmpty();
            assertThat(r.tree().pathText(r.chosen().orElseThrow())).isEqualTo("abc\n</think>\n\n\\boxed{4}");
            assertThat(suppressedSteps(model)).isEmpty();
        }
        assertThat(r.isCorrect()).isTrue();
    }

    @Test
    void theRefusedTagNeverReachesTheTreeAndIsNeverEvaluated() {
        ScriptedModel model = eagerCloser(Plans.WORDS);
        RunResult r = run(model, "budget min=10 max=100");
        Node first = r.tree().root().children().getFirst();
        assertThat(first.kind()).isEqualTo(NodeKind.BRANCH);
        assertThat(first.text()).isEqualTo("abc\n");
        Node wait = first.children().getFirst();
        assertThat(wait.kind()).isEqualTo(NodeKind.INTERVENTION);
        assertThat(wait.status()).isEqualTo(NodeStatus.DONE);
        Node rest = wait.children().getFirst();
        assertThat(rest.kind()).isEqualTo(NodeKind.BRANCH);
        assertThat(rest.text()).isEqualTo(", sure.\n</think>");
        assertThat(rest.children().getFirst().kind()).isEqualTo(NodeKind.ANSWER);
        // the sampled tag was pending when it was taken out: only the token before it is evaluated again
        assertThat(r.tokens().evaluated()).isEqualTo(r.tokens().unique() + 1);
        assertThat(r.tokens().generated()).isEqualTo(r.tree().tokenCount() + 2); // + the refused tag and the end
    }

    @Test
    void aTagOfSeveralTokensIsHeldBackTakenOutAndReplaced() {
        ScriptedModel model = eagerCloser(CHAR_LEVEL_TAG);
        RunResult r = run(model, "budget min=6 max=100");
        // "</think>" is eight tokens here: it cannot be suppressed by a bias, only taken out
        assertThat(model.seen()).allMatch(c -> c.sampling().logitBias().isEmpty());
        List<String> texts = kinds(r.tree(), NodeKind.INTERVENTION).stream().map(Node::text).toList();
        // right after "Wait" the model closes again; that is refused too until the minimum is reached
        assertThat(texts).containsExactly("Wait", " Wait"); // a blank between the word and what came before
        Node first = r.tree().root().children().getFirst();
        assertThat(first.text()).isEqualTo("abc\n");
        assertThat(r.tree().nodes()).filteredOn(n -> n.kind() == NodeKind.BRANCH)
                .extracting(Node::text).containsExactly("abc\n", "", ", sure.\n</think>");
        assertThat(r.tree().pathText(r.chosen().orElseThrow())).isEqualTo("abc\nWait Wait, sure.\n</think>\n\n\\boxed{4}");
        assertThat(r.isCorrect()).isTrue();
    }

    @Test
    void modelTextInTheTokenThatStartsTheTagIsKept() {
        ScriptedModel model = new ScriptedModel(c -> {
            String g = Plans.generated(c.text());
            String plan = g.contains("Wait") ? "<think>\nabc! Wait, yes.\n</think>\n\n\\boxed{4}" : "<think>\nabc!</think>";
            return Plans.next(g, plan, CHAR_LEVEL_TAG);
        }, CHAR_LEVEL_TAG);
        RunResult r = run(model, "budget min=5 max=100");
        Node first = r.tree().root().children().getFirst();
        assertThat(first.text()).isEqualTo("abc!");
        assertThat(first.tokenCount()).isEqualTo(3); // "!" came with the "!</" token and was kept as text
        assertThat(first.children().getFirst().text()).isEqualTo(" Wait");
        assertThat(r.tree().pathText(r.chosen().orElseThrow())).isEqualTo("abc! Wait, yes.\n</think>\n\n\\boxed{4}");
        assertThat(r.tokens().unique()).isEqualTo(r.tokens().prompt() + "abc! Wait, yes.\n</think>\n\n\\boxed{4}".length() - " Wait".length() + 1);
    }

    @Test
    void atTheMaximumTheThinkingIsClosedAndTheAnswerAskedFor() {
        ScriptedModel model = Plans.model((g, s) -> g.contains("Final Answer:")
                ? g.substring(0, g.indexOf("Final Answer:") + 13) + " \\boxed{4}"
                : "<think>\nabcdefghijklmnopqrstuvwxyz");
        RunResult r = run(model, "budget min=0 max=6");
        Node thinking = r.tree().root().children().getFirst();
        assertThat(thinking.text()).isEqualTo("abcdef");
        Node forced = thinking.children().getFirst();
        assertThat(forced.kind()).isEqualTo(NodeKind.INTERVENTION);
        assertThat(forced.text()).isEqualTo("\n</think>\n\nFinal Answer:");
        Node answer = forced.children().getFirst();
        assertThat(answer.kind()).isEqualTo(NodeKind.ANSWER);
        assertThat(answer.text()).isEqualTo(" \\boxed{4}");
        assertThat(r.answer()).hasValueSatisfying(a -> assertThat(a.raw()).isEqualTo("4"));
        assertThat(r.isCorrect()).isTrue();
    }

    @Test
    void anEndInsideTheThinkingIsRefusedBelowTheMinimumAndAnsweredAboveIt() {
        ScriptedModel below = Plans.model((g, s) -> g.contains("Wait") ? "<think>\nab Wait, done.\n</think>\n\n\\boxed{4}"
                : "<think>\nab");
        RunResult r = run(below, "budget min=5 max=100");
        assertThat(kinds(r.tree(), NodeKind.INTERVENTION)).extracting(Node::text).containsExactly(" Wait");
        assertThat(r.isCorrect()).isTrue();

        ScriptedModel above = Plans.model((g, s) -> g.contains("Final Answer:")
                ? g.substring(0, g.indexOf("Final Answer:") + 13) + " 4" : "<think>\nab");
        RunResult r2 = run(above, "budget min=1 max=100");
        assertThat(kinds(r2.tree(), NodeKind.INTERVENTION)).extracting(Node::text).containsExactly("\n</think>\n\nFinal Answer:");
        assertThat(r2.answer()).hasValueSatisfying(a -> assertThat(a.raw()).isEqualTo("4"));
    }

    @Test
    void aPromptOutsideTheThinkingGetsTheOpeningTag() {
        ScriptedModel model = eagerCloser(Plans.WORDS);
        RunResult r = run(model, "budget min=0 max=100 thinking=false");
        assertThat(r.tree().root().text()).endsWith("assistant: <think>\n");
        assertThat(r.isCorrect()).isTrue();
    }

    @Test
    void theBudgetMustFitItsBounds() {
        assertThatThrownBy(() -> Strategies.parse("budget min=10 max=5")).hasMessageContaining("min <= max");
        assertThatThrownBy(() -> Strategies.parse("budget max=5000")).hasMessageContaining("max-tokens");
        assertThatThrownBy(() -> Strategies.parse("budget word=\" \"")).hasMessageContaining("blank");
    }
}
