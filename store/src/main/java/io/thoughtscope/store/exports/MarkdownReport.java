package io.thoughtscope.store.exports;

import io.thoughtscope.reasoning.analysis.TextStats;
import io.thoughtscope.reasoning.analysis.TraceAnalysis;
import io.thoughtscope.reasoning.model.Moment;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.store.Annotation;
import io.thoughtscope.store.RunSummary;
import io.thoughtscope.store.Store;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Markdown report: sessions in order, a table of their runs, then each run's trace and moments. */
final class MarkdownReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private final Exporter exporter;
    private final Store store;

    MarkdownReport(Exporter exporter, Store store) {
        this.exporter = exporter;
        this.store = store;
    }

    void write(List<String> runIds, String heading, Writer out) throws IOException {
        // runs grouped by session, in the order given
        Map<String, List<Exporter.RunView>> bySession = new LinkedHashMap<>();
        for (String id : runIds) {
            Exporter.RunView v = exporter.view(id);
            bySession.computeIfAbsent(v.session().id(), k -> new ArrayList<>()).add(v);
        }
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inline(heading)).append("\n\n");
        md.append("Exported by Thoughtscope on ").append(WHEN.format(java.time.Instant.now())).append(" from `")
                .append(store.file().getFileName()).append("`: ").append(count(bySession.size(), "session")).append(", ")
                .append(count(runIds.size(), "run")).append(".\n");
        for (List<Exporter.RunView> runs : bySession.values()) {
            session(md, runs);
        }
        out.write(md.toString());
        out.flush();
    }

    private void session(StringBuilder md, List<Exporter.RunView> runs) {
        Session s = runs.getFirst().session();
        md.append("\n## ").append(inline(s.title().isBlank() ? "Session " + s.id() : s.title())).append("\n\n");
        md.append("Session `").append(s.id()).append("`, ").append(WHEN.format(s.createdAt())).append(".\n\n");
        if (!s.problem().question().isBlank()) {
            md.append("**Question**\n\n").append(quote(s.problem().question())).append("\n\n");
        }
        s.problem().truth().ifPresent(t -> md.append("**Ground truth:** ").append(inline(t)).append("\n\n"));
        List<Annotation> notes = exporter.annotations(s.id());
        List<String> tags = notes.stream().filter(a -> a.kind() == Annotation.Kind.TAG).map(Annotation::text).distinct().toList();
        if (!tags.isEmpty()) {
            md.append("**Tags:** ").append(String.join(", ", tags.stream().map(t -> "`" + t + "`").toList())).append("\n\n");
        }
        md.append("| # | Model | Strategy | Status | Nodes | Tokens | Time | Answer | Verdict | Moments |\n");
        md.append("|---|---|---|---|---:|---:|---:|---|---|---:|\n");
        int i = 1;
        for (Exporter.RunView v : runs) {
            RunSummary r = v.summary();
            md.append("| ").append(i++).append(" | ").append(cell(r.model().name().isBlank() ? "—" : r.model().name()))
                    .append(" | ").append(cell(strategy(r))).append(" | ").append(r.status().name().toLowerCase(Locale.ROOT)
                            .replace('_', ' '))
                    .append(" | ").append(r.nodes()).append(" | ").append(r.tokens()).append(" | ")
                    .append(r.wallTime().map(d -> String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)).orElse("—"))
                    .append(" | ").append(cell(r.finalAnswer() == null ? "—" : r.finalAnswer())).append(" | ")
                    .append(r.verdict().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(r.words() < 0 ? "—" : String.valueOf(r.momentCount())).append(" |\n");
        }
        i = 1;
        for (Exporter.RunView v : runs) {
            run(md, v, i++, notes);
        }
    }

    private void run(StringBuilder md, Exporter.RunView v, int n, List<Annotation> annotations) {
        RunSummary r = v.summary();
        md.append("\n### Run ").append(n).append(": ").append(inline(r.model().name().isBlank() ? "unknown model" : r.model().name()))
                .append(", ").append(inline(strategy(r))).append("\n\n");
        md.append("Run `").append(r.id()).append("`, seed ").append(r.seed()).append(", started ")
                .append(WHEN.format(r.startedAt()));
        if (!r.model().engine().isBlank()) {
            md.append(", engine ").append(inline(r.model().engine()));
            if (!r.model().backend().isBlank()) {
                md.append(" (").append(inline(r.model().backend())).append(")");
            }
        }
        md.append(".");
        if (r.tokensPerSecond() > 0) {
            md.append(String.format(Locale.ROOT, " %.1f tokens per second.", r.tokensPerSecond()));
        }
        md.append("\n");
        if (v.stored().tree().size() > 2) {
            long leaves = v.stored().tree().leaves().size();
            md.append("The tree has ").append(count(v.stored().tree().size(), "node")).append(" and ")
                    .append(count((int) leaves, "leaf")).append("; below is its main path of ")
                    .append(count(v.path().size(), "node")).append(".\n");
        }
        for (Exporter.Message m : v.messages()) {
            if (m.role().equals("user")) {
                if (m == v.messages().getFirst() && m.content().equals(v.session().problem().question())) {
                    continue; // the question is above
                }
                md.append("\n**User**\n\n").append(quote(m.content())).append("\n");
                continue;
            }
            if (m.thinking() != null) {
                int words = TextStats.words(m.thinking()); // CJK characters count as words, as in the analysis
                md.append("\n<details><summary>Thinking (").append(count(words, "word")).append(")</summary>\n\n")
                        .append(fenced(m.thinking())).append("\n</details>\n");
            }
            md.append("\n**Answer**\n\n").append(m.content().isBlank() ? "_(none)_" : quote(m.content())).append("\n");
        }
        if (v.mainAnalysis() != null) {
            TraceAnalysis a = v.mainAnalysis().analysis();
            if (!a.moments().isEmpty()) {
                md.append("\n**Moments**\n\n");
                for (Moment m : a.moments()) {
                    md.append("- ").append(m.type().displayName());
                    if (m.segment() >= 0) {
                        md.append(" in step ").append(m.segment() + 1);
                    }
                    md.append(": “").append(inline(Exporter.evidence(m))).append("”");
                    if (m.entropy().isPresent()) {
                        md.append(String.format(Locale.ROOT, " (entropy %.2f nats)", m.entropy().getAsDouble()));
                    }
                    md.append("\n");
                }
            }
            List<String> figures = new ArrayList<>();
            figures.add(count(a.metrics().words(), "word"));
            figures.add(count(a.metrics().steps(), "step"));
            for (MomentType t : MomentType.values()) {
                if (a.metrics().moments(t) > 0) {
                    figures.add(a.metrics().moments(t) + " " + t.displayName());
                }
            }
            if (a.metrics().answerSwitches() > 0) {
                figures.add(count(a.metrics().answerSwitches(), "answer switch"));
            }
            md.append("\n_").append(String.join(" · ", figures)).append("_\n");
        }
        List<String> notes = new ArrayList<>();
        for (Annotation an : annotations) {
            boolean here = r.id().equals(an.target().runId()) || an.target().runId() == null && n == 1;
            if (!here) {
                continue;
            }
            String where = an.target().nodeId() >= 0 ? " (node " + an.target().nodeId() + ")" : "";
            switch (an.kind()) {
                case NOTE -> notes.add("- Note" + where + ": " + inline(an.text()));
                case STAR -> notes.add("- ★ Starred" + where);
                case TAG -> {
                    if (an.target().runId() != null) {
                        notes.add("- Tag" + where + ": `" + an.text() + "`");
                    }
                }
            }
        }
        if (!notes.isEmpty()) {
            md.append("\n**Notes**\n\n").append(String.join("\n", notes)).append("\n");
        }
        Node leaf = v.path().getLast();
        if (leaf.answer().isPresent() && r.finalAnswer() == null) {
            md.append("\nThe main path ends in the answer ").append(inline(leaf.answer().get().raw())).append(".\n");
        }
    }

    private static String strategy(RunSummary r) {
        Map<String, String> p = new LinkedHashMap<>(r.strategy().parameters());
        p.remove("source");
        p.remove("record");
        p.remove("chat_id");
        if (p.isEmpty()) {
            return r.strategy().name();
        }
        List<String> kv = new ArrayList<>();
        p.forEach((k, v) -> kv.add(k + "=" + v));
        return r.strategy().name() + " (" + String.join(", ", kv) + ")";
    }

    /** Text inside a line: no line breaks, Markdown's active characters escaped. */
    static String inline(String s) {
        return s.replace("\r", "").replace("\n", " ").replaceAll("([\\\\`*_\\[\\]<>|#])", "\\\\$1");
    }

    private static String cell(String s) {
        return inline(s);
    }

    /** A block quote that keeps the text's lines. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.strip().split("\n", -1)) {
            sb.append(line.isBlank() ? ">" : "> " + line.replace("<", "&lt;")).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** A fenced block whose fence is longer than any run of backticks inside. */
    static String fenced(String s) {
        int longest = 2;
        Matcher m = BACKTICKS.matcher(s);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(longest + 1);
        return fence + "text\n" + s.strip() + "\n" + fence;
    }

    private static String count(int n, String noun) {
        String plural = noun.endsWith("leaf") ? noun.substring(0, noun.length() - 1) + "ves"
                : noun.endsWith("h") ? noun + "es" : noun + "s";
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : plural);
    }
}
