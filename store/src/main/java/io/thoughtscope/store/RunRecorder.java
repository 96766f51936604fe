package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.TreeEvent;
import io.thoughtscope.reasoning.model.TreeListener;
import io.thoughtscope.reasoning.spi.Counters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;

/**
 * Persists a live run as it grows. Attached to the run's {@link ReasoningTree} as a listener, it
 * only marks which nodes changed (the mutating thread returns at once); its own writer thread
 * commits the changes in one transaction at least every {@link StoreOptions#flushInterval()}:
 * new nodes with their text and tokens, appended text and tokens of growing nodes, changed
 * scores, status, answers and chosen flags, and the run's heartbeat.
 *
 * <p>What a crash can lose: with the defaults ({@code synchronous=FULL}, 250 ms flushes), a
 * killed process or a power loss loses at most the changes of the last flush interval plus the
 * commit in flight, never a committed one, and never leaves a torn database (write-ahead log).
 * The next open of the database marks the run {@link RunStatus#CUT_SHORT}.
 *
 * <pre>{@code
 * store.saveSession(session);
 * try (RunRecorder rec = store.record(run)) {      // attach before the tree grows
 *     strategy.run(run.tree());                    // tokens stream in
 *     rec.finish(RunStatus.COMPLETED, model.counters());
 * }                                                 // close() without finish: CUT_SHORT
 * }</pre>
 */
public final class RunRecorder implements TreeListener, AutoCloseable {

    /** Wake the writer early when this many changes wait (a burst bounds a transaction's size). */
    private static final int WAKE_EVENTS = 65_536;
    /** A heartbeat while nothing changes, so another process can tell a paused run from a dead one. */
    private static final long IDLE_HEARTBEAT_MILLIS = 5_000;

    private final Run run;
    private final ReasoningTree tree;
    private final long runKey;
    private final ProcessOwner owner;
    private final Connection conn;
    private final TreeRows rows;
    private final long flushMillis;
    private final Thread writer;

    private final Object lock = new Object();
    // guarded by lock
    private BitSet textDirty = new BitSet();
    private BitSet metaDirty = new BitSet();
    private int pendingEvents;
    private boolean stopRequested;
    private long flushRequested;
    private long flushDone;
    private StoreException failure;
    private boolean listening = true;

    // writer thread only (and finish, after the writer ended)
    private int inserted;
    private int[] textLen = new int[64];
    private int[] tokenLen = new int[64];
    private long lastHeartbeat;

    private volatile long persistedTokens;
    private volatile Counters counters = Counters.ZERO;
    private volatile boolean finished;

    private RunRecorder(Store store, Run run, long runKey, ProcessOwner owner, Connection conn) throws SQLException {
        this.run = run;
        this.tree = run.tree();
        this.runKey = runKey;
        this.owner = owner;
        this.conn = conn;
        this.rows = new TreeRows(conn);
        this.flushMillis = store.options().flushInterval().toMillis();
        this.writer = Thread.ofPlatform().name("thoughtscope-recorder-" + run.id()).daemon(true).unstarted(this::writeLoop);
    }

    static RunRecorder start(Store store, Run run) {
        Connection c = store.newConnection();
        ProcessOwner owner = ProcessOwner.claim();
        try {
            long runKey = Db.write(c, "starting run " + run.id(), cc -> {
                long sessionKey = Store.sessionKey(cc, run.sessionId());
                return Store.insertRun(cc, sessionKey, run, RunStatus.RUNNING, owner);
            });
            RunRecorder r = new RunRecorder(store, run, runKey, owner, c);
            r.tree.addListener(r);
            r.writer.start();
            r.flush(); // the nodes the tree has already (at least its prompt) are stored on return
            return r;
        } catch (SQLException e) {
            owner.release();
            closeQuietly(c);
            throw StoreException.of("starting run " + run.id(), e);
        } catch (RuntimeException e) {
            owner.release();
            closeQuietly(c);
            throw e;
        }
    }

    static RunRecorder resume(Store store, String runId) {
        Connection c = store.newConnection();
        ProcessOwner owner = ProcessOwner.claim();
        try {
            Run run = Db.write(c, "continuing run " + runId, cc -> {
                RunSummary s = RunQueries.summary(cc, runId).orElseThrow(() ->
                        new StoreException(StoreException.Reason.NOT_FOUND, "No run " + runId + " is stored."));
                long key = Store.runKey(cc, runId);
                if (s.status() == RunStatus.RUNNING) {
                    try (PreparedStatement ps = cc.prepareStatement(
                            "SELECT owner, coalesce(heartbeat_at, started_at) FROM run WHERE key = ?")) {
                        ps.setLong(1, key);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            if (!ProcessOwner.abandoned(rs.getString(1), rs.getLong(2), store.options().staleAfter(),
                                    System.currentTimeMillis())) {
                                throw new StoreException(StoreException.Reason.BUSY, "Run " + runId
                                        + " is being recorded by a running Thoughtscope; it cannot be continued twice.");
                            }
                        }
                    }
                }
                Db.update(cc, "UPDATE run SET status = 'RUNNING', owner = ?, heartbeat_at = ?, finished_at = NULL WHERE key = ?",
                        owner.encode(), System.currentTimeMillis(), key);
                return new Run(s.id(), s.sessionId(), s.model(), s.strategy(), s.seed(), s.startedAt(),
                        TreeLoader.load(cc, key, runId));
            });
            long runKey = Db.write(c, "continuing run " + runId, cc -> Store.runKey(cc, runId));
            RunRecorder r = new RunRecorder(store, run, runKey, owner, c);
            r.adoptLoadedTree();
            r.tree.addListener(r);
            r.writer.start();
            return r;
        } catch (SQLException e) {
            owner.release();
            closeQuietly(c);
            throw StoreException.of("continuing run " + runId, e);
        } catch (RuntimeException e) {
            owner.release();
            closeQuietly(c);
            throw e;
        }
    }

    /** A loaded tree is stored as it is: the writer starts from its current state. */
    private void adoptLoadedTree() {
        int n = tree.size();
        ensureCapacity(n);
        long tokens = 0;
        for (int i = 0; i < n; i++) {
            Node node = tree.node(i);
            textLen[i] = node.textLength();
            tokenLen[i] = node.tokenCount();
            tokens += tokenLen[i];
        }
        inserted = n;
        persistedTokens = tokens;
    }

    /** The run being recorded. */
    public Run run() {
        return run;
    }

    /** The tree to grow; for a continued run, the reloaded one. */
    public ReasoningTree tree() {
        return tree;
    }

    /** Tokens committed so far. */
    public long persistedTokens() {
        return persistedTokens;
    }

    /** The writer's failure, if it stopped (a full disk, say); the run keeps what was committed before. */
    public Optional<StoreException> failure() {
        synchronized (lock) {
            return Optional.ofNullable(failure);
        }
    }

    /** The engine's counters so far; stored with the next flush, so a crash keeps them too. */
    public void updateCounters(Counters c) {
        counters = c == null ? Counters.ZERO : c;
    }

    @Override
    public void onEvent(TreeEvent event) {
        int id = event.node().id();
        synchronized (lock) {
            if (!listening) {
                return;
            }
            switch (event) {
                case TreeEvent.NodeAdded ignored -> { } // new nodes are found by the tree's size
                case TreeEvent.TextAppended ignored -> textDirty.set(id);
                default -> metaDirty.set(id);
            }
            if (++pendingEvents == WAKE_EVENTS) {
                lock.notifyAll();
            }
        }
    }

    /**
     * Commits everything changed so far and returns when it is on disk.
     *
     * @throws StoreException when the writer failed
     */
    public void flush() {
        synchronized (lock) {
            if (failure != null) {
                throw failure;
            }
            long target = ++flushRequested;
            lock.notifyAll();
            while (flushDone < target && failure == null) {
                if (!writer.isAlive() && flushDone < target) {
                    break;
                }
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * Ends the recording: the last changes are committed, the run gets its status, counters, end
     * time and final answer, its text becomes searchable, and the recorder lets go of the tree.
     * Stop growing the tree first.
     *
     * @throws StoreException when the writer had failed (the run is then kept cut short with
     *                        what was committed before the failure)
     */
    public void finish(RunStatus status, Counters finalCounters) {
        if (finished) {
            return;
        }
        finished = true;
        if (finalCounters != null) {
            counters = finalCounters;
        }
        tree.removeListener(this);
        synchronized (lock) {
            stopRequested = true;
            flushRequested++;
            lock.notifyAll();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StoreException failed;
        synchronized (lock) {
            listening = false;
            failed = failure;
        }
        try {
            if (failed == null) {
                Db.write(conn, "finishing run " + run.id(), c -> {
                    Store.finishRun(c, runKey, status, counters, Instant.now(), inserted, persistedTokens);
                    RunAnswers.write(c, runKey, tree);
                    SearchDocs.writeTrace(c, runKey);
                    return null;
                });
            } else {
                markCutShortAfterFailure();
                throw failed;
            }
        } finally {
            owner.release();
            try {
                rows.close();
            } catch (SQLException ignored) {
                // closing the connection releases them anyway
            }
            closeQuietly(conn);
        }
    }

    /** Closing a recorder that was not finished keeps the run as cut short. */
    @Override
    public void close() {
        finish(RunStatus.CUT_SHORT, null);
    }

    private void markCutShortAfterFailure() {
        try {
            Db.write(conn, "marking run " + run.id() + " as cut short", c -> {
                // in-place updates: they need no new pages, so they work on a full disk too
                Db.update(c, "UPDATE run SET status = 'CUT_SHORT', finished_at = ?, owner = NULL WHERE key = ?",
                        System.currentTimeMillis(), runKey);
                Db.update(c, "UPDATE node SET status = 'CUT_OFF' WHERE run_key = ? AND status = 'GROWING'", runKey);
                return null;
            });
        } catch (StoreException ignored) {
            // the next open marks it, as after a crash
        }
    }

    // ---------------------------------------------------------------- writer thread

    private void writeLoop() {
        while (true) {
            boolean stop;
            long target;
            synchronized (lock) {
                long deadline = System.currentTimeMillis() + flushMillis;
                long left = flushMillis;
                while (!stopRequested && flushRequested == flushDone && pendingEvents < WAKE_EVENTS && left > 0) {
                    try {
                        lock.wait(left);
                    } catch (InterruptedException e) {
                        stopRequested = true;
                        break;
                    }
                    left = deadline - System.currentTimeMillis();
                }
                stop = stopRequested;
                target = flushRequested;
            }
            try {
                writeBatch(target != flushDoneSnapshot());
            } catch (StoreException e) {
                synchronized (lock) {
                    failure = e;
                    listening = false;
                    flushDone = target;
                    lock.notifyAll();
                }
                return;
            } catch (RuntimeException e) {
                synchronized (lock) {
                    failure = new StoreException(StoreException.Reason.FAILED, "Recording run " + run.id() + " failed: " + e, e);
                    listening = false;
                    flushDone = target;
                    lock.notifyAll();
                }
                return;
            }
            synchronized (lock) {
                flushDone = target;
                lock.notifyAll();
            }
            if (stop) {
                return;
            }
        }
    }

    private long flushDoneSnapshot() {
        synchronized (lock) {
            return flushDone;
        }
    }

    /** One transaction with every change since the last one. */
    private void writeBatch(boolean forced) {
        BitSet text;
        BitSet meta;
        synchronized (lock) {
            text = textDirty;
            meta = metaDirty;
            textDirty = new BitSet();
            metaDirty = new BitSet();
            pendingEvents = 0;
        }
        int size = tree.size();
        long now = System.currentTimeMillis();
        boolean heartbeatDue = now - lastHeartbeat >= IDLE_HEARTBEAT_MILLIS;
        if (size == inserted && text.isEmpty() && meta.isEmpty() && !heartbeatDue && !forced) {
            return;
        }
        ensureCapacity(size);
        int before = inserted;
        int[] newText = textLen.clone();
        int[] newTokens = tokenLen.clone();
        long tokens = Db.write(conn, "saving run " + run.id(), c -> {
            long added = 0;
            for (int id = before; id < size; id++) {
                int[] w = rows.insertNodeWithTokens(runKey, tree.node(id));
                newText[id] = w[0];
                newTokens[id] = w[1];
                added += w[1];
            }
            for (int id = text.nextSetBit(0); id >= 0 && id < before; id = text.nextSetBit(id + 1)) {
                Node n = tree.node(id);
                int count = n.tokenCount(); // before the text, which then covers every counted token
                String t = n.text();
                if (t.length() > newText[id]) {
                    rows.appendText(runKey, id, t.substring(newText[id]));
                    newText[id] = t.length();
                }
                if (count > newTokens[id]) {
                    rows.addTokens(runKey, n, newTokens[id], count);
                }
                added += Math.max(0, count - newTokens[id]);
                newTokens[id] = Math.max(newTokens[id], count);
            }
            rows.flush();
            for (int id = meta.nextSetBit(0); id >= 0 && id < before; id = meta.nextSetBit(id + 1)) {
                rows.updateMeta(runKey, tree.node(id));
            }
            Counters k = counters;
            long total = persistedTokens + added;
            try (PreparedStatement ps = c.prepareStatement("UPDATE run SET heartbeat_at = ?, node_count = ?, token_count = ?, "
                    + "prompt_tokens = ?, decoded_tokens = ?, steps = ?, prefill_nanos = ?, decode_nanos = ?, sample_nanos = ? "
                    + "WHERE key = ?")) {
                Db.bind(ps, now, size, total, k.promptTokens(), k.decodedTokens(), k.steps(), k.prefillNanos(),
                        k.decodeNanos(), k.sampleNanos(), runKey);
                ps.executeUpdate();
            }
            return total;
        });
        // committed: the new state is what the database holds
        textLen = newText;
        tokenLen = newTokens;
        inserted = size;
        persistedTokens = tokens;
        lastHeartbeat = now;
    }

    private void ensureCapacity(int n) {
        if (n > textLen.length) {
            int cap = Math.max(n, textLen.length * 2);
            textLen = Arrays.copyOf(textLen, cap);
            tokenLen = Arrays.copyOf(tokenLen, cap);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to do with it
        }
    }
}
