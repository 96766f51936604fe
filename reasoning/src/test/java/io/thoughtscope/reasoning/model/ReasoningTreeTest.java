package io.thoughtscope.reasoning.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReasoningTreeTest {

    @Test
    void oneTreeModelServesAChainAVoteAndAFork() {
        ReasoningTree tree = new ReasoningTree("What is 2+3?");
        Node root = tree.root();
        assertThat(root.kind()).isEqualTo(NodeKind.PROMPT);
        assertThat(root.isRoot()).isTrue();

        // self-consistency: three samples from the prompt
        List<Node> samples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Node s = tree.addChild(root, NodeKind.BRANCH, 0, "");
            s.appendToken(new Token(1, "It is ", -0.1, List.of(), 0.2, 10));
            s.appendToken(new Token(2, i == 2 ? "6" : "5", -0.5, List.of(new TopToken(3, "6", -1.2)), 0.9, 20));
            s.setStatus(NodeStatus.DONE);
            samples.add(s);
        }
        samples.get(0).setScores(samples.get(0).scores().withVotes(2));
        // a fork from the middle of sample 0 with an intervention and a continuation
        Node wait = tree.addChild(samples.get(0), NodeKind.INTERVENTION, 1, " Wait,");
        Node cont = tree.addChild(wait, NodeKind.BRANCH, 1, " let me check.");

        assertThat(tree.size()).isEqualTo(6);
        assertThat(root.children()).containsExactlyElementsOf(samples);
        assertThat(samples.get(2).text()).isEqualTo("It is 6");
        assertThat(samples.get(2).tokenCount()).isEqualTo(2);
        assertThat(samples.get(0).token(1).alternatives()).extracting(TopToken::text).containsExactly("6");
        assertThat(cont.depth()).isEqualTo(3);
        assertThat(cont.iteration()).isEqualTo(1);
        assertThat(tree.path(cont)).containsExactly(root, samples.get(0), wait, cont);
        assertThat(tree.pathText(cont)).isEqualTo("It is 5 Wait, let me check.");
        assertThat(tree.leaves()).containsExactly(samples.get(1), samples.get(2), cont);
        assertThat(tree.tokenCount()).isEqualTo(6);
        assertThat(samples.get(0).scores().votes()).isEqualTo(2);
        for (int i = 0; i < tree.size(); i++) {
            assertThat(tree.node(i).id()).isEqualTo(i);
        }
    }

    @Test
    void mctsBookkeepingAccumulatesVisitsAndValues() {
        ReasoningTree tree = new ReasoningTree("p");
        Node step = tree.addChild(tree.root(), NodeKind.THOUGHT_STEP, 1, "step");
        step.updateScores(s -> s.withVisit(1.0));
        step.updateScores(s -> s.withVisit(0.0));
        step.updateScores(s -> s.withVisit(0.5));
        assertThat(step.scores().visits()).isEqualTo(3);
        assertThat(step.scores().meanValue()).isEqualTo(0.5);
        assertThat(Scores.NONE.meanValue()).isNaN();
    }

    @Test
    void listenersHearEveryChangeInOrder() {
        ReasoningTree tree = new ReasoningTree("p");
        List<String> events = new ArrayList<>();
        tree.addListener(e -> events.add(e.getClass().getSimpleName() + ":" + e.node().id()));
        Node n = tree.addChild(tree.root(), NodeKind.BRANCH, 0, "");
        n.appendTokens(List.of(Token.ofText("a"), Token.ofText("b")));
        n.appendText("c");
        n.setScores(Scores.NONE.withReward(1));
        n.setStatus(NodeStatus.PRUNED);
        n.setStatus(NodeStatus.PRUNED); // no change, no event
        n.setChosen(true);
        assertThat(events).containsExactly("NodeAdded:1", "TextAppended:1", "TextAppended:1", "ScoresChanged:1",
                "StatusChanged:1", "ChosenChanged:1");
        assertThat(n.text()).isEqualTo("abc");
        assertThat(n.tokenCount()).isEqualTo(2);
    }

    @Test
    void nodesFromAnotherTreeAreRefusedAndBadIdsExplained() {
        ReasoningTree a = new ReasoningTree("a");
        ReasoningTree b = new ReasoningTree("b");
        assertThatThrownBy(() -> a.addChild(b.root(), NodeKind.BRANCH, 0, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another tree");
        assertThatThrownBy(() -> a.node(5)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("no node 5");
    }

    @Test
    void treeGrowsWhileAnotherThreadReadsIt() throws Exception {
        ReasoningTree tree = new ReasoningTree("p");
        int writers = 4;
        int perWriter = 5000;
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger readerErrors = new AtomicInteger();
        List<Integer> heard = Collections.synchronizedList(new ArrayList<>());
        tree.addListener(e -> {
            if (e instanceof TreeEvent.NodeAdded added) {
                heard.add(added.node().id());
            }
        });
        Thread reader = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                int n = tree.size();
                for (int i = 0; i < n; i++) {
                    Node node = tree.node(i);
                    if (node == null || node.id() != i || (i > 0 && node.parent() == null)) {
                        readerErrors.incrementAndGet();
                    }
                    node.text();
                }
                tree.nodes();
            }
        });
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                Node parent = tree.root();
                for (int i = 0; i < perWriter; i++) {
                    Node c = tree.addChild(parent, NodeKind.THOUGHT_STEP, i, "");
                    c.appendToken(Token.ofText("t"));
                    if (i % 10 == 0) {
                        parent = c;
                    }
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        done.set(true);
        reader.join();
        assertThat(readerErrors.get()).isZero();
        assertThat(tree.size()).isEqualTo(1 + writers * perWriter);
        assertThat(heard).hasSize(writers * perWriter).doesNotHaveDuplicates();
        int childSum = 0;
        for (Node n : tree.nodes()) {
            childSum += n.childCount();
        }
        assertThat(childSum).isEqualTo(writers * perWriter);
    }

    @Test
    void idsAreUniqueAndSortByTime() throws InterruptedException {
        String a = Ids.newId();
        Thread.sleep(2);
        String b = Ids.newId();
        assertThat(a).isNotEqualTo(b).hasSize(36);
        assertThat(a.compareTo(b)).isNegative();
        assertThat(java.util.UUID.fromString(a).version()).isEqualTo(7);
    }

    @Test
    void spansValidate() {
        assertThatThrownBy(() -> new Span(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Span(2, 5).of("abcdefg")).isEqualTo("cde");
        assertThat(new Span(2, 5).overlaps(new Span(4, 9))).isTrue();
        assertThat(new Span(2, 5).overlaps(new Span(5, 9))).isFalse();
    }

    @Test
    void entropyFromTopKAddsTheRemainingMassAsOneBucket() {
        // two alternatives of probability 0.5 each: log 2, no remaining mass
        double h = Token.entropyFromTopK(List.of(new TopToken(1, "a", Math.log(0.5)), new TopToken(2, "b", Math.log(0.5))));
        assertThat(h).isCloseTo(Math.log(2), org.assertj.core.data.Offset.offset(1e-12));
        double h2 = Token.entropyFromTopK(List.of(new TopToken(1, "a", Math.log(0.5))));
        assertThat(h2).isCloseTo(Math.log(2), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Token.entropyFromTopK(List.of())).isNaN();
    }

    @Test
    void tokenStartsSayWhereEachTokenLiesBetweenTextWithoutTokens() {
        ReasoningTree tree = new ReasoningTree("q");
        Node n = tree.addChild(tree.root(), NodeKind.BRANCH, 0, "So ");
        n.appendTokens(List.of(Token.ofText("x"), Token.ofText(" = 2")));
        n.appendText(" Wait,");
        n.appendToken(Token.ofText(" no"));
        assertThat(n.text()).isEqualTo("So x = 2 Wait, no");
        assertThat(List.of(n.tokenStart(0), n.tokenStart(1), n.tokenStart(2))).containsExactly(3, 4, 14);
        assertThatThrownBy(() -> n.tokenStart(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
