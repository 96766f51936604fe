package io.thoughtscope.runtime.gguf;

import io.thoughtscope.runtime.gguf.GgufException.Problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the bundled llama.cpp demands of a well-formed GGUF beyond the format itself: a known architecture, flat
 * metadata arrays, tensor names under 64 bytes, and tensors stored in header order, each padded to the alignment
 * (gguf.cpp rejects any other layout). The architecture list is a resource read from the pinned natives.
 */
public final class LlamaCppCompatibility {
    /** The llama.cpp build whose rules these are (node-llama-cpp 3.22.1 natives). */
    public static final String PINNED_LLAMA_CPP = "llama.cpp v0.5.0 (node-llama-cpp 3.22.1)";
    private static final String ARCHITECTURES_RESOURCE = "llama-cpp-architectures.txt";
    private static final int MAX_TENSOR_NAME_BYTES = 63;
    private static final Set<String> ARCHITECTURES = loadArchitectures();

    private LlamaCppCompatibility() {
    }

    /** Architecture names ({@code general.architecture} values) the pinned llama.cpp can load, sorted. */
    public static Set<String> supportedArchitectures() {
        return ARCHITECTURES;
    }

    public static boolean isSupportedArchitecture(String architecture) {
        return ARCHITECTURES.contains(architecture);
    }

    /** Throws the first reason the pinned llama.cpp would refuse the file. */
    public static void requireLoadable(GgufFile file) throws GgufException {
        Optional<GgufException> problem = problem(file);
        if (problem.isPresent()) {
            throw problem.get();
        }
    }

    /** The first reason the pinned llama.cpp would refuse the file, if any. */
    public static Optional<GgufException> problem(GgufFile file) {
        GgufValue architecture = file.metadata().get("general.architecture");
        if (architecture == null) {
            return fail(file, Problem.MISSING_ARCHITECTURE,
                    "general.architecture is missing: llama.cpp cannot tell which model this is");
        }
        if (!(architecture instanceof GgufValue.StringValue(String name))) {
            return fail(file, Problem.WRONG_VALUE_TYPE, "general.architecture must be a STRING but is "
                    + GgufReader.describeType(architecture));
        }
        if (name.equals("clip")) {
            return fail(file, Problem.UNSUPPORTED_ARCHITECTURE, "architecture 'clip' is a vision projector "
                    + "(mmproj) for a multimodal model, not a language model llama.cpp can run by itself");
        }
        if (!ARCHITECTURES.contains(name)) {
            return fail(file, Problem.UNSUPPORTED_ARCHITECTURE, "architecture '" + name
                    + "' is not supported by the bundled " + PINNED_LLAMA_CPP);
        }
        for (Map.Entry<String, GgufValue> entry : file.metadata().entrySet()) {
            if (entry.getValue() instanceof GgufArray array && array.isNested()) {
                return fail(file, Problem.NOT_LOADABLE, "metadata '" + entry.getKey()
                        + "' is an array of arrays, which llama.cpp's GGUF loader rejects");
            }
        }
        long expected = 0;
        for (GgufTensor tensor : file.tensors()) {
            int nameBytes = tensor.name().getBytes(StandardCharsets.UTF_8).length;
            if (nameBytes > MAX_TENSOR_NAME_BYTES) {
                return fail(file, Problem.NOT_LOADABLE, "tensor name '" + tensor.name() + "' is " + nameBytes
                        + " bytes long; llama.cpp allows at most " + MAX_TENSOR_NAME_BYTES);
            }
            if (tensor.dataOffset() != expected) {
                return fail(file, Problem.NOT_LOADABLE, "tensor '" + tensor.name() + "' starts at data offset "
                        + tensor.dataOffset() + " where llama.cpp expects " + expected + ": it needs the tensors "
                        + "stored in header order, each padded to the alignment " + file.alignment());
            }
            expected += GgufReader.alignUp(tensor.byteSize(), file.alignment());
        }
        return Optional.empty();
    }

    private static Optional<GgufException> fail(GgufFile file, Problem problem, String detail) {
        return Optional.of(new GgufException(problem, detail, file.path(), -1));
    }

    private static Set<String> loadArchitectures() {
        try (InputStream stream = LlamaCppCompatibility.class.getResourceAsStream(ARCHITECTURES_RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("resource " + ARCHITECTURES_RESOURCE + " is missing");
            }
            TreeSet<String> names = new TreeSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
            return Collections.unmodifiableSortedSet(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
