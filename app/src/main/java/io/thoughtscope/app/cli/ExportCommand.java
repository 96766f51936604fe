package io.thoughtscope.app.cli;

import io.thoughtscope.store.SessionQuery;
import io.thoughtscope.store.Store;
import io.thoughtscope.store.exports.Exporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code thoughtscope export}: sessions, runs or a search result as JSONL, CSV or a Markdown report. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = ThoughtscopeCommand.VersionProvider.class,
        description = {
                "Export stored runs for other tools.",
                "",
                "  jsonl  a run per line: OpenAI-style messages with reasoning_content, the",
                "         whole generated text, its moments; --tokens adds per-token data",
                "  csv    a row of figures per run",
                "  md     a self-contained Markdown report: questions, runs side by side,",
                "         thinking, answers, moments and notes",
                "",
                "Give sessions (--session), runs (--run), a search (--search and the",
                "filters), or --all. Ids may be cut to a unique beginning. A run goes out",
                "along its main path: the chosen branch, else the last answer, else the",
                "last leaf.",
                ""},
        sortOptions = false)
public final class ExportCommand implements java.util.concurrent.Callable<Integer> {

    enum Format { jsonl, csv, md }

    @Option(names = "--session", paramLabel = "ID", description = "A session to export (all its runs); repeatable.")
    List<String> sessions = new ArrayList<>();

    @Option(names = "--run", paramLabel = "ID", description = "A run to export; repeatable.")
    List<String> runs = new ArrayList<>();

    @Option(names = "--search", paramLabel = "TERMS", description = "Export the sessions these words find (with the filters below).")
    String terms;

    @Option(names = "--all", description = "Export every stored session.")
    boolean all;

    @CommandLine.Mixin
    SearchOptions search = new SearchOptions();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", required = true,
            description = "${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--tokens", description = "With jsonl: per-token data (token, id, log-probability, entropy, top-k).")
    boolean tokens;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--title", paramLabel = "TEXT", description = "With md: the report's heading.")
    String title;

    @CommandLine.Mixin
    DatabaseOption database = new DatabaseOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        PrintWriter err = cl.getErr();
        boolean searching = terms != null || search.any() || all;
        if (sessions.isEmpty() && runs.isEmpty() && !searching) {
            throw new CommandLine.ParameterException(cl, "say what to export: --session ID, --run ID, --search TERMS "
                    + "(or a filter such as --model), or --all");
        }
        if (tokens && format != Format.jsonl) {
            throw new CommandLine.ParameterException(cl, "--tokens goes with --format jsonl");
        }
        try (Store store = database.open(err)) {
            Set<String> ids = new LinkedHashSet<>();
            for (String s : sessions) {
                String id = store.resolveSessionId(s);
                store.runs(id).forEach(r -> ids.add(r.id()));
            }
            for (String r : runs) {
                ids.add(store.resolveRunId(r));
            }
            if (searching) {
                ids.addAll(store.runIds(search.query(terms, cl)));
            }
            if (ids.isEmpty()) {
                err.println("error: nothing to export: the sessions asked for hold no runs, or nothing matches");
                return ExitCodes.FAILED;
            }
            List<String> list = List.copyOf(ids);
            Exporter exporter = new Exporter(store);
            Writer w = cl.getOut();
            Path tmp = null; // a file is written beside its target and moved over it when complete
            if (output != null) {
                Path dir = output.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                tmp = Files.createTempFile(dir, ".export-", ".tmp");
                w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
            }
            try {
                switch (format) {
                    case jsonl -> exporter.jsonl(list, tokens, w);
                    case csv -> exporter.csv(list, w);
                    case md -> exporter.markdown(list, title != null ? title : heading(store, list), w);
                }
                w.flush();
                if (output != null) {
                    w.close();
                    Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    tmp = null;
                }
            } finally {
                if (tmp != null) {
                    w.close();
                    Files.deleteIfExists(tmp);
                }
            }
            err.println("exported " + list.size() + (list.size() == 1 ? " run" : " runs")
                    + (output != null ? " to " + output : ""));
        }
        return ExitCodes.OK;
    }

    private String heading(Store store, List<String> runIds) {
        if (sessions.size() == 1) {
            return store.session(store.resolveSessionId(sessions.getFirst())).map(s -> s.title().isBlank() ? "Thoughtscope session"
                    : s.title()).orElse("Thoughtscope session");
        }
        if (terms != null && !terms.isBlank()) {
            return "Thoughtscope: " + terms;
        }
        return "Thoughtscope: " + runIds.size() + (runIds.size() == 1 ? " run" : " runs");
    }
}
