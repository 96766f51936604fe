package io.thoughtscope.runtime.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.Problem;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.reasoning.search.RunContext;
import io.thoughtscope.reasoning.search.RunResult;
import io.thoughtscope.reasoning.search.Strategies;
import io.thoughtscope.reasoning.spi.ChatMessage;
import io.thoughtscope.reasoning.spi.SamplingParams;
import io.thoughtscope.reasoning.spi.Sequence;
import io.thoughtscope.reasoning.spi.StepRequest;
import io.thoughtscope.reasoning.spi.TokenStep;
import io.thoughtscope.runtime.gguf.ChatTemplates;
import io.thoughtscope.runtime.remote.FakeServers.Fake;
import io.thoughtscope.runtime.remote.FakeServers.Reply;
import io.thoughtscope.runtime.remote.FakeServers.Tok;
import io.thoughtscope.runtime.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RemoteEngineTest {

    static final String R1 = "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B";
    static final String R1_OLLAMA_TEMPLATE = "{{- if .System }}{{ .System }}{{ end }}{{- range $i, $_ := .Messages }}"
            + "{{- if eq .Role \"user\" }}<｜User｜>{{ .Content }}{{- else if eq .Role \"assistant\" }}<｜Assistant｜>"
            + "{{ .Content }}<｜end▁of▁sentence｜>{{- end }}{{- end }}<｜Assistant｜>";

    static ServerSpec spec(Fake fake) {
        return ServerSpec.of("test", fake.url(), null, null).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    static RemoteEngine connect(Fake fake) {
        return RemoteEngine.connect(new RemoteHttp(spec(fake), d -> { }));
    }

    static Reply thinkThenAnswer(String answer) {
        return Reply.of("Let", " me", " compute", ":", " 6", "*", "7", "=", answer, ".", "\n", "</think>", "\n\n", "The",
                " answer", " is", " \\boxed{" + answer + "}", ".");
    }

    static RunResult run(RemoteEngine lm, String spec) {
        return Strategies.create(Strategies.parse(spec)).run(
                RunContext.builder(lm, new Problem("What is 6 x 7?", "42")).seed(7).build());
    }

    // ---- vLLM ------------------------------------------------------------------------------

    @Test
    void vllmStreamsTokensWithTheirLogprobsAlternativesAndAnEstimatedEntropy() throws IOException {
        try (Fake fake = new FakeServers.Vllm(R1); RemoteEngine lm = connect(fake)) {
            fake.reply(new Reply(List.of(new Tok("Hmm", -0.1, FakeServers.top("Hmm", -0.1, "Okay", -2.5, "So", -3.0)),
                    new Tok(",", -0.05, FakeServers.top(",", -0.05, ".", -3.1))), "stop", FakeServers.Ending.FINISH));
            assertThat(lm.server().kind()).isEqualTo(ServerKind.VLLM);
            assertThat(lm.server().templateSource()).contains("DeepSeek-R1");
            assertThat(lm.info().backend()).isEqualTo("remote");
            assertThat(lm.info().trainContext()).isEqualTo(32768);
            assertThat(lm.capabilities().logitBias()).isTrue();
            assertThat(lm.capabilities().maxTopK()).isEqualTo(20);
            assertThat(lm.capabilities().entropy()).as("entropy is estimated from top-k").isFalse();

            String prompt = lm.chat().render(List.of(ChatMessage.user("Hi")), true, true);
            assertThat(prompt).isEqualTo("<｜User｜>Hi<｜Assistant｜><think>\n");
            Sequence s = lm.prefill(lm.tokenizer().tokenize(prompt, true, true));
            StepRequest req = new StepRequest(s, SamplingParams.defaults(3), 2);
            Token first = lm.step(List.of(req)).getFirst().token();
            assertThat(first.text()).isEqualTo("Hmm");
            assertThat(first.logprob()).isEqualTo(-0.1);
            assertThat(first.alternatives()).extracting(a -> a.text()).containsExactly("Hmm", "Okay");
            assertThat(first.entropy()).isCloseTo(Token.entropyFromTopK(List.of(
                    new io.thoughtscope.reasoning.model.TopToken(-1, "Hmm", -0.1),
                    new io.thoughtscope.reasoning.model.TopToken(-1, "Okay", -2.5),
                    new io.thoughtscope.reasoning.model.TopToken(-1, "So", -3.0))), within(1e-12));
            assertThat(lm.step(List.of(req)).getFirst().token().text()).isEqualTo(",");
            TokenStep end = lm.step(List.of(req)).getFirst();
            assertThat(end.endOfGeneration()).isTrue();
            assertThat(lm.tokenizer().detokenize(s.tokens())).isEqualTo(prompt + "Hmm,");

            JsonNode body = fake.generations("/v1/completions").getFirst();
            assertThat(body.path("prompt").asText()).isEqualTo(prompt);
            assertThat(body.path("model").asText()).isEqualTo(R1);
            assertThat(body.path("logprobs").asInt()).isEqualTo(5);
            assertThat(body.path("max_tokens").asInt()).isEqualTo(RemoteEngine.FIRST_CHUNK);
            assertThat(body.path("temperature").asDouble()).isEqualTo(0.6);
            assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
            assertThat(fake.generations("/v1/completions")).hasSize(1);
        }
    }

    @Test
    void aChainRunsOnVllmAndItsAnswerIsGraded() throws IOException {
        try (Fake fake = new FakeServers.Vllm(R1); RemoteEngine lm = connect(fake)) {
            fake.reply(thinkThenAnswer("42"));
            RunResult r = run(lm, "chain max-tokens=64");
            assertThat(r.verdict()).isEqualTo(Verdict.CORRECT);
            Node answer = r.tree().nodes().stream().filter(n -> n.kind() == NodeKind.ANSWER).findFirst().orElseThrow();
            assertThat(answer.text()).contains("\\boxed{42}");
            assertThat(answer.tokens()).allSatisfy(t -> assertThat(t.hasLogprob()).isTrue());
        }
    }

    @Test
    void selfConsistencyAsksForAllSamplesOfTheSharedPromptInOneRequest() throws IOException {
        try (Fake fake = new FakeServers.Vllm(R1); RemoteEngine lm = connect(fake)) {
            fake.reply(Reply.of("</think>", "\\boxed{42}"), Reply.of("</think>", "\\boxed{41}"),
                    Reply.of("</think>", "\\boxed{42}"), Reply.of("</think>", "\\boxed{42}"));
            RunResult r = run(lm, "self-consistency n=4 max-tokens=32");
            List<JsonNode> gens = fake.generations("/v1/completions");
            assertThat(gens).hasSize(1);
            assertThat(gens.getFirst().path("n").asInt()).isEqualTo(4);
            assertThat(r.votes().orElseThrow().majority().orElseThrow().votes()).isEqualTo(3);
            assertThat(r.verdict()).isEqualTo(Verdict.CORRECT);
        }
    }

    @Test
    void aRefusalCarriesTheServersOwnMessage() throws IOException {
        try (Fake fake = new FakeServers.Vllm(R1); RemoteEngine lm = connect(fake)) {
            fake.http.on("POST", "/v1/completions", ex -> ex.json(400, "{\"error\":{\"message\":\"This model's maximum "
                    + "context length is 32768 tokens.\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}}"));
            Sequence s = lm.prefill(lm.tokenizer().tokenize("Hello", false, true));
            assertThatThrownBy(() -> lm.step(List.of(new StepRequest(s, SamplingParams.greedy(), 0))))
                    .isInstanceOfSatisfying(RemoteException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RemoteException.Kind.REFUSED);
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).contains("maximum context length is 32768");
                    });
        }
    }

    @Test
    void aBusyServerIsAskedAgainAfterABackoff() throws IOException {
        try (Fake fake = new FakeServers.Vllm(R1)) {
            List<Duration> waits = new ArrayList<>();
            RemoteEngine lm = RemoteEngine.connect(new RemoteHttp(spec(fake), waits::add));
            try (lm) {
                LoopbackServer.Handler real = fake.http.handler("POST", "/v1/completions");
                int[] calls = {0};
                fake.http.on("POST", "/v1/completions", ex -> {
                    if (calls[0]++ < 2) {
                        ex.respond(503, "application/json", "{\"error\":{\"message\":\"busy\"}}".getBytes(),
                                java.util.Map.of("Retry-After", "1"));
                    } else {
                        real.handle(ex);
                    }
                });
                Sequence s = lm.prefill(lm.tokenizer().tokenize("Hello", false, true));
                Token t = lm.step(List.of(new StepRequest(s, SamplingParams.greedy(), 0))).getFirst().token();
                assertThat(t.text()).isEqualTo("The");
                assertThat(calls[0]).isEqualTo(3);
                assertThat(waits).hasSize(2).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
            }
        }
    }

    @Test
    void anErrorEventInTheMiddleOfAStreamFailsTheStepAndKeepsTheTokensBefore() throws IOException {
        try (Fake fake = new FakeServers.Vllm(R1); RemoteEngine lm = connect(fake)) {
            fake.reply(Reply.of("One", " two", " three").error());
            Sequence s = lm.prefill(lm.tokenizer().tokenize("Count:", false, true));
            StepRequest r = new StepRequest(s, SamplingParams.greedy(), 0);
            assertThat(lm.step(List.of(r)).getFirst().token().text()).isEqualTo("One");
            assertThat(lm.step(List.of(r)).getFirst().token().text()).isEqualTo(" two");
            assertThatThrownBy(() -> lm.step(List.of(r))).isInstanceOfSatisfying(RemoteException.class, e -> {
                assertThat(e.kind()).isEqualTo(RemoteException.Kind.REFUSED);
                assertThat(e.getMessage()).contains("CUDA out of memory");
            });
            assertThat(lm.tokenizer().detokenize(s.tokens())).isEqualTo("Count:One two");
        }
    }

    @Test
    void aStepOverManySequencesKeepsToTheConcurrencyLimit() throws IOException {
        try (Fake fake = new FakeServers.Vllm(R1)) {
            fake.http.throttle(20);
            RemoteEngine lm = RemoteEngine.connect(new RemoteHttp(spec(fake).withConcurrency(2), d -> { }));
            try (lm) {
                Sequence root = lm.prefill(lm.tokenizer().tokenize("Q:", false, true));
                List<StepRequest> reqs = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    Sequence f = lm.fork(root);
                    lm.append(f, lm.tokenizer().tokenize(" case " + i, false, true));
                    reqs.add(new StepRequest(f, SamplingParams.greedy(), 0));
                }
                List<TokenStep> steps = lm.step(reqs);
                assertThat(steps).hasSize(5).allSatisfy(t -> assertThat(t.token().text()).isEqualTo("The"));
                assertThat(fake.generations("/v1/completions")).hasSize(5)
                        .extracting(b -> b.path("prompt").asText()).containsExactlyInAnyOrder(
                                "Q: case 0", "Q: case 1", "Q: case 2", "Q: case 3", "Q: case 4");
                assertThat(fake.http.maxConcurrent()).isLessThanOrEqualTo(2);
            }
        }
    }

    @Test
    void theApiKeyGoesOnlyIntoTheAuthorizationHeader() throws IOException {
        try (Fake fake = new FakeServers.Vllm(R1)) {
            ServerSpec spec = ServerSpec.of("secure", fake.url(), null, "sk-secret-123");
            try (RemoteEngine lm = RemoteEngine.connect(new RemoteHttp(spec, d -> { }))) {
                assertThat(fake.http.requests()).isNotEmpty()
                        .allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Bearer sk-secret-123"));
                assertThat(spec.toString()).doesNotContain("sk-secret").contains("hidden");
                assertThat(lm.toString() + lm.info()).doesNotContain("sk-secret");
                fake.http.on("POST", "/v1/completions", ex -> ex.json(401, "{\"error\":{\"message\":\"Invalid API key\"}}"));
                Sequence s = lm.prefill(lm.tokenizer().tokenize("x", false, true));
                assertThatThrownBy(() -> lm.step(List.of(new StepRequest(s, SamplingParams.greedy(), 0))))
                        .hasMessageContaining("Invalid API key").hasMessageNotContaining("sk-secret");
            }
        }
    }

    @Test
    void cancelStopsTheStepThatWaitsForTheServer() throws IOException {
        try (Fake fake = new FakeServers.Vllm(R1); RemoteEngine lm = connect(fake)) {
            Sequence s = lm.prefill(lm.tokenizer().tokenize("x", false, true));
            StepRequest r = new StepRequest(s, SamplingParams.greedy(), 0);
            lm.step(List.of(r));
            lm.cancel();
            assertThatThrownBy(() -> lm.step(List.of(r))).isInstanceOf(CancellationException.class);
            assertThat(lm.step(List.of(r)).getFirst().token().text()).as("the next call runs again").isNotNull();
        }
    }

    @Test
    void anUnreachableServerIsAClearError() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ServerSpec spec = ServerSpec.of("gone", "http://127.0.0.1:" + port + "/v1", null, null).withRetries(1);
        assertThatThrownBy(() -> RemoteEngine.connect(new RemoteHttp(spec, d -> { })))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteException.Kind.UNREACHABLE);
                    assertThat(e.getMessage()).contains("cannot connect to gone").contains("127.0.0.1:" + port);
                });
    }

    // ---- llama-server ----------------------------------------------------------------------

    @Test
    void llamaServerHandsOutItsTemplateAndLongRepliesContinueTheSamePrefix() throws IOException {
        try (Fake fake = new FakeServers.LlamaServer(ChatTemplates.CHATML_THINKING); RemoteEngine lm = connect(fake)) {
            assertThat(lm.server().kind()).isEqualTo(ServerKind.LLAMA_SERVER);
            assertThat(lm.server().templateSource()).contains("/props");
            assertThat(lm.server().context()).isEqualTo(8192);
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < RemoteEngine.FIRST_CHUNK; i++) {
                pieces.add(" w" + i);
            }
            fake.reply(Reply.of(pieces.toArray(String[]::new)).length(), Reply.of(" done", "."));
            String prompt = lm.chat().render(List.of(ChatMessage.user("Go")), true, true);
            assertThat(prompt).isEqualTo("<|im_start|>user\nGo<|im_end|>\n<|im_start|>assistant\n");
            Sequence s = lm.prefill(lm.tokenizer().tokenize(prompt, true, true));
            StepRequest r = new StepRequest(s, SamplingParams.greedy(), 1);
            StringBuilder text = new StringBuilder();
            TokenStep step;
            while (!(step = lm.step(List.of(r)).getFirst()).endOfGeneration()) {
                text.append(step.token().text());
                assertThat(step.token().alternatives()).hasSize(1);
            }
            assertThat(text.toString()).isEqualTo(String.join("", pieces) + " done.");
            List<JsonNode> gens = fake.generations("/v1/completions");
            assertThat(gens).hasSize(2);
            assertThat(gens.get(1).path("prompt").asText()).isEqualTo(prompt + String.join("", pieces));
            assertThat(gens.get(0).path("max_tokens").asInt()).isEqualTo(RemoteEngine.FIRST_CHUNK);
            assertThat(gens.get(1).path("max_tokens").asInt()).isEqualTo(4 * RemoteEngine.FIRST_CHUNK);
            assertThat(gens.get(0).path("n_probs").asInt()).isEqualTo(5);
        }
    }

    @Test
    void forksAreSentAsContinuationsOfTheSharedPrefix() throws IOException {
        try (Fake fake = new FakeServers.LlamaServer(ChatTemplates.CHATML_THINKING); RemoteEngine lm = connect(fake)) {
            fake.reply(Reply.of("A", "B", "C", "D"), Reply.of("x"), Reply.of("y"));
            Sequence s = lm.prefill(lm.tokenizer().tokenize("P:", false, true));
            StepRequest r = new StepRequest(s, SamplingParams.greedy(), 0);
            lm.step(List.of(r));
            lm.step(List.of(r));
            Sequence a = lm.fork(s);
            Sequence b = lm.fork(s);
            List<TokenStep> out = lm.step(List.of(new StepRequest(a, SamplingParams.defaults(1), 0),
                    new StepRequest(b, SamplingParams.defaults(2), 0)));
            assertThat(out).extracting(t -> t.token().text()).containsExactlyInAnyOrder("x", "y");
            List<JsonNode> gens = fake.generations("/v1/completions");
            assertThat(gens).hasSize(3);
            assertThat(gens.subList(1, 3)).extracting(g -> g.path("prompt").asText()).containsOnly("P:AB");
        }
    }

    @Test
    void budgetForcingSuppressesTheClosingTagThroughTheServersTokenId() throws IOException {
        try (Fake fake = new FakeServers.LlamaServer(ChatTemplates.CHATML_THINKING); RemoteEngine lm = connect(fake)) {
            fake.respond(body -> body.path("prompt").asText().contains("Wait")
                    ? Reply.of(" I", " check", ":", " 42", ".", " Yes", ".", "\n", "</think>", "\n\n", "\\boxed{42}")
                    : Reply.of("6", "*", "7", "=", "42", "\n", "</think>", "\n\n", "\\boxed{42}"));
            RunResult r = run(lm, "budget min=8 max=40 max-tokens=64");
            assertThat(r.verdict()).isEqualTo(Verdict.CORRECT);
            assertThat(r.tree().nodes()).anyMatch(n -> n.kind() == NodeKind.INTERVENTION && n.text().contains("Wait"));
            JsonNode biased = fake.generations("/v1/completions").stream()
                    .filter(g -> g.has("logit_bias")).findFirst().orElseThrow();
            assertThat(biased.path("prompt").asText()).endsWith("Wait");
            assertThat(biased.path("logit_bias").path("151668").asDouble()).isEqualTo(-100.0);
        }
    }

    // ---- Ollama ----------------------------------------------------------------------------

    @Test
    void ollamaGetsRawPromptsThroughItsOwnApiAsNewlineDelimitedJson() throws IOException {
        try (Fake fake = new FakeServers.Ollama("deepseek-r1:1.5b", R1_OLLAMA_TEMPLATE); RemoteEngine lm = connect(fake)) {
            assertThat(lm.server().kind()).isEqualTo(ServerKind.OLLAMA);
            assertThat(lm.server().endpoint()).isEqualTo(Endpoint.OLLAMA_GENERATE);
            assertThat(lm.server().templateSource()).contains("DeepSeek-R1");
            assertThat(lm.info().quantization()).isEqualTo("Q4_K_M");
            assertThat(lm.capabilities().logitBias()).isFalse();
            fake.reply(thinkThenAnswer("42"));
            RunResult r = run(lm, "chain max-tokens=64");
            assertThat(r.verdict()).isEqualTo(Verdict.CORRECT);
            JsonNode g = fake.generations("/api/generate").getFirst();
            assertThat(g.path("raw").asBoolean()).isTrue();
            assertThat(g.path("prompt").asText()).startsWith("<｜User｜>").endsWith("<｜Assistant｜><think>\n");
            assertThat(g.path("options").path("num_predict").asInt()).isEqualTo(RemoteEngine.FIRST_CHUNK);
            assertThat(g.path("logprobs").asBoolean()).isTrue();
            Node answer = r.tree().nodes().stream().filter(n -> n.kind() == NodeKind.ANSWER).findFirst().orElseThrow();
            assertThat(answer.tokens().getFirst().alternatives()).isEmpty();
            assertThat(answer.tokens().getFirst().hasLogprob()).isTrue();
        }
    }

    @Test
    void theThoughtSwitchPenaltySaysItNeedsALogitBiasTheServerLacks() throws IOException {
        try (Fake fake = new FakeServers.Ollama("deepseek-r1:1.5b", R1_OLLAMA_TEMPLATE); RemoteEngine lm = connect(fake)) {
            assertThatThrownBy(() -> run(lm, "tip max-tokens=64")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("logit bias").hasMessageContaining("deepseek-r1:1.5b");
            assertThat(lm.server().notes()).anyMatch(n -> n.contains("logit bias"));
        }
    }

    // ---- a connection cut in the middle of a stream, on each server --------------------------

    @ParameterizedTest
    @ValueSource(strings = {"vllm", "llama-server", "ollama"})
    void aConnectionCutInTheMiddleOfAStreamLeavesThePartialTraceAndAClearError(String kind) throws IOException {
        Fake fake = switch (kind) {
            case "vllm" -> new FakeServers.Vllm(R1);
            case "llama-server" -> new FakeServers.LlamaServer(KnownTemplates.R1);
            default -> new FakeServers.Ollama("deepseek-r1:1.5b", R1_OLLAMA_TEMPLATE);
        };
        try (fake; RemoteEngine lm = connect(fake)) {
            fake.reply(Reply.of("First", " I", " add", " the", " tens", " and").cut());
            AtomicReference<ReasoningTree> tree = new AtomicReference<>();
            assertThatThrownBy(() -> Strategies.create(Strategies.parse("chain max-tokens=64")).run(
                    RunContext.builder(lm, new Problem("What is 6 x 7?", "42")).onTree(tree::set).build()))
                    .isInstanceOfSatisfying(RemoteException.class, e -> {
                        assertThat(e.kind()).isIn(RemoteException.Kind.CUT);
                        assertThat(e.getMessage()).contains("test").contains("middle of a reply");
                    });
            // what arrived before the cut is kept (the client may lose the bytes in flight when the error lands)
            String partial = tree.get().pathText(tree.get().nodes().getLast());
            assertThat(partial).startsWith("First I");
            assertThat("First I add the tens").startsWith(partial);
        }
    }

    // ---- a server with chat completions only -----------------------------------------------

    @Test
    void aChatOnlyServerGivesItsReasoningContentAsThinkingAndRefusesPartialReplies() throws IOException {
        try (Fake fake = new FakeServers.ChatOnly(R1); RemoteEngine lm = connect(fake)) {
            assertThat(lm.server().endpoint()).isEqualTo(Endpoint.CHAT);
            assertThat(lm.server().notes()).anyMatch(n -> n.contains("no raw completions"));
            assertThat(lm.capabilities().sharedPrefixes()).isFalse();
            fake.reply(Reply.of("~Six", "~ sevens", "~ are", "~ 42", "~.", "The", " answer", " is", " \\boxed{42}", "."));
            RunResult r = run(lm, "chain max-tokens=64");
            assertThat(r.verdict()).isEqualTo(Verdict.CORRECT);
            Node leaf = r.chosen().orElseThrow();
            String text = r.tree().pathText(leaf);
            assertThat(text).isEqualTo("Six sevens are 42.\n</think>\n\nThe answer is \\boxed{42}.");
            JsonNode g = fake.generations("/v1/chat/completions").getFirst();
            assertThat(g.path("messages").get(0).path("content").asText()).contains("What is 6 x 7?");
            assertThat(g.path("logprobs").asBoolean()).isTrue();

            String prompt = lm.chat().render(List.of(ChatMessage.user("Hi")), true, true);
            Sequence s = lm.prefill(lm.tokenizer().tokenize(prompt, true, true));
            Sequence f = lm.fork(s);
            lm.append(f, lm.tokenizer().tokenize("Wait", false, true));
            assertThatThrownBy(() -> lm.step(List.of(new StepRequest(f, SamplingParams.greedy(), 0))))
                    .isInstanceOfSatisfying(RemoteException.class,
                            e -> assertThat(e.kind()).isEqualTo(RemoteException.Kind.UNSUPPORTED))
                    .hasMessageContaining("partial reply");
        }
    }
}
