package io.thoughtscope.app.cli;

import io.thoughtscope.app.ServerSettings;
import io.thoughtscope.runtime.remote.RemoteException;
import io.thoughtscope.runtime.remote.ServerInfo;
import io.thoughtscope.runtime.remote.ServerKind;
import io.thoughtscope.runtime.remote.ServerProbe;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code thoughtscope server add|list|check|remove}: OpenAI-compatible servers to run models on. */
@Command(name = "server", mixinStandardHelpOptions = true, versionProvider = ThoughtscopeCommand.VersionProvider.class,
        description = {"Servers to run models on: vLLM, SGLang, llama-server, Ollama, LM Studio or any",
                "OpenAI-compatible address. Use one with run --server NAME or experiment --server A,B."},
        subcommands = {ServerCommand.Add.class, ServerCommand.ListServers.class, ServerCommand.Check.class,
                ServerCommand.Remove.class})
public final class ServerCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ServerSettings settings() {
        return ServerSettings.inConfigFolder();
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Add a server (or change one) and check that it answers.",
            "The API key is kept in its own file, readable by you only; it is never printed or logged."},
            sortOptions = false)
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "A name for it, e.g. gpu1.")
        String name;

        @Parameters(index = "1", paramLabel = "URL", description = "Its address, e.g. http://gpu1:8000 or http://localhost:11434.")
        String url;

        @Option(names = "--model", paramLabel = "ID", description = "The model to use (default: the server's only one).")
        String model;

        @Option(names = "--kind", paramLabel = "KIND", defaultValue = "auto",
                description = "auto, vllm, sglang, llama-server, ollama, lm-studio or openai (default: ${DEFAULT-VALUE}).")
        String kind;

        @Option(names = "--api-key-file", paramLabel = "FILE", description = "Read the API key from this file.")
        Path keyFile;

        @Option(names = "--api-key-env", paramLabel = "VAR", description = "Read the API key from this environment variable.")
        String keyEnv;

        @Option(names = "--api-key-stdin", description = "Read the API key from standard input.")
        boolean keyStdin;

        @Option(names = "--template", paramLabel = "FILE",
                description = "A Jinja chat template for prompts (when the server does not hand out its own).")
        Path template;

        @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", description = "Requests at once (default: ${DEFAULT-VALUE}).")
        int concurrency;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
                description = "The longest silence in a reply (default: ${DEFAULT-VALUE}).")
        int timeout;

        @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
                description = "Tries again for requests that are safe to repeat (default: ${DEFAULT-VALUE}).")
        int retries;

        @Option(names = "--chat-only", description = "Use chat completions only (for servers without raw completions).")
        boolean chatOnly;

        @Option(names = "--no-check", description = "Do not contact the server now.")
        boolean noCheck;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String key;
            ServerKind k;
            try {
                k = ServerKind.parse(kind);
                key = readKey();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (concurrency < 1 || retries < 0 || timeout < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--concurrency and --timeout must be at least 1, --retries 0 or more");
            }
            if (template != null && !Files.isRegularFile(template)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no template file at " + template);
            }
            ServerSettings settings = settings();
            ServerSettings.Entry entry = new ServerSettings.Entry(name, url.strip(), model, k.key(),
                    template == null ? null : template.toAbsolutePath().toString(), concurrency, retries, timeout, chatOnly);
            try {
                settings.put(entry, key);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            out.println("added " + name + " (" + url.strip() + ") to " + settings.file()
                    + (key != null ? "; its key is in " + settings.keyFile(name) + ", readable by you only" : ""));
            if (noCheck) {
                return ExitCodes.OK;
            }
            return check(settings, name, out, err);
        }

        private String readKey() throws IOException {
            int given = (keyFile != null ? 1 : 0) + (keyEnv != null ? 1 : 0) + (keyStdin ? 1 : 0);
            if (given > 1) {
                throw new IllegalArgumentException("give the API key one way: --api-key-file, --api-key-env or --api-key-stdin");
            }
            if (keyFile != null) {
                return Files.readString(keyFile, StandardCharsets.UTF_8).strip();
            }
            if (keyEnv != null) {
                String v = System.getenv(keyEnv);
                if (v == null || v.isBlank()) {
                    throw new IllegalArgumentException("the environment variable " + keyEnv + " is not set");
                }
                return v.strip();
            }
            if (keyStdin) {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            return null;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the servers.")
    static final class ListServers implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            ServerSettings settings = settings();
            List<ServerSettings.Entry> all = settings.load();
            if (all.isEmpty()) {
                out.println("no servers yet; add one with: thoughtscope server add NAME URL");
                return ExitCodes.OK;
            }
            out.printf(Locale.ROOT, "%-12s %-32s %-28s %-12s %s%n", "NAME", "URL", "MODEL", "KIND", "KEY");
            for (ServerSettings.Entry e : all) {
                out.printf(Locale.ROOT, "%-12s %-32s %-28s %-12s %s%n", e.name(), e.url(), e.model() == null ? "(the only one)" : e.model(),
                        e.kind() + (e.chatOnly() ? ",chat" : ""), settings.hasKey(e.name()) ? "yes" : "-");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Connect to a server and say what it can do.")
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return check(settings(), name, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a server and its key.")
    static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!settings().remove(name)) {
                spec.commandLine().getErr().println("error: no server named '" + name + "'");
                return ExitCodes.FAILED;
            }
            spec.commandLine().getOut().println("removed " + name);
            return ExitCodes.OK;
        }
    }

    static int check(ServerSettings settings, String name, PrintWriter out, PrintWriter err) throws IOException {
        ServerInfo info;
        long t0 = System.nanoTime();
        try {
            info = ServerProbe.probe(settings.spec(name));
        } catch (RemoteException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        out.printf(Locale.ROOT, "%s: %s%s, model %s, answered in %d ms%n", name, info.kind().key(),
                info.version().isEmpty() ? "" : " " + info.version(), info.model(), ms);
        out.println("  requests:     " + info.endpoint().path());
        out.println("  template:     " + info.templateSource());
        if (info.context() > 0) {
            out.println("  context:      " + info.context() + " tokens");
        }
        out.println("  logprobs:     " + (info.logprobs() ? "yes (top 20, entropy estimated from them)" : "no"));
        out.println("  logit bias:   " + (info.logitBias() ? "yes" : "no"));
        if (info.models().size() > 1) {
            out.println("  other models: " + String.join(", ", info.models().stream().filter(m -> !m.equals(info.model())).toList()));
        }
        for (String n : info.notes()) {
            out.println("  note: " + n);
        }
        return ExitCodes.OK;
    }
}
