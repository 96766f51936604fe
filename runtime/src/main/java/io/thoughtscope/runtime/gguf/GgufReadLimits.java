package io.thoughtscope.runtime.gguf;

/**
 * Caps that keep a hostile or broken header from making the reader allocate or loop without end. The defaults sit
 * far above real models (about 1,000 tensors, 40 keys, 150k-token vocabularies, chat templates of tens of kB,
 * tokenizer JSON of tens of MB) and far below what would hurt the application.
 */
public record GgufReadLimits(long maxTensors, long maxMetadataEntries, long maxKeyBytes, long maxStringBytes,
                             long maxArrayLength, int maxArrayDepth, long maxMetadataBytes) {

    public static final GgufReadLimits DEFAULT = new GgufReadLimits(
            1_000_000, 1_000_000, 64 * 1024, 128L << 20, 64L << 20, 8, 512L << 20);

    public GgufReadLimits {
        if (maxTensors < 0 || maxMetadataEntries < 0 || maxKeyBytes < 1 || maxStringBytes < 1 || maxArrayLength < 0
                || maxArrayDepth < 1 || maxMetadataBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        // arrays are held in Java arrays, indexed by int
        maxStringBytes = Math.min(maxStringBytes, Integer.MAX_VALUE - 16);
        maxArrayLength = Math.min(maxArrayLength, Integer.MAX_VALUE - 16);
        maxMetadataBytes = Math.min(maxMetadataBytes, Integer.MAX_VALUE - 16);
    }
}
