package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.spi.Counters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database that cannot grow (max_page_count stands in for a full disk). */
class FullDiskTest {

    @TempDir
    Path dir;

    private static final StoreOptions LIMITED = StoreOptions.defaults().withMaxPageCount(400); // 1.6 MB

    @Test
    void savingIntoAFullDatabaseFailsClearlyAndKeepsWhatWasSaved() {
        Path db = dir.resolve("full.db");
        List<String> saved = new ArrayList<>();
        StoreException full = null;
        try (Store store = Store.open(db, LIMITED)) {
            for (int i = 0; i < 1000 && full == null; i++) {
                Session s = Trees.session("session " + i);
                Run run = Trees.run(s, Trees.tree(40, 400, i));
                try {
                    store.saveBundle(null, new SessionBundle(s, List.of(new SessionBundle.RunBundle(run, RunStatus.COMPLETED,
                            Counters.ZERO, null, List.of())), List.of(), false, List.of()));
                    saved.add(run.id());
                } catch (StoreException e) {
                    full = e;
                }
            }
            assertThat(full).as("the limit is reached").isNotNull();
            assertThat(full.reason()).isEqualTo(StoreException.Reason.FULL);
            assertThat(full.getMessage()).contains("disk is full").contains("everything saved before is kept");
            assertThat(saved).hasSizeGreaterThan(3);
            assertThat(store.countSessions(SessionQuery.all())).as("the failed session left nothing half-saved")
                    .isEqualTo(saved.size());
            assertThat(store.check().problems()).isEmpty();
        }
        try (Store store = Store.open(db)) {
            for (String id : saved) {
                assertThat(store.loadRun(id)).isPresent();
            }
            assertThat(store.check().problems()).isEmpty();
        }
    }

    @Test
    void aLiveRunThatFillsTheDiskStopsWithAClearErrorAndKeepsItsTokens() throws Exception {
        Path db = dir.resolve("full-live.db");
        Session s = Trees.session("filling");
        Run run = Trees.run(s, new ReasoningTree(s.problem().question()));
        long kept;
        try (Store store = Store.open(db, LIMITED)) {
            store.saveSession(s);
            RunRecorder rec = store.record(run);
            Node n = run.tree().addChild(run.tree().root(), NodeKind.BRANCH, 0, "");
            SplittableRandom r = new SplittableRandom(1);
            for (int i = 0; i < 200_000 && rec.failure().isEmpty(); i++) {
                n.appendToken(Trees.token(r, i));
                if (i % 2_000 == 0) {
                    try {
                        rec.flush();
                    } catch (StoreException e) {
                        break;
                    }
                }
            }
            assertThat(rec.failure()).isPresent();
            assertThat(rec.failure().get().reason()).isEqualTo(StoreException.Reason.FULL);
            kept = rec.persistedTokens();
            assertThat(kept).isGreaterThan(0);
            assertThatThrownBy(() -> rec.finish(RunStatus.COMPLETED, Counters.ZERO)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("disk is full");
            StoredRun back = store.loadRun(run.id()).orElseThrow();
            assertThat(back.summary().status()).isEqualTo(RunStatus.CUT_SHORT);
            assertThat(back.tree().tokenCount()).isEqualTo(kept);
            assertThat(back.tree().node(1).tokens()).isEqualTo(n.tokens().subList(0, (int) kept));
            assertThat(store.check().problems()).isEmpty();
        }
    }
}
