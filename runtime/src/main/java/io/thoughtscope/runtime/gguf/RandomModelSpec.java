package io.thoughtscope.runtime.gguf;

import java.util.Objects;
import java.util.Set;

/**
 * The shape of a random-weight model: hyper-parameters, tensor types and the seed. Presets are in
 * {@link RandomModels}.
 *
 * @param architecture      {@code llama}, {@code qwen2} (q/k/v biases) or {@code qwen3} (q/k norms)
 * @param name              {@code general.name}
 * @param regularTokens     tokens before the special ones (the core vocabulary plus filler words)
 * @param vocabularySize    all tokens, padding included
 * @param headDimension     per attention head (key and value length)
 * @param weightType        type of the attention and feed-forward matrices
 * @param embeddingType     type of {@code token_embd}
 * @param outputType        type of {@code output}, or null when the output shares the token embedding (tied)
 */
public record RandomModelSpec(String architecture, String name, int regularTokens, int vocabularySize,
                              int contextLength, int embeddingLength, int blockCount, int feedForwardLength,
                              int headCount, int headCountKv, int headDimension, float ropeFreqBase,
                              float rmsNormEpsilon, GgmlType weightType, GgmlType embeddingType, GgmlType outputType,
                              long seed) {

    public static final Set<String> ARCHITECTURES = Set.of("llama", "qwen2", "qwen3");

    public RandomModelSpec {
        if (!ARCHITECTURES.contains(architecture)) {
            throw new IllegalArgumentException("random models come in " + ARCHITECTURES + ", not " + architecture);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(weightType, "weightType");
        Objects.requireNonNull(embeddingType, "embeddingType");
        if (headCount < 1 || headCountKv < 1 || headCount % headCountKv != 0) {
            throw new IllegalArgumentException("the head count must be a multiple of the KV head count");
        }
        if (architecture.equals("llama") || architecture.equals("qwen2")) {
            if (headCount * headDimension != embeddingLength) {
                throw new IllegalArgumentException(architecture + " needs heads x head dimension = embedding");
            }
        }
        requireRows(embeddingLength, "embedding length", weightType, embeddingType,
                outputType == null ? embeddingType : outputType);
        requireRows(feedForwardLength, "feed-forward length", weightType);
        requireRows(headCount * headDimension, "attention width", weightType);
        if (blockCount < 1 || contextLength < 1 || vocabularySize < regularTokens + 5) {
            throw new IllegalArgumentException("blocks and context must be positive; the vocabulary needs room "
                    + "for the special tokens");
        }
    }

    private static void requireRows(int length, String what, GgmlType... types) {
        for (GgmlType type : types) {
            if (length < 1 || length % type.blockSize() != 0) {
                throw new IllegalArgumentException(what + " " + length + " is not a multiple of the " + type
                        + " block size " + type.blockSize());
            }
        }
    }

    public boolean tiedOutput() {
        return outputType == null;
    }

    public RandomModelSpec withSeed(long newSeed) {
        return new RandomModelSpec(architecture, name, regularTokens, vocabularySize, contextLength, embeddingLength,
                blockCount, feedForwardLength, headCount, headCountKv, headDimension, ropeFreqBase, rmsNormEpsilon,
                weightType, embeddingType, outputType, newSeed);
    }

    /** The same shape with other tensor types; a null output type ties the output to the token embedding. */
    public RandomModelSpec withTypes(GgmlType weights, GgmlType embedding, GgmlType output) {
        return new RandomModelSpec(architecture, name, regularTokens, vocabularySize, contextLength, embeddingLength,
                blockCount, feedForwardLength, headCount, headCountKv, headDimension, ropeFreqBase, rmsNormEpsilon,
                weights, embedding, output, seed);
    }
}
