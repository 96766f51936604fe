package io.thoughtscope.runtime.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where to look for models, per kind of store. {@link #defaults} knows where LM Studio, Ollama and the Hugging Face
 * hub keep models on Linux, macOS and Windows (all under the user's home folder unless an environment variable
 * moves them); tests pass their own folders.
 *
 * @param lmStudio    LM Studio models folders ({@code <publisher>/<repo>/<file>.gguf})
 * @param ollama      Ollama model stores (holding {@code manifests/} and {@code blobs/})
 * @param huggingFace Hugging Face hub caches (holding {@code models--org--name/})
 * @param folders     folders the user added, searched for any {@code .gguf}
 */
public record ModelRoots(List<Path> lmStudio, List<Path> ollama, List<Path> huggingFace, List<Path> folders) {

    public ModelRoots {
        lmStudio = List.copyOf(lmStudio);
        ollama = List.copyOf(ollama);
        huggingFace = List.copyOf(huggingFace);
        folders = List.copyOf(folders);
    }

    public static ModelRoots none() {
        return new ModelRoots(List.of(), List.of(), List.of(), List.of());
    }

    /** The usual places on this machine. */
    public static ModelRoots forThisMachine() {
        return defaults(System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("os.name"));
    }

    /**
     * The usual places for a user with this environment and home folder.
     * LM Studio: {@code ~/.lmstudio/models}, the older {@code ~/.cache/lm-studio/models}, and the downloads folder
     * set in {@code ~/.lmstudio/settings.json}. Ollama: {@code $OLLAMA_MODELS}, else {@code ~/.ollama/models}
     * (and on Linux the system service's {@code /usr/share/ollama/.ollama/models}). Hugging Face:
     * {@code $HF_HUB_CACHE}, else {@code $HF_HOME/hub}, else {@code $XDG_CACHE_HOME/huggingface/hub}, else
     * {@code ~/.cache/huggingface/hub}.
     */
    public static ModelRoots defaults(Map<String, String> env, Path home, String osName) {
        List<Path> lmStudio = new ArrayList<>(List.of(home.resolve(".lmstudio").resolve("models"),
                home.resolve(".cache").resolve("lm-studio").resolve("models")));
        lmStudioDownloadsFolder(home).filter(folder -> !lmStudio.contains(folder)).ifPresent(lmStudio::add);

        List<Path> ollama = new ArrayList<>();
        path(env, "OLLAMA_MODELS").ifPresentOrElse(ollama::add, () -> {
            ollama.add(home.resolve(".ollama").resolve("models"));
            if (osName != null && osName.toLowerCase(Locale.ROOT).contains("linux")) {
                ollama.add(Path.of("/usr/share/ollama/.ollama/models"));
            }
        });

        Path hub = path(env, "HF_HUB_CACHE")
                .or(() -> path(env, "HF_HOME").map(hfHome -> hfHome.resolve("hub")))
                .or(() -> path(env, "XDG_CACHE_HOME").map(cache -> cache.resolve("huggingface").resolve("hub")))
                .orElse(home.resolve(".cache").resolve("huggingface").resolve("hub"));
        return new ModelRoots(lmStudio, ollama, List.of(hub), List.of());
    }

    /** The same roots plus folders the user added. */
    public ModelRoots withFolders(List<Path> more) {
        List<Path> all = new ArrayList<>(folders);
        all.addAll(more);
        return new ModelRoots(lmStudio, ollama, huggingFace, all);
    }

    private static Optional<Path> path(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value.strip()));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** LM Studio lets users move the models folder; the choice is saved as {@code downloadsFolder}. */
    private static Optional<Path> lmStudioDownloadsFolder(Path home) {
        Path settings = home.resolve(".lmstudio").resolve("settings.json");
        try {
            if (!Files.isRegularFile(settings) || Files.size(settings) > 1 << 20) {
                return Optional.empty();
            }
            JsonNode folder = new ObjectMapper().readTree(Files.readAllBytes(settings)).path("downloadsFolder");
            return folder.isTextual() && !folder.asText().isBlank()
                    ? Optional.of(Path.of(folder.asText())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // an unreadable settings file only means the default folders are searched
            return Optional.empty();
        }
    }
}
