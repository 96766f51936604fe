package io.thoughtscope.runtime.discovery;

import io.thoughtscope.runtime.gguf.GgufReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.thoughtscope.runtime.discovery.FakeStores.garbage;
import static io.thoughtscope.runtime.discovery.FakeStores.tinyModel;
import static org.assertj.core.api.Assertions.assertThat;

/** Discovery on fake LM Studio, Ollama and Hugging Face trees holding tiny real models. */
class ModelDiscoveryTest {
    @TempDir
    Path home;

    private DiscoveryResult discover(ModelRoots roots) {
        return new ModelDiscovery(roots).discover();
    }

    private static DiscoveredModel named(DiscoveryResult result, String displayName) {
        return result.models().stream().filter(model -> model.displayName().equals(displayName)).findFirst()
                .orElseThrow(() -> new AssertionError(displayName + " not found in " + result.models().stream()
                        .map(DiscoveredModel::displayName).toList()));
    }

    @Test
    void lmStudioModelsAreListedWithPublisherAndRepository() throws IOException {
        Path models = home.resolve(".lmstudio/models");
        Path file = tinyModel(models.resolve("lmstudio-community/Qwen3-Tiny-GGUF/Qwen3-Tiny-Q8_0.gguf"), "qwen3", 1);
        garbage(models.resolve("lmstudio-community/Qwen3-Tiny-GGUF/README.md"), "# not a model");

        DiscoveryResult result = discover(new ModelRoots(List.of(models), List.of(), List.of(), List.of()));

        assertThat(result.complete()).isTrue();
        DiscoveredModel model = named(result, "lmstudio-community/Qwen3-Tiny-GGUF/Qwen3-Tiny-Q8_0");
        assertThat(model.source()).isEqualTo(ModelSource.LM_STUDIO);
        assertThat(model.path()).isEqualTo(file);
        assertThat(model.sizeBytes()).isEqualTo(Files.size(file));
        assertThat(model.isReady()).isTrue();
        GgufSummary summary = model.summary().orElseThrow();
        assertThat(summary.architecture()).isEqualTo("qwen3");
        assertThat(summary.name()).isEqualTo("tiny random qwen3");
        assertThat(summary.quantization()).isEqualTo("Q8_0");
        assertThat(summary.contextLength()).isEqualTo(2048);
        assertThat(summary.parameterCount()).isEqualTo(GgufReader.read(file).parameterCount());
        assertThat(result.models()).hasSize(1);
    }

    @Test
    void brokenFilesAreListedWithTheirErrorNotDropped() throws IOException {
        Path models = home.resolve("models");
        garbage(models.resolve("pub/repo/not-really.gguf"), "<!DOCTYPE html><html>404</html>");
        FakeStores.projector(models.resolve("pub/repo/mmproj-model-f16.gguf"));
        Path truncated = tinyModel(models.resolve("pub/repo/cut.gguf"), "llama", 1);
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 100));

        DiscoveryResult result = discover(new ModelRoots(List.of(models), List.of(), List.of(), List.of()));

        assertThat(named(result, "pub/repo/not-really").status()).isInstanceOfSatisfying(
                ModelStatus.Unreadable.class, status -> assertThat(status.reason())
                        .startsWith("not a GGUF file: it starts with '<!DO'").contains("HTML").contains("(at byte 0)"));
        assertThat(named(result, "pub/repo/cut").problem()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("runs past the end of the file"));
        DiscoveredModel projector = named(result, "pub/repo/mmproj-model-f16");
        assertThat(projector.status()).isInstanceOf(ModelStatus.NotLoadable.class);
        assertThat(projector.summary().orElseThrow().architecture()).isEqualTo("clip");
        assertThat(projector.problem()).hasValueSatisfying(reason -> assertThat(reason).contains("vision projector"));
    }

    @Test
    void ollamaModelsAreNamedModelColonTagAndPointAtTheirBlob() throws IOException {
        Path store = home.resolve(".ollama/models");
        String qwen = FakeStores.ollamaBlob(store, "a", "qwen2");
        String llama = FakeStores.ollamaBlob(store, "b", "llama");
        FakeStores.ollamaManifest(store, "registry.ollama.ai", "library", "qwen-tiny", "latest", qwen);
        FakeStores.ollamaManifest(store, "registry.ollama.ai", "someone", "llama-tiny", "q8", llama);
        FakeStores.ollamaManifest(store, "hf.co", "org", "Repo-GGUF", "Q8_0", llama);

        DiscoveryResult result = discover(new ModelRoots(List.of(), List.of(store), List.of(), List.of()));

        DiscoveredModel model = named(result, "qwen-tiny:latest");
        assertThat(model.source()).isEqualTo(ModelSource.OLLAMA);
        assertThat(model.path()).isEqualTo(store.resolve("blobs/sha256-" + "a".repeat(64)));
        assertThat(model.summary().orElseThrow().architecture()).isEqualTo("qwen2");
        // the same blob under two names is one model with an alias
        DiscoveredModel shared = named(result, "hf.co/org/Repo-GGUF:Q8_0");
        assertThat(shared.aliases()).containsExactly("someone/llama-tiny:q8");
        assertThat(result.models()).hasSize(2);
    }

    @Test
    void brokenOllamaManifestsAreListedAndCloudModelsAreNoted() throws IOException {
        Path store = home.resolve("ollama");
        FakeStores.ollamaManifest(store, "registry.ollama.ai", "library", "gone", "latest", "sha256:" + "c".repeat(64));
        FakeStores.ollamaManifest(store, "registry.ollama.ai", "library", "evil", "latest", "sha256:../../etc/passwd");
        garbage(store.resolve("manifests/registry.ollama.ai/library/mangled/latest"), "{ not json");
        garbage(store.resolve("manifests/registry.ollama.ai/library/big-model/480b-cloud"),
                "{\"layers\":[{\"mediaType\":\"application/vnd.ollama.image.template\",\"digest\":\"sha256:"
                        + "d".repeat(64) + "\"}]}");

        DiscoveryResult result = discover(new ModelRoots(List.of(), List.of(store), List.of(), List.of()));

        assertThat(named(result, "gone:latest").problem()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("sha256-cccc").contains("is missing"));
        assertThat(named(result, "evil:latest").problem()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("invalid model digest"));
        assertThat(named(result, "mangled:latest").problem()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("manifest is not readable JSON"));
        assertThat(result.notes()).anySatisfy(note -> assertThat(note).contains("big-model:480b-cloud")
                .contains("no local model weights"));
        assertThat(result.models()).hasSize(3);
    }

    @Test
    void huggingFaceSnapshotsAreNamedByRepositoryAndFile() throws IOException {
        Path hub = home.resolve(".cache/huggingface/hub");
        Path content = tinyModel(home.resolve("work/tiny-q8_0.gguf"), "qwen3", 4);
        Path file = FakeStores.huggingFaceFile(hub, "Qwen/Tiny-GGUF", "abc123", "tiny-q8_0.gguf", content);
        Path other = tinyModel(home.resolve("work/other.gguf"), "qwen3", 5);
        FakeStores.huggingFaceFile(hub, "Qwen/Tiny-GGUF", "abc123", "Q8_0/tiny-q8_0-again.gguf", other);

        DiscoveryResult result = discover(new ModelRoots(List.of(), List.of(), List.of(hub), List.of()));

        DiscoveredModel model = named(result, "Qwen/Tiny-GGUF/tiny-q8_0");
        assertThat(model.source()).isEqualTo(ModelSource.HUGGING_FACE);
        assertThat(model.path()).isEqualTo(file);
        assertThat(model.sizeBytes()).isEqualTo(Files.size(content));
        assertThat(model.isReady()).isTrue();
        assertThat(named(result, "Qwen/Tiny-GGUF/Q8_0/tiny-q8_0-again").isReady()).isTrue();
    }

    @Test
    void theRevisionThatRefsMainNamesWinsOverOlderSnapshots() throws IOException {
        Path hub = home.resolve("hub");
        Path oldContent = tinyModel(home.resolve("work/old/m.gguf"), "llama", 1);
        Path newContent = tinyModel(home.resolve("work/new/m.gguf"), "qwen2", 2);
        FakeStores.huggingFaceFile(hub, "org/M-GGUF", "0000old", "m.gguf", oldContent);
        Path current = FakeStores.huggingFaceFile(hub, "org/M-GGUF", "ffffnew", "m.gguf", newContent);

        DiscoveryResult result = discover(new ModelRoots(List.of(), List.of(), List.of(hub), List.of()));

        assertThat(result.models()).singleElement().satisfies(model -> {
            assertThat(model.path()).isEqualTo(current);
            assertThat(model.summary().orElseThrow().architecture()).isEqualTo("qwen2");
        });
    }

    @Test
    void aHuggingFaceLinkToAMissingBlobIsAnUnfinishedDownload() throws IOException {
        Path hub = home.resolve("hub");
        Path content = tinyModel(home.resolve("work/m.gguf"), "llama", 1);
        Path file = FakeStores.huggingFaceFile(hub, "org/Model-GGUF", "rev1", "m.gguf", content);
        Path blob = file.toRealPath();
        Files.delete(blob);

        DiscoveryResult result = discover(new ModelRoots(List.of(), List.of(), List.of(hub), List.of()));

        if (Files.isSymbolicLink(file)) {
            assertThat(named(result, "org/Model-GGUF/m.gguf").problem()).hasValueSatisfying(reason ->
                    assertThat(reason).contains("missing (the download did not finish?)"));
        } else {
            // without links (Windows) the snapshot holds the file itself, which is now gone
            assertThat(result.models()).isEmpty();
        }
    }

    @Test
    void splitModelsAreOneModelWithAllTheirParts() throws IOException {
        Path folder = home.resolve("my models");
        Path first = tinyModel(folder.resolve("big-Q8_0-00001-of-00002.gguf"), "llama", 1);
        Path second = FakeStores.laterSplitPart(folder.resolve("big-Q8_0-00002-of-00002.gguf"), 2, 2, 1000);
        tinyModel(folder.resolve("holey-00001-of-00003.gguf"), "llama", 2);
        FakeStores.laterSplitPart(folder.resolve("holey-00003-of-00003.gguf"), 3, 3, 10);

        DiscoveryResult result = discover(ModelRoots.none().withFolders(List.of(folder)));

        DiscoveredModel big = named(result, "big-Q8_0");
        assertThat(big.source()).isEqualTo(ModelSource.FOLDER);
        assertThat(big.path()).isEqualTo(first);
        assertThat(big.parts()).containsExactly(first, second);
        assertThat(big.sizeBytes()).isEqualTo(Files.size(first) + Files.size(second));
        assertThat(big.summary().orElseThrow().parameterCount())
                .isEqualTo(GgufReader.read(first).parameterCount() + 1000);
        assertThat(big.isReady()).isTrue();
        assertThat(named(result, "holey").problem()).contains("split model of 3 parts is missing part 2");
        assertThat(result.models()).hasSize(2);
    }

    @Test
    void hiddenFoldersAndFilesBelowTheDepthLimitAreNotSearched() throws IOException {
        Path folder = home.resolve("models");
        tinyModel(folder.resolve(".git/lfs/objects/hidden.gguf"), "llama", 1);
        tinyModel(folder.resolve("a/b/c/d/deep.gguf"), "llama", 1);
        tinyModel(folder.resolve("a/shallow.gguf"), "llama", 1);
        ModelRoots roots = ModelRoots.none().withFolders(List.of(folder));

        DiscoveryResult result = new ModelDiscovery(roots, new DiscoveryLimits(3, Duration.ofMinutes(1), 1000),
                System::nanoTime).discover();

        assertThat(result.models()).extracting(DiscoveredModel::displayName).containsExactly("shallow");
    }

    @Test
    void theSameFileReachedTwiceIsListedOnceWithAnAlias() throws IOException {
        Path lmStudio = home.resolve(".lmstudio/models");
        Path file = tinyModel(lmStudio.resolve("pub/repo/m.gguf"), "llama", 1);
        Path mine = home.resolve("mine");
        Files.createDirectories(mine);
        FakeStores.link(mine.resolve("my-copy.gguf"), file);

        DiscoveryResult result = discover(new ModelRoots(List.of(lmStudio), List.of(), List.of(),
                List.of(mine, mine)));

        assertThat(result.models()).singleElement().satisfies(model -> {
            assertThat(model.displayName()).isEqualTo("pub/repo/m");
            assertThat(model.source()).isEqualTo(ModelSource.LM_STUDIO);
            if (Files.isSymbolicLink(mine.resolve("my-copy.gguf"))) {
                assertThat(model.aliases()).containsExactly("my-copy");
            }
        });
    }

    @Test
    void aFolderTheUserAddedThatIsMissingIsNotedButDefaultStoresAreNot() {
        DiscoveryResult result = discover(new ModelRoots(List.of(home.resolve("no-lmstudio")),
                List.of(home.resolve("no-ollama")), List.of(home.resolve("no-hub")), List.of(home.resolve("gone"))));

        assertThat(result.models()).isEmpty();
        assertThat(result.notes()).singleElement().satisfies(note -> assertThat(note).contains("gone")
                .contains("does not exist"));
        assertThat(result.complete()).isTrue();
    }

    @Test
    void theTimeBudgetStopsAHugeSearchAndSaysSo() throws IOException {
        Path folder = home.resolve("huge");
        for (int i = 0; i < 30; i++) {
            Files.createDirectories(folder.resolve("dir" + i));
        }
        tinyModel(folder.resolve("dir0/first.gguf"), "llama", 1);
        AtomicLong clock = new AtomicLong();
        // every look at the clock costs a simulated second; the budget is ten
        ModelDiscovery discovery = new ModelDiscovery(ModelRoots.none().withFolders(List.of(folder)),
                new DiscoveryLimits(8, Duration.ofSeconds(10), 1_000_000), () -> clock.addAndGet(1_000_000_000L));

        DiscoveryResult result = discovery.discover();

        assertThat(result.complete()).isFalse();
        assertThat(result.notes()).anySatisfy(note -> assertThat(note).startsWith("stopped after 10.0 s"));
        assertThat(result.models()).allSatisfy(model -> assertThat(model.status())
                .isInstanceOf(ModelStatus.Unchecked.class));
    }

    @Test
    void theEntryLimitStopsASearchOfManyFiles() throws IOException {
        Path folder = home.resolve("many");
        for (int i = 0; i < 50; i++) {
            garbage(folder.resolve("notes-" + i + ".txt"), "x");
        }
        DiscoveryResult result = new ModelDiscovery(ModelRoots.none().withFolders(List.of(folder)),
                new DiscoveryLimits(8, Duration.ofMinutes(1), 20), System::nanoTime).discover();

        assertThat(result.complete()).isFalse();
        assertThat(result.notes()).anySatisfy(note -> assertThat(note).contains("after visiting 20 files"));
    }

    @Test
    void resultsAreSortedBySourceThenName() throws IOException {
        Path lmStudio = home.resolve("lm");
        tinyModel(lmStudio.resolve("p/r/zeta.gguf"), "llama", 1);
        tinyModel(lmStudio.resolve("p/r/Alpha.gguf"), "llama", 2);
        Path folder = home.resolve("f");
        tinyModel(folder.resolve("beta.gguf"), "llama", 3);

        DiscoveryResult result = discover(new ModelRoots(List.of(lmStudio), List.of(), List.of(), List.of(folder)));

        assertThat(result.models()).extracting(DiscoveredModel::displayName)
                .containsExactly("p/r/Alpha", "p/r/zeta", "beta");
    }

    @Test
    void defaultRootsFollowTheEnvironment() throws IOException {
        Path userHome = home.resolve("user");

        ModelRoots plain = ModelRoots.defaults(Map.of(), userHome, "Linux");
        assertThat(plain.lmStudio()).containsExactly(userHome.resolve(".lmstudio/models"),
                userHome.resolve(".cache/lm-studio/models"));
        assertThat(plain.ollama()).containsExactly(userHome.resolve(".ollama/models"),
                Path.of("/usr/share/ollama/.ollama/models"));
        assertThat(plain.huggingFace()).containsExactly(userHome.resolve(".cache/huggingface/hub"));
        assertThat(plain.folders()).isEmpty();

        ModelRoots windows = ModelRoots.defaults(Map.of("HF_HOME", home.resolve("hf").toString()), userHome,
                "Windows 11");
        assertThat(windows.ollama()).containsExactly(userHome.resolve(".ollama/models"));
        assertThat(windows.huggingFace()).containsExactly(home.resolve("hf").resolve("hub"));

        ModelRoots moved = ModelRoots.defaults(Map.of("OLLAMA_MODELS", "/srv/ollama",
                "HF_HUB_CACHE", "/srv/hub", "HF_HOME", "/ignored", "XDG_CACHE_HOME", "/ignored too"), userHome,
                "Mac OS X");
        assertThat(moved.ollama()).containsExactly(Path.of("/srv/ollama"));
        assertThat(moved.huggingFace()).containsExactly(Path.of("/srv/hub"));

        assertThat(ModelRoots.defaults(Map.of("XDG_CACHE_HOME", "/xdg"), userHome, "Linux").huggingFace())
                .containsExactly(Path.of("/xdg/huggingface/hub"));
    }

    @Test
    void lmStudiosMovedDownloadsFolderIsSearchedToo() throws IOException {
        Path userHome = home.resolve("user");
        Path elsewhere = home.resolve("big-disk/lmstudio-models");
        garbage(userHome.resolve(".lmstudio/settings.json"),
                "{\"downloadsFolder\": " + com.fasterxml.jackson.databind.node.TextNode.valueOf(elsewhere.toString())
                        + ", \"other\": 1}");
        tinyModel(elsewhere.resolve("pub/repo/far.gguf"), "llama", 1);

        ModelRoots roots = ModelRoots.defaults(Map.of(), userHome, "Linux");

        assertThat(roots.lmStudio()).contains(elsewhere);
        assertThat(discover(roots).models()).extracting(DiscoveredModel::displayName).contains("pub/repo/far");
    }
}
