package io.thoughtscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.runtime.gguf.RandomModels;
import io.thoughtscope.store.RunSummary;
import io.thoughtscope.store.SessionQuery;
import io.thoughtscope.store.SessionSummary;
import io.thoughtscope.store.Store;
import io.thoughtscope.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.thoughtscope.app.cli.AnalyzeCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code run --save} on a tiny random-weight model: the streamed run lands in the store token for token. */
class RunSaveTest {

    @TempDir
    Path dir;

    @Test
    void runSaveStoresTheRunWithEveryTokenItsParametersAndAnAnalysis() throws IOException {
        Path model = dir.resolve("tiny-qwen3.gguf");
        RandomModels.write(RandomModels.tiny("qwen3", 11), model);
        Path tokens = dir.resolve("tokens.jsonl");
        Path db = dir.resolve("runs.db");
        var r = run("run", "-m", model.toString(), "-p", "What is 2+2?", "--max-tokens", "16", "--seed", "5",
                "--threads", "1", "--tokens", tokens.toString(), "--save", "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("saved as session");

        List<JsonNode> steps = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String l : Files.readAllLines(tokens)) {
            JsonNode n = json.readTree(l);
            if (!n.get("end").asBoolean()) {
                steps.add(n);
            }
        }
        try (Store store = Store.open(db)) {
            List<SessionSummary> sessions = store.sessions(SessionQuery.all());
            assertThat(sessions).hasSize(1);
            assertThat(sessions.getFirst().question()).isEqualTo("What is 2+2?");
            RunSummary summary = store.runs(sessions.getFirst().id()).getFirst();
            assertThat(summary.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(summary.model().name()).isEqualTo("tiny-qwen3");
            assertThat(summary.model().engine()).isEqualTo("llama.cpp");
            assertThat(summary.model().backend()).isEqualTo("cpu");
            assertThat(summary.seed()).isEqualTo(5);
            assertThat(summary.strategy().name()).isEqualTo("chain");
            assertThat(summary.strategy().parameters()).containsEntry("max_tokens", "16").containsEntry("temperature", "0.6");
            assertThat(summary.counters().decodedTokens()).isPositive();
            assertThat(summary.tokens()).isEqualTo(steps.size());
            StoredRun stored = store.loadRun(summary.id()).orElseThrow();
            Node branch = stored.tree().node(1);
            assertThat(branch.tokenCount()).isEqualTo(steps.size());
            for (int i = 0; i < steps.size(); i++) {
                assertThat(branch.token(i).id()).isEqualTo(steps.get(i).get("id").asInt());
                assertThat(branch.token(i).text()).isEqualTo(steps.get(i).get("text").asText());
                assertThat(branch.token(i).alternatives()).hasSize(5);
            }
            assertThat(branch.isChosen()).isTrue();
            assertThat(store.analyses(summary.id())).hasSize(1);
        }
    }
}
