package io.thoughtscope.reasoning.model;

/**
 * Which model produced a run.
 *
 * @param name    display name (e.g. {@code DeepSeek-R1-Distill-Qwen-1.5B Q4_K_M})
 * @param source  file path or server URL, empty for imported traces
 * @param engine  {@code llama.cpp}, {@code openai}, {@code import}, ...
 * @param backend {@code cpu}, {@code cuda}, {@code vulkan}, {@code metal}, {@code remote}, or empty
 */
public record ModelRef(String name, String source, String engine, String backend) {
    public ModelRef {
        name = name == null ? "" : name;
        source = source == null ? "" : source;
        engine = engine == null ? "" : engine;
        backend = backend == null ? "" : backend;
    }
}
