package io.thoughtscope.app.cli;

import io.thoughtscope.app.Lexicons;
import io.thoughtscope.reasoning.analysis.Lexicon;
import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.store.Store;
import io.thoughtscope.store.imports.ImportFormat;
import io.thoughtscope.store.imports.ImportReport;
import io.thoughtscope.store.imports.Importer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code thoughtscope import FILE...}: trace files, Open WebUI chat exports and LLM Reasoners tree logs into the database. */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        versionProvider = ThoughtscopeCommand.VersionProvider.class,
        description = {
                "Import sessions into the session database.",
                "",
                "FILE is one of",
                "  traces     JSON, JSONL or text in the shapes 'analyze' reads: each trace",
                "             becomes a session with its analysis (graded with -g)",
                "  openwebui  an Open WebUI chat export (Settings > Chats > Export Chats):",
                "             each chat becomes a session, its message tree our tree",
                "  treelog    an LLM Reasoners TreeLog (per-iteration tree snapshots):",
                "             one session with a replayable tree",
                "and is recognised from its content unless --format says it.",
                "",
                "Each record is stored in its own transaction. A malformed record is",
                "reported with its file and line and skipped. A record stored before is",
                "not stored again: importing the same file twice adds nothing.",
                ""},
        sortOptions = false)
public final class ImportCommand implements java.util.concurrent.Callable<Integer> {

    enum Format { auto, traces, openwebui, treelog }

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import.")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "auto",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Mixin
    FieldOptions fields = new FieldOptions();

    @Option(names = "--lexicon", paramLabel = "FILE", description = "Extra cue phrases for the analysis; repeatable.")
    List<Path> lexicons = new ArrayList<>();

    @CommandLine.Mixin
    DatabaseOption database = new DatabaseOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Lexicon lexicon = Lexicons.load(lexicons);
        ImportFormat forced = switch (format) {
            case auto -> null;
            case traces -> ImportFormat.TRACES;
            case openwebui -> ImportFormat.OPEN_WEBUI;
            case treelog -> ImportFormat.TREELOG;
        };
        int added = 0;
        int already = 0;
        int skipped = 0;
        int unreadable = 0;
        boolean stopped = false;
        try (Store store = database.open(err)) {
            Importer importer = new Importer(store, new TraceAnalyzer(lexicon), fields.mapping());
            for (Path f : files) {
                if (!Files.exists(f)) {
                    err.println("error: no such file: " + f);
                    unreadable++;
                    continue;
                }
                if (Files.isDirectory(f)) {
                    err.println("error: " + f + " is a folder; give the files in it");
                    unreadable++;
                    continue;
                }
                ImportReport r;
                try {
                    r = importer.importFile(f, forced, p -> err.println("skipped " + p.source() + ":" + p.line() + ": "
                            + p.message()));
                } catch (IOException e) {
                    err.println("error: cannot read " + f + ": " + e.getMessage());
                    unreadable++;
                    continue;
                }
                added += r.added();
                already += r.alreadyStored();
                skipped += r.skipped();
                out.println(f + ": " + line(r));
                if (r.stoppedBy() != null) {
                    err.println("error: " + r.stoppedBy().getMessage() + " The import stopped at " + f + ".");
                    stopped = true;
                    break;
                }
            }
            out.println(added + (added == 1 ? " session" : " sessions") + " added to " + store.file()
                    + (already > 0 ? ", " + already + " stored before" : "")
                    + (skipped > 0 ? ", " + skipped + " skipped" : ""));
        }
        if (stopped || added + already == 0 && (skipped > 0 || unreadable > 0)) {
            return ExitCodes.FAILED;
        }
        return skipped > 0 || unreadable > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    private static String line(ImportReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.added()).append(r.added() == 1 ? " session added" : " sessions added");
        if (r.alreadyStored() > 0) {
            sb.append(", ").append(r.alreadyStored()).append(" stored before");
        }
        if (r.skipped() > 0) {
            sb.append(", ").append(r.skipped()).append(" skipped");
        }
        return sb.append(" (").append(r.format().displayName()).append(")").toString();
    }
}
