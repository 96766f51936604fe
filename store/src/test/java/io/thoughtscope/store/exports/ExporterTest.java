package io.thoughtscope.store.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.reasoning.model.ModelRef;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.Problem;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.TopToken;
import io.thoughtscope.reasoning.spi.Counters;
import io.thoughtscope.store.RunSummary;
import io.thoughtscope.store.SessionQuery;
import io.thoughtscope.store.SessionSummary;
import io.thoughtscope.store.Store;
import io.thoughtscope.store.Target;
import io.thoughtscope.store.imports.ImportReport;
import io.thoughtscope.store.imports.Importer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExporterTest {

    @TempDir
    Path dir;

    Store store;
    final ObjectMapper json = new ObjectMapper();

    static final String TRACES = """
            {"id": "q1", "question": "Natalia sold 48 clips in April and half as many in May. How many in all?", "output": "<think>\\nIn May 48 / 2 = 24. Wait, let me double-check: 24 x 2 = 48. So 48 + 24 = 72.\\n</think>\\n\\nThe answer is \\\\boxed{72}.", "answer": "#### 72", "model": "R1-7B"}
            {"id": "q2", "messages": [{"role": "user", "content": "What is 2+2?"}, {"role": "assistant", "reasoning_content": "2 and 2 make 4.\\nAlternatively, 2 x 2 = 4.", "content": "The answer is 4."}], "answer": "4", "model": "QwQ-32B"}
            """;

    @BeforeEach
    void fill() throws IOException {
        store = Store.open(dir.resolve("export.db"));
        Path f = dir.resolve("traces.jsonl");
        Files.writeString(f, TRACES);
        ImportReport r = new Importer(store, new TraceAnalyzer(), null).importFile(f, null, p -> { });
        assertThat(r.added()).isEqualTo(2);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<JsonNode> lines(String out) {
        return out.lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
    }

    @Test
    void jsonlCarriesMessagesWithReasoningContentAndReadsBackTheSame() throws IOException {
        List<String> runs = store.runIds(SessionQuery.all());
        StringWriter out = new StringWriter();
        new Exporter(store).jsonl(runs, false, out);
        List<JsonNode> rows = lines(out.toString());
        assertThat(rows).hasSize(2);
        JsonNode q1 = rows.stream().filter(r -> r.path("model").asText().equals("R1-7B")).findFirst().orElseThrow();
        assertThat(q1.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(q1.path("messages").get(0).path("content").asText()).startsWith("Natalia sold 48");
        JsonNode reply = q1.path("messages").get(1);
        assertThat(reply.path("role").asText()).isEqualTo("assistant");
        assertThat(reply.path("reasoning_content").asText()).startsWith("In May 48 / 2 = 24. Wait,");
        assertThat(reply.path("content").asText()).isEqualTo("The answer is \\boxed{72}.");
        assertThat(q1.path("ground_truth").asText()).isEqualTo("#### 72");
        assertThat(q1.path("verdict").asText()).isEqualTo("correct");
        assertThat(q1.path("moments").get(0).path("type").asText()).isEqualTo("aha");
        assertThat(q1.has("tokens")).isFalse();
        JsonNode q2 = rows.stream().filter(r -> r.path("model").asText().equals("QwQ-32B")).findFirst().orElseThrow();
        assertThat(q2.path("messages").get(1).path("reasoning_content").asText()).isEqualTo("2 and 2 make 4.\nAlternatively, 2 x 2 = 4.");
        assertThat(q2.path("messages").get(1).path("content").asText()).isEqualTo("The answer is 4.");

        // what other tools read, Thoughtscope reads back: same questions, thinking, answers, verdicts
        Path exported = dir.resolve("exported.jsonl");
        Files.writeString(exported, out.toString());
        try (Store other = Store.open(dir.resolve("other.db"))) {
            ImportReport r = new Importer(other, new TraceAnalyzer(), null).importFile(exported, null, p -> { });
            assertThat(r.added()).isEqualTo(2);
            assertThat(r.problems()).isEmpty();
            for (SessionSummary s : store.sessions(SessionQuery.all())) {
                SessionSummary o = other.sessions(SessionQuery.all().withText(s.question().split(" ")[0] + "*")).getFirst();
                assertThat(o.question()).isEqualTo(s.question());
                assertThat(o.groundTruth()).isEqualTo(s.groundTruth());
                assertThat(o.models()).isEqualTo(s.models());
                assertThat(o.correct()).isEqualTo(s.correct());
                RunSummary mine = store.runs(s.id()).getFirst();
                RunSummary theirs = other.runs(o.id()).getFirst();
                assertThat(theirs.finalAnswer()).isEqualTo(mine.finalAnswer());
                assertThat(theirs.moments()).isEqualTo(mine.moments());
            }
        }
    }

    @Test
    void jsonlWithTokensCarriesPerTokenData() throws IOException {
        Session s = new Session(io.thoughtscope.reasoning.model.Ids.newId(), "live", Instant.now().truncatedTo(ChronoUnit.MILLIS),
                new Problem("2+3?", "5"));
        store.saveSession(s);
        ReasoningTree tree = new ReasoningTree("2+3?");
        Node n = tree.addChild(tree.root(), NodeKind.BRANCH, 0, "");
        n.appendTokens(List.of(new Token(1, "<think>", -0.01, List.of(), 0.1, 1_000_000),
                new Token(2, "5", -0.2, List.of(new TopToken(2, "5", -0.2), new TopToken(3, "6", -1.9)), 0.7, 2_000_000),
                new Token(3, "</think>", Double.NaN, List.of(), Double.NaN, 3_000_000),
                new Token(-1, " It is 5.", -0.3, List.of(), 0.2, 4_000_000)));
        n.setChosen(true);
        Run run = new Run(io.thoughtscope.reasoning.model.Ids.newId(), s.id(), new ModelRef("m", "", "llama.cpp", "cpu"),
                StrategySpec.of("chain"), 3, Instant.now().truncatedTo(ChronoUnit.MILLIS), tree);
        store.saveRun(run, RunStatus.COMPLETED, Counters.ZERO, null);
        StringWriter out = new StringWriter();
        new Exporter(store).jsonl(List.of(run.id()), true, out);
        JsonNode row = lines(out.toString()).getFirst();
        JsonNode tokens = row.path("tokens");
        assertThat(tokens).hasSize(4);
        assertThat(tokens.get(1).path("token").asText()).isEqualTo("5");
        assertThat(tokens.get(1).path("logprob").asDouble()).isEqualTo(-0.2);
        assertThat(tokens.get(1).path("entropy").asDouble()).isEqualTo(0.7);
        assertThat(tokens.get(1).path("time_ms").asDouble()).isEqualTo(2.0);
        assertThat(tokens.get(1).path("top_logprobs").get(1).path("token").asText()).isEqualTo("6");
        assertThat(tokens.get(2).path("logprob").isNull()).isTrue();
        assertThat(tokens.get(3).has("id")).isFalse();
        assertThat(row.path("text").asText()).isEqualTo("<think>5</think> It is 5.");
        StringBuilder spelled = new StringBuilder();
        tokens.forEach(t -> spelled.append(t.path("token").asText()));
        assertThat(spelled.toString()).isEqualTo(row.path("text").asText());
    }

    @Test
    void csvHasOneRowOfFiguresPerRunQuotedWhereNeeded() throws IOException {
        Session s = new Session(io.thoughtscope.reasoning.model.Ids.newId(), "A title, with \"quotes\"",
                Instant.now().truncatedTo(ChronoUnit.MILLIS), new Problem("q", null));
        store.saveSession(s);
        ReasoningTree tree = new ReasoningTree("q");
        tree.addChild(tree.root(), NodeKind.BRANCH, 0, "line one\nline two");
        Run run = new Run(io.thoughtscope.reasoning.model.Ids.newId(), s.id(), new ModelRef("m", "", "", ""),
                new StrategySpec("beam", Map.of("width", "4")), 0, Instant.now().truncatedTo(ChronoUnit.MILLIS), tree);
        store.saveRun(run, RunStatus.COMPLETED, Counters.ZERO, run.startedAt().plusSeconds(2));
        List<String> ids = new ArrayList<>(store.runIds(SessionQuery.all()));
        StringWriter out = new StringWriter();
        new Exporter(store).csv(ids, out);
        List<String> rows = List.of(out.toString().split("\r\n"));
        assertThat(rows).hasSize(4);
        assertThat(rows.getFirst()).startsWith("session_id,run_id,title,created_at,model").contains("moments_aha");
        String beam = rows.stream().filter(r -> r.contains(run.id())).findFirst().orElseThrow();
        assertThat(beam).contains("\"A title, with \"\"quotes\"\"\"").contains("\"{\"\"width\"\":\"\"4\"\"}\"")
                .contains(",2.000,");
        String q1 = rows.stream().filter(r -> r.contains("R1-7B")).findFirst().orElseThrow();
        assertThat(q1).contains(",correct,").contains(",#### 72,");
    }

    @Test
    void theMarkdownReportStandsAlone() throws IOException {
        String clips = store.sessions(SessionQuery.all().withText("Natalia")).getFirst().id();
        store.addNote(Target.session(clips), "the distill checks its work");
        store.tag(Target.session(clips), "gsm8k");
        StringWriter out = new StringWriter();
        new Exporter(store).markdown(store.runIds(SessionQuery.all()), "GSM8K sample", out);
        String md = out.toString();
        assertThat(md).startsWith("# GSM8K sample\n");
        assertThat(md).contains("2 sessions, 2 runs");
        assertThat(md).contains("## Natalia sold 48 clips");
        assertThat(md).contains("> Natalia sold 48 clips in April");
        assertThat(md).contains("**Ground truth:** \\#\\#\\#\\# 72");
        assertThat(md).contains("| 1 | R1-7B | chain | completed |");
        assertThat(md).contains("<details><summary>Thinking (");
        assertThat(md).contains("```text\nIn May 48 / 2 = 24. Wait, let me double-check");
        assertThat(md).contains("- aha in step ").contains("“Wait,”");
        assertThat(md).contains("- Note: the distill checks its work");
        assertThat(md).contains("**Tags:** `gsm8k`");
        assertThat(md).doesNotContain("](").doesNotContain("<img").doesNotContain("http");
        assertThat(MarkdownReport.fenced("a ```` b")).startsWith("`````text\n");
    }
}
