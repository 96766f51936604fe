package io.thoughtscope.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thoughtscope.app.LocalModels;
import io.thoughtscope.reasoning.analysis.ThinkingStream;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.TopToken;
import io.thoughtscope.reasoning.search.Generation;
import io.thoughtscope.reasoning.spi.ChatMessage;
import io.thoughtscope.reasoning.spi.Counters;
import io.thoughtscope.reasoning.spi.LanguageModel;
import io.thoughtscope.reasoning.spi.SamplingParams;
import io.thoughtscope.reasoning.spi.Sequence;
import io.thoughtscope.reasoning.spi.TokenStep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;

/** {@code thoughtscope run}: one reply from a local model, streamed, with thinking and answer told apart. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = ThoughtscopeCommand.VersionProvider.class,
        description = {"Run a local GGUF model on a prompt and stream its reply.",
                "Thinking and answer are shown apart; --tokens writes per-token data as JSONL."},
        sortOptions = false)
public final class RunCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, paramLabel = "GGUF", required = true, description = "The model file.")
    Path model;

    @Option(names = {"-p", "--prompt"}, paramLabel = "TEXT", required = true, description = "The user's message; - reads standard input.")
    String prompt;

    @Option(names = "--system", paramLabel = "TEXT", description = "A system message.")
    String system;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0.6", description = "0 for greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-p", paramLabel = "P", defaultValue = "0.95", description = "Nucleus sampling (default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "0", description = "Keep the K most likely tokens, 0 = off.")
    int topK;

    @Option(names = "--min-p", paramLabel = "P", defaultValue = "0", description = "Drop tokens below P x the top probability.")
    double minP;

    @Option(names = "--repeat-penalty", paramLabel = "X", defaultValue = "1", description = "Repetition penalty, 1 = off.")
    double repeatPenalty;

    @Option(names = "--seed", paramLabel = "N", description = "Sampling seed (default: random, printed at the end).")
    Long seed;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "4096", description = "At most N new tokens (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--no-think", description = "Ask the model to answer without thinking.")
    boolean noThink;

    @Option(names = "--tokens", paramLabel = "FILE", description = "Write each token (id, text, logprob, top-k, entropy) as a JSON line.")
    Path tokensFile;

    @Option(names = "--top-logprobs", paramLabel = "K", defaultValue = "5", description = "Alternatives per token in --tokens (default: ${DEFAULT-VALUE}).")
    int topLogprobs;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String user = prompt.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : prompt;
        long usedSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48);
        SamplingParams sampling;
        try {
            sampling = new SamplingParams(temperature, topK, topP, minP, repeatPenalty, 64, usedSeed, Map.of());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (maxTokens < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-tokens must be at least 1");
        }
        Terminal term = Terminal.detect(err);
        try (LanguageModel lm = LocalModels.open(model, engine.toLlamaOptions(2), term::progress)) {
            term.doneLoading(lm.info().name() + " on " + lm.info().backend()
                    + (lm.info().layersOffloaded() > 0 ? " (" + lm.info().layersOffloaded() + "/" + lm.info().layers() + " layers on the GPU)" : ""));
            List<ChatMessage> messages = new ArrayList<>();
            if (system != null) {
                messages.add(ChatMessage.system(system));
            }
            messages.add(ChatMessage.user(user));
            boolean think = !noThink;
            if (noThink && !lm.chat().canDisableThinking()) {
                err.println("note: this model's template has no thinking switch; an empty think block is added instead");
            }
            String rendered = lm.chat().render(messages, true, think);
            int[] tokens = lm.tokenizer().tokenize(rendered, false, true);
            Sequence seq = lm.prefill(tokens);
            Thread hook = new Thread(lm::cancel, "thoughtscope-cancel");
            Runtime.getRuntime().addShutdownHook(hook);
            Printer printer = new Printer(out, term.colors());
            ThinkingStream stream = new ThinkingStream(lm.chat().thinkOpen(), lm.chat().thinkClose(),
                    lm.chat().endsInsideThinking(rendered), printer);
            Generation.Result result;
            try (TokenLog log = tokensFile == null ? null : new TokenLog(tokensFile)) {
                result = Generation.run(lm, seq, new Generation.Options(maxTokens, List.of(), Math.max(0, topLogprobs), sampling),
                        step -> {
                            if (!step.endOfGeneration()) {
                                stream.accept(step.token().text());
                            }
                            if (log != null) {
                                log.write(step);
                            }
                        });
                stream.finish();
            } catch (CancellationException e) {
                stream.finish();
                out.println();
                err.println("stopped");
                return ExitCodes.FAILED;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting; the hook has run
                }
            }
            out.println();
            Counters c = lm.counters();
            err.printf(Locale.ROOT, "%d tokens (%s) · %.1f tokens/s · prompt %d tokens at %.1f tokens/s · seed %d%s%n",
                    result.tokens(), switch (result.reason()) {
                        case END_OF_GENERATION -> "finished";
                        case STOP_STRING -> "stop string";
                        case MAX_TOKENS -> "hit --max-tokens";
                    }, c.decodeTokensPerSecond(), tokens.length, c.promptTokensPerSecond(), usedSeed,
                    tokensFile == null ? "" : " · tokens in " + tokensFile);
            if (printer.thinkingOpen && !stream.thinkingClosed() && stream.isThinking()) {
                err.println("note: the thinking never closed (the reply was cut off)");
            }
        }
        return ExitCodes.OK;
    }

    /** Prints thinking and answer apart: dimmed under a heading on a terminal, plain headings otherwise. */
    static final class Printer implements ThinkingStream.Sink {
        private final PrintWriter out;
        private final boolean colors;
        private Boolean section;
        boolean thinkingOpen;

        Printer(PrintWriter out, boolean colors) {
            this.out = out;
            this.colors = colors;
        }

        @Override
        public void text(String text, boolean thinking) {
            if (section == null || section != thinking) {
                if (section != null) {
                    out.println();
                }
                out.println(colors ? (thinking ? "\u001B[1;36mThinking\u001B[0m" : "\u001B[1;32mAnswer\u001B[0m")
                        : (thinking ? "[thinking]" : "[answer]"));
                section = thinking;
                if (thinking) {
                    thinkingOpen = true;
                }
            }
            out.print(colors && thinking ? "\u001B[2m" + text + "\u001B[0m" : text);
            out.flush();
        }
    }

    /** Writes each token as one JSON line. */
    static final class TokenLog implements AutoCloseable {
        private final BufferedWriter w;
        private final ObjectMapper json = new ObjectMapper();

        TokenLog(Path file) throws IOException {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        void write(TokenStep step) {
            Token t = step.token();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", t.id());
            row.put("text", t.text());
            row.put("logprob", t.logprob());
            row.put("entropy", t.entropy());
            List<Map<String, Object>> top = new ArrayList<>();
            for (TopToken a : t.alternatives()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", a.id());
                m.put("text", a.text());
                m.put("logprob", a.logprob());
                top.add(m);
            }
            row.put("top", top);
            row.put("time_ms", t.timeNanos() / 1e6);
            row.put("end", step.endOfGeneration());
            try {
                w.write(json.writeValueAsString(row));
                w.newLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write the token file: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            w.close();
        }
    }
}
