package io.thoughtscope.runtime.discovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model found on disk.
 *
 * @param path        the file to open (the first part of a split model; an Ollama blob)
 * @param displayName {@code qwen3:8b} for Ollama, {@code org/name/file} for Hugging Face and LM Studio, the file
 *                    name without {@code .gguf} (and without the split suffix) otherwise
 * @param source      where it was found
 * @param sizeBytes   all parts together
 * @param parts       every file of the model, in order; one for most models
 * @param aliases     other names under which the same file was found (another Ollama tag, another folder)
 * @param status      what reading the header said
 */
public record DiscoveredModel(Path path, String displayName, ModelSource source, long sizeBytes, List<Path> parts,
                              List<String> aliases, ModelStatus status) {
    public DiscoveredModel {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(source, "source");
        parts = List.copyOf(parts);
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(status, "status");
    }

    public boolean isReady() {
        return status instanceof ModelStatus.Ready;
    }

    public Optional<GgufSummary> summary() {
        return switch (status) {
            case ModelStatus.Ready(GgufSummary summary) -> Optional.of(summary);
            case ModelStatus.NotLoadable(GgufSummary summary, var _) -> Optional.of(summary);
            default -> Optional.empty();
        };
    }

    /** Why the model cannot be used, if it cannot. */
    public Optional<String> problem() {
        return switch (status) {
            case ModelStatus.Ready _ -> Optional.empty();
            case ModelStatus.NotLoadable(var _, String reason) -> Optional.of(reason);
            case ModelStatus.Unreadable(String reason) -> Optional.of(reason);
            case ModelStatus.Unchecked(String reason) -> Optional.of(reason);
        };
    }

    DiscoveredModel withAlias(String alias) {
        if (alias.equals(displayName) || aliases.contains(alias)) {
            return this;
        }
        List<String> more = new ArrayList<>(aliases);
        more.add(alias);
        return new DiscoveredModel(path, displayName, source, sizeBytes, parts, more, status);
    }
}
