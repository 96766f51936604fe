package io.thoughtscope.app.cli;

import io.thoughtscope.reasoning.model.Problem;
import io.thoughtscope.reasoning.model.TreeEvent;
import io.thoughtscope.reasoning.search.RunContext;
import io.thoughtscope.reasoning.search.RunResult;
import io.thoughtscope.reasoning.search.Strategies;
import io.thoughtscope.reasoning.search.Strategy;
import io.thoughtscope.reasoning.spi.ChatMessage;
import io.thoughtscope.reasoning.spi.LanguageModel;
import io.thoughtscope.store.Store;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** {@code run --strategy}: grows a reasoning tree with one of the search strategies and prints its summary. */
final class StrategyRun implements Callable<Integer> {

    private final RunCommand cmd;
    private final String question;

    StrategyRun(RunCommand cmd, String question) {
        this.cmd = cmd;
        this.question = question;
    }

    @Override
    public Integer call() {
        PrintWriter out = cmd.spec.commandLine().getOut();
        PrintWriter err = cmd.spec.commandLine().getErr();
        Strategy strategy;
        try {
            strategy = Strategies.create(Strategies.spec(cmd.strategy, parameters()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd.spec.commandLine(), e.getMessage());
        }
        long seed = cmd.seed != null ? cmd.seed : ThreadLocalRandom.current().nextLong(1L << 48);
        Terminal term = Terminal.detect(err);
        try (LanguageModel lm = Engines.open(cmd.model, cmd.server, cmd.engine, strategy.sequencesWanted(), term::progress)) {
            term.doneLoading(Engines.describe(lm));
            List<ChatMessage> messages = new ArrayList<>();
            if (cmd.system != null) {
                messages.add(ChatMessage.system(cmd.system));
            }
            RunContext.Builder b = RunContext.builder(lm, new Problem(question, cmd.truth)).seed(seed)
                    .listener(progress(err, term));
            if (cmd.system != null) {
                messages.add(ChatMessage.user(question));
                b.messages(messages);
            }
            Store store = cmd.save ? cmd.database.open(err) : null;
            TreeSaver saver = store == null ? null : new TreeSaver(store, Engines.ref(lm, cmd.model));
            if (saver != null) {
                saver.attach(b, new Problem(question, cmd.truth), question.strip().lines().findFirst().orElse(""),
                        strategy.spec(), seed);
            }
            RunContext ctx = b.build();
            Thread hook = new Thread(ctx::cancel, "thoughtscope-cancel");
            Runtime.getRuntime().addShutdownHook(hook);
            RunResult result;
            try {
                result = strategy.run(ctx);
                if (saver != null) {
                    String session = saver.finish(result);
                    err.println("saved as session " + session + " in " + store.file());
                }
            } catch (CancellationException e) {
                if (saver != null) {
                    saver.abandon();
                }
                err.println("\nstopped");
                return ExitCodes.FAILED;
            } catch (RuntimeException e) {
                // the model failed in the middle (a server that died): the tree so far is kept
                err.println((term.colors() ? "\r\u001B[2K" : "") + "error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                if (saver != null) {
                    String session = saver.abandon();
                    if (session != null) {
                        err.println("the tree so far is kept as session " + session + " in " + store.file() + ", marked cut short");
                    }
                }
                return ExitCodes.FAILED;
            } finally {
                if (store != null) {
                    store.close();
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting
                }
            }
            if (term.colors()) {
                err.print("\r\u001B[2K");
            }
            out.print(result.summary());
            out.printf(Locale.ROOT, "seed %d · %.1f s%n", seed, result.wall().toMillis() / 1000.0);
        }
        return ExitCodes.OK;
    }

    /** Strategy parameters: the run command's sampling flags that were given, then the --set pairs. */
    private Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        var parsed = cmd.spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--temperature")) {
            p.put("temperature", String.valueOf(cmd.temperature));
        }
        if (parsed.hasMatchedOption("--top-p")) {
            p.put("top-p", String.valueOf(cmd.topP));
        }
        if (parsed.hasMatchedOption("--top-k")) {
            p.put("top-k", String.valueOf(cmd.topK));
        }
        if (parsed.hasMatchedOption("--min-p")) {
            p.put("min-p", String.valueOf(cmd.minP));
        }
        if (parsed.hasMatchedOption("--repeat-penalty")) {
            p.put("repeat-penalty", String.valueOf(cmd.repeatPenalty));
        }
        if (parsed.hasMatchedOption("--max-tokens")) {
            p.put("max-tokens", String.valueOf(cmd.maxTokens));
        }
        if (cmd.noThink) {
            p.put("thinking", "false");
        }
        for (String kv : cmd.parameters) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(cmd.spec.commandLine(), "--set needs KEY=VALUE, got '" + kv + "'");
            }
            p.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
        }
        return p;
    }

    /** A one-line live count of nodes and tokens on a terminal. */
    private static io.thoughtscope.reasoning.model.TreeListener progress(PrintWriter err, Terminal term) {
        AtomicLong tokens = new AtomicLong();
        AtomicLong nodes = new AtomicLong(1);
        AtomicLong last = new AtomicLong();
        return e -> {
            if (e instanceof TreeEvent.NodeAdded) {
                nodes.incrementAndGet();
            } else if (e instanceof TreeEvent.TextAppended t) {
                tokens.addAndGet(t.tokenTo() - t.tokenFrom());
            }
            long now = System.nanoTime();
            if (term.colors() && now - last.get() > 200_000_000L) {
                last.set(now);
                err.printf(Locale.ROOT, "\r%d nodes · %d tokens", nodes.get(), tokens.get());
                err.flush();
            }
        };
    }

}
