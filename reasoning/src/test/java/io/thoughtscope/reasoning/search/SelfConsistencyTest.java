package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SelfConsistencyTest {

    private static final long SEED = 100;
    /** Sample i answers ANSWERS[i]; null: the sample never answers. */
    private static final String[] ANSWERS = {"12", "13", "12.0", null, "\\frac{24}{2}", "13", "7", "12"};

    private static ScriptedModel model() {
        return Plans.model((g, seed) -> {
            int i = (int) (seed - SEED);
            String a = ANSWERS[i];
            return "<think>\nsample " + i + " thinks" + ".".repeat(i) + "\n</think>\n\n"
                    + (a == null ? "I am not sure." : "The answer is \\boxed{" + a + "}.");
        });
    }

    private static RunResult run(ScriptedModel model, String truth) {
        return Strategies.create(Strategies.parse("self-consistency n=8"))
                .run(RunContext.builder(model, Plans.problem(truth)).seed(SEED).build());
    }

    @Test
    void groupsEquivalentAnswersAndTalliesTheVotesWithTheirMembers() {
        RunResult r = run(model(), "12");
        VoteTally tally = r.votes().orElseThrow();
        assertThat(tally.samples()).isEqualTo(8);
        assertThat(tally.unanswered()).isEqualTo(1);
        assertThat(tally.groups()).extracting(g -> g.answer().raw(), VoteTally.VoteGroup::votes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("12", 4), org.assertj.core.groups.Tuple.tuple("13", 2),
                        org.assertj.core.groups.Tuple.tuple("7", 1));
        VoteTally.VoteGroup twelve = tally.majority().orElseThrow();
        assertThat(twelve.members()).extracting(id -> r.tree().node(id).answer().orElseThrow().raw())
                .containsExactly("12", "12.0", "\\frac{24}{2}", "12");
        assertThat(tally.agreement()).isEqualTo(0.5);
        assertThat(r.answer()).hasValueSatisfying(a -> assertThat(a.raw()).isEqualTo("12"));
        assertThat(r.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(tally.format()).contains("agreement 50.0% of 8 samples").contains("(no answer)");
        assertThat(r.summary()).contains("answer: 12 · correct").contains("12               ×4  nodes ")
                .contains("13               ×2  nodes ");
    }

    @Test
    void everySampleIsABranchWithItsAnswerNodeCarryingItsGroupsVotes() {
        RunResult r = run(model(), "13");
        List<Node> samples = r.tree().root().children();
        assertThat(samples).hasSize(8).allMatch(n -> n.kind() == NodeKind.BRANCH);
        for (int i = 0; i < 8; i++) {
            Node answer = samples.get(i).children().getFirst();
            assertThat(answer.kind()).isEqualTo(NodeKind.ANSWER);
            int expected = switch (ANSWERS[i] == null ? "-" : ANSWERS[i]) {
                case "12", "12.0", "\\frac{24}{2}" -> 4;
                case "13" -> 2;
                case "7" -> 1;
                default -> 0;
            };
            assertThat(answer.scores().votes()).as("sample %d", i).isEqualTo(expected);
        }
        // the majority is wrong against this truth; its first member's path is the chosen one
        assertThat(r.verdict()).isEqualTo(Verdict.INCORRECT);
        assertThat(r.chosen()).contains(samples.getFirst().children().getFirst());
        assertThat(samples.getFirst().isChosen()).isTrue();
        assertThat(samples.get(1).isChosen()).isFalse();
    }

    @Test
    void eightSamplesEvaluateThePromptOnceAndDecodeAsOneBatch() {
        ScriptedModel model = model();
        RunResult r = run(model, "12");
        int prompt = r.tokens().prompt();
        assertThat(model.prefills()).isEqualTo(1);
        assertThat(r.counters().promptTokens()).isEqualTo(prompt - 1);
        long produced = 0;
        int longest = 0;
        for (Node sample : r.tree().root().children()) {
            int n = sample.tokenCount() + sample.children().getFirst().tokenCount() + 1; // + the end token
            produced += n;
            longest = Math.max(longest, n);
        }
        // each sample evaluates the prompt's pending last token and its own tokens but the last
        assertThat(r.counters().decodedTokens()).isEqualTo(8 + produced - 8);
        assertThat(r.counters().decodedTokens()).isEqualTo(r.tokens().unique() - prompt + 8);
        // one step per position for all samples together, not one per sample and token
        assertThat(r.counters().steps()).isEqualTo(longest);
        // a separate prompt per sample would have cost 8 times the prompt
        assertThat(r.tokens().evaluated()).isLessThan(8L * prompt);
    }

    @Test
    void withTheSequencesItWantsNoSampleWaits() {
        Strategy vote = Strategies.create(Strategies.parse("self-consistency n=8"));
        ScriptedModel exact = model().withMaxSequences(vote.sequencesWanted());
        RunResult r = vote.run(RunContext.builder(exact, Plans.problem("12")).seed(SEED).build());
        assertThat(exact.peakLiveSequences()).isEqualTo(9);
        int longest = r.tree().root().children().stream()
                .mapToInt(s -> s.tokenCount() + s.children().getFirst().tokenCount() + 1).max().orElseThrow();
        assertThat(r.counters().steps()).isEqualTo(longest);
    }

    @Test
    void aModelWithFewSequencesDecodesInWavesWithTheSameVotes() {
        ScriptedModel small = model().withMaxSequences(3);
        RunResult r = run(small, "12");
        assertThat(small.peakLiveSequences()).isLessThanOrEqualTo(3);
        assertThat(r.votes().orElseThrow().groups()).extracting(VoteTally.VoteGroup::votes).containsExactly(4, 2, 1);
        assertThat(small.prefills()).isEqualTo(1);
        assertThat(small.liveSequences()).isZero();
    }
}
