package io.thoughtscope.runtime.discovery;

import io.thoughtscope.runtime.gguf.GgufFile;

/**
 * What a model list shows of a GGUF file, read from its header.
 *
 * @param architecture   {@code general.architecture}, empty when missing
 * @param name           {@code general.name}, empty when missing
 * @param parameterCount elements of all tensors, all parts of a split model included
 * @param quantization   e.g. {@code Q4_K_M}
 * @param contextLength  the trained context length, 0 when unknown
 */
public record GgufSummary(String architecture, String name, long parameterCount, String quantization,
                          long contextLength) {

    static GgufSummary of(GgufFile file, long parameterCount) {
        return new GgufSummary(file.architecture().orElse(""), file.name().orElse(""), parameterCount,
                file.quantization(), file.contextLength().orElse(0));
    }
}
