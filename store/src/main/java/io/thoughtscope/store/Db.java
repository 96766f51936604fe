package io.thoughtscope.store;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Opening connections and running transactions: the few JDBC habits every class here shares. */
final class Db {

    /** Work on a connection that may fail with SQL errors. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Db() {
    }

    static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /**
     * A connection with the per-connection settings: foreign keys, the busy timeout, how durable
     * commits are and the size limit. Nothing here writes to the file; {@link #enableWal} does.
     * Transactions are begun by hand ({@link #write}) so that none stays open between them.
     */
    static Connection open(Path file, StoreOptions options, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
        config.setSynchronous(options.durable() ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-16_384); // 16 MiB of page cache
        config.setReadOnly(readOnly);
        Connection c = config.createConnection(url(file));
        if (options.maxPageCount() > 0) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA max_page_count = " + options.maxPageCount());
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    /** Write-ahead logging: readers never wait for the writer and a crash never tears a commit. */
    static void enableWal(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA journal_size_limit = 67108864");
        }
    }

    /** Runs {@code work} in a write transaction, begun IMMEDIATE so that it never fails half-way on a lock. */
    static <T> T write(Connection c, String doing, Work<T> work) {
        try {
            exec(c, "BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw StoreException.of(doing, e);
        }
        try {
            T result = work.run(c);
            exec(c, "COMMIT");
            return result;
        } catch (SQLException e) {
            rollback(c);
            throw StoreException.of(doing, e);
        } catch (RuntimeException | Error e) {
            rollback(c);
            throw e;
        }
    }

    /** Runs {@code work} in a read transaction: one consistent snapshot, whatever writers do meanwhile. */
    static <T> T read(Connection c, String doing, Work<T> work) {
        try {
            exec(c, "BEGIN");
        } catch (SQLException e) {
            throw StoreException.of(doing, e);
        }
        try {
            T result = work.run(c);
            exec(c, "COMMIT");
            return result;
        } catch (SQLException e) {
            rollback(c);
            throw StoreException.of(doing, e);
        } catch (RuntimeException | Error e) {
            rollback(c);
            throw e;
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static void rollback(Connection c) {
        try {
            exec(c, "ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may already have rolled back (a full disk does); nothing else to undo
        }
    }

    static long queryLong(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static String queryString(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    /** A REAL column where NULL means unknown: NaN comes back. SQLite itself stores NaN as NULL. */
    static double realOrNaN(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    static void setReal(PreparedStatement ps, int index, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(index, java.sql.Types.REAL);
        } else {
            ps.setDouble(index, v);
        }
    }
}
