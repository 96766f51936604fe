package io.thoughtscope.store.imports;

import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.reasoning.traces.ReadProblem;
import io.thoughtscope.store.Annotation;
import io.thoughtscope.store.RunSummary;
import io.thoughtscope.store.SessionQuery;
import io.thoughtscope.store.SessionSummary;
import io.thoughtscope.store.Store;
import io.thoughtscope.store.StoreException;
import io.thoughtscope.store.StoreOptions;
import io.thoughtscope.store.StoredAnalysis;
import io.thoughtscope.store.StoredRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports of the three kinds of files. The Open WebUI and LLM Reasoners fixtures follow the real
 * formats; where each shape comes from is in {@code src/test/resources/io/thoughtscope/store/imports/SOURCES.md}
 * (open-webui/open-webui: models/chats.py ChatResponse, Settings/Chats.svelte exportChats,
 * utils/middleware.py reasoning blocks; maitrix-org/llm-reasoners: visualization/tree_log.py
 * and tree_snapshot.py).
 */
class ImporterTest {

    @TempDir
    Path dir;

    Store store;
    Importer importer;
    final List<ReadProblem> problems = new ArrayList<>();

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("import.db"));
        importer = new Importer(store, new TraceAnalyzer(), null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    Path fixture(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, p);
        }
        return p;
    }

    static final String GSM8K = """
            {"id": "q1", "question": "Natalia sold 48 clips in April and half as many in May. How many in all?", "output": "<think>\\nIn May 48 / 2 = 24. Wait, let me double-check: 24 x 2 = 48. So 48 + 24 = 72.\\n</think>\\n\\nThe answer is \\\\boxed{72}.", "answer": "#### 72", "model": "DeepSeek-R1-Distill-Qwen-7B"}
            {"id": "q2", "question": "Weng earns $12 an hour for 50 minutes. How much?", "output": "<think>\\n12 x 50 = 600.\\n</think>\\n\\n\\\\boxed{600}", "answer": "#### 10"}
            {"id": "q3", "question": "broken", "output": "<think>\\nunterminated
            {"id": "q4", "messages": [{"role": "user", "content": "What is 2+2?"}, {"role": "assistant", "reasoning_content": "2 and 2 make 4.", "content": "The answer is 4."}], "answer": "4"}
            """;

    @Test
    void tracesAreImportedAnalysedAndGradedMalformedLinesReportedAndSkipped() throws IOException {
        Path f = dir.resolve("gsm8k.jsonl");
        Files.writeString(f, GSM8K, StandardCharsets.UTF_8);
        ImportReport r = importer.importFile(f, null, problems::add);
        assertThat(r.format()).isEqualTo(ImportFormat.TRACES);
        assertThat(r.added()).isEqualTo(3);
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().getFirst().line()).isEqualTo(3);
        assertThat(r.problems().getFirst().message()).startsWith("line 3: malformed JSON");
        assertThat(problems).isEqualTo(r.problems());

        List<SessionSummary> all = store.sessions(SessionQuery.all());
        assertThat(all).hasSize(3);
        SessionSummary q1 = store.sessions(SessionQuery.all().withText("Natalia")).getFirst();
        assertThat(q1.models()).containsExactly("DeepSeek-R1-Distill-Qwen-7B");
        assertThat(q1.correct()).isEqualTo(1);
        assertThat(store.sessions(SessionQuery.all().withVerdict(Verdict.INCORRECT))).extracting(SessionSummary::title)
                .containsExactly("Weng earns $12 an hour for 50 minutes. How much?");
        assertThat(store.sessions(SessionQuery.all().withMoment(MomentType.AHA))).hasSize(1);
        RunSummary run = store.runs(q1.id()).getFirst();
        assertThat(run.strategy().parameters()).containsEntry("record", "q1").containsEntry("source", f.toString());
        StoredRun stored = store.loadRun(run.id()).orElseThrow();
        assertThat(stored.tree().node(1).text()).startsWith("<think>\nIn May");
        assertThat(store.analyses(run.id()).getFirst().analysis().groundTruth()).isEqualTo("72");

        ImportReport again = importer.importFile(f, null, p -> { });
        assertThat(again.added()).isZero();
        assertThat(again.alreadyStored()).isEqualTo(3);
        assertThat(store.countSessions(SessionQuery.all())).isEqualTo(3);
    }

    @Test
    void anOpenWebUiExportBecomesSessionsWhoseTreesAreTheMessageTrees() throws IOException {
        Path f = fixture("openwebui-chat-export.json");
        assertThat(ImportFormat.detect(f)).isEqualTo(ImportFormat.OPEN_WEBUI);
        ImportReport r = importer.importFile(f, null, problems::add);
        assertThat(r.added()).isEqualTo(2);
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().getFirst().message()).contains("chat 3").contains("has no role");
        assertThat(r.problems().getFirst().line()).isGreaterThan(100);

        SessionSummary clips = store.sessions(SessionQuery.all().withText("Natalia")).getFirst();
        assertThat(clips.title()).isEqualTo("Clips in April and May");
        assertThat(clips.createdAt()).isEqualTo(Instant.ofEpochSecond(1735812000));
        assertThat(clips.tags()).containsExactly("arithmetic", "gsm8k");
        assertThat(clips.starred()).as("pinned chats come starred").isTrue();
        assertThat(clips.models()).containsExactly("deepseek-r1:7b");
        RunSummary run = store.runs(clips.id()).getFirst();
        StoredRun stored = store.loadRun(run.id()).orElseThrow();
        ReasoningTree tree = stored.tree();
        // prompt, two replies (one regenerated), a follow-up question and its reply
        assertThat(tree.size()).isEqualTo(5);
        assertThat(tree.root().text()).startsWith("Natalia sold clips");
        assertThat(tree.root().children()).extracting(Node::kind).containsExactly(NodeKind.BRANCH, NodeKind.BRANCH);
        Node first = tree.root().children().get(0);
        Node second = tree.root().children().get(1);
        assertThat(first.text()).startsWith("<think>\nIn April she sold 48.").contains("\n\nSo the total is 48 + 24 = 70.")
                .contains("</think>\n\nNatalia sold **70** clips.").doesNotContain("&gt;").doesNotContain("<details");
        assertThat(first.isChosen()).isFalse();
        assertThat(second.isChosen()).isTrue();
        assertThat(second.children()).extracting(Node::kind).containsExactly(NodeKind.USER_MESSAGE);
        Node followUp = second.children().getFirst().children().getFirst();
        assertThat(followUp.isChosen()).isTrue();
        assertThat(followUp.text()).isEqualTo("<think>\nJune: 24 + 10 = 34.\n</think>\n\nIn June she sold $\\boxed{34}$ clips.");
        assertThat(followUp.createdNanos()).isEqualTo(105_000_000_000L);
        assertThat(run.finishedAt()).isEqualTo(Instant.ofEpochSecond(1735812105));

        List<StoredAnalysis> analyses = store.analyses(run.id());
        assertThat(analyses).hasSize(3);
        StoredAnalysis regenerated = analyses.stream().filter(a -> a.lastNode() == second.id()).findFirst().orElseThrow();
        assertThat(regenerated.analysis().moments(MomentType.AHA)).hasSize(1);
        assertThat(regenerated.analysis().finalAnswer().raw()).isEqualTo("72");
        assertThat(run.finalAnswer()).as("the chosen path's last reply answers the run").isEqualTo("34");

        SessionSummary hyp = store.sessions(SessionQuery.all().withText("hypotenuse")).getFirst();
        assertThat(store.annotations(hyp.id())).noneMatch(a -> a.kind() == Annotation.Kind.STAR);
        assertThat(store.sessions(SessionQuery.all().withText("Pythagoras"))).hasSize(1);

        ImportReport again = importer.importFile(f, null, p -> { });
        assertThat(again.added()).isZero();
        assertThat(again.alreadyStored()).isEqualTo(2);
    }

    @Test
    void anMctsTreeLogBecomesAReplayableTree() throws IOException {
        Path f = fixture("treelog-rap-gsm8k.json");
        assertThat(ImportFormat.detect(f)).isEqualTo(ImportFormat.TREELOG);
        ImportReport r = importer.importFile(f, null, problems::add);
        assertThat(r.problems()).isEmpty();
        assertThat(r.added()).isEqualTo(1);
        SessionSummary s = store.sessions(SessionQuery.all()).getFirst();
        assertThat(s.title()).isEqualTo("treelog-rap-gsm8k.json");
        assertThat(s.strategies()).containsExactly("mcts");
        StoredRun run = store.loadRun(store.runs(s.id()).getFirst().id()).orElseThrow();
        ReasoningTree tree = run.tree();
        assertThat(tree.size()).isEqualTo(5);
        // iterations: nodes 1 and 2 from the first snapshot, 3 from the second, 4 from the third
        assertThat(tree.nodes()).extracting(Node::iteration).containsExactly(0, 0, 0, 1, 2);
        assertThat(tree.node(3).parent().id()).isEqualTo(1);
        assertThat(tree.node(1).text()).isEqualTo("How many clips did Natalia sell in May?\n"
                + "She sold half as many as 48, so 48 / 2 = 24. The answer is 24.\n\n");
        assertThat(tree.node(1).scores().score()).isEqualTo(0.86);
        assertThat(tree.node(1).scores().reward()).isEqualTo(0.71);
        assertThat(tree.node(4).scores().reward()).as("NaN written by Python").isNaN();
        assertThat(tree.nodes()).filteredOn(Node::isChosen).extracting(Node::id).containsExactly(0, 1, 3);
        assertThat(tree.nodes()).extracting(Node::status).containsOnly(NodeStatus.DONE);
        List<StoredAnalysis> a = store.analyses(run.run().id());
        assertThat(a).hasSize(1);
        assertThat(a.getFirst().firstNode()).isEqualTo(1);
        assertThat(a.getFirst().lastNode()).isEqualTo(3);
        assertThat(run.summary().finalAnswer()).isEqualTo("72");
    }

    @Test
    void aBeamSearchTreeLogUsesTheActionsAsStepText() throws IOException {
        Path f = fixture("treelog-beam.json");
        ImportReport r = importer.importFile(f, null, problems::add);
        assertThat(r.added()).isEqualTo(1);
        SessionSummary s = store.sessions(SessionQuery.all()).getFirst();
        assertThat(s.strategies()).containsExactly("beam");
        ReasoningTree tree = store.loadRun(store.runs(s.id()).getFirst().id()).orElseThrow().tree();
        assertThat(tree.node(3).text()).isEqualTo("Total: 96 + 48 = 144. The answer is 144.\n\n");
        assertThat(tree.node(3).scores().reward()).isEqualTo(-0.6);
        assertThat(tree.nodes()).filteredOn(Node::isChosen).extracting(Node::id).containsExactly(0, 2, 3);
    }

    @Test
    void aMalformedTreeLogIsReportedWithItsLineAndNothingIsAdded() throws IOException {
        Path f = fixture("treelog-broken.json");
        ImportReport r = importer.importFile(f, null, problems::add);
        assertThat(r.added()).isZero();
        assertThat(r.problems()).hasSize(1);
        ReadProblem p = r.problems().getFirst();
        assertThat(p.line()).isEqualTo(19);
        assertThat(p.message()).isEqualTo("line 19: snapshot 2: edge 1 joins node 1 and 7, which the snapshot does not both have");
        assertThat(store.countSessions(SessionQuery.all())).isZero();
    }

    @Test
    void brokenJsonInAChatExportKeepsTheChatsBeforeIt() throws IOException {
        String good = Files.readString(fixture("openwebui-chat-export.json"));
        int cut = good.indexOf("\"title\": \"Broken chat\"");
        Path f = dir.resolve("cut.json");
        Files.writeString(f, good.substring(0, cut) + "\"title\": oops");
        ImportReport r = importer.importFile(f, ImportFormat.OPEN_WEBUI, problems::add);
        assertThat(r.added()).isEqualTo(2);
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().getFirst().message()).contains("malformed JSON").contains("the rest of the file was not read");
    }

    @Test
    void anImportIntoAFullDatabaseStopsAndKeepsWhatCameBefore() throws IOException {
        StringBuilder lines = new StringBuilder();
        String filler = "Let me think about this step by step. ".repeat(60);
        for (int i = 0; i < 400; i++) {
            lines.append("{\"id\": \"r").append(i).append("\", \"question\": \"q").append(i).append("\", \"output\": \"<think>")
                    .append(filler).append(i).append("</think> \\\\boxed{").append(i).append("}\"}\n");
        }
        Path f = dir.resolve("many.jsonl");
        Files.writeString(f, lines);
        try (Store small = Store.open(dir.resolve("small.db"), StoreOptions.defaults().withMaxPageCount(300))) {
            ImportReport r = new Importer(small, new TraceAnalyzer(), null).importFile(f, null, problems::add);
            assertThat(r.stoppedBy()).isNotNull();
            assertThat(r.stoppedBy().reason()).isEqualTo(StoreException.Reason.FULL);
            assertThat(r.added()).isGreaterThan(0).isLessThan(400);
            assertThat(small.countSessions(SessionQuery.all())).isEqualTo(r.added());
            assertThat(small.check().problems()).isEmpty();
        }
    }
}
