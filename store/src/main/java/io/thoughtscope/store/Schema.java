package io.thoughtscope.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The schema version of a database file and its upgrade. Versions are Flyway migrations
 * ({@code migrations/V<n>__*.sql}); {@code PRAGMA user_version} mirrors the applied version so
 * that opening an up-to-date database costs one pragma and never loads Flyway.
 *
 * <p>Safety rules: a file whose version is newer than {@link #LATEST} is refused before anything
 * writes to it; a file that holds data is copied into {@code backups/} before it is migrated;
 * migrations run under a lock file so that two processes opening an old file do not both
 * migrate it.
 */
final class Schema {

    /** The newest schema this code knows; the highest migration's version. */
    static final int LATEST = 3;

    static final String LOCATION = "classpath:io/thoughtscope/store/migrations";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Flyway reports through java.util.logging here; the store tells the user what matters itself. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.SEVERE);
    }

    private Schema() {
    }

    /**
     * The version of the open database: 0 for an empty file.
     *
     * @throws StoreException NOT_A_DATABASE or NOT_OURS
     */
    static int version(Connection c, Path file) {
        try {
            long tables = Db.queryLong(c, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
            int userVersion = (int) Db.queryLong(c, "PRAGMA user_version");
            if (tables == 0) {
                return 0;
            }
            boolean flyway = Db.queryLong(c,
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'flyway_schema_history'") > 0;
            if (!flyway) {
                throw new StoreException(StoreException.Reason.NOT_OURS, file + " is an SQLite database of another program, "
                        + "not a Thoughtscope database. Give another file with --db.");
            }
            long applied = Db.queryLong(c,
                    "SELECT coalesce(max(CAST(version AS INTEGER)), 0) FROM flyway_schema_history WHERE success = 1");
            return (int) Math.max(applied, userVersion);
        } catch (SQLException e) {
            throw opening(file, e);
        }
    }

    /** A failure to open or read a file, with the not-a-database case said plainly. */
    static StoreException opening(Path file, SQLException e) {
        StoreException se = StoreException.of("opening " + file, e);
        if (se.reason() == StoreException.Reason.NOT_A_DATABASE) {
            return new StoreException(StoreException.Reason.NOT_A_DATABASE,
                    file + " is not a Thoughtscope database (it is not an SQLite file). Give another file with --db.", e);
        }
        return se;
    }

    /** Refuses a database written by a newer Thoughtscope. */
    static void requireKnown(int version, Path file) {
        if (version > LATEST) {
            throw new StoreException(StoreException.Reason.NEWER_SCHEMA, file + " was written by a newer Thoughtscope "
                    + "(schema version " + version + "; this version knows up to " + LATEST + "). It was left unchanged. "
                    + "Update Thoughtscope to open it, or give another file with --db.");
        }
    }

    /**
     * Brings the database to {@link #LATEST}.
     *
     * @param c an open connection to it (used for the backup and the version mirror)
     * @return the backup written before the migration, or null when none was needed
     */
    static synchronized Path migrate(Connection c, Path file, StoreOptions options) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            int now = version(c, file); // another process may have migrated while we waited
            requireKnown(now, file);
            if (now == LATEST) {
                return null;
            }
            Path backup = null;
            if (now > 0 && options.backupBeforeMigration()) {
                backup = backupFile(file, "v" + now);
                vacuumInto(c, backup);
            }
            Db.enableWal(c);
            runFlyway(file, options);
            Db.exec(c, "PRAGMA user_version = " + LATEST);
            return backup;
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Cannot lock " + lockFile + " to upgrade the database: "
                    + e.getMessage(), e);
        } catch (SQLException e) {
            throw StoreException.of("upgrading the database schema to version " + LATEST, e);
        }
    }

    /** Applies migrations up to {@code target} (tests build old schema versions with it). */
    static void runFlyway(Path file, StoreOptions options, String target) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(Db.url(file));
        try {
            var configure = Flyway.configure(Schema.class.getClassLoader())
                    .dataSource(ds)
                    .locations(LOCATION)
                    .placeholderReplacement(false)
                    .validateMigrationNaming(true);
            if (target != null) {
                configure = configure.target(target);
            }
            configure.load().migrate();
        } catch (FlywayException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            if (cause instanceof SQLException se) {
                throw StoreException.of("upgrading the database schema", se);
            }
            throw new StoreException(StoreException.Reason.FAILED, "The database schema could not be upgraded: "
                    + e.getMessage(), e);
        }
    }

    private static void runFlyway(Path file, StoreOptions options) {
        runFlyway(file, options, null);
    }

    /** {@code backups/<name>-<label>-<time>.db} beside the database, not yet existing. */
    static Path backupFile(Path file, String label) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Path dir = file.toAbsolutePath().resolveSibling("backups");
        String stamp = LocalDateTime.now().format(STAMP);
        Path p = dir.resolve(base + "-" + label + "-" + stamp + ".db");
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(base + "-" + label + "-" + stamp + "-" + i + ".db");
        }
        return p;
    }

    /** A consistent, compacted copy of the live database (other processes may go on writing). */
    static void vacuumInto(Connection c, Path target) throws SQLException {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Cannot create the folder for " + target + ": "
                    + e.getMessage(), e);
        }
        if (Files.exists(target)) {
            throw new StoreException(StoreException.Reason.IO, target + " exists already; give a new file name.");
        }
        try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, target.toAbsolutePath().toString());
            ps.execute();
        }
    }
}
