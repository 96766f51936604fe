package io.thoughtscope.store;

import org.sqlite.SQLiteConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code db check} and {@code db restore}. */
final class Maintenance {

    private Maintenance() {
    }

    static CheckReport check(Connection c, Path file) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("PRAGMA integrity_check"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equalsIgnoreCase(line)) {
                    problems.add("integrity: " + line);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("PRAGMA foreign_key_check"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                problems.add("a row of " + rs.getString(1) + " (rowid " + rs.getLong(2) + ") refers to a missing row of "
                        + rs.getString(3));
            }
        }
        try {
            Db.exec(c, "INSERT INTO search (search) VALUES ('integrity-check')");
        } catch (SQLException e) {
            problems.add("the full-text index does not match the stored text (" + e.getMessage() + ")");
        }
        int version = Schema.version(c, file);
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            bytes = -1;
        }
        return new CheckReport(file, version, problems, Db.queryLong(c, "SELECT count(*) FROM session"),
                Db.queryLong(c, "SELECT count(*) FROM run"), Db.queryLong(c, "SELECT count(*) FROM node"),
                Db.queryLong(c, "SELECT coalesce(sum(count), 0) FROM token_chunk"), bytes);
    }

    static Path restore(Path database, Path backup, StoreOptions options) {
        if (!Files.isRegularFile(backup)) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "No backup file " + backup + ".");
        }
        if (Files.exists(database) && sameFile(database, backup)) {
            throw new StoreException(StoreException.Reason.FAILED, backup + " is the database itself; give a backup file.");
        }
        // the backup first: ours, not newer, sound
        try (Connection b = Db.open(backup, options, true)) {
            int v = Schema.version(b, backup);
            if (v == 0) {
                throw new StoreException(StoreException.Reason.NOT_OURS, backup + " is empty, not a Thoughtscope backup.");
            }
            Schema.requireKnown(v, backup);
            String quick = Db.queryString(b, "PRAGMA quick_check");
            if (!"ok".equalsIgnoreCase(quick)) {
                throw new StoreException(StoreException.Reason.DAMAGED, backup + " is damaged (" + quick
                        + "); it was not restored.");
            }
        } catch (SQLException e) {
            throw Schema.opening(backup, e);
        }
        Path safety = null;
        try {
            Files.createDirectories(database.getParent());
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Cannot create the folder of " + database + ": " + e.getMessage(), e);
        }
        boolean existing = Files.exists(database) && size(database) > 0;
        try (Connection c = Db.open(database, options, false)) {
            if (existing) {
                refuseWhileRecording(c, database, options);
                safety = Schema.backupFile(database, "before-restore");
                try {
                    Schema.vacuumInto(c, safety);
                } catch (SQLException e) {
                    // a damaged database may not vacuum: keep its bytes as they are
                    try {
                        Files.createDirectories(safety.getParent());
                        Files.copy(database, safety, StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (IOException io) {
                        throw new StoreException(StoreException.Reason.IO, "Cannot keep a copy of " + database
                                + " before restoring: " + io.getMessage() + ". Nothing was restored.", io);
                    }
                }
            }
            // SQLite's backup API writes the pages under the database's own locks: other
            // connections see the restored content, none sees a half-copied file
            int rc = ((SQLiteConnection) c).getDatabase().restore("main", backup.toString(), null);
            if (rc != 0) {
                throw new StoreException(StoreException.Reason.FAILED, "Restoring " + backup + " failed (SQLite code " + rc
                        + ")." + (safety == null ? "" : " The database before it is kept in " + safety + "."));
            }
        } catch (SQLException e) {
            throw StoreException.of("restoring " + backup, e);
        }
        Store.open(database, options).close(); // upgrades an older backup and turns write-ahead logging on
        return safety;
    }

    private static void refuseWhileRecording(Connection c, Path database, StoreOptions options) throws SQLException {
        int version;
        try {
            version = Schema.version(c, database);
        } catch (StoreException e) {
            return; // not readable as ours: nothing can be recording into it
        }
        if (version == 0) {
            return;
        }
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, owner, coalesce(heartbeat_at, started_at) FROM run WHERE status = 'RUNNING'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!ProcessOwner.abandoned(rs.getString(2), rs.getLong(3), options.staleAfter(), now)) {
                    throw new StoreException(StoreException.Reason.BUSY, "Run " + rs.getString(1) + " is being recorded into "
                            + database + " by a running Thoughtscope; stop it before restoring.");
                }
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
