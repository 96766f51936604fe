package io.thoughtscope.app.cli;

import io.thoughtscope.app.AppDirs;
import io.thoughtscope.store.Store;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code --db PATH} for every command that uses the session database. */
final class DatabaseOption {

    @Option(names = "--db", paramLabel = "PATH", description = "The session database (default: $THOUGHTSCOPE_DB, else "
            + "thoughtscope.db in the data folder; 'thoughtscope db path' shows it).")
    Path db;

    Path path() {
        return db != null ? db : AppDirs.database();
    }

    /** Opens the database and says on {@code err} what opening did besides (an upgrade, runs found cut short). */
    Store open(PrintWriter err) {
        Store store = Store.open(path());
        store.migrationBackup().ifPresent(b -> err.println("note: the database was upgraded to schema version "
                + Store.schemaVersion() + "; the previous version is kept in " + b));
        int cut = store.recoveredRuns().size();
        if (cut > 0) {
            err.println("note: " + cut + (cut == 1 ? " run was" : " runs were")
                    + " left running by a process that ended; kept as cut short (continue or keep them)");
        }
        return store;
    }
}
