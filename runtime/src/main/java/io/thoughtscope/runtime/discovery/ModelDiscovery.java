package io.thoughtscope.runtime.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Lists the GGUF models a user already has: LM Studio's folders, Ollama's store, the Hugging Face cache and folders
 * the user added. Every file's header is read and checked; files that fail are listed with the reason rather than
 * left out. The same file found twice (an Ollama model under two tags, a folder added twice) is listed once, with
 * its other names as aliases. Bounded by {@link DiscoveryLimits}; runs on the caller's thread, so call it from a
 * background thread.
 */
public final class ModelDiscovery {
    private final ModelRoots roots;
    private final DiscoveryLimits limits;
    private final LongSupplier nanoClock;

    public ModelDiscovery(ModelRoots roots) {
        this(roots, DiscoveryLimits.DEFAULT, System::nanoTime);
    }

    /** {@code nanoClock} measures the time budget; tests pass a fake one. */
    public ModelDiscovery(ModelRoots roots, DiscoveryLimits limits, LongSupplier nanoClock) {
        this.roots = Objects.requireNonNull(roots, "roots");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    public DiscoveryResult discover() {
        SearchBudget budget = new SearchBudget(limits, nanoClock);
        List<Candidate> candidates = new ArrayList<>();
        for (Path root : existing(roots.lmStudio(), budget, false)) {
            candidates.addAll(folderCandidates(root, ModelSource.LM_STUDIO, true, budget));
        }
        for (Path root : existing(roots.ollama(), budget, false)) {
            candidates.addAll(OllamaStore.candidates(root, budget));
        }
        for (Path root : existing(roots.huggingFace(), budget, false)) {
            candidates.addAll(HuggingFaceCache.candidates(root, budget));
        }
        for (Path root : existing(roots.folders(), budget, true)) {
            candidates.addAll(folderCandidates(root, ModelSource.FOLDER, false, budget));
        }

        Map<Object, DiscoveredModel> byFile = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            Object key = identity(candidate.firstPart());
            DiscoveredModel known = byFile.get(key);
            if (known != null) {
                byFile.put(key, known.withAlias(candidate.displayName()));
            } else {
                byFile.put(key, ModelInspector.inspect(candidate, budget));
            }
        }
        List<DiscoveredModel> models = new ArrayList<>(byFile.values());
        models.sort(Comparator.comparing(DiscoveredModel::source)
                .thenComparing(DiscoveredModel::displayName, String.CASE_INSENSITIVE_ORDER));
        return new DiscoveryResult(models, budget.notes(), !budget.wasExhausted());
    }

    /** Roots that exist; a missing default store is normal, a missing folder the user added is noted. */
    private static List<Path> existing(List<Path> paths, SearchBudget budget, boolean noteMissing) {
        List<Path> existing = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                if (!existing.contains(path)) {
                    existing.add(path);
                }
            } else if (noteMissing) {
                budget.note("folder " + path + " does not exist or is not a folder");
            }
        }
        return existing;
    }

    private static List<Candidate> folderCandidates(Path root, ModelSource source, boolean lmStudioLayout,
                                                    SearchBudget budget) {
        GgufFileWalker.Found found = GgufFileWalker.walk(root, budget);
        List<Candidate> candidates = new ArrayList<>();
        for (SplitGguf.Group group : SplitGguf.group(found.files())) {
            String name = group.stem();
            if (lmStudioLayout) {
                // <publisher>/<repo>/<file>: keep the publisher and repository, as LM Studio shows them
                String relative = root.relativize(group.parts().getFirst().getParent()).toString().replace('\\', '/');
                name = relative.isEmpty() ? name : relative + "/" + name;
            }
            candidates.add(new Candidate(source, name, group.parts(), group.problem()));
        }
        for (Path link : found.brokenLinks()) {
            candidates.add(Candidate.broken(source, link.getFileName().toString(), link,
                    "the file is a link to something that does not exist"));
        }
        return candidates;
    }

    /** The same file reached by different paths (links, a folder added twice) has one identity. */
    private static Object identity(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | RuntimeException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
