package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.spi.Counters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class StoreRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void aLargeTreeComesBackEqualFromTheFileAfterReopening() {
        ReasoningTree tree = Trees.tree(50_000, 200_000, 7);
        assertThat(tree.size()).isEqualTo(50_000);
        assertThat(tree.tokenCount()).isEqualTo(200_000);
        Session s = Trees.session("large tree");
        Run run = Trees.run(s, tree);
        Counters counters = new Counters(120, 200_000, 40, 5_000_000, 900_000_000, 80_000_000);
        Instant end = run.startedAt().plusSeconds(90);
        Path db = dir.resolve("large.db");
        try (Store store = Store.open(db)) {
            store.saveSession(s);
            store.saveRun(run, RunStatus.COMPLETED, counters, end);
        }
        try (Store store = Store.open(db)) {
            StoredRun back = store.loadRun(run.id()).orElseThrow();
            Trees.assertSameTree(back.tree(), tree);
            assertThat(back.run().model()).isEqualTo(run.model());
            assertThat(back.run().strategy()).isEqualTo(run.strategy());
            assertThat(back.run().seed()).isEqualTo(42);
            assertThat(back.run().startedAt()).isEqualTo(run.startedAt());
            assertThat(back.summary().finishedAt()).isEqualTo(end);
            assertThat(back.summary().status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(back.summary().counters()).isEqualTo(counters);
            assertThat(back.summary().nodes()).isEqualTo(50_000);
            assertThat(back.summary().tokens()).isEqualTo(tree.tokenCount());
            assertThat(store.session(s.id())).contains(s);
            assertThat(store.check().ok()).isTrue();
        }
    }

    @Test
    void textWithoutTokensBetweenTokensKeepsItsPlace() {
        ReasoningTree tree = new ReasoningTree("2+2?");
        var n = tree.addChild(tree.root(), NodeKind.BRANCH, 0, "<think>");
        n.appendToken(Token.ofText("\nIt is"));
        n.appendText(" Wait,"); // an injected intervention inside a node
        n.appendTokens(java.util.List.of(Token.ofText(" 4"), new Token(7, ".", Double.NaN, null, Double.NaN, 5)));
        n.appendText("");
        n.appendText("</think>");
        Session s = Trees.session("interleaved");
        Run run = Trees.run(s, tree);
        try (Store store = Store.open(dir.resolve("t.db"))) {
            store.saveSession(s);
            store.saveRun(run, RunStatus.COMPLETED, Counters.ZERO, null);
            ReasoningTree back = store.loadRun(run.id()).orElseThrow().tree();
            Trees.assertSameTree(back, tree);
            assertThat(back.node(1).text()).isEqualTo("<think>\nIt is Wait, 4.</think>");
        }
    }

    @Test
    void sessionTimesAreKeptToTheMillisecond() {
        Session s = new Session("0190aaaa-0000-7000-8000-000000000001", "t", Instant.parse("2026-03-01T10:15:30.123456Z"),
                new io.thoughtscope.reasoning.model.Problem("q", null));
        try (Store store = Store.open(dir.resolve("t.db"))) {
            store.saveSession(s);
            assertThat(store.session(s.id()).orElseThrow().createdAt())
                    .isEqualTo(s.createdAt().truncatedTo(ChronoUnit.MILLIS));
        }
    }
}
