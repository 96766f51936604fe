package io.thoughtscope.app.cli;

import io.thoughtscope.reasoning.model.Ids;
import io.thoughtscope.reasoning.model.ModelRef;
import io.thoughtscope.reasoning.model.Problem;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.search.RunContext;
import io.thoughtscope.reasoning.search.RunResult;
import io.thoughtscope.store.RunRecorder;
import io.thoughtscope.store.Store;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Saves a strategy's tree into the store while it grows: the tree is recorded as soon as the
 * strategy creates it (so a crash loses at most the last moments of the run) and finished with
 * the run's status and counters.
 */
final class TreeSaver {

    private final Store store;
    private final ModelRef model;
    private final AtomicReference<RunRecorder> recorder = new AtomicReference<>();
    private final AtomicReference<Run> run = new AtomicReference<>();

    TreeSaver(Store store, ModelRef model) {
        this.store = store;
        this.model = model;
    }

    /** Attaches to a run about to start: a session for the problem, a run recorded live. */
    void attach(RunContext.Builder context, Problem problem, String title, StrategySpec strategy, long seed) {
        Session session = new Session(Ids.newId(), title.length() <= 80 ? title : title.substring(0, 79) + "…",
                Instant.now(), problem);
        store.saveSession(session);
        context.onTree((ReasoningTree tree) -> {
            Run r = new Run(Ids.newId(), session.id(), model, strategy, seed, Instant.now(), tree);
            run.set(r);
            recorder.set(store.record(r));
        });
    }

    /** Ends the recording with the run's outcome; returns the session id, or null if nothing was recorded. */
    String finish(RunResult result) {
        RunRecorder rec = recorder.getAndSet(null);
        if (rec == null) {
            return null;
        }
        rec.finish(result.status(), result.counters());
        return run.get().sessionId();
    }

    /** Ends a recording whose run failed or was stopped: it is kept, marked cut short. Returns its session, or null. */
    String abandon() {
        RunRecorder rec = recorder.getAndSet(null);
        if (rec != null) {
            rec.finish(io.thoughtscope.reasoning.model.RunStatus.CUT_SHORT, io.thoughtscope.reasoning.spi.Counters.ZERO);
            return run.get().sessionId();
        }
        return null;
    }
}
