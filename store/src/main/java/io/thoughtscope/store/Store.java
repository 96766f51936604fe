package io.thoughtscope.store;

import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.model.ModelRef;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.Problem;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.reasoning.spi.Counters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Thoughtscope's database: one SQLite file (write-ahead log, STRICT tables, schema upgraded by
 * migrations) holding sessions, runs with their whole reasoning trees and per-token data,
 * analyses, and the user's notes, tags and stars, with full-text search over it all.
 *
 * <p>A store is safe to use from several threads (calls on its own connection take turns); live
 * runs are written by {@link RunRecorder}s on their own connections and threads. Several
 * processes may open the same file at once: writes take turns, reads never wait.
 *
 * <p>Opening a file checks its schema: a newer one is refused untouched, an older one is copied
 * into {@code backups/} beside it and upgraded. Runs left RUNNING by a process that died are
 * marked {@link RunStatus#CUT_SHORT}; they keep everything written up to the last flush and can
 * be continued ({@link #resume}) or kept as they are.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Store.class.getName());

    private final Path file;
    private final StoreOptions options;
    private final Connection conn;
    private final Path migrationBackup;
    private final List<String> recovered;
    private boolean closed;

    private Store(Path file, StoreOptions options, Connection conn, Path migrationBackup) {
        this.file = file;
        this.options = options;
        this.conn = conn;
        this.migrationBackup = migrationBackup;
        this.recovered = new ArrayList<>();
    }

    /** Opens (creating if needed) the database at {@code file} with the default options. */
    public static Store open(Path file) {
        return open(file, StoreOptions.defaults());
    }

    public static Store open(Path file, StoreOptions options) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new StoreException(StoreException.Reason.IO, abs + " is a folder; give a database file.");
        }
        try {
            Path dir = abs.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Cannot create the folder of " + abs + ": " + e.getMessage(), e);
        }
        Connection c;
        try {
            c = Db.open(abs, options, false);
        } catch (SQLException e) {
            throw Schema.opening(abs, e);
        }
        try {
            int version = Schema.version(c, abs);
            Schema.requireKnown(version, abs);
            Path backup = null;
            if (version < Schema.LATEST) {
                backup = Schema.migrate(c, abs, options);
            } else {
                Db.enableWal(c);
            }
            Store store = new Store(abs, options, c, backup);
            store.recoverAbandonedRuns();
            return store;
        } catch (SQLException e) {
            close(c);
            throw Schema.opening(abs, e);
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more can be done with it
        }
    }

    public Path file() {
        return file;
    }

    public StoreOptions options() {
        return options;
    }

    /** The newest schema version this code knows (every open database is at it). */
    public static int schemaVersion() {
        return Schema.LATEST;
    }

    /** The copy made before this open upgraded the schema, if it did. */
    public Optional<Path> migrationBackup() {
        return Optional.ofNullable(migrationBackup);
    }

    /** Ids of runs this open found abandoned by a dead process and marked cut short. */
    public List<String> recoveredRuns() {
        return List.copyOf(recovered);
    }

    // ---------------------------------------------------------------- sessions

    /** Stores a new session. */
    public void saveSession(Session s) {
        write("saving session " + s.id(), c -> {
            insertSession(c, s, null);
            return null;
        });
    }

    private static long insertSession(Connection c, Session s, String importKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO session (id, title, created_at, question, ground_truth, "
                + "import_key) VALUES (?,?,?,?,?,?) RETURNING key")) {
            ps.setString(1, s.id());
            ps.setString(2, s.title());
            ps.setLong(3, s.createdAt().toEpochMilli());
            ps.setString(4, s.problem().question());
            ps.setString(5, s.problem().groundTruth());
            ps.setString(6, importKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public Optional<Session> session(String id) {
        return read("reading session " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, title, created_at, question, ground_truth FROM session WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Session(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            new Problem(rs.getString(4), rs.getString(5))));
                }
            }
        });
    }

    /** The session whose id is {@code idOrPrefix} or starts with it (at least 4 characters, unique). */
    public String resolveSessionId(String idOrPrefix) {
        return resolve("session", "session", idOrPrefix);
    }

    /** The run whose id is {@code idOrPrefix} or starts with it (at least 4 characters, unique). */
    public String resolveRunId(String idOrPrefix) {
        return resolve("run", "run", idOrPrefix);
    }

    private String resolve(String table, String what, String idOrPrefix) {
        String p = idOrPrefix == null ? "" : idOrPrefix.strip();
        List<String> found = read("looking up " + what + " " + p, c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table
                    + " WHERE id = ?1 OR (length(?1) >= 4 AND id >= ?1 AND id < ?1 || char(1114111)) ORDER BY id LIMIT 3")) {
                ps.setString(1, p);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
        if (found.contains(p)) {
            return p;
        }
        if (found.isEmpty()) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "No " + what + " " + p + " in " + file
                    + (p.length() < 4 ? " (give at least 4 characters of the id)." : "."));
        }
        if (found.size() > 1) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "'" + p + "' starts several " + what + " ids ("
                    + String.join(", ", found) + (found.size() == 3 ? ", ..." : "") + "); give more of it.");
        }
        return found.getFirst();
    }

    /** Lists sessions, newest first. */
    public List<SessionSummary> sessions(SessionQuery query) {
        return read("listing sessions", c -> SessionQueries.list(c, query));
    }

    /** How many sessions the query matches, limit and offset aside. */
    public int countSessions(SessionQuery query) {
        return read("counting sessions", c -> SessionQueries.count(c, query));
    }

    /** Ids of the runs of the sessions the query matches (limit and offset apply to sessions). */
    public List<String> runIds(SessionQuery query) {
        return read("listing runs", c -> SessionQueries.runIds(c, query));
    }

    /** Deletes a session with its runs, trees, analyses and annotations. */
    public boolean deleteSession(String id) {
        return write("deleting session " + id, c -> Db.update(c, "DELETE FROM session WHERE id = ?", id) > 0);
    }

    // ---------------------------------------------------------------- runs

    /**
     * Stores a finished run with its whole tree in one transaction. Its session must be stored.
     *
     * @param finishedAt when it ended, or null when unknown
     */
    public void saveRun(Run run, RunStatus status, Counters counters, Instant finishedAt) {
        write("saving run " + run.id(), c -> {
            long sessionKey = sessionKey(c, run.sessionId());
            insertFinishedRun(c, sessionKey, new SessionBundle.RunBundle(run, status, counters, finishedAt, List.of()));
            return null;
        });
    }

    /**
     * Stores a whole session with its runs in one transaction, unless a session with the same
     * {@code importKey} is stored already.
     *
     * @return true when it was added, false when it was there already
     */
    public boolean saveBundle(String importKey, SessionBundle bundle) {
        return write("saving session " + bundle.session().id(), c -> {
            if (importKey != null && Db.queryLong(c, "SELECT count(*) FROM session WHERE import_key = ?", importKey) > 0) {
                return false;
            }
            long sessionKey = insertSession(c, bundle.session(), importKey);
            for (SessionBundle.RunBundle rb : bundle.runs()) {
                insertFinishedRun(c, sessionKey, rb);
            }
            for (String tag : bundle.tags()) {
                Annotations.add(c, sessionKey, null, -1, "tag", tag);
            }
            if (bundle.starred()) {
                Annotations.add(c, sessionKey, null, -1, "star", "");
            }
            for (String note : bundle.notes()) {
                Annotations.add(c, sessionKey, null, -1, "note", note);
            }
            return true;
        });
    }

    /** Whether a session with this import key is stored. */
    public boolean hasImportKey(String importKey) {
        return read("looking up an import", c -> Db.queryLong(c, "SELECT count(*) FROM session WHERE import_key = ?",
                importKey) > 0);
    }

    private static void insertFinishedRun(Connection c, long sessionKey, SessionBundle.RunBundle rb) throws SQLException {
        Run run = rb.run();
        long runKey = insertRun(c, sessionKey, run, rb.status(), null);
        try (TreeRows rows = new TreeRows(c)) {
            rows.insertTree(runKey, run.tree());
        }
        finishRun(c, runKey, rb.status(), rb.counters(), rb.finishedAt(), run.tree().size(), run.tree().tokenCount());
        RunAnswers.write(c, runKey, run.tree());
        for (SessionBundle.AnalysisOf a : rb.analyses()) {
            AnalysisRows.save(c, runKey, a.firstNode(), a.lastNode(), a.analysis());
        }
        SearchDocs.writeTrace(c, runKey);
    }

    static long insertRun(Connection c, long sessionKey, Run run, RunStatus status, ProcessOwner owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run (id, session_key, model, model_source, engine, backend, "
                + "strategy, parameters, seed, started_at, status, owner, heartbeat_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
                + "RETURNING key")) {
            ModelRef m = run.model();
            ps.setString(1, run.id());
            ps.setLong(2, sessionKey);
            ps.setString(3, m.name());
            ps.setString(4, m.source());
            ps.setString(5, m.engine());
            ps.setString(6, m.backend());
            ps.setString(7, run.strategy().name());
            ps.setString(8, Json.parameters(run.strategy().parameters()));
            ps.setLong(9, run.seed());
            ps.setLong(10, run.startedAt().toEpochMilli());
            ps.setString(11, status.name());
            if (owner == null) {
                ps.setNull(12, Types.VARCHAR);
                ps.setNull(13, Types.INTEGER);
            } else {
                ps.setString(12, owner.encode());
                ps.setLong(13, System.currentTimeMillis());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void finishRun(Connection c, long runKey, RunStatus status, Counters k, Instant finishedAt, int nodes, long tokens)
            throws SQLException {
        Counters counters = k == null ? Counters.ZERO : k;
        try (PreparedStatement ps = c.prepareStatement("UPDATE run SET status = ?, finished_at = ?, owner = NULL, "
                + "heartbeat_at = NULL, prompt_tokens = ?, decoded_tokens = ?, steps = ?, prefill_nanos = ?, decode_nanos = ?, "
                + "sample_nanos = ?, node_count = ?, token_count = ? WHERE key = ?")) {
            ps.setString(1, status.name());
            if (finishedAt == null) {
                ps.setNull(2, Types.INTEGER);
            } else {
                ps.setLong(2, finishedAt.toEpochMilli());
            }
            ps.setLong(3, counters.promptTokens());
            ps.setLong(4, counters.decodedTokens());
            ps.setLong(5, counters.steps());
            ps.setLong(6, counters.prefillNanos());
            ps.setLong(7, counters.decodeNanos());
            ps.setLong(8, counters.sampleNanos());
            ps.setInt(9, nodes);
            ps.setLong(10, tokens);
            ps.setLong(11, runKey);
            ps.executeUpdate();
        }
        if (status != RunStatus.COMPLETED) {
            Db.update(c, "UPDATE node SET status = 'CUT_OFF' WHERE run_key = ? AND status = 'GROWING'", runKey);
        }
    }

    /**
     * Starts recording a live run: the run row is written as RUNNING, the tree's current nodes
     * are written, and from then on every change to the tree is persisted in batches from the
     * recorder's own thread (at least every {@link StoreOptions#flushInterval()}). Call it
     * before the tree starts growing. The run's session must be stored.
     */
    public RunRecorder record(Run run) {
        return RunRecorder.start(this, run);
    }

    /**
     * Continues a run that was cut short (or failed): its tree is loaded, the run is RUNNING
     * again, and the returned recorder persists what the caller adds to {@link RunRecorder#tree()}.
     */
    public RunRecorder resume(String runId) {
        return RunRecorder.resume(this, runId);
    }

    /** The run with its whole tree, or empty. */
    public Optional<StoredRun> loadRun(String runId) {
        return read("loading run " + runId, c -> {
            Optional<RunSummary> s = RunQueries.summary(c, runId);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            long runKey = runKey(c, runId);
            RunSummary sum = s.get();
            Run run = new Run(sum.id(), sum.sessionId(), sum.model(), sum.strategy(), sum.seed(), sum.startedAt(),
                    TreeLoader.load(c, runKey, runId));
            return Optional.of(new StoredRun(sum, run));
        });
    }

    /** The runs of a session, oldest first. */
    public List<RunSummary> runs(String sessionId) {
        return read("listing runs of session " + sessionId, c -> RunQueries.ofSession(c, sessionId));
    }

    public Optional<RunSummary> run(String runId) {
        return read("reading run " + runId, c -> RunQueries.summary(c, runId));
    }

    /** Runs side by side with their figures, in the order asked; unknown ids are left out. */
    public List<RunSummary> compare(List<String> runIds) {
        return read("comparing runs", c -> {
            List<RunSummary> out = new ArrayList<>();
            for (String id : runIds) {
                RunQueries.summary(c, id).ifPresent(out::add);
            }
            return out;
        });
    }

    /** Where two traces part: the first token (or character) that differs. */
    public Divergence divergence(TracePointer a, TracePointer b) {
        return read("comparing traces", c -> RunQueries.divergence(c, a, b));
    }

    /** Accuracy, tokens and time per strategy over a set of runs. */
    public List<StrategyAggregate> aggregateByStrategy(Collection<String> runIds) {
        return read("aggregating runs", c -> RunQueries.aggregate(c, runIds));
    }

    /** The text and tokens of a trace (the path to a node, or the run's main path). */
    public TraceText traceText(TracePointer p) {
        return read("reading a trace", c -> RunQueries.traceText(c, p));
    }

    // ---------------------------------------------------------------- analysis

    /**
     * Stores the analysis of the path from {@code firstNode} down to {@code lastNode} of a run,
     * replacing an earlier one of the same path. The run's final answer and verdict become the
     * analysis's.
     */
    public void saveAnalysis(String runId, int firstNode, int lastNode, TraceAnalysis analysis) {
        write("saving the analysis of run " + runId, c -> {
            AnalysisRows.save(c, runKey(c, runId), firstNode, lastNode, analysis);
            return null;
        });
    }

    /** The analyses of a run, oldest first, each with its trace rebuilt from the tree. */
    public List<StoredAnalysis> analyses(String runId) {
        return read("reading the analyses of run " + runId, c -> AnalysisRows.load(c, runKey(c, runId), runId));
    }

    // ---------------------------------------------------------------- annotations

    public Annotation addNote(Target target, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a note needs text");
        }
        return write("adding a note", c -> Annotations.add(c, target, "note", text));
    }

    /** Tags a target; a tag that is there already stays once. */
    public void tag(Target target, String tag) {
        String t = Annotations.tagName(tag);
        write("tagging", c -> Annotations.add(c, target, "tag", t));
    }

    public boolean untag(Target target, String tag) {
        String t = Annotations.tagName(tag);
        return write("removing a tag", c -> Annotations.remove(c, target, "tag", t));
    }

    public void star(Target target, boolean starred) {
        write(starred ? "starring" : "removing a star", c -> {
            if (starred) {
                Annotations.add(c, target, "star", "");
            } else {
                Annotations.remove(c, target, "star", "");
            }
            return null;
        });
    }

    public boolean deleteAnnotation(long id) {
        return write("deleting an annotation", c -> Db.update(c, "DELETE FROM annotation WHERE key = ?", id) > 0);
    }

    /** The notes, tags and stars of a session and of everything in it, oldest first. */
    public List<Annotation> annotations(String sessionId) {
        return read("reading annotations", c -> Annotations.of(c, sessionId));
    }

    // ---------------------------------------------------------------- safety

    /**
     * A consistent copy of the database (it may be in use meanwhile).
     *
     * @param target the copy's file, or null for {@code backups/<name>-<time>.db} beside the database
     * @return the copy
     */
    public Path backup(Path target) {
        Path t = target == null ? Schema.backupFile(file, "backup") : target.toAbsolutePath().normalize();
        return write0("backing up the database to " + t, c -> {
            Schema.vacuumInto(c, t);
            return t;
        });
    }

    /** The integrity, foreign-key and full-text index checks, with counts. */
    public CheckReport check() {
        return write0("checking the database", c -> Maintenance.check(c, file));
    }

    /**
     * Replaces the database at {@code database} with the backup at {@code backup}. The backup is
     * checked first (an SQLite file of Thoughtscope's, not newer, sound); the current database
     * is copied into {@code backups/} before it is replaced, and refused while a live process
     * records a run in it. Older backups are upgraded when next opened.
     *
     * @return the copy of the database as it was before, or null when there was none
     */
    public static Path restore(Path database, Path backup, StoreOptions options) {
        return Maintenance.restore(database.toAbsolutePath().normalize(), backup.toAbsolutePath().normalize(), options);
    }

    // ---------------------------------------------------------------- recovery

    /** Runs whose writing process died are marked cut short; what they wrote stays. */
    private void recoverAbandonedRuns() {
        record Running(long key, String id, String owner, long heartbeat, long started) {}
        List<Running> running = read("looking for abandoned runs", c -> {
            List<Running> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT key, id, owner, coalesce(heartbeat_at, started_at), started_at FROM run WHERE status = 'RUNNING'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Running(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
                }
            }
            return out;
        });
        long now = System.currentTimeMillis();
        for (Running r : running) {
            if (!ProcessOwner.abandoned(r.owner(), r.heartbeat(), options.staleAfter(), now)) {
                continue;
            }
            try {
                boolean marked = write("marking abandoned run " + r.id() + " as cut short", c -> {
                    // only if nobody took it over meanwhile
                    if (Db.update(c, "UPDATE run SET status = 'CUT_SHORT' WHERE key = ? AND status = 'RUNNING' AND owner IS ?",
                            r.key(), r.owner()) == 0) {
                        return false;
                    }
                    long nodes = Db.queryLong(c, "SELECT count(*) FROM node WHERE run_key = ?", r.key());
                    long tokens = Db.queryLong(c, "SELECT coalesce(sum(count), 0) FROM token_chunk WHERE run_key = ?", r.key());
                    Db.update(c, "UPDATE run SET finished_at = ?, owner = NULL, node_count = ?, token_count = ? WHERE key = ?",
                            r.heartbeat(), nodes, tokens, r.key());
                    Db.update(c, "UPDATE node SET status = 'CUT_OFF' WHERE run_key = ? AND status = 'GROWING'", r.key());
                    SearchDocs.writeTrace(c, r.key());
                    return true;
                });
                if (marked) {
                    recovered.add(r.id());
                }
            } catch (StoreException e) {
                // a read-only or busy database stays as it is; the next open tries again
                LOG.log(Level.FINE, "could not mark run " + r.id() + " as cut short", e);
            }
        }
    }

    // ---------------------------------------------------------------- plumbing

    static long sessionKey(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT key FROM session WHERE id = ?")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException(StoreException.Reason.NOT_FOUND, "No session " + sessionId
                            + " is stored; save the session before its runs.");
                }
                return rs.getLong(1);
            }
        }
    }

    static long runKey(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT key FROM run WHERE id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException(StoreException.Reason.NOT_FOUND, "No run " + runId + " is stored.");
                }
                return rs.getLong(1);
            }
        }
    }

    /** A new connection to the same file with the same options (a recorder's). */
    Connection newConnection() {
        try {
            return Db.open(file, options, false);
        } catch (SQLException e) {
            throw StoreException.of("opening " + file, e);
        }
    }

    <T> T write(String doing, Db.Work<T> work) {
        synchronized (this) {
            ensureOpen();
            return Db.write(conn, doing, work);
        }
    }

    <T> T read(String doing, Db.Work<T> work) {
        synchronized (this) {
            ensureOpen();
            return Db.read(conn, doing, work);
        }
    }

    /** Work outside any transaction (VACUUM INTO and the checks manage their own). */
    private <T> T write0(String doing, Db.Work<T> work) {
        synchronized (this) {
            ensureOpen();
            try {
                return work.run(conn);
            } catch (SQLException e) {
                throw StoreException.of(doing, e);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the store of " + file + " is closed");
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                // a clean checkpoint keeps the write-ahead log from growing across sessions
                Db.exec(conn, "PRAGMA wal_checkpoint(PASSIVE)");
            } catch (SQLException ignored) {
                // another process may hold it; it checkpoints later
            }
            close(conn);
        }
    }

    /** Trace text with its tokens and where each node's part starts. */
    public record TraceText(String runId, int leaf, String text, List<io.thoughtscope.reasoning.model.Token> tokens,
                            List<Integer> nodes, List<Integer> nodeStarts) {
    }

    static Verdict verdict(String s) {
        return s == null ? Verdict.UNGRADED : Verdict.valueOf(s);
    }

    static StrategySpec strategy(String name, String parameters) {
        return new StrategySpec(name, Json.parameters(parameters));
    }
}
