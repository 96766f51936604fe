package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.reasoning.search.ForkAndIntervene.Intervention;
import io.thoughtscope.reasoning.spi.Counters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForkAndInterveneTest {

    /** Thinks two steps to 13; takes a hint, an edit to 12 or a final-answer cue into account. */
    private static ScriptedModel model() {
        return Plans.model((g, seed) -> {
            int close = g.indexOf("</think>");
            if (g.contains("Final Answer:")) {
                return g.substring(0, g.indexOf("Final Answer:") + 13) + " \\boxed{12}";
            }
            if (close >= 0) {
                String head = g.substring(0, close + 8);
                return head + "\n\n\\boxed{" + (head.contains("12") ? "12" : "13") + "}";
            }
            if (g.contains("Hint")) {
                return g.substring(0, g.indexOf("\n\n", g.indexOf("Hint")) + 2) + "OK 12.\n</think>";
            }
            return "<think>\nStep one.\n\nStep two: 13.\n</think>";
        });
    }

    private ScriptedModel model;
    private RunResult run;
    private LiveTree live;
    private Node stepOne;
    private Node stepTwo;

    @BeforeEach
    void growATwoStepTrace() {
        model = model();
        run = Strategies.create(Strategies.parse("beam width=1 expand=1 depth=3 verifier=logprob"))
                .run(RunContext.builder(model, Plans.problem("12")).keepLive(true).build());
        live = run.live().orElseThrow();
        stepOne = run.tree().root().children().getFirst();
        stepTwo = stepOne.children().getFirst();
        assertThat(stepOne.text()).isEqualTo("Step one.\n\n");
        assertThat(stepTwo.text()).isEqualTo("Step two: 13.\n</think>");
        assertThat(run.verdict()).isEqualTo(Verdict.INCORRECT);
    }

    @AfterEach
    void release() {
        live.close();
        assertThat(model.liveSequences()).isZero();
    }

    @Test
    void injectedTextBecomesAnInterventionAndTheTraceGoesOnBelowIt() {
        Counters before = model.counters();
        ForkAndIntervene.Result r = ForkAndIntervene.apply(live, new Intervention.Inject(stepOne, "Hint: check the sum.\n\n"), 100);
        Counters used = model.counters().minus(before);

        Node hint = r.intervention();
        assertThat(hint.kind()).isEqualTo(NodeKind.INTERVENTION);
        assertThat(hint.parent()).isSameAs(stepOne);
        assertThat(hint.iteration()).isEqualTo(3); // after the beam's two levels
        assertThat(stepOne.children()).containsExactly(stepTwo, hint);
        Node branch = hint.children().getFirst();
        assertThat(branch.kind()).isEqualTo(NodeKind.BRANCH);
        assertThat(branch.text()).isEqualTo("OK 12.\n</think>");
        assertThat(r.leaf().kind()).isEqualTo(NodeKind.ANSWER);
        assertThat(r.answer()).hasValueSatisfying(a -> assertThat(a.raw()).isEqualTo("12"));
        assertThat(r.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(live.tree().nodes()).noneMatch(n -> n.status() == NodeStatus.GROWING);

        // the fork shared the prefix: no prompt again, only the new tokens (and one pending token)
        assertThat(model.prefills()).isEqualTo(1);
        assertThat(used.promptTokens()).isZero();
        long fresh = "Hint: check the sum.\n\n".length() + branch.tokenCount() + r.leaf().tokenCount();
        assertThat(used.decodedTokens()).isBetween(fresh, fresh + 1);
    }

    @Test
    void anEditReplacesAStepWithASiblingAndContinuesFromTheEditedText() {
        ForkAndIntervene.Result r = ForkAndIntervene.apply(live, new Intervention.Edit(stepTwo, "Step two: 12.\n</think>"), 100);
        assertThat(r.intervention().parent()).isSameAs(stepOne);
        assertThat(stepOne.children()).containsExactly(stepTwo, r.intervention());
        // the edit closes the thinking, so what follows is the answer
        assertThat(r.intervention().children().getFirst().kind()).isEqualTo(NodeKind.ANSWER);
        assertThat(live.tree().pathText(r.leaf())).isEqualTo("Step one.\n\nStep two: 12.\n</think>\n\n\\boxed{12}");
        assertThat(r.verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void endingTheThinkingEarlyAsksForTheAnswerAtOnce() {
        ForkAndIntervene.Result r = ForkAndIntervene.apply(live, new Intervention.EndThinking(stepOne, "Final Answer:"), 100);
        assertThat(r.intervention().text()).isEqualTo("</think>\n\nFinal Answer:");
        assertThat(r.leaf().kind()).isEqualTo(NodeKind.ANSWER);
        assertThat(r.leaf().text()).isEqualTo(" \\boxed{12}");
        assertThat(r.answer()).hasValueSatisfying(a -> assertThat(a.raw()).isEqualTo("12"));
    }

    @Test
    void aTreeReopenedWithoutItsSequencesForcesThePathOnceAndForks() {
        live.close();
        ReasoningTree tree = run.tree();
        live = LiveTree.reopen(model, tree, "12", StrategyParams.defaults(), 3, () -> false);
        ForkAndIntervene.Result r = ForkAndIntervene.apply(live, new Intervention.Inject(stepOne, "Hint: again.\n\n"), 100);
        assertThat(model.prefills()).isEqualTo(2);
        assertThat(tree.pathText(r.leaf())).isEqualTo("Step one.\n\nHint: again.\n\nOK 12.\n</think>\n\n\\boxed{12}");
        assertThat(r.verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void aCancelledContinuationIsCutOff() {
        LiveTree cancelled = LiveTree.reopen(model, run.tree(), "12", StrategyParams.defaults(), 3, () -> true);
        assertThatThrownBy(() -> ForkAndIntervene.apply(cancelled, new Intervention.Inject(stepOne, "Hmm.\n\n"), 100))
                .isInstanceOf(CancellationException.class);
        cancelled.close();
        assertThat(run.tree().nodes()).noneMatch(n -> n.status() == NodeStatus.GROWING);
    }

    @Test
    void aNodeOfAnotherTreeIsRefused() {
        ReasoningTree other = new ReasoningTree("x");
        assertThatThrownBy(() -> ForkAndIntervene.apply(live, new Intervention.Inject(other.root(), "y"), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Intervention.Edit(run.tree().root(), "y")).hasMessageContaining("prompt");
    }
}
