package io.thoughtscope.runtime.discovery;

import io.thoughtscope.runtime.gguf.GgmlType;
import io.thoughtscope.runtime.gguf.GgufValue;
import io.thoughtscope.runtime.gguf.GgufWriter;
import io.thoughtscope.runtime.gguf.RandomModels;
import io.thoughtscope.runtime.gguf.TensorData;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the folder layouts of LM Studio, Ollama and the Hugging Face cache with tiny real GGUF files. */
final class FakeStores {
    private FakeStores() {
    }

    static Path tinyModel(Path path, String architecture, long seed) throws IOException {
        Files.createDirectories(path.getParent());
        RandomModels.write(RandomModels.tiny(architecture, seed), path);
        return path;
    }

    /** A vision projector: well-formed GGUF that llama.cpp does not run as a model. */
    static Path projector(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        new GgufWriter().putString("general.architecture", "clip")
                .addTensor("v.patch_embd.weight", GgmlType.F16, new long[]{64}, TensorData.random(1, 0.02f))
                .write(path);
        return path;
    }

    /** A later part of a split model, as gguf-split writes it: split keys and tensors, no architecture. */
    static Path laterSplitPart(Path path, int number, int count, long elements) throws IOException {
        Files.createDirectories(path.getParent());
        new GgufWriter().put("split.no", GgufValue.u16(number - 1)).put("split.count", GgufValue.u16(count))
                .addTensor("blk.9.ffn_up.weight", GgmlType.F32, new long[]{elements}, TensorData.constant(0))
                .write(path);
        return path;
    }

    static Path garbage(Path path, String content) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content);
    }

    /** An Ollama manifest at manifests/host/namespace/model/tag whose model layer is the given digest. */
    static Path ollamaManifest(Path store, String host, String namespace, String model, String tag, String digest)
            throws IOException {
        Path manifest = store.resolve("manifests").resolve(host).resolve(namespace).resolve(model).resolve(tag);
        Files.createDirectories(manifest.getParent());
        return Files.writeString(manifest, """
                {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
                 "config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"sha256:%s","size":2},
                 "layers":[{"mediaType":"application/vnd.ollama.image.model","digest":"%s","size":1},
                           {"mediaType":"application/vnd.ollama.image.template","digest":"sha256:%s","size":1}]}
                """.formatted("0".repeat(64), digest, "1".repeat(64)));
    }

    /** Writes a tiny model as an Ollama blob and returns its digest ("sha256:..."). */
    static String ollamaBlob(Path store, String hexDigit, String architecture) throws IOException {
        String hex = hexDigit.repeat(64);
        tinyModel(store.resolve("blobs").resolve("sha256-" + hex), architecture, 1);
        return "sha256:" + hex;
    }

    /**
     * Puts a file into a Hugging Face cache repo: the bytes in blobs/, a link in snapshots/rev/relative. Where
     * links cannot be made (Windows without developer mode) the file is copied, as huggingface_hub does there.
     */
    static Path huggingFaceFile(Path hub, String repo, String revision, String relative, Path content)
            throws IOException {
        Path repoDir = hub.resolve("models--" + repo.replace("/", "--"));
        Path blob = repoDir.resolve("blobs").resolve(Integer.toHexString(content.toAbsolutePath().hashCode()));
        Files.createDirectories(blob.getParent());
        Files.copy(content, blob, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path file = repoDir.resolve("snapshots").resolve(revision).resolve(relative);
        Files.createDirectories(file.getParent());
        link(file, blob);
        Files.createDirectories(repoDir.resolve("refs"));
        Files.writeString(repoDir.resolve("refs").resolve("main"), revision);
        return file;
    }

    static void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, link.getParent().relativize(target));
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(target, link);
        }
    }
}
