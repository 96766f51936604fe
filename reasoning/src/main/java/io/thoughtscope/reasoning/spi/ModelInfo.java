package io.thoughtscope.reasoning.spi;

/**
 * What a model is and where it runs.
 *
 * @param name            display name
 * @param source          file path or server URL
 * @param architecture    e.g. {@code qwen2}, {@code qwen3}, {@code llama}
 * @param parameters      parameter count, 0 when unknown
 * @param quantization    e.g. {@code Q4_K_M}, empty when unknown
 * @param trainContext    the context length it was trained with, 0 when unknown
 * @param context         the context length in use
 * @param backend         {@code cpu}, {@code cuda}, {@code vulkan}, {@code metal}, {@code remote}
 * @param layers          number of layers, 0 when unknown
 * @param layersOffloaded layers running on the GPU
 */
public record ModelInfo(String name, String source, String architecture, long parameters, String quantization,
                        int trainContext, int context, String backend, int layers, int layersOffloaded) {
}
