package io.thoughtscope.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thoughtscope.store.SessionQuery;
import io.thoughtscope.store.SessionSummary;
import io.thoughtscope.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code thoughtscope sessions [TERMS]}: lists and searches the stored sessions. */
@Command(name = "sessions",
        mixinStandardHelpOptions = true,
        versionProvider = ThoughtscopeCommand.VersionProvider.class,
        description = {
                "List the stored sessions, newest first, or search them.",
                "",
                "TERMS are looked for in prompts, traces and notes: all must occur, word*",
                "matches a prefix, OR between two words takes either. Run filters (--model,",
                "--strategy, --result, --moment) must hold for one run of a session.",
                ""},
        sortOptions = false)
public final class SessionsCommand implements java.util.concurrent.Callable<Integer> {

    enum Format { table, json, csv }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Parameters(paramLabel = "TERMS", arity = "0..*", description = "Words to search for.")
    List<String> terms = new ArrayList<>();

    @CommandLine.Mixin
    SearchOptions search = new SearchOptions();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Show at most N sessions "
            + "(default: ${DEFAULT-VALUE}; 0 for all).")
    int limit;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). json prints one object per line.")
    Format format;

    @CommandLine.Mixin
    DatabaseOption database = new DatabaseOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must not be negative");
        }
        SessionQuery q = search.query(String.join(" ", terms), spec.commandLine()).withLimit(limit);
        try (Store store = database.open(err)) {
            List<SessionSummary> list = store.sessions(q);
            int total = limit > 0 && list.size() == limit ? store.countSessions(q) : list.size();
            switch (format) {
                case table -> table(out, list);
                case json -> {
                    ObjectMapper json = new ObjectMapper();
                    for (SessionSummary s : list) {
                        out.println(json.writeValueAsString(row(s)));
                    }
                }
                case csv -> {
                    CsvWriter csv = new CsvWriter(out);
                    for (SessionSummary s : list) {
                        Map<String, Object> r = row(s);
                        r.replaceAll((k, v) -> v instanceof List<?> l ? String.join(";", l.stream().map(String::valueOf).toList()) : v);
                        csv.row(r);
                    }
                }
            }
            out.flush();
            String summary = total == 0 ? "no sessions" + (q.text() != null || search.any() ? " match" : " are stored yet")
                    : total == list.size() ? list.size() + (list.size() == 1 ? " session" : " sessions")
                    : "showing " + list.size() + " of " + total + " sessions (--limit 0 shows all)";
            (format == Format.table ? out : err).println(summary + " · " + store.file());
        }
        return ExitCodes.OK;
    }

    private static void table(PrintWriter out, List<SessionSummary> list) {
        if (list.isEmpty()) {
            return;
        }
        String f = "%-36s  %-16s %4s  %s  %s  %-7s  %s%n";
        out.printf(Locale.ROOT, f, "ID", "CREATED", "RUNS", TableWriter.pad("MODEL", 22), TableWriter.pad("STRATEGY", 12),
                "RESULT", "TITLE");
        for (SessionSummary s : list) {
            String result = s.graded() == 0 ? "-" : s.correct() + "/" + s.graded();
            String title = (s.starred() ? "★ " : "") + s.title().replace('\n', ' ')
                    + (s.tags().isEmpty() ? "" : "  #" + String.join(" #", s.tags()));
            out.printf(Locale.ROOT, f, s.id(), WHEN.format(s.createdAt()), s.runs(),
                    TableWriter.pad(TableWriter.fit(String.join(", ", s.models()).isEmpty() ? "-" : String.join(", ", s.models()), 22), 22),
                    TableWriter.pad(TableWriter.fit(String.join(", ", s.strategies()).isEmpty() ? "-" : String.join(", ", s.strategies()), 12), 12),
                    result, TableWriter.fit(title, 60));
            if (s.snippet() != null) {
                out.println("    " + TableWriter.fit(s.snippet().replaceAll("\\s+", " ").strip(), 110));
            }
        }
    }

    private static Map<String, Object> row(SessionSummary s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", s.id());
        r.put("title", s.title());
        r.put("created_at", s.createdAt().toString());
        r.put("question", s.question());
        r.put("ground_truth", s.groundTruth());
        r.put("runs", s.runs());
        r.put("models", s.models());
        r.put("strategies", s.strategies());
        r.put("correct", s.correct());
        r.put("graded", s.graded());
        r.put("starred", s.starred());
        r.put("tags", s.tags());
        if (s.snippet() != null) {
            r.put("snippet", s.snippet());
        }
        return r;
    }
}
