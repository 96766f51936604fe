package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.AnswerForm;
import io.thoughtscope.reasoning.model.ModelRef;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.Problem;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Region;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.Scores;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.model.Span;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.TopToken;
import io.thoughtscope.reasoning.model.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Synthetic trees with everything a search can put on them, and a node-by-node comparison. */
final class Trees {

    private static final String[] WORDS = {"Let", " me", " check", " the", " sum", ":", " 48", " +", " 24", " =", " 72",
            ".", " Wait", ",", " that", "'s", " wrong", "\n\n", " 等等", " √2", " x²", " answer", " is", " \\boxed{72}"};

    private Trees() {
    }

    static Session session(String title) {
        return new Session(io.thoughtscope.reasoning.model.Ids.newId(), title,
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                new Problem("Natalia sold clips to 48 friends in April and half as many in May. "
                        + "How many clips did she sell?", "72"));
    }

    static Run run(Session s, ReasoningTree tree) {
        return new Run(io.thoughtscope.reasoning.model.Ids.newId(), s.id(),
                new ModelRef("DeepSeek-R1-Distill-Qwen-1.5B Q4_K_M", "/models/r1.gguf", "llama.cpp", "cpu"),
                new StrategySpec("mcts", Map.of("iterations", "40", "c", "1.41", "depth", "6")), 42, java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS), tree);
    }

    static Token token(SplittableRandom r, int i) {
        String text = WORDS[r.nextInt(WORDS.length)];
        List<TopToken> alts = new ArrayList<>(5);
        int k = r.nextInt(6);
        for (int a = 0; a < k; a++) {
            alts.add(new TopToken(r.nextInt(151_936), WORDS[r.nextInt(WORDS.length)], -r.nextDouble() * 8));
        }
        boolean unknown = r.nextInt(20) == 0; // remote servers report text only
        return new Token(unknown ? -1 : r.nextInt(151_936), text, unknown ? Double.NaN : -r.nextDouble() * 3, alts,
                unknown ? Double.NaN : r.nextDouble() * 4, unknown ? -1 : i * 1_000_000L + r.nextInt(1000));
    }

    /**
     * A tree of {@code nodes} nodes and about {@code tokens} tokens: random parents, every kind,
     * text without tokens between tokens, scores (NaN included), statuses, answers, a chosen path.
     */
    static ReasoningTree tree(int nodes, int tokens, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ReasoningTree tree = new ReasoningTree("What is 48 + 48/2?");
        NodeKind[] kinds = {NodeKind.THOUGHT_STEP, NodeKind.BRANCH, NodeKind.ANSWER, NodeKind.INTERVENTION, NodeKind.USER_MESSAGE};
        int perNode = Math.max(1, tokens / Math.max(1, nodes - 1));
        int t = 0;
        int[] counts = new int[nodes];
        for (int i = 1; i < nodes; i++) {
            counts[i] = r.nextInt(perNode * 2 + 1);
        }
        int sum = java.util.Arrays.stream(counts).sum();
        for (int i = 1; sum != tokens && nodes > 1; i = i % (nodes - 1) + 1) { // exactly the asked number
            if (sum < tokens) {
                counts[i]++;
                sum++;
            } else if (counts[i] > 0) {
                counts[i]--;
                sum--;
            }
        }
        for (int i = 1; i < nodes; i++) {
            Node parent = tree.node(r.nextInt(Math.max(0, i - 8), i)); // mostly deep, sometimes wide
            Node n = tree.addChild(parent, kinds[r.nextInt(kinds.length)], i / 50, r.nextInt(4) == 0 ? "Hmm. " : "",
                    i * 1_000L + r.nextInt(100));
            int count = counts[i];
            for (int k = 0; k < count; k++) {
                if (r.nextInt(40) == 0) {
                    n.appendText(" Wait,");
                }
                if (r.nextInt(3) == 0 && k + 1 < count) {
                    n.appendTokens(List.of(token(r, t++), token(r, t++)));
                    k++;
                } else {
                    n.appendToken(token(r, t++));
                }
            }
            if (r.nextInt(3) == 0) {
                n.setScores(new Scores(r.nextInt(50), r.nextDouble() * 10, r.nextInt(5),
                        r.nextBoolean() ? Double.NaN : r.nextDouble(), r.nextBoolean() ? Double.NaN : -r.nextDouble()));
            }
            n.setStatus(NodeStatus.values()[r.nextInt(NodeStatus.values().length)]);
            if (n.kind() == NodeKind.ANSWER) {
                n.setAnswer(new Answer("72", "72", new Span(0, 2), Region.ANSWER, AnswerForm.BOXED,
                        r.nextBoolean() ? Verdict.CORRECT : Verdict.INCORRECT));
            }
        }
        // a chosen path from the last node up
        for (Node n = tree.node(tree.size() - 1); n != null; n = n.parent()) {
            n.setChosen(true);
        }
        tree.root().setStatus(NodeStatus.DONE);
        return tree;
    }

    /** Everything of every node equal: identity, shape, replay data, text, tokens with their offsets, scores. */
    static void assertSameTree(ReasoningTree actual, ReasoningTree expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Node e = expected.node(i);
            Node a = actual.node(i);
            String at = "node " + i;
            assertThat(a.id()).as(at).isEqualTo(e.id());
            assertThat(a.parent() == null ? -1 : a.parent().id()).as(at).isEqualTo(e.parent() == null ? -1 : e.parent().id());
            assertThat(a.kind()).as(at).isEqualTo(e.kind());
            assertThat(a.iteration()).as(at).isEqualTo(e.iteration());
            assertThat(a.createdNanos()).as(at).isEqualTo(e.createdNanos());
            assertThat(a.depth()).as(at).isEqualTo(e.depth());
            assertThat(a.text()).as(at).isEqualTo(e.text());
            assertThat(a.tokens()).as(at).isEqualTo(e.tokens());
            for (int k = 0; k < e.tokenCount(); k++) {
                assertThat(a.tokenStart(k)).as(at + " token " + k).isEqualTo(e.tokenStart(k));
            }
            assertThat(a.scores()).as(at).isEqualTo(e.scores());
            assertThat(a.status()).as(at).isEqualTo(e.status());
            assertThat(a.isChosen()).as(at).isEqualTo(e.isChosen());
            assertThat(a.answer()).as(at).isEqualTo(e.answer());
        }
    }
}
