package io.thoughtscope.runtime.llama;

import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.spi.ChatMessage;
import io.thoughtscope.reasoning.spi.LanguageModel;
import io.thoughtscope.reasoning.spi.SamplingParams;
import io.thoughtscope.reasoning.spi.Sequence;
import io.thoughtscope.reasoning.spi.StepRequest;
import io.thoughtscope.reasoning.spi.TokenStep;
import io.thoughtscope.runtime.gguf.RandomModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The llama.cpp engine on tiny random-weight models written by the test (llama, qwen2, qwen3). */
class LlamaEngineTest {

    @TempDir
    static Path dir;

    static LlamaEngine qwen3;

    @BeforeAll
    static void open() throws IOException {
        qwen3 = LlamaEngine.open(write("qwen3", 3), LlamaOptions.defaults().withContext(1024).withThreads(2)
                .withMaxSequences(16), null, TemplateChatFormat::of);
    }

    @AfterAll
    static void close() {
        if (qwen3 != null) {
            qwen3.close();
        }
    }

    static Path write(String arch, long seed) throws IOException {
        Path p = dir.resolve("tiny-" + arch + "-" + seed + ".gguf");
        if (!Files.exists(p)) {
            RandomModels.write(RandomModels.tiny(arch, seed), p);
        }
        return p;
    }

    private static SamplingParams sampled(long seed) {
        return new SamplingParams(1.0, 0, 0.95, 0, 1, 64, seed, Map.of());
    }

    private static List<Token> generate(LanguageModel m, Sequence s, SamplingParams p, int n) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(m.step(List.of(new StepRequest(s, p, 3))).getFirst().token());
        }
        return out;
    }

    private static List<Integer> ids(List<Token> tokens) {
        return tokens.stream().map(Token::id).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama", "qwen2", "qwen3"})
    void loadsEachArchitectureAndGenerates(String arch) throws IOException {
        try (LlamaEngine e = LlamaEngine.open(write(arch, 1), LlamaOptions.defaults().withContext(256).withThreads(2)
                .withMaxSequences(2), null, TemplateChatFormat::of)) {
            assertThat(e.info().architecture()).isEqualTo(arch);
            assertThat(e.info().backend()).isEqualTo("cpu");
            assertThat(e.info().layers()).isPositive();
            assertThat(e.info().parameters()).isPositive();
            assertThat(e.contextLength()).isEqualTo(256);
            Sequence s = e.prefill(e.tokenizer().tokenize("Hello there", false, true));
            List<Token> t = generate(e, s, SamplingParams.greedy(), 5);
            assertThat(t).hasSize(5).allSatisfy(tok -> {
                assertThat(tok.logprob()).isLessThanOrEqualTo(0);
                assertThat(tok.entropy()).isPositive();
                assertThat(tok.alternatives()).hasSize(3);
            });
        }
    }

    @Test
    void tokenizesByteExactlyWithSpecialTokens() {
        var tok = qwen3.tokenizer();
        for (String text : List.of("Let me think: 12 × 15 = 180.", "<think>\n等等，验证一下 😀</think>\n\nThe answer is 42.",
                "  leading and trailing spaces  ", "<|im_start|>user\nhi<|im_end|>")) {
            int[] ids = tok.tokenize(text, false, true);
            assertThat(tok.detokenize(ids)).isEqualTo(text);
        }
        int[] think = tok.tokenize("<think>", false, true);
        assertThat(think).hasSize(1);
        // control tokens are read as such only when asked; otherwise they are plain text
        assertThat(tok.tokenize("<|im_end|>", false, false).length).isGreaterThan(1);
        int[] eos = tok.tokenize("<|im_end|>", false, true);
        assertThat(tok.isEndOfGeneration(eos[0])).isTrue();
        assertThat(tok.isEndOfGeneration(think[0])).isFalse();
    }

    @Test
    void rendersTheModelsOwnChatTemplateWithAThinkingSwitch() {
        var chat = qwen3.chat();
        List<ChatMessage> msgs = List.of(ChatMessage.system("Be brief."), ChatMessage.user("What is 2+2?"));
        String on = chat.render(msgs, true, true);
        String off = chat.render(msgs, true, false);
        assertThat(on).contains("<|im_start|>system\nBe brief.<|im_end|>").contains("<|im_start|>user\nWhat is 2+2?<|im_end|>")
                .endsWith("<|im_start|>assistant\n");
        assertThat(chat.canDisableThinking()).isTrue();
        assertThat(off).endsWith("<think>\n\n</think>\n\n");
        assertThat(chat.thinkOpen()).isEqualTo("<think>");
        assertThat(chat.endsInsideThinking(off)).isFalse();
    }

    @Test
    void greedyIsDeterministicAndSeededSamplingReproducible() {
        int[] prompt = qwen3.tokenizer().tokenize("<|im_start|>user\nCount to five.<|im_end|>\n", false, true);
        Sequence a = qwen3.prefill(prompt);
        Sequence b = qwen3.prefill(prompt);
        assertThat(ids(generate(qwen3, a, SamplingParams.greedy(), 12))).isEqualTo(ids(generate(qwen3, b, SamplingParams.greedy(), 12)));
        qwen3.release(a);
        qwen3.release(b);

        Sequence c = qwen3.prefill(prompt);
        Sequence d = qwen3.prefill(prompt);
        Sequence e = qwen3.prefill(prompt);
        List<Integer> s1 = ids(generate(qwen3, c, sampled(42), 16));
        List<Integer> s2 = ids(generate(qwen3, d, sampled(42), 16));
        List<Integer> s3 = ids(generate(qwen3, e, sampled(43), 16));
        assertThat(s1).isEqualTo(s2);
        assertThat(s1).isNotEqualTo(s3);
        List.of(c, d, e).forEach(qwen3::release);
    }

    @Test
    void aForkContinuesExactlyAsTheUnforkedSequenceWithoutRecomputingThePrefix() {
        int[] prompt = qwen3.tokenizer().tokenize("<|im_start|>user\nA fairly long prompt to share between branches.<|im_end|>\n", false, true);
        qwen3.resetCounters();
        Sequence root = qwen3.prefill(prompt);
        assertThat(qwen3.counters().promptTokens()).isEqualTo(prompt.length - 1);
        List<Token> firstPart = generate(qwen3, root, sampled(7), 5);
        Sequence fork = qwen3.fork(root);
        List<Token> rest = generate(qwen3, root, sampled(7), 8);
        List<Token> forkRest = generate(qwen3, fork, sampled(7), 8);
        assertThat(ids(forkRest)).isEqualTo(ids(rest));
        assertThat(qwen3.counters().promptTokens()).as("forking evaluates no prompt again").isEqualTo(prompt.length - 1);
        // the fork's first step evaluated only its one pending token: 5 + 8 + 8 tokens decoded in all
        assertThat(qwen3.counters().decodedTokens()).isEqualTo(5 + 8 + 8);
        for (int i = 0; i < rest.size(); i++) {
            assertThat(forkRest.get(i).logprob()).isCloseTo(rest.get(i).logprob(), within(1e-4));
        }
        assertThat(fork.length()).isEqualTo(root.length());
        assertThat(firstPart).hasSize(5);
        qwen3.release(root);
        qwen3.release(fork);
    }

    @Test
    void batchedDecodeEqualsOneByOneDecode() {
        int[] prompt = qwen3.tokenizer().tokenize("<|im_start|>user\nbatch me<|im_end|>\n", false, true);
        Sequence root = qwen3.prefill(prompt);
        List<Sequence> batched = List.of(qwen3.fork(root), qwen3.fork(root), qwen3.fork(root));
        List<Sequence> single = List.of(qwen3.fork(root), qwen3.fork(root), qwen3.fork(root));
        List<List<Token>> b = new ArrayList<>();
        batched.forEach(s -> b.add(new ArrayList<>()));
        for (int step = 0; step < 10; step++) {
            List<StepRequest> reqs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                reqs.add(new StepRequest(batched.get(i), sampled(100 + i), 0));
            }
            List<TokenStep> out = qwen3.step(reqs);
            for (int i = 0; i < 3; i++) {
                assertThat(out.get(i).sequence()).isSameAs(batched.get(i));
                b.get(i).add(out.get(i).token());
            }
        }
        for (int i = 0; i < 3; i++) {
            List<Token> one = generate(qwen3, single.get(i), sampled(100 + i), 10);
            assertThat(ids(one)).isEqualTo(ids(b.get(i)));
            for (int k = 0; k < 10; k++) {
                assertThat(one.get(k).logprob()).isCloseTo(b.get(i).get(k).logprob(), within(1e-3));
            }
        }
        batched.forEach(qwen3::release);
        single.forEach(qwen3::release);
        qwen3.release(root);
    }

    @Test
    void logitBiasSuppressesAndForcesTokens() {
        int[] prompt = qwen3.tokenizer().tokenize("bias test", false, true);
        Sequence a = qwen3.prefill(prompt);
        Sequence b = qwen3.fork(a);
        Sequence c = qwen3.fork(a);
        int greedy = qwen3.step(List.of(new StepRequest(a, SamplingParams.greedy(), 0))).getFirst().token().id();
        int suppressed = qwen3.step(List.of(new StepRequest(b,
                SamplingParams.greedy().withLogitBias(Map.of(greedy, Float.NEGATIVE_INFINITY)), 0))).getFirst().token().id();
        assertThat(suppressed).isNotEqualTo(greedy);
        int[] want = qwen3.tokenizer().tokenize(" Wait", false, false);
        Token forced = qwen3.step(List.of(new StepRequest(c,
                SamplingParams.greedy().withLogitBias(Map.of(want[0], 1000f)), 0))).getFirst().token();
        assertThat(forced.id()).isEqualTo(want[0]);
        // the reported log-probability is the model's own, before the bias
        assertThat(forced.logprob()).isLessThan(-0.01);
        List.of(a, b, c).forEach(qwen3::release);
    }

    @Test
    void appendedTextAndTruncationContinueCorrectly() {
        int[] prompt = qwen3.tokenizer().tokenize("edit test", false, true);
        Sequence s = qwen3.prefill(prompt);
        generate(qwen3, s, SamplingParams.greedy(), 6);
        int len = s.length();
        int[] wait = qwen3.tokenizer().tokenize(" Wait,", false, false);
        qwen3.append(s, wait);
        assertThat(s.length()).isEqualTo(len + wait.length);
        Token afterWait = generate(qwen3, s, SamplingParams.greedy(), 1).getFirst();
        // a fresh sequence with the same tokens gives the same next token
        Sequence same = qwen3.prefill(java.util.Arrays.copyOf(s.tokens(), s.length() - 1));
        assertThat(generate(qwen3, same, SamplingParams.greedy(), 1).getFirst().id()).isEqualTo(afterWait.id());
        // truncating back and regenerating reproduces the original continuation
        qwen3.truncate(s, len);
        assertThat(s.length()).isEqualTo(len);
        qwen3.release(s);
        qwen3.release(same);
    }

    @Test
    void cancelStopsAStepAndTheEngineStaysUsable() throws Exception {
        int[] prompt = qwen3.tokenizer().tokenize("cancel me", false, true);
        Sequence s = qwen3.prefill(prompt);
        qwen3.cancel();
        assertThatThrownBy(() -> qwen3.step(List.of(new StepRequest(s, SamplingParams.greedy(), 0))))
                .isInstanceOf(CancellationException.class);
        // cancel from another thread while steps run in a loop
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
            int n = 0;
            try {
                while (n < 100_000) {
                    qwen3.step(List.of(new StepRequest(s, SamplingParams.greedy(), 0)));
                    n++;
                    if (s.length() > 900) {
                        qwen3.truncate(s, prompt.length);
                    }
                }
            } catch (CancellationException e) {
                return n;
            }
            return -1;
        });
        Thread.sleep(200);
        qwen3.cancel();
        int steps = run.get(30, TimeUnit.SECONDS);
        assertThat(steps).isNotNegative().isLessThan(100_000);
        assertThat(generate(qwen3, s, SamplingParams.greedy(), 2)).hasSize(2);
        qwen3.release(s);
    }

    @Test
    void aFullContextIsAClearError() throws IOException {
        try (LlamaEngine small = LlamaEngine.open(write("llama", 2), LlamaOptions.defaults().withContext(64).withThreads(1)
                .withMaxSequences(1), null, TemplateChatFormat::of)) {
            // llama.cpp may round the context up; what counts is what it reports
            int ctx = small.contextLength();
            int[] tooLong = new int[ctx + 5];
            java.util.Arrays.fill(tooLong, 65);
            assertThatThrownBy(() -> small.prefill(tooLong)).isInstanceOf(LlamaException.class).hasMessageContaining("context");
            Sequence s = small.prefill(small.tokenizer().tokenize("hello", false, false));
            assertThatThrownBy(() -> {
                for (int i = 0; i < ctx + 5; i++) {
                    small.step(List.of(new StepRequest(s, SamplingParams.greedy(), 0)));
                }
            }).isInstanceOf(LlamaException.class).hasMessageContaining("context");
            assertThatThrownBy(() -> small.prefill(new int[] {1})).isInstanceOf(LlamaException.class)
                    .hasMessageContaining("sequences are in use");
        }
    }

    @Test
    void badFilesAreRefusedInJavaBeforeNativeCodeSeesThem() throws IOException {
        Path good = write("qwen2", 9);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.gguf");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path magic = dir.resolve("magic.gguf");
        byte[] m = bytes.clone();
        m[0] = 'X';
        Files.write(magic, m);
        Path counts = dir.resolve("counts.gguf");
        byte[] c = bytes.clone();
        // the tensor count (u64 at offset 8) claims far too many tensors
        java.nio.ByteBuffer.wrap(c).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(8, 1L << 40);
        Files.write(counts, c);
        for (Path bad : List.of(truncated, magic, counts, dir.resolve("missing.gguf"))) {
            assertThatThrownBy(() -> LlamaEngine.open(bad, LlamaOptions.defaults(), null, TemplateChatFormat::of))
                    .isInstanceOf(LlamaException.class).hasMessageContaining(bad.getFileName().toString());
        }
        // and the engine in this JVM still works
        assertThat(generate(qwen3, qwen3.prefill(new int[] {1, 2, 3}), SamplingParams.greedy(), 1)).hasSize(1);
    }

    @Test
    void theJvmEndsByItselfAfterTheModelIsClosed() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-Dthoughtscope.natives=" + System.getProperty("thoughtscope.natives"),
                "-cp", System.getProperty("java.class.path"), OpenCloseMain.class.getName(), write("llama", 6).toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertThat(ended).as("the child JVM ended without System.exit; output:\n" + output).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(output).contains("closed");
    }

    @Test
    void aClosedModelRefusesWork() throws IOException {
        LlamaEngine e = LlamaEngine.open(write("llama", 4), LlamaOptions.defaults().withContext(128).withThreads(1)
                .withMaxSequences(1), null, TemplateChatFormat::of);
        e.close();
        e.close(); // twice is harmless
        assertThatThrownBy(() -> e.prefill(new int[] {1, 2})).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void loadingReportsProgressAndCanBeCancelled() throws IOException {
        List<Double> seen = new ArrayList<>();
        try (LlamaEngine e = LlamaEngine.open(write("qwen2", 5), LlamaOptions.defaults().withContext(128).withThreads(1)
                .withMaxSequences(1), f -> {
            seen.add(f);
            return true;
        }, TemplateChatFormat::of)) {
            assertThat(e.info()).isNotNull();
        }
        assertThat(seen).isNotEmpty();
        assertThat(seen.getLast()).isCloseTo(1.0, within(1e-6));
        assertThatThrownBy(() -> LlamaEngine.open(write("qwen2", 5), LlamaOptions.defaults(), f -> false, TemplateChatFormat::of))
                .isInstanceOf(CancellationException.class);
    }
}
