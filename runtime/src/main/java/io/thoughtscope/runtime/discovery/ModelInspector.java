package io.thoughtscope.runtime.discovery;

import io.thoughtscope.runtime.gguf.GgufException;
import io.thoughtscope.runtime.gguf.GgufFile;
import io.thoughtscope.runtime.gguf.GgufReader;
import io.thoughtscope.runtime.gguf.LlamaCppCompatibility;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads the headers of a found model's files and says whether the bundled llama.cpp can run it. */
final class ModelInspector {
    private ModelInspector() {
    }

    static DiscoveredModel inspect(Candidate candidate, SearchBudget budget) {
        long size = 0;
        for (Path part : candidate.parts()) {
            try {
                size += Files.size(part);
            } catch (IOException | RuntimeException unreadable) {
                // a missing or unreadable part shows as the model's problem below
            }
        }
        ModelStatus status = candidate.problem() != null ? new ModelStatus.Unreadable(candidate.problem())
                : budget.exhausted() ? new ModelStatus.Unchecked("not checked: the search ran out of time")
                : readStatus(candidate.parts());
        return new DiscoveredModel(candidate.firstPart(), candidate.displayName(), candidate.source(), size,
                candidate.parts(), List.of(), status);
    }

    private static ModelStatus readStatus(List<Path> parts) {
        GgufFile first;
        long parameters;
        try {
            first = GgufReader.readStructure(parts.getFirst());
            parameters = first.parameterCount();
            for (int i = 1; i < parts.size(); i++) {
                try {
                    parameters += GgufReader.readStructure(parts.get(i)).parameterCount();
                } catch (IOException | RuntimeException e) {
                    return new ModelStatus.Unreadable("part " + (i + 1) + " of " + parts.size() + ": " + reason(e));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new ModelStatus.Unreadable(reason(e));
        }
        GgufSummary summary = GgufSummary.of(first, parameters);
        Optional<GgufException> problem = LlamaCppCompatibility.problem(first);
        return problem.<ModelStatus>map(e -> new ModelStatus.NotLoadable(summary, e.detail()))
                .orElseGet(() -> new ModelStatus.Ready(summary));
    }

    private static String reason(Exception e) {
        return switch (e) {
            case GgufException gguf -> gguf.detail() + (gguf.offset() >= 0 ? " (at byte " + gguf.offset() + ")" : "");
            case AccessDeniedException _ -> "permission denied";
            case NoSuchFileException _ -> "the file is missing";
            default -> "cannot read: " + e.getMessage();
        };
    }
}
