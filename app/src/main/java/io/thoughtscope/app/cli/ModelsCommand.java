package io.thoughtscope.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thoughtscope.app.ModelFolders;
import io.thoughtscope.runtime.discovery.DiscoveredModel;
import io.thoughtscope.runtime.discovery.DiscoveryResult;
import io.thoughtscope.runtime.discovery.GgufSummary;
import io.thoughtscope.runtime.discovery.ModelDiscovery;
import io.thoughtscope.runtime.discovery.ModelRoots;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code thoughtscope models}: the GGUF models found on this machine. */
@Command(name = "models", mixinStandardHelpOptions = true, versionProvider = ThoughtscopeCommand.VersionProvider.class,
        description = {"List the GGUF models found where they are usually kept: LM Studio's models folders,",
                "Ollama's store, the Hugging Face cache, and folders you add (--add-folder)."},
        sortOptions = false)
public final class ModelsCommand implements Callable<Integer> {

    @Option(names = "--folder", paramLabel = "DIR", description = "Also search this folder (this time only); repeatable.")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--add-folder", paramLabel = "DIR", description = "Add a folder to search from now on; repeatable.")
    List<Path> addFolders = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per model.")
    boolean json;

    @Option(names = "--only-folders", description = "Search only the folders given with --folder.")
    boolean noDefaults;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path f : addFolders) {
            if (!Files.isDirectory(f)) {
                err.println("error: " + f + " is not a folder");
                return ExitCodes.FAILED;
            }
            err.println(ModelFolders.add(f) ? "added " + f.toAbsolutePath() + " to " + ModelFolders.file()
                    : f.toAbsolutePath() + " is already searched");
        }
        List<Path> extra = new ArrayList<>(ModelFolders.load());
        extra.addAll(folders);
        ModelRoots roots = (noDefaults ? ModelRoots.none() : ModelRoots.forThisMachine()).withFolders(extra);
        DiscoveryResult result = new ModelDiscovery(roots).discover();
        ObjectMapper mapper = new ObjectMapper();
        if (!json) {
            out.printf(Locale.ROOT, "%-44s %-11s %-10s %7s %-8s %7s %9s%n", "MODEL", "SOURCE", "ARCH", "PARAMS", "QUANT", "CONTEXT", "SIZE");
        }
        for (DiscoveredModel m : result.models()) {
            GgufSummary s = m.summary().orElse(null);
            if (json) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", m.displayName());
                row.put("source", m.source().id());
                row.put("path", m.path().toString());
                row.put("size", m.sizeBytes());
                row.put("ready", m.isReady());
                row.put("architecture", s == null ? null : s.architecture());
                row.put("parameters", s == null ? null : s.parameterCount());
                row.put("quantization", s == null ? null : s.quantization());
                row.put("context", s == null ? null : s.contextLength());
                row.put("problem", m.problem().orElse(null));
                out.println(mapper.writeValueAsString(row));
            } else {
                out.printf(Locale.ROOT, "%-44s %-11s %-10s %7s %-8s %7s %9s%n", TableWriter.fit(m.displayName(), 44),
                        m.source().id(), s == null ? "-" : TableWriter.fit(s.architecture(), 10),
                        s == null ? "-" : params(s.parameterCount()), s == null ? "-" : s.quantization(),
                        s == null || s.contextLength() == 0 ? "-" : String.valueOf(s.contextLength()), size(m.sizeBytes()));
                m.problem().ifPresent(p -> out.println("      ! " + p));
            }
        }
        if (!json) {
            out.println(result.models().size() + (result.models().size() == 1 ? " model" : " models")
                    + (result.models().isEmpty() ? " found. Add a folder with --add-folder DIR." : ""));
        }
        for (String note : result.notes()) {
            err.println("note: " + note);
        }
        return ExitCodes.OK;
    }

    static String params(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1fB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.0fM", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.0fK", n / 1e3);
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }
}
