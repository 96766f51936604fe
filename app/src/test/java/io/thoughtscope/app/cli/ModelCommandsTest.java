package io.thoughtscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thoughtscope.runtime.gguf.RandomModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.thoughtscope.app.cli.AnalyzeCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** run, models and bench on a tiny random-weight model written by the test. */
class ModelCommandsTest {

    @TempDir
    static Path dir;
    static Path model;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void writeModel() throws IOException {
        model = dir.resolve("models").resolve("tiny-qwen3.gguf");
        Files.createDirectories(model.getParent());
        RandomModels.write(RandomModels.tiny("qwen3", 11), model);
    }

    @Test
    void runStreamsAReplyAndWritesPerTokenData() throws IOException {
        Path tokens = dir.resolve("tokens.jsonl");
        var r = run("run", "-m", model.toString(), "-p", "What is 2+2?", "--max-tokens", "12", "--seed", "5",
                "--threads", "1", "--tokens", tokens.toString(), "--top-logprobs", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("Loaded tiny-qwen3 on cpu").contains("seed 5").contains("tokens/s");
        assertThat(r.out()).containsAnyOf("[thinking]", "[answer]");
        List<String> lines = Files.readAllLines(tokens);
        assertThat(lines).hasSizeBetween(1, 12);
        JsonNode first = JSON.readTree(lines.getFirst());
        assertThat(first.get("id").asInt()).isNotNegative();
        assertThat(first.get("logprob").asDouble()).isNegative();
        assertThat(first.get("entropy").asDouble()).isPositive();
        assertThat(first.get("top")).hasSize(3);
        // the same seed gives the same reply
        var again = run("run", "-m", model.toString(), "-p", "What is 2+2?", "--max-tokens", "12", "--seed", "5", "--threads", "1");
        assertThat(again.out()).isEqualTo(r.out());
    }

    @Test
    void runExplainsBadModelsAndOptions() throws IOException {
        Path notGguf = dir.resolve("notes.gguf");
        Files.writeString(notGguf, "just some text, not a model");
        var bad = run("run", "-m", notGguf.toString(), "-p", "hi");
        assertThat(bad.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(bad.err()).contains("notes.gguf").contains("not a GGUF file");
        var missing = run("run", "-m", dir.resolve("nope.gguf").toString(), "-p", "hi");
        assertThat(missing.err()).contains("no model file");
        var usage = run("run", "-m", model.toString(), "-p", "hi", "--top-p", "2");
        assertThat(usage.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.err()).contains("topP");
        var gpu = run("run", "-m", model.toString(), "-p", "hi", "--gpu", "tpu");
        assertThat(gpu.code()).isNotZero();
        assertThat(gpu.err()).contains("unknown backend 'tpu'");
    }

    @Test
    void modelsListsWhatIsInAFolderWithItsMetadata() throws IOException {
        var r = run("models", "--only-folders", "--folder", model.getParent().toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> rows = new ArrayList<>();
        for (String l : r.out().lines().toList()) {
            rows.add(JSON.readTree(l));
        }
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get("architecture").asText()).isEqualTo("qwen3");
        assertThat(rows.getFirst().get("ready").asBoolean()).isTrue();
        var table = run("models", "--only-folders", "--folder", model.getParent().toString());
        assertThat(table.out()).contains("tiny-qwen3").contains("qwen3").contains("1 model");
    }

    @Test
    void benchReportsSpeedsAndThatThePrefixIsEvaluatedOnce() throws IOException {
        var r = run("bench", "-m", model.toString(), "--prompt-tokens", "24", "--gen-tokens", "4", "--branches", "1,3", "--rounds", "1",
                "--threads", "1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("promptTokPerS").asDouble()).isPositive();
        assertThat(j.get("decode")).hasSize(2);
        assertThat(j.get("decode").get(1).get("branches").asInt()).isEqualTo(3);
        assertThat(j.get("decode").get(1).get("aggregateTokPerS").asDouble()).isPositive();
        // 24 prompt tokens: 23 evaluated by the prefill, the last one with each branch's first step
        assertThat(j.get("promptTokensEvaluated").asInt()).isEqualTo(23);
        assertThat(j.get("decodedTokens").asInt()).isEqualTo(1 * 4 + 3 * 4);
    }

    @Test
    void runWithAStrategyPrintsTheTreesSummaryAndVotes() {
        var r = run("run", "-m", model.toString(), "-p", "What is 2+2?", "--strategy", "self-consistency", "--set", "n=3",
                "--max-tokens", "8", "--seed", "2", "--truth", "4", "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("self-consistency").contains("nodes").contains("agreement").contains("seed 2");
        // --save keeps the tree in the session database while it grows
        var saved = run("run", "-m", model.toString(), "-p", "What is 5+5?", "--strategy", "best-of-n", "--set", "n=2",
                "--set", "verifier=logprob", "--max-tokens", "6", "--threads", "1", "--save", "--db", dir.resolve("runs.db").toString());
        assertThat(saved.code()).as(saved.err()).isZero();
        assertThat(saved.err()).contains("saved as session");
        var listed = run("sessions", "--db", dir.resolve("runs.db").toString());
        assertThat(listed.out()).contains("What is 5+5?").contains("best-of-n");
        var bad = run("run", "-m", model.toString(), "-p", "x", "--strategy", "beam", "--set", "width=0");
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("width");
        var unknown = run("run", "-m", model.toString(), "-p", "x", "--strategy", "telepathy");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void experimentReportsAccuracyPerStrategyAndResumes() throws IOException {
        Path problems = dir.resolve("problems.jsonl");
        Files.writeString(problems, """
                {"id": "a", "question": "What is 2+2?", "answer": "4"}
                {"id": "b", "question": "What is 3+5?", "answer": "8"}
                not json
                """);
        Path csv = dir.resolve("report.csv");
        Path results = dir.resolve("results.jsonl");
        String[] args = {"experiment", "-m", model.toString(), "--problems", problems.toString(), "--strategies",
                "chain max-tokens=6; self-consistency n=2 max-tokens=6", "--answer-field", "answer", "--threads", "1",
                "--results", results.toString(), "--csv", csv.toString()};
        var first = run(args);
        assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.PARTIAL); // the malformed line was skipped
        assertThat(first.err()).contains("problems.jsonl:3");
        assertThat(first.out()).contains("chain").contains("self-consistency").contains("2/2");
        assertThat(Files.readAllLines(csv).getFirst()).contains("accuracy");
        assertThat(Files.readAllLines(results)).hasSize(4);
        var second = run(args);
        assertThat(second.err()).contains("resuming: 4 of 4 runs already done");
        assertThat(Files.readAllLines(results)).hasSize(4);
    }
}
