package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.TreeEvent;
import io.thoughtscope.reasoning.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ChainTest {

    private static final String THOUGHT = "<think>\n6+6 is 12.\n</think>\n\nThe answer is \\boxed{12}.";

    private static RunResult run(ScriptedModel model, String spec, String truth) {
        return Strategies.create(Strategies.parse(spec)).run(RunContext.builder(model, Plans.problem(truth)).seed(7).build());
    }

    @Test
    void growsABranchForTheThinkingAndAnAnswerNodeAfterIt() {
        ScriptedModel model = Plans.model((g, s) -> THOUGHT);
        RunResult r = run(model, "chain", "12");

        Node root = r.tree().root();
        assertThat(root.kind()).isEqualTo(NodeKind.PROMPT);
        assertThat(root.text()).endsWith(Plans.PROMPT_END).contains("Please reason step by step");
        Node branch = root.children().getFirst();
        assertThat(branch.kind()).isEqualTo(NodeKind.BRANCH);
        assertThat(branch.text()).isEqualTo("6+6 is 12.\n</think>");
        Node answer = branch.children().getFirst();
        assertThat(answer.kind()).isEqualTo(NodeKind.ANSWER);
        assertThat(answer.text()).isEqualTo("\n\nThe answer is \\boxed{12}.");
        assertThat(r.tree().size()).isEqualTo(3);
        assertThat(List.of(root.status(), branch.status(), answer.status())).containsOnly(NodeStatus.DONE);

        assertThat(answer.answer()).hasValueSatisfying(a -> {
            assertThat(a.raw()).isEqualTo("12");
            assertThat(a.verdict()).isEqualTo(Verdict.CORRECT);
            assertThat(r.tree().pathText(answer).substring(a.span().start(), a.span().end())).isEqualTo("12");
        });
        assertThat(r.chosen()).contains(answer);
        assertThat(r.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(branch.isChosen()).isTrue();
        assertThat(root.isChosen()).isFalse();
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        // "</think>" is one token of this vocabulary; every produced token is on a node
        assertThat(branch.tokenCount() + answer.tokenCount()).isEqualTo("6+6 is 12.\n".length() + 1
                + "\n\nThe answer is \\boxed{12}.".length());
        assertThat(model.liveSequences()).isZero();
    }

    @Test
    void theTokenCountsShowThePromptEvaluatedOnceAndEveryTokenOnce() {
        ScriptedModel model = Plans.model((g, s) -> THOUGHT);
        RunResult r = run(model, "chain", null);
        int promptTokens = r.tokens().prompt();
        long produced = r.tree().tokenCount() + 1; // the end-of-generation token
        assertThat(model.prefills()).isEqualTo(1);
        assertThat(r.counters().promptTokens()).isEqualTo(promptTokens - 1);
        // the fork of the prompt evaluates its pending last token; the end token is never evaluated
        assertThat(r.tokens().evaluated()).isEqualTo(promptTokens + produced - 1);
        assertThat(r.tokens().generated()).isEqualTo(produced);
        assertThat(r.tokens().unique()).isEqualTo(promptTokens + r.tree().tokenCount());
        assertThat(r.verdict()).isEqualTo(Verdict.UNGRADED);
    }

    @Test
    void withoutThinkingTheWholeReplyIsOneBranchThatHoldsTheAnswer() {
        ScriptedModel model = Plans.model((g, s) -> "So 12.\nThe answer is 12.");
        RunResult r = run(model, "chain thinking=false prompt=plain", "12");
        Node branch = r.tree().root().children().getFirst();
        assertThat(r.tree().root().text()).endsWith("assistant: ").doesNotContain("step by step");
        assertThat(branch.children()).isEmpty();
        assertThat(branch.answer()).hasValueSatisfying(a -> assertThat(a.raw()).isEqualTo("12"));
        assertThat(r.isCorrect()).isTrue();
    }

    @Test
    void theTokenLimitCutsTheBranchOffWithoutAnAnswer() {
        ScriptedModel model = Plans.model((g, s) -> THOUGHT);
        RunResult r = run(model, "chain max-tokens=5", "12");
        Node branch = r.tree().root().children().getFirst();
        assertThat(branch.text()).isEqualTo("6+6 i");
        assertThat(branch.status()).isEqualTo(NodeStatus.CUT_OFF);
        assertThat(r.answer()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.INCORRECT);
    }

    @Test
    void theChainOfDraftPresetAsksForShortDraftsAndTheHashAnswer() {
        ScriptedModel model = Plans.model((g, s) -> "<think>\n6+6=12\n</think>\n#### 12");
        RunResult r = run(model, "chain prompt=draft", "12");
        assertThat(r.tree().root().text()).contains("minimum draft for each thinking step");
        assertThat(r.answer()).hasValueSatisfying(a -> assertThat(a.raw()).isEqualTo("12"));
    }

    @Test
    void listenersSeeTheTreeGrowTokenByToken() {
        ScriptedModel model = Plans.model((g, s) -> THOUGHT);
        List<TreeEvent> events = new ArrayList<>();
        List<Object> trees = new ArrayList<>();
        Strategies.create(Strategies.parse("chain")).run(RunContext.builder(model, Plans.problem("12"))
                .listener(events::add).onTree(trees::add).build());
        assertThat(trees).hasSize(1);
        long appended = events.stream().filter(e -> e instanceof TreeEvent.TextAppended).count();
        assertThat(appended).isEqualTo(countTokens(events));
        assertThat(events.stream().filter(e -> e instanceof TreeEvent.NodeAdded).count()).isEqualTo(2);
        assertThat(events.getLast()).isInstanceOfAny(TreeEvent.ChosenChanged.class, TreeEvent.StatusChanged.class);
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(TreeEvent.AnswerSet.class));
    }

    private static long countTokens(List<TreeEvent> events) {
        return events.stream().filter(e -> e instanceof TreeEvent.TextAppended t && t.tokenTo() - t.tokenFrom() == 1).count();
    }

    @Test
    void cancellingStopsPromptlyAndCutsTheGrowingNodesOff() {
        ScriptedModel model = Plans.model((g, s) -> THOUGHT);
        AtomicInteger polls = new AtomicInteger();
        RunResult r = Strategies.create(Strategies.parse("chain")).run(RunContext.builder(model, Plans.problem("12"))
                .cancelWhen(() -> polls.incrementAndGet() > 4).build());
        assertThat(r.status()).isEqualTo(RunStatus.CUT_SHORT);
        Node branch = r.tree().root().children().getFirst();
        assertThat(branch.text()).isEqualTo("6+6 "); // four polls, four steps
        assertThat(branch.status()).isEqualTo(NodeStatus.CUT_OFF);
        assertThat(r.tree().nodes()).noneMatch(n -> n.status() == NodeStatus.GROWING);
        assertThat(r.answer()).isEmpty();
        assertThat(model.liveSequences()).isZero();
    }

    @Test
    void cancelFromAnotherThreadInterruptsTheModelsStep() {
        ScriptedModel[] holder = new ScriptedModel[1];
        RunContext[] ctx = new RunContext[1];
        AtomicInteger steps = new AtomicInteger();
        holder[0] = Plans.model((g, s) -> {
            if (steps.incrementAndGet() == 3) {
                ctx[0].cancel(); // as a UI thread would, while the model works
            }
            return THOUGHT;
        });
        ctx[0] = RunContext.builder(holder[0], Plans.problem("12")).build();
        RunResult r = Strategies.create(Strategies.parse("chain")).run(ctx[0]);
        assertThat(r.status()).isEqualTo(RunStatus.CUT_SHORT);
        assertThat(r.tree().root().children().getFirst().status()).isEqualTo(NodeStatus.CUT_OFF);
        assertThat(holder[0].liveSequences()).isZero();
    }

    @Test
    void cancellingAFinishedRunLeavesTheModelAloneForTheNextOne() {
        ScriptedModel model = Plans.model((g, s) -> THOUGHT);
        RunContext first = RunContext.builder(model, Plans.problem("12")).build();
        Strategy chain = Strategies.create(Strategies.parse("chain"));
        assertThat(chain.run(first).status()).isEqualTo(RunStatus.COMPLETED);
        first.cancel();
        assertThat(chain.run(first).status()).isEqualTo(RunStatus.CUT_SHORT); // a cancelled context stays so
        RunResult next = chain.run(RunContext.builder(model, Plans.problem("12")).build());
        assertThat(next.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(next.isCorrect()).isTrue();
    }

    @Test
    void theSummaryNamesTheShapeTheCostsAndTheAnswer() {
        RunResult r = run(Plans.model((g, s) -> THOUGHT), "chain max-tokens=100", "12");
        String summary = r.summary();
        assertThat(summary).startsWith("chain max-tokens=100\ncompleted · 3 nodes, 1 leaves · ")
                .contains(r.tokens().generated() + " tokens generated, " + r.tokens().evaluated() + " evaluated (prompt "
                        + r.tokens().prompt() + ", tree " + r.tokens().unique() + ")")
                .contains("answer: 12 · correct · node 2");
    }

    @Test
    void aConversationReplacesThePresetMessage() {
        ScriptedModel model = Plans.model((g, s) -> THOUGHT);
        RunResult r = Strategies.create(Strategies.parse("chain")).run(RunContext.builder(model, Plans.problem("12"))
                .messages(List.of(io.thoughtscope.reasoning.spi.ChatMessage.system("Be brief."),
                        io.thoughtscope.reasoning.spi.ChatMessage.user("6+6?")))
                .build());
        assertThat(r.tree().root().text()).startsWith("system: Be brief.\nuser: 6+6?\n");
        assertThat(Map.of("v", r.verdict())).containsEntry("v", Verdict.CORRECT);
    }
}
