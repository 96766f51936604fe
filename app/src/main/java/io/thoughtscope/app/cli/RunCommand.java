package io.thoughtscope.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thoughtscope.app.Lexicons;
import io.thoughtscope.reasoning.analysis.ThinkingSplitter;
import io.thoughtscope.reasoning.analysis.ThinkingStream;
import io.thoughtscope.reasoning.analysis.TraceAnalyzer;
import io.thoughtscope.reasoning.model.Ids;
import io.thoughtscope.reasoning.model.ModelRef;
import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.Problem;
import io.thoughtscope.reasoning.model.ReasoningTree;
import io.thoughtscope.reasoning.model.Run;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.Session;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.TopToken;
import io.thoughtscope.reasoning.model.Trace;
import io.thoughtscope.reasoning.search.Generation;
import io.thoughtscope.reasoning.search.Strategies;
import io.thoughtscope.reasoning.spi.ChatMessage;
import io.thoughtscope.reasoning.spi.Counters;
import io.thoughtscope.reasoning.spi.LanguageModel;
import io.thoughtscope.reasoning.spi.SamplingParams;
import io.thoughtscope.reasoning.spi.Sequence;
import io.thoughtscope.reasoning.spi.TokenStep;
import io.thoughtscope.store.RunRecorder;
import io.thoughtscope.store.Store;
import io.thoughtscope.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
        description = {"Run a local GGUF model (or one on a server: --server) on a prompt and stream its reply.",
                "Thinking and answer are shown apart; --tokens writes per-token data as JSONL.",
                "With --strategy, grow a reasoning tree (votes, best-of-N, beam search, MCTS, budget forcing,",
                "thought-switch penalty) and print its summary; --strategies lists them with their parameters."},
        sortOptions = false)
public final class RunCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, paramLabel = "GGUF", description = "The model file.")
    Path model;

    @Option(names = "--server", paramLabel = "NAME", description = "Run on a server added with 'thoughtscope server add' instead.")
    String server;

    @Option(names = {"-p", "--prompt"}, paramLabel = "TEXT", description = "The user's message; - reads standard input.")
    String prompt;

    @Option(names = {"-s", "--strategy"}, paramLabel = "NAME",
            description = "chain, self-consistency, best-of-n, beam, mcts, budget or tip (see --strategies).")
    String strategy;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A strategy parameter, e.g. --set n=8; repeatable.")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--truth", paramLabel = "ANSWER", description = "The ground truth: answers are graded against it.")
    String truth;

    @Option(names = "--strategies", description = "List the strategies and their parameters, then exit.")
    boolean listStrategies;

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

    @Option(names = "--save", description = "Store the run as a session in the session database while it streams "
            + "(its tree, every token, the analysis of the reply).")
    boolean save;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    DatabaseOption database = new DatabaseOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listStrategies) {
            out.print(Strategies.help());
            out.flush();
            return ExitCodes.OK;
        }
        if (model == null && server == null || prompt == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--prompt and --model (or --server) are required");
        }
        if (model != null && server != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --model or --server, not both");
        }
        String user = prompt.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : prompt;
        if (strategy != null) {
            return new StrategyRun(this, user).call();
        }
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
        try (LanguageModel lm = Engines.open(model, server, engine, 2, term::progress)) {
            term.doneLoading(Engines.describe(lm));
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
            Saved saved = save ? Saved.start(database.open(err), lm, Engines.ref(lm, model), user, rendered, sampling, maxTokens,
                    think, system) : null;
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
                            if (saved != null && !step.endOfGeneration()) {
                                saved.branch.appendToken(step.token());
                            }
                        });
                stream.finish();
            } catch (CancellationException e) {
                stream.finish();
                out.println();
                err.println("stopped");
                if (saved != null) {
                    saved.finish(null, lm.counters(), err);
                }
                return ExitCodes.FAILED;
            } catch (RuntimeException e) {
                // the model failed in the middle (a server that died): what came is kept
                stream.finish();
                out.println();
                err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                if (saved != null) {
                    err.println("the reply so far is kept, marked cut short");
                    saved.finish(null, lm.counters(), err);
                }
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
            if (saved != null && !saved.finish(result, c, err)) {
                return ExitCodes.FAILED;
            }
        }
        return ExitCodes.OK;
    }

    /** {@code --save}: the run recorded into the store as it streams, then finished and analysed. */
    static final class Saved {
        final Store store;
        final Run run;
        final RunRecorder recorder;
        final Node branch;

        private Saved(Store store, Run run, RunRecorder recorder, Node branch) {
            this.store = store;
            this.run = run;
            this.recorder = recorder;
            this.branch = branch;
        }

        static Saved start(Store store, LanguageModel lm, ModelRef modelRef, String user, String rendered,
                           SamplingParams sampling, int maxTokens, boolean think, String system) {
            try {
                String title = user.strip().lines().findFirst().orElse("");
                Session session = Session.create(title.length() <= 80 ? title : title.substring(0, 79) + "…",
                        new Problem(user, null));
                store.saveSession(session);
                Map<String, String> params = new LinkedHashMap<>();
                params.put("temperature", String.valueOf(sampling.temperature()));
                params.put("top_p", String.valueOf(sampling.topP()));
                params.put("top_k", String.valueOf(sampling.topK()));
                params.put("min_p", String.valueOf(sampling.minP()));
                params.put("repeat_penalty", String.valueOf(sampling.repetitionPenalty()));
                params.put("max_tokens", String.valueOf(maxTokens));
                params.put("think", String.valueOf(think));
                if (system != null) {
                    params.put("system", system);
                }
                Run run = new Run(Ids.newId(), session.id(), modelRef, new StrategySpec("chain", params), sampling.seed(),
                        Instant.now(), new ReasoningTree(user));
                RunRecorder recorder = store.record(run);
                Node branch = run.tree().addChild(run.tree().root(), NodeKind.BRANCH, 0, "");
                if (lm.chat().endsInsideThinking(rendered)) {
                    // the template opened the thinking: it is part of the reply as the model saw it
                    branch.appendText(rendered.substring(rendered.lastIndexOf(lm.chat().thinkOpen())));
                }
                return new Saved(store, run, recorder, branch);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }

        /** Ends the recording; a null result means the run was stopped. Returns false when saving failed. */
        boolean finish(Generation.Result result, Counters counters, PrintWriter err) {
            try (store) {
                branch.setStatus(result != null && result.reason() != Generation.Stop.MAX_TOKENS ? NodeStatus.DONE
                        : NodeStatus.CUT_OFF);
                branch.setChosen(true);
                run.tree().root().setChosen(true);
                recorder.finish(result == null ? RunStatus.CUT_SHORT : RunStatus.COMPLETED, counters);
                Trace trace = ThinkingSplitter.split(branch.text()).withTokens(branch.tokens());
                store.saveAnalysis(run.id(), branch.id(), branch.id(), new TraceAnalyzer(Lexicons.load(List.of())).analyze(trace, null));
                err.println("saved as session " + run.sessionId() + " in " + store.file());
                return true;
            } catch (StoreException e) {
                err.println("error: " + e.getMessage());
                return false;
            } catch (IOException | RuntimeException e) {
                err.println("error: the run was saved, its analysis not: " + e.getMessage());
                return false;
            }
        }
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
