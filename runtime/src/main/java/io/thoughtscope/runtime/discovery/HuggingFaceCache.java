package io.thoughtscope.runtime.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Hugging Face hub cache: {@code models--<org>--<name>/snapshots/<revision>/...gguf}, each file a link into
 * {@code blobs/}. The revision that {@code refs/main} names is preferred when several hold the same file.
 */
final class HuggingFaceCache {
    private static final String PREFIX = "models--";

    private HuggingFaceCache() {
    }

    static List<Candidate> candidates(Path hub, SearchBudget budget) {
        List<Candidate> candidates = new ArrayList<>();
        List<Path> repos;
        try (Stream<Path> list = Files.list(hub)) {
            repos = list.filter(path -> path.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(path))
                    .sorted().toList();
        } catch (IOException | RuntimeException e) {
            budget.note("cannot read the Hugging Face cache " + hub + ": " + e.getMessage());
            return candidates;
        }
        for (Path repo : repos) {
            if (budget.exhausted()) {
                break;
            }
            candidates.addAll(repoCandidates(repo, budget));
        }
        return candidates;
    }

    /** {@code models--Qwen--Qwen3-8B-GGUF} is {@code Qwen/Qwen3-8B-GGUF}. */
    static String repoId(Path repo) {
        return repo.getFileName().toString().substring(PREFIX.length()).replaceFirst("--", "/");
    }

    private static List<Candidate> repoCandidates(Path repo, SearchBudget budget) {
        String repoId = repoId(repo);
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path snapshot : snapshots(repo)) {
            GgufFileWalker.Found found = GgufFileWalker.walk(snapshot, budget);
            for (SplitGguf.Group group : SplitGguf.group(found.files())) {
                String relative = snapshot.relativize(group.parts().getFirst().getParent()).toString()
                        .replace('\\', '/');
                String name = repoId + "/" + (relative.isEmpty() ? "" : relative + "/") + group.stem();
                if (seen.add(name)) {
                    candidates.add(new Candidate(ModelSource.HUGGING_FACE, name, group.parts(), group.problem()));
                }
            }
            for (Path link : found.brokenLinks()) {
                String name = repoId + "/" + snapshot.relativize(link).toString().replace('\\', '/');
                if (seen.add(name)) {
                    candidates.add(Candidate.broken(ModelSource.HUGGING_FACE, name, link,
                            "the file links to a blob that is missing (the download did not finish?)"));
                }
            }
        }
        return candidates;
    }

    /** Snapshot folders, the one {@code refs/main} points at first. */
    private static List<Path> snapshots(Path repo) {
        Path snapshots = repo.resolve("snapshots");
        if (!Files.isDirectory(snapshots)) {
            return List.of();
        }
        String main = "";
        try {
            Path ref = repo.resolve("refs").resolve("main");
            if (Files.isRegularFile(ref) && Files.size(ref) < 256) {
                main = Files.readString(ref).strip();
            }
        } catch (IOException | RuntimeException ignored) {
            // without refs/main the order is alphabetical
        }
        String preferred = main;
        try (Stream<Path> list = Files.list(snapshots)) {
            return list.filter(Files::isDirectory).sorted((a, b) -> {
                boolean aMain = a.getFileName().toString().equals(preferred);
                boolean bMain = b.getFileName().toString().equals(preferred);
                return aMain != bMain ? (aMain ? -1 : 1) : a.compareTo(b);
            }).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
