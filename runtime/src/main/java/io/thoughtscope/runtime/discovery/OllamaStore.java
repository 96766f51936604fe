package io.thoughtscope.runtime.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Ollama's model store: {@code manifests/<host>/<namespace>/<model>/<tag>} are JSON manifests whose layer of media
 * type {@code application/vnd.ollama.image.model} names the GGUF weights as a blob, {@code blobs/sha256-<hex>}.
 */
final class OllamaStore {
    static final String MODEL_LAYER = "application/vnd.ollama.image.model";
    private static final String DEFAULT_HOST = "registry.ollama.ai";
    private static final String DEFAULT_NAMESPACE = "library";
    private static final Pattern DIGEST = Pattern.compile("sha256[:-]([0-9a-f]{64})");
    private static final long MAX_MANIFEST_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private OllamaStore() {
    }

    static List<Candidate> candidates(Path root, SearchBudget budget) {
        Path manifests = root.resolve("manifests");
        List<Candidate> candidates = new ArrayList<>();
        if (!Files.isDirectory(manifests)) {
            return candidates;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(manifests, 4)) {
            files = walk.filter(path -> budget.visit() && manifests.relativize(path).getNameCount() == 4
                    && Files.isRegularFile(path)).sorted().toList();
        } catch (IOException | RuntimeException e) {
            budget.note("cannot read Ollama manifests in " + manifests + ": " + e.getMessage());
            return candidates;
        }
        for (Path manifest : files) {
            if (budget.exhausted()) {
                break;
            }
            Candidate candidate = fromManifest(root, manifests.relativize(manifest), manifest, budget);
            if (candidate != null) {
                candidates.add(candidate);
            }
        }
        return candidates;
    }

    /** {@code model:tag} for the default registry and namespace, longer names otherwise. */
    static String displayName(Path relative) {
        String host = relative.getName(0).toString();
        String namespace = relative.getName(1).toString();
        String model = relative.getName(2).toString();
        String tag = relative.getName(3).toString();
        String name = host.equals(DEFAULT_HOST)
                ? (namespace.equals(DEFAULT_NAMESPACE) ? model : namespace + "/" + model)
                : host + "/" + namespace + "/" + model;
        return name + ":" + tag;
    }

    private static Candidate fromManifest(Path root, Path relative, Path manifest, SearchBudget budget) {
        String name = displayName(relative);
        JsonNode json;
        try {
            if (Files.size(manifest) > MAX_MANIFEST_BYTES) {
                return Candidate.broken(ModelSource.OLLAMA, name, manifest, "manifest is larger than 1 MiB");
            }
            json = JSON.readTree(Files.readAllBytes(manifest));
        } catch (IOException e) {
            return Candidate.broken(ModelSource.OLLAMA, name, manifest, "manifest is not readable JSON: "
                    + firstLine(e.getMessage()));
        }
        JsonNode model = null;
        for (JsonNode layer : json.path("layers")) {
            if (MODEL_LAYER.equals(layer.path("mediaType").asText())) {
                model = layer;
                break;
            }
        }
        if (model == null) {
            // cloud models and some adapters have no local weights
            budget.note("Ollama " + name + " has no local model weights; skipped");
            return null;
        }
        var digest = DIGEST.matcher(model.path("digest").asText());
        if (!digest.matches()) {
            return Candidate.broken(ModelSource.OLLAMA, name, manifest, "manifest names an invalid model digest '"
                    + model.path("digest").asText() + "'");
        }
        Path blob = root.resolve("blobs").resolve("sha256-" + digest.group(1));
        if (!Files.isRegularFile(blob)) {
            return Candidate.broken(ModelSource.OLLAMA, name, blob, "the model blob " + blob.getFileName()
                    + " named by the manifest is missing (the pull did not finish?)");
        }
        return Candidate.of(ModelSource.OLLAMA, name, List.of(blob));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
