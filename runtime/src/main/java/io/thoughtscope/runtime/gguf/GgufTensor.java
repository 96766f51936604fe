package io.thoughtscope.runtime.gguf;

import java.util.List;
import java.util.Objects;

/**
 * One tensor's description from a GGUF header.
 *
 * @param name       e.g. {@code blk.0.attn_q.weight}
 * @param shape      GGUF order: {@code shape.get(0)} is the length of a row (the fastest-moving dimension)
 * @param type       element type
 * @param dataOffset offset from the start of the data section, as stored in the file
 * @param fileOffset absolute offset of the first byte in the file
 * @param byteSize   bytes of data, from the shape and the type's block size
 */
public record GgufTensor(String name, List<Long> shape, GgmlType type, long dataOffset, long fileOffset,
                         long byteSize) {
    public GgufTensor {
        Objects.requireNonNull(name, "name");
        shape = List.copyOf(shape);
        Objects.requireNonNull(type, "type");
    }

    public long elementCount() {
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        return count;
    }

    /** The offset one past the last byte, absolute. */
    public long fileEnd() {
        return fileOffset + byteSize;
    }

    /** e.g. {@code 1536x151936}. */
    public String shapeText() {
        StringBuilder text = new StringBuilder();
        for (long dim : shape) {
            text.append(text.isEmpty() ? "" : "x").append(dim);
        }
        return text.isEmpty() ? "scalar" : text.toString();
    }
}
