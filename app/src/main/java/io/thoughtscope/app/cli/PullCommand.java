package io.thoughtscope.app.cli;

import io.thoughtscope.app.AppDirs;
import io.thoughtscope.runtime.hub.CuratedModels;
import io.thoughtscope.runtime.hub.HubDownloader;
import io.thoughtscope.runtime.hub.HubException;
import io.thoughtscope.runtime.hub.HubFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code thoughtscope pull REPO FILE}: a GGUF from a Hugging Face repository into the models folder. */
@Command(name = "pull", mixinStandardHelpOptions = true, versionProvider = ThoughtscopeCommand.VersionProvider.class,
        description = {"Download a GGUF model from a Hugging Face repository into the models folder, checked",
                "against the hub's SHA-256. Ctrl+C pauses; the same command resumes. --list shows suggestions."},
        sortOptions = false)
public final class PullCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "REPO", description = "owner/name, e.g. Qwen/Qwen3-0.6B-GGUF, or a number from --list.")
    String repo;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "The .gguf file in it, e.g. Qwen3-0.6B-Q8_0.gguf.")
    String file;

    @Option(names = "--list", description = "List distilled reasoning models to start with.")
    boolean list;

    @Option(names = "--dir", paramLabel = "FOLDER", description = "Where models go (default: the models folder in the data folder).")
    Path dir;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A hub token for gated repositories (default: $HF_TOKEN, else hf-token in the config folder).")
    Path tokenFile;

    @Option(names = "--revision", paramLabel = "REV", defaultValue = "main", description = "Branch, tag or commit (default: ${DEFAULT-VALUE}).")
    String revision;

    @Option(names = "--hub", paramLabel = "URL", description = "The hub's address (default: $HF_ENDPOINT, else https://huggingface.co).")
    URI hub;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CuratedModels.Entry> curated = CuratedModels.all();
        if (list) {
            for (int i = 0; i < curated.size(); i++) {
                CuratedModels.Entry e = curated.get(i);
                out.printf(Locale.ROOT, "%2d  %-38s %5.1f GB  %s %s%n", i + 1, e.label(), e.gigabytes(), e.repo(), e.file());
            }
            out.println("download one with: thoughtscope pull NUMBER   (or: thoughtscope pull REPO FILE)");
            return ExitCodes.OK;
        }
        if (repo != null && file == null && repo.matches("\\d+")) {
            int n = Integer.parseInt(repo);
            if (n < 1 || n > curated.size()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no entry " + n + " in --list");
            }
            file = curated.get(n - 1).file();
            repo = curated.get(n - 1).repo();
        }
        if (repo == null || file == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give REPO and FILE (or a number from --list)");
        }
        URI hubUri = hub != null ? hub : envHub();
        HubDownloader.Options options = new HubDownloader.Options(hubUri, token(), dir != null ? dir : AppDirs.modelsDir(),
                revision, 5, null);
        HubDownloader downloader = new HubDownloader(options);
        AtomicBoolean pause = new AtomicBoolean();
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            pause.set(true); // Ctrl+C: stop after the current buffer, keep the part file
            try {
                main.join(10_000);
            } catch (InterruptedException ignored) {
                // exiting
            }
        }, "thoughtscope-pause");
        Runtime.getRuntime().addShutdownHook(hook);
        Bar bar = new Bar(err, Terminal.detect(err).colors());
        HubDownloader.Result r;
        try {
            r = downloader.download(repo, file, bar, pause::get);
        } catch (HubException e) {
            bar.end();
            err.println("error: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException exiting) {
                // the hook is running
            }
        }
        bar.end();
        switch (r.outcome()) {
            case PAUSED -> {
                err.println("paused at " + HubDownloader.bytes(safeSize(r.file())) + " of " + HubDownloader.bytes(r.info().size())
                        + "; run the same command to resume");
                return ExitCodes.FAILED;
            }
            case ALREADY_PRESENT -> out.println(r.file() + " is already here (SHA-256 checked)");
            case DOWNLOADED -> out.println(r.file());
        }
        err.println("run it with: thoughtscope run -m \"" + r.file() + "\" -p \"...\"");
        return ExitCodes.OK;
    }

    private String token() throws IOException {
        if (tokenFile != null) {
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        }
        String env = System.getenv("HF_TOKEN");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        Path f = AppDirs.configDir().resolve("hf-token");
        return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8).strip() : null;
    }

    private static URI envHub() {
        String e = System.getenv("HF_ENDPOINT");
        return e != null && !e.isBlank() ? URI.create(e.strip()) : HubDownloader.DEFAULT_HUB;
    }

    private static long safeSize(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** A progress bar on a terminal, a line per tenth otherwise. */
    static final class Bar implements HubDownloader.Listener {
        private final PrintWriter err;
        private final boolean tty;
        private long start;
        private long startBytes;
        private long lastDraw;
        private int lastTenth = -1;

        Bar(PrintWriter err, boolean tty) {
            this.err = err;
            this.tty = tty;
        }

        @Override
        public void started(HubFile file, long resumedAt) {
            start = System.nanoTime();
            startBytes = resumedAt;
            err.println(file.repo() + "/" + file.path() + ": " + HubDownloader.bytes(file.size())
                    + (resumedAt > 0 && resumedAt < file.size() ? ", resuming at " + HubDownloader.bytes(resumedAt) : ""));
        }

        @Override
        public void progress(long done, long total) {
            long now = System.nanoTime();
            int tenth = (int) (done * 10 / Math.max(1, total));
            if (tty && now - lastDraw < 200_000_000L && done < total) {
                return;
            }
            if (!tty && tenth == lastTenth) {
                return;
            }
            lastDraw = now;
            lastTenth = tenth;
            double secs = (now - start) / 1e9;
            double rate = secs > 0 ? (done - startBytes) / secs : 0;
            long eta = rate > 0 ? (long) ((total - done) / rate) : 0;
            String line = String.format(Locale.ROOT, "%3d%%  %s of %s  %s/s  %d:%02d left", done * 100 / Math.max(1, total),
                    HubDownloader.bytes(done), HubDownloader.bytes(total), HubDownloader.bytes((long) rate), eta / 60, eta % 60);
            if (tty) {
                int width = 24;
                int filled = (int) (done * width / Math.max(1, total));
                err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + line + "\u001B[K");
            } else {
                err.println(line);
            }
            err.flush();
        }

        @Override
        public void retrying(int attempt, String why) {
            err.println((tty ? "\r\u001B[2K" : "") + "the transfer broke (" + why + "); resuming, try " + attempt);
        }

        @Override
        public void verifying() {
            if (tty) {
                err.print("\r\u001B[2K");
            }
            err.println("checking the SHA-256 and the GGUF header");
        }

        void end() {
            err.flush();
        }
    }
}
