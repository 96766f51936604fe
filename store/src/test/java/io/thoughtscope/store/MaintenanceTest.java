package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.spi.Counters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaintenanceTest {

    @TempDir
    Path dir;

    private static Run saveOne(Store store, String title, long seed) {
        Session s = Trees.session(title);
        Run run = Trees.run(s, Trees.tree(30, 300, seed));
        store.saveSession(s);
        store.saveRun(run, RunStatus.COMPLETED, Counters.ZERO, null);
        return run;
    }

    @Test
    void aBackupTakenDuringALiveRunIsASoundDatabase() {
        Path db = dir.resolve("main.db");
        try (Store store = Store.open(db)) {
            saveOne(store, "before", 1);
            Session s = Trees.session("live");
            store.saveSession(s);
            Run run = Trees.run(s, new ReasoningTree("q"));
            try (RunRecorder rec = store.record(run)) {
                RunRecorderTest.grow(run.tree(), 2, 50, 1);
                rec.flush();
                Path copy = store.backup(null);
                assertThat(copy.getParent()).isEqualTo(dir.resolve("backups"));
                try (Store b = Store.open(copy)) {
                    assertThat(b.check().problems()).isEmpty();
                    assertThat(b.countSessions(SessionQuery.all())).isEqualTo(2);
                    assertThat(b.loadRun(run.id()).orElseThrow().tree().tokenCount()).isEqualTo(run.tree().tokenCount());
                }
                rec.finish(RunStatus.COMPLETED, Counters.ZERO);
            }
            assertThatThrownBy(() -> store.backup(db)).hasMessageContaining("exists already");
        }
    }

    @Test
    void restoreBringsBackTheBackupAndKeepsTheDatabaseItReplaced() {
        Path db = dir.resolve("main.db");
        Path backup = dir.resolve("saved.db");
        Run first;
        Run later;
        try (Store store = Store.open(db)) {
            first = saveOne(store, "first", 1);
            store.backup(backup);
            later = saveOne(store, "later", 2);
        }
        Path before = Store.restore(db, backup, StoreOptions.defaults());
        try (Store store = Store.open(db)) {
            assertThat(store.run(first.id())).isPresent();
            assertThat(store.run(later.id())).as("what came after the backup is gone from the database").isEmpty();
            assertThat(store.check().problems()).isEmpty();
        }
        try (Store kept = Store.open(before)) {
            assertThat(kept.run(later.id())).as("but kept in the copy made before restoring").isPresent();
        }
    }

    @Test
    void restoreRefusesABadBackupOrALiveRecording() throws Exception {
        Path db = dir.resolve("main.db");
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "not a database at all ".repeat(100));
        try (Store store = Store.open(db)) {
            saveOne(store, "keep me", 1);
        }
        assertThatThrownBy(() -> Store.restore(db, junk, StoreOptions.defaults())).hasMessageContaining("not a Thoughtscope database");
        assertThatThrownBy(() -> Store.restore(db, dir.resolve("missing.db"), StoreOptions.defaults()))
                .hasMessageContaining("No backup file");
        Path backup = dir.resolve("b.db");
        try (Store store = Store.open(db)) {
            store.backup(backup);
            Session s = Trees.session("live");
            store.saveSession(s);
            Run run = Trees.run(s, new ReasoningTree("q"));
            try (RunRecorder rec = store.record(run)) {
                assertThatThrownBy(() -> Store.restore(db, backup, StoreOptions.defaults()))
                        .hasMessageContaining("is being recorded");
                rec.finish(RunStatus.COMPLETED, Counters.ZERO);
            }
            assertThat(store.countSessions(SessionQuery.all())).isEqualTo(2);
        }
    }

    @Test
    void checkFindsDamage() throws Exception {
        Path db = dir.resolve("damaged.db");
        try (Store store = Store.open(db)) {
            for (int i = 0; i < 20; i++) {
                saveOne(store, "s" + i, i);
            }
            assertThat(store.check().ok()).isTrue();
            assertThat(store.check().runs()).isEqualTo(20);
        }
        long size = Files.size(db);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            for (long page = 3; page * 4096 < size - 4096; page += 3) { // scribble over pages, never the header
                f.seek(page * 4096 + 100);
                f.write(new byte[] {(byte) 0xFF, 0x13, 0x37, 0x42, (byte) 0xFF, 0x00, (byte) 0xAB});
            }
        }
        try (Store store = Store.open(db)) {
            CheckReport r = store.check();
            assertThat(r.ok()).isFalse();
            assertThat(r.problems()).isNotEmpty();
        } catch (StoreException e) {
            assertThat(e.reason()).isIn(StoreException.Reason.DAMAGED, StoreException.Reason.FAILED);
            assertThat(e.getMessage()).containsAnyOf("damaged", "malformed");
        }
    }
}
