package io.thoughtscope.runtime.gguf;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SequencedMap;

/**
 * What a GGUF header says: metadata in file order, tensor descriptions and the layout of the data section. The
 * tensor data stays in the file. Accessors for the keys llama.cpp reads return empty when a key is missing or has
 * an unexpected type.
 *
 * @param path      the file
 * @param fileSize  bytes
 * @param version   GGUF version, 2 or 3
 * @param metadata  keys and values in file order
 * @param tensors   in file order
 * @param alignment of the data section and of each tensor in it ({@code general.alignment}, default 32)
 * @param dataStart absolute offset of the data section
 */
public record GgufFile(Path path, long fileSize, int version, SequencedMap<String, GgufValue> metadata,
                       List<GgufTensor> tensors, int alignment, long dataStart) {

    public static final int DEFAULT_ALIGNMENT = 32;

    public GgufFile {
        metadata = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(metadata));
        tensors = List.copyOf(tensors);
    }

    public Optional<GgufValue> get(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    public Optional<String> getString(String key) {
        return metadata.get(key) instanceof GgufValue.StringValue(String value) ? Optional.of(value) : Optional.empty();
    }

    /** An integer value of any width. */
    public OptionalLong getLong(String key) {
        return metadata.get(key) instanceof GgufValue.IntValue(var _, long value)
                ? OptionalLong.of(value) : OptionalLong.empty();
    }

    /** A float value, or an integer one widened. */
    public OptionalDouble getDouble(String key) {
        return switch (metadata.get(key)) {
            case GgufValue.FloatValue(var _, double value) -> OptionalDouble.of(value);
            case GgufValue.IntValue(var _, long value) -> OptionalDouble.of(value);
            case null, default -> OptionalDouble.empty();
        };
    }

    public Optional<Boolean> getBoolean(String key) {
        return metadata.get(key) instanceof GgufValue.BoolValue(boolean value) ? Optional.of(value) : Optional.empty();
    }

    public Optional<GgufArray> getArray(String key) {
        return metadata.get(key) instanceof GgufArray array ? Optional.of(array) : Optional.empty();
    }

    public Optional<GgufTensor> tensor(String name) {
        return tensors.stream().filter(tensor -> tensor.name().equals(name)).findFirst();
    }

    /** {@code general.architecture}, e.g. {@code qwen2}. */
    public Optional<String> architecture() {
        return getString("general.architecture");
    }

    /** {@code general.name}. */
    public Optional<String> name() {
        return getString("general.name");
    }

    /** Sum of the elements of all tensors. */
    public long parameterCount() {
        long count = 0;
        for (GgufTensor tensor : tensors) {
            count += tensor.elementCount();
        }
        return count;
    }

    /**
     * The quantization as people name it: from {@code general.file_type} (e.g. {@code Q4_K_M}), else the type
     * holding most bytes among the weight matrices (e.g. {@code Q4_0}), else {@code unknown}.
     */
    public String quantization() {
        OptionalLong fileType = getLong("general.file_type");
        if (fileType.isPresent()) {
            return LlamaFileType.name(fileType.getAsLong()).orElse("file type " + fileType.getAsLong());
        }
        return dominantTensorType().map(GgmlType::name).orElse("unknown");
    }

    /** The tensor type with the most bytes among tensors of two or more dimensions (the weights). */
    public Optional<GgmlType> dominantTensorType() {
        Map<GgmlType, Long> bytes = new EnumMap<>(GgmlType.class);
        for (GgufTensor tensor : tensors) {
            if (tensor.shape().size() >= 2) {
                bytes.merge(tensor.type(), tensor.byteSize(), Long::sum);
            }
        }
        return bytes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** {@code <arch>.context_length}: the context the model was trained with. */
    public OptionalLong contextLength() {
        return archLong("context_length");
    }

    public OptionalLong blockCount() {
        return archLong("block_count");
    }

    public OptionalLong embeddingLength() {
        return archLong("embedding_length");
    }

    /** {@code <arch>.feed_forward_length}; the largest when it is given per layer. */
    public OptionalLong feedForwardLength() {
        return archLong("feed_forward_length");
    }

    /** {@code <arch>.attention.head_count}; the largest when it is given per layer. */
    public OptionalLong headCount() {
        return archLong("attention.head_count");
    }

    /** {@code <arch>.attention.head_count_kv}; llama.cpp uses the head count when it is missing. */
    public OptionalLong headCountKv() {
        OptionalLong kv = archLong("attention.head_count_kv");
        return kv.isPresent() ? kv : headCount();
    }

    /** Length of {@code tokenizer.ggml.tokens}. */
    public OptionalLong vocabularySize() {
        return getArray("tokenizer.ggml.tokens").map(tokens -> OptionalLong.of(tokens.size()))
                .orElse(OptionalLong.empty());
    }

    /** {@code tokenizer.chat_template}. */
    public Optional<String> chatTemplate() {
        return getString("tokenizer.chat_template");
    }

    public OptionalLong bosTokenId() {
        return getLong("tokenizer.ggml.bos_token_id");
    }

    public OptionalLong eosTokenId() {
        return getLong("tokenizer.ggml.eos_token_id");
    }

    /** {@code <arch>.<suffix>} as an integer; per-layer arrays give their largest element. */
    private OptionalLong archLong(String suffix) {
        Optional<String> arch = architecture();
        if (arch.isEmpty()) {
            return OptionalLong.empty();
        }
        String key = arch.get() + "." + suffix;
        return switch (metadata.get(key)) {
            case GgufValue.IntValue(var _, long value) -> OptionalLong.of(value);
            case GgufArray array when array.elementType().isInteger() && array.size() > 0 -> {
                long max = Long.MIN_VALUE;
                for (int i = 0; i < array.size(); i++) {
                    max = Math.max(max, array.longAt(i));
                }
                yield OptionalLong.of(max);
            }
            case null, default -> OptionalLong.empty();
        };
    }
}
