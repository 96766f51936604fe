package io.thoughtscope.app.cli;

import io.thoughtscope.store.CheckReport;
import io.thoughtscope.store.Store;
import io.thoughtscope.store.StoreOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** {@code thoughtscope db backup|restore|check|path}: the safety of the session database. */
@Command(name = "db",
        mixinStandardHelpOptions = true,
        versionProvider = ThoughtscopeCommand.VersionProvider.class,
        description = {"Back up, restore and check the session database.", ""},
        subcommands = {DbCommand.Backup.class, DbCommand.Restore.class, DbCommand.Check.class, DbCommand.Where.class})
public final class DbCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: backup, restore, check or path");
    }

    @Command(name = "backup", mixinStandardHelpOptions = true, versionProvider = ThoughtscopeCommand.VersionProvider.class,
            description = {"Copy the database, consistently even while it is in use.", ""})
    static final class Backup implements java.util.concurrent.Callable<Integer> {

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "The copy to write (default: backups/thoughtscope-backup-"
                + "<time>.db beside the database). It must not exist.")
        Path file;

        @CommandLine.Mixin
        DatabaseOption database = new DatabaseOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = database.open(spec.commandLine().getErr())) {
                Path copy = store.backup(file);
                out.println("backed up " + store.file() + " to " + copy);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, versionProvider = ThoughtscopeCommand.VersionProvider.class,
            description = {"Replace the database with a backup.", "",
                    "The backup is checked first; the database as it was is kept in",
                    "backups/ beside it. Refused while a running Thoughtscope records a run",
                    "into the database.", ""})
    static final class Restore implements java.util.concurrent.Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The backup to restore.")
        Path file;

        @CommandLine.Mixin
        DatabaseOption database = new DatabaseOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path db = database.path();
            Path before = Store.restore(db, file, StoreOptions.defaults());
            out.println("restored " + file + " into " + db.toAbsolutePath().normalize()
                    + (before == null ? "" : "; the database as it was is kept in " + before));
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = ThoughtscopeCommand.VersionProvider.class,
            description = {"Check the database for damage.", "",
                    "Runs SQLite's integrity check, checks the links between the tables and",
                    "the full-text index, and exits with 1 when something is wrong.", ""})
    static final class Check implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Mixin
        DatabaseOption database = new DatabaseOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Store store = database.open(err)) {
                CheckReport r = store.check();
                out.printf(Locale.ROOT, "%s: schema version %d, %,d sessions, %,d runs, %,d nodes, %,d tokens, %.1f MB%n",
                        r.file(), r.schemaVersion(), r.sessions(), r.runs(), r.nodes(), r.tokens(), r.bytes() / 1e6);
                if (r.ok()) {
                    out.println("ok: no problems found");
                    return ExitCodes.OK;
                }
                for (String p : r.problems()) {
                    out.println("problem: " + p);
                }
                err.println("error: the database has " + r.problems().size() + (r.problems().size() == 1 ? " problem" : " problems")
                        + "; restore a backup with 'thoughtscope db restore FILE'");
                return ExitCodes.FAILED;
            }
        }
    }

    @Command(name = "path", mixinStandardHelpOptions = true, versionProvider = ThoughtscopeCommand.VersionProvider.class,
            description = {"Print where the database is (it need not exist yet).", ""})
    static final class Where implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Mixin
        DatabaseOption database = new DatabaseOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(database.path().toAbsolutePath().normalize());
            return ExitCodes.OK;
        }
    }
}
