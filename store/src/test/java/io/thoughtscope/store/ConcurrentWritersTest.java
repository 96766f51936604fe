package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.spi.Counters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two processes streaming runs into one database while this one writes too. */
class ConcurrentWritersTest {

    @TempDir
    Path dir;

    @Test
    void twoProcessesWritingAtOnceLoseNothing() throws Exception {
        Path db = dir.resolve("shared.db");
        try (Store ignored = Store.open(db)) {
            // created before the children start
        }
        int tokens = 30_000;
        List<Process> children = List.of(
                StreamingChild.command(dir, db, tokens, 4, 0, "finish").start(),
                StreamingChild.command(dir, db, tokens, 6, 0, "finish").start());
        List<String> childRuns = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        List<List<String>> outputs = new ArrayList<>();
        for (Process p : children) {
            List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
            outputs.add(lines);
            readers.add(Thread.ofPlatform().daemon(true).start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (Exception e) {
                    // ends with the child
                }
            }));
        }
        // meanwhile this process stores whole runs
        List<String> mine = new ArrayList<>();
        try (Store store = Store.open(db)) {
            for (int i = 0; i < 40; i++) {
                Session s = Trees.session("parent " + i);
                ReasoningTree tree = Trees.tree(50, 400, i);
                Run run = Trees.run(s, tree);
                store.saveSession(s);
                store.saveRun(run, RunStatus.COMPLETED, Counters.ZERO, null);
                mine.add(run.id());
            }
        }
        for (Process p : children) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        for (Thread t : readers) {
            t.join(5_000);
        }
        for (List<String> out : outputs) {
            assertThat(out).contains("DONE");
            childRuns.add(out.stream().filter(l -> l.startsWith("RUN ")).findFirst().orElseThrow().substring(4));
        }
        try (Store store = Store.open(db)) {
            assertThat(store.check().problems()).isEmpty();
            for (String id : childRuns) {
                StoredRun run = store.loadRun(id).orElseThrow();
                assertThat(run.summary().status()).isEqualTo(RunStatus.COMPLETED);
                assertThat(run.tree().tokenCount()).isEqualTo(tokens);
                assertThat(run.summary().tokens()).isEqualTo(tokens);
                for (var n : run.tree().root().children()) {
                    assertThat(n.text()).isEqualTo(String.join("", n.tokens().stream().map(t -> t.text()).toList()));
                }
            }
            for (String id : mine) {
                assertThat(store.run(id)).isPresent();
            }
            assertThat(store.countSessions(SessionQuery.all())).isEqualTo(42);
        }
    }
}
