package io.thoughtscope.app.cli;

import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.runtime.gguf.RandomModels;
import io.thoughtscope.runtime.remote.FakeServers;
import io.thoughtscope.runtime.testing.LoopbackServer;
import io.thoughtscope.store.RunSummary;
import io.thoughtscope.store.SessionQuery;
import io.thoughtscope.store.SessionSummary;
import io.thoughtscope.store.Store;
import io.thoughtscope.store.StoredRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.thoughtscope.app.cli.AnalyzeCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code server}, {@code run --server}, {@code experiment --server} and {@code pull} against loopback stand-ins. */
class RemoteCommandsTest {

    static final String R1 = "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B";

    @TempDir
    Path dir;
    String previousConfig;

    @BeforeEach
    void config() {
        previousConfig = System.getProperty("thoughtscope.config");
        System.setProperty("thoughtscope.config", dir.resolve("config").toString());
    }

    @AfterEach
    void restore() {
        if (previousConfig == null) {
            System.clearProperty("thoughtscope.config");
        } else {
            System.setProperty("thoughtscope.config", previousConfig);
        }
    }

    @Test
    void aServerIsAddedWithItsKeyKeptApartReadableByTheUserOnly() throws IOException {
        try (FakeServers.Vllm vllm = new FakeServers.Vllm(R1)) {
            Path keyFile = dir.resolve("key.txt");
            Files.writeString(keyFile, "sk-very-secret\n");
            var add = run("server", "add", "gpu1", vllm.url() + "/v1", "--api-key-file", keyFile.toString(), "--concurrency", "4");
            assertThat(add.code()).as(add.err()).isZero();
            assertThat(add.out()).contains("gpu1: vllm 0.10.1, model " + R1).contains("logit bias:   yes")
                    .contains("DeepSeek-R1").doesNotContain("sk-very-secret");

            Path settings = dir.resolve("config/servers.json");
            assertThat(Files.readString(settings)).contains("gpu1").contains("\"concurrency\" : 4").doesNotContain("sk-very-secret");
            Path key = dir.resolve("config/keys/gpu1.key");
            assertThat(Files.readString(key).strip()).isEqualTo("sk-very-secret");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
            assertThat(vllm.http.requests()).allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Bearer sk-very-secret"));

            var list = run("server", "list");
            assertThat(list.out()).contains("gpu1").contains(vllm.url()).contains("yes").doesNotContain("sk-very-secret");
            var check = run("server", "check", "gpu1");
            assertThat(check.code()).isZero();
            assertThat(check.out()).contains("/v1/completions").contains("logprobs:     yes");

            var remove = run("server", "remove", "gpu1");
            assertThat(remove.code()).isZero();
            assertThat(key).doesNotExist();
            assertThat(run("server", "check", "gpu1").err()).contains("no server named 'gpu1'");
        }
    }

    @Test
    void aServerThatCannotBeReachedFailsItsCheckWithAClearMessage() {
        var add = run("server", "add", "gone", "http://127.0.0.1:9", "--retries", "0");
        assertThat(add.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(add.err()).contains("cannot connect to gone");
    }

    @Test
    void aRunOnAServerThatDiesMidStreamKeepsThePartialReplyAndSaysWhy() throws IOException {
        try (FakeServers.Vllm vllm = new FakeServers.Vllm(R1)) {
            assertThat(run("server", "add", "gpu1", vllm.url(), "--no-check").code()).isZero();
            vllm.reply(FakeServers.Reply.of("First", " I", " add", " the", " tens", " and").cut());
            Path db = dir.resolve("runs.db");
            var r = run("run", "--server", "gpu1", "-p", "What is 17 + 25?", "--save", "--db", db.toString(), "--seed", "3");
            assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
            assertThat(r.err()).containsPattern("error: .*gpu1.* in the middle of a reply")
                    .contains("kept, marked cut short").contains("saved as session");
            assertThat(r.out()).contains("First I add");
            try (Store store = Store.open(db)) {
                List<SessionSummary> sessions = store.sessions(SessionQuery.all());
                assertThat(sessions).hasSize(1);
                RunSummary summary = store.runs(sessions.getFirst().id()).getFirst();
                assertThat(summary.status()).isEqualTo(RunStatus.CUT_SHORT);
                assertThat(summary.model().backend()).isEqualTo("remote");
                assertThat(summary.model().engine()).isEqualTo("openai:vllm");
                assertThat(summary.model().source()).isEqualTo(vllm.url());
                StoredRun stored = store.loadRun(summary.id()).orElseThrow();
                assertThat(stored.tree().node(1).text()).startsWith("<think>\nFirst I add");
            }
        }
    }

    @Test
    void aStrategyRunOnAServerStreamsItsTree() throws IOException {
        try (FakeServers.Vllm vllm = new FakeServers.Vllm(R1)) {
            assertThat(run("server", "add", "gpu1", vllm.url(), "--no-check").code()).isZero();
            vllm.reply(FakeServers.Reply.of("</think>", "\\boxed{42}"), FakeServers.Reply.of("</think>", "\\boxed{42}"));
            var r = run("run", "--server", "gpu1", "-p", "What is 6 x 7?", "--strategy", "self-consistency", "--set", "n=2",
                    "--truth", "42");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("42");
            assertThat(vllm.generations("/v1/completions")).hasSize(1)
                    .allSatisfy(g -> assertThat(g.path("n").asInt()).isEqualTo(2));
        }
    }

    @Test
    void anExperimentSpreadsItsProblemsOverSeveralServers() throws IOException {
        try (FakeServers.Vllm a = new FakeServers.Vllm(R1); FakeServers.Vllm b = new FakeServers.Vllm(R1)) {
            a.http.throttle(5);
            b.http.throttle(5);
            assertThat(run("server", "add", "a", a.url(), "--no-check").code()).isZero();
            assertThat(run("server", "add", "b", b.url(), "--no-check").code()).isZero();
            Path problems = dir.resolve("problems.jsonl");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                sb.append("{\"id\":\"p").append(i).append("\",\"question\":\"What is 6 x 7?\",\"answer\":\"42\"}\n");
            }
            Files.writeString(problems, sb);
            var r = run("experiment", "--server", "a,b", "--concurrency", "2", "--problems", problems.toString(),
                    "--answer-field", "answer", "--strategies", "chain max-tokens=32");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(a.generations("/v1/completions")).isNotEmpty();
            assertThat(b.generations("/v1/completions")).isNotEmpty();
            assertThat(a.generations("/v1/completions").size() + b.generations("/v1/completions").size()).isEqualTo(6);
        }
    }

    @Test
    void pullDownloadsFromTheGivenHubIntoTheModelsFolder() throws Exception {
        Path model = dir.resolve("src.gguf");
        RandomModels.write(RandomModels.tiny("qwen3", 3), model);
        byte[] bytes = Files.readAllBytes(model);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        try (LoopbackServer hub = new LoopbackServer()) {
            String path = "/acme/tiny-GGUF/resolve/main/tiny.gguf";
            hub.on("HEAD", path, ex -> ex.respond(200, "application/octet-stream", new byte[0],
                    Map.of("X-Linked-Etag", "\"" + sha + "\"", "X-Linked-Size", String.valueOf(bytes.length))));
            hub.on("GET", path, ex -> ex.respond(200, "application/octet-stream", bytes, Map.of()));
            Path models = dir.resolve("models");
            var r = run("pull", "acme/tiny-GGUF", "tiny.gguf", "--hub", hub.url(), "--dir", models.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(models.resolve("acme/tiny-GGUF/tiny.gguf")).hasBinaryContent(bytes);
            assertThat(r.err()).contains("checking the SHA-256");
            var again = run("pull", "acme/tiny-GGUF", "tiny.gguf", "--hub", hub.url(), "--dir", models.toString());
            assertThat(again.out()).contains("already here");
        }
        var list = run("pull", "--list");
        assertThat(list.out()).contains("DeepSeek-R1-Distill-Qwen 1.5B").contains("Qwen/Qwen3-0.6B-GGUF").contains("QwQ-32B");
        assertThat(new String(Files.readAllBytes(model), StandardCharsets.ISO_8859_1)).startsWith("GGUF");
    }
}
