package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A process killed with SIGKILL in the middle of a streamed run. */
class CrashSafetyTest {

    @TempDir
    Path dir;

    record Progress(long tokens, long atMillis) {}

    @Test
    void aKilledWriterLeavesASoundDatabaseWithEveryTokenOlderThanASecond() throws Exception {
        Path db = dir.resolve("crash.db");
        try (Store ignored = Store.open(db)) {
            // created (and migrated) before the child starts
        }
        Process child = StreamingChild.command(dir, db, Long.MAX_VALUE, 8, 1, "hang").start();
        List<Progress> progress = new CopyOnWriteArrayList<>();
        String[] runId = new String[1];
        Thread reader = Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] p = line.split(" ");
                    if (p[0].equals("RUN")) {
                        runId[0] = p[1];
                    } else if (p[0].equals("P")) {
                        progress.add(new Progress(Long.parseLong(p[1]), Long.parseLong(p[2])));
                    }
                }
            } catch (Exception e) {
                // the pipe closes when the child dies
            }
        });
        long deadline = System.currentTimeMillis() + 60_000;
        while ((progress.isEmpty() || progress.getLast().atMillis() - progress.getFirst().atMillis() < 2_500)
                && System.currentTimeMillis() < deadline && child.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("the child streams until it is killed").isTrue();
        long killedAt = System.currentTimeMillis();
        child.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hook, no last flush
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(5_000);

        long mustHave = progress.stream().filter(p -> p.atMillis() <= killedAt - 1_000)
                .mapToLong(Progress::tokens).max().orElse(0);
        long produced = progress.getLast().tokens();
        assertThat(mustHave).as("tokens produced more than a second before the kill").isGreaterThan(1_000);

        try (Store store = Store.open(db)) {
            CheckReport check = store.check();
            assertThat(check.problems()).isEmpty();
            assertThat(store.recoveredRuns()).containsExactly(runId[0]);
            StoredRun run = store.loadRun(runId[0]).orElseThrow();
            assertThat(run.summary().status()).isEqualTo(RunStatus.CUT_SHORT);
            long stored = run.tree().tokenCount();
            assertThat(stored).as("stored tokens (%d produced before the kill was seen)", produced).isGreaterThanOrEqualTo(mustHave);
            assertThat(run.summary().tokens()).isEqualTo(stored);
            System.out.printf("crash test: %d tokens produced up to a second before the kill, %d stored, %d produced in all%n",
                    mustHave, stored, produced);
            // every branch is a clean prefix of what was produced: tokens in order, text made of them
            for (var n : run.tree().root().children()) {
                assertThat(n.text()).isEqualTo(String.join("", n.tokens().stream().map(t -> t.text()).toList()));
                assertThat(n.status()).isEqualTo(NodeStatus.CUT_OFF);
            }
        }
    }
}
