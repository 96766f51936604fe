package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.AnswerForm;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Region;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Scores;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.model.Span;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.reasoning.spi.Counters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunRecorderTest {

    @TempDir
    Path dir;

    /** Grows a beam-like tree: branches from the root, steps under them, answers at the end. */
    static void grow(ReasoningTree tree, int branches, int steps, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Node> tips = new ArrayList<>();
        for (int b = 0; b < branches; b++) {
            tips.add(tree.addChild(tree.root(), NodeKind.BRANCH, 0, ""));
        }
        int t = 0;
        for (int s = 0; s < steps; s++) {
            for (int b = 0; b < tips.size(); b++) {
                Node n = tips.get(b);
                n.appendToken(Trees.token(r, t++));
                if (s % 17 == 5) {
                    n.appendText(" Wait,");
                }
                if (s % 25 == 24) {
                    n.setScores(n.scores().withVisit(r.nextDouble()).withScore(-r.nextDouble()));
                    n.setStatus(NodeStatus.DONE);
                    tips.set(b, tree.addChild(n, NodeKind.THOUGHT_STEP, s / 25 + 1, ""));
                }
            }
        }
        for (Node n : tips) {
            Node a = tree.addChild(n, NodeKind.ANSWER, steps / 25 + 1, "The answer is \\boxed{72}.");
            a.setAnswer(new Answer("72", "72", new Span(21, 23), Region.ANSWER, AnswerForm.BOXED, Verdict.CORRECT));
            a.setStatus(NodeStatus.DONE);
            n.setStatus(NodeStatus.DONE);
        }
        for (Node n = tree.node(tree.size() - 1); n != null; n = n.parent()) {
            n.setChosen(true);
        }
    }

    @Test
    void aStreamedRunComesBackEqualWithItsStatusCountersAndAnswer() throws Exception {
        Path db = dir.resolve("live.db");
        Session s = Trees.session("live");
        Run run = Trees.run(s, new ReasoningTree(s.problem().question()));
        Counters counters = new Counters(30, 4000, 500, 1_000_000, 2_000_000_000L, 10_000_000);
        try (Store store = Store.open(db, StoreOptions.defaults().withFlushInterval(Duration.ofMillis(20)))) {
            store.saveSession(s);
            RunRecorder rec = store.record(run);
            Thread producer = Thread.ofPlatform().start(() -> grow(run.tree(), 8, 500, 1));
            producer.join();
            rec.finish(RunStatus.COMPLETED, counters);
            assertThat(rec.persistedTokens()).isEqualTo(run.tree().tokenCount());
        }
        try (Store store = Store.open(db)) {
            StoredRun back = store.loadRun(run.id()).orElseThrow();
            Trees.assertSameTree(back.tree(), run.tree());
            assertThat(back.summary().status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(back.summary().counters()).isEqualTo(counters);
            assertThat(back.summary().tokens()).isEqualTo(4000);
            assertThat(back.summary().finalAnswer()).isEqualTo("72");
            assertThat(back.summary().verdict()).isEqualTo(Verdict.CORRECT);
            assertThat(back.summary().finishedAt()).isNotNull();
            assertThat(store.sessions(SessionQuery.all().withText("boxed"))).extracting(SessionSummary::id).containsExactly(s.id());
        }
    }

    @Test
    void aFlushedRunIsVisibleToAnotherConnectionWhileItIsRecorded() {
        Path db = dir.resolve("live.db");
        Session s = Trees.session("visible");
        Run run = Trees.run(s, new ReasoningTree(s.problem().question()));
        try (Store store = Store.open(db); Store other = Store.open(db)) {
            store.saveSession(s);
            RunRecorder rec = store.record(run);
            grow(run.tree(), 2, 40, 2);
            rec.flush();
            StoredRun seen = other.loadRun(run.id()).orElseThrow();
            assertThat(seen.summary().status()).isEqualTo(RunStatus.RUNNING);
            Trees.assertSameTree(seen.tree(), run.tree());
            try (Store third = Store.open(db)) {
                assertThat(third.recoveredRuns()).as("a live recorder's run is not taken for abandoned").isEmpty();
            }
            rec.finish(RunStatus.COMPLETED, Counters.ZERO);
        }
    }

    @Test
    void closingWithoutFinishingKeepsTheRunCutShortAndItCanBeContinued() {
        Path db = dir.resolve("live.db");
        Session s = Trees.session("continue");
        Run run = Trees.run(s, new ReasoningTree(s.problem().question()));
        Node branch;
        try (Store store = Store.open(db)) {
            store.saveSession(s);
            try (RunRecorder rec = store.record(run)) {
                branch = run.tree().addChild(run.tree().root(), NodeKind.BRANCH, 0, "<think>\n");
                for (int i = 0; i < 100; i++) {
                    branch.appendToken(Trees.token(new SplittableRandom(i), i));
                }
            }
            StoredRun cut = store.loadRun(run.id()).orElseThrow();
            assertThat(cut.summary().status()).isEqualTo(RunStatus.CUT_SHORT);
            assertThat(cut.tree().node(1).status()).isEqualTo(NodeStatus.CUT_OFF);
            assertThat(cut.tree().node(1).tokenCount()).isEqualTo(100);

            try (RunRecorder rec = store.resume(run.id())) {
                Node n = rec.tree().node(1);
                n.appendText(" Wait,");
                for (int i = 100; i < 150; i++) {
                    n.appendToken(Trees.token(new SplittableRandom(i), i));
                }
                n.setStatus(NodeStatus.DONE);
                rec.finish(RunStatus.COMPLETED, Counters.ZERO);
                StoredRun done = store.loadRun(run.id()).orElseThrow();
                assertThat(done.summary().status()).isEqualTo(RunStatus.COMPLETED);
                Trees.assertSameTree(done.tree(), rec.tree());
                assertThat(done.tree().node(1).tokenCount()).isEqualTo(150);
                assertThat(done.summary().tokens()).isEqualTo(150);
            }
        }
    }

    @Test
    void aRunOfADeadProcessIsMarkedCutShortWhenTheDatabaseIsNextOpened() throws Exception {
        Path db = dir.resolve("dead.db");
        Session s = Trees.session("dead writer");
        Run run = Trees.run(s, new ReasoningTree(s.problem().question()));
        try (Store store = Store.open(db)) {
            store.saveSession(s);
            RunRecorder rec = store.record(run);
            grow(run.tree(), 3, 30, 3);
            rec.flush();
            // as if the process had died: its owner names a process that does not exist
            store.write("faking a dead writer", c -> Db.update(c,
                    "UPDATE run SET owner = 'host=;pid=2147483646;start=1;token=x' WHERE id = ?", run.id()));
            try (Store next = Store.open(db)) {
                assertThat(next.recoveredRuns()).containsExactly(run.id());
                StoredRun back = next.loadRun(run.id()).orElseThrow();
                assertThat(back.summary().status()).isEqualTo(RunStatus.CUT_SHORT);
                assertThat(back.tree().nodes()).noneMatch(n -> n.status() == NodeStatus.GROWING);
                assertThat(back.summary().tokens()).isEqualTo(run.tree().tokenCount());
                assertThat(next.check().ok()).isTrue();
            }
            rec.finish(RunStatus.COMPLETED, Counters.ZERO); // its recorder finishing later wins: it was alive after all
            assertThat(store.run(run.id()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
        }
    }

    @Test
    void aRunCannotBeContinuedWhileItsRecorderIsAlive() {
        Path db = dir.resolve("twice.db");
        Session s = Trees.session("twice");
        Run run = Trees.run(s, new ReasoningTree(s.problem().question()));
        try (Store store = Store.open(db)) {
            store.saveSession(s);
            try (RunRecorder rec = store.record(run)) {
                assertThatThrownBy(() -> store.resume(run.id())).isInstanceOf(StoreException.class)
                        .hasMessageContaining("being recorded");
                rec.finish(RunStatus.COMPLETED, Counters.ZERO);
            }
        }
    }

    @Test
    void scoresOfBackpropagationReachTheStore() {
        Path db = dir.resolve("scores.db");
        Session s = Trees.session("mcts");
        Run run = Trees.run(s, new ReasoningTree(s.problem().question()));
        try (Store store = Store.open(db)) {
            store.saveSession(s);
            RunRecorder rec = store.record(run);
            Node a = run.tree().addChild(run.tree().root(), NodeKind.THOUGHT_STEP, 1, "Step one.");
            rec.flush();
            for (int i = 0; i < 1000; i++) {
                a.updateScores(sc -> sc.withVisit(0.5));
                run.tree().root().updateScores(sc -> sc.withVisit(0.5));
            }
            rec.finish(RunStatus.COMPLETED, Counters.ZERO);
            ReasoningTree back = store.loadRun(run.id()).orElseThrow().tree();
            assertThat(back.node(1).scores()).isEqualTo(new Scores(1000, 500, 0, Double.NaN, Double.NaN));
            assertThat(back.root().scores().visits()).isEqualTo(1000);
        }
    }
}
