package io.thoughtscope.runtime.hub;

import java.util.List;

/**
 * Distilled reasoning models worth starting with, in common quantisations: repository and file as
 * published on the hub (sizes approximate, for the list only; the hub's own size is what counts).
 */
public final class CuratedModels {

    /** One downloadable file. */
    public record Entry(String label, String repo, String file, double gigabytes) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry("DeepSeek-R1-Distill-Qwen 1.5B Q4_K_M", "bartowski/DeepSeek-R1-Distill-Qwen-1.5B-GGUF",
                    "DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf", 1.1),
            new Entry("DeepSeek-R1-Distill-Qwen 1.5B Q8_0", "bartowski/DeepSeek-R1-Distill-Qwen-1.5B-GGUF",
                    "DeepSeek-R1-Distill-Qwen-1.5B-Q8_0.gguf", 1.9),
            new Entry("DeepSeek-R1-Distill-Qwen 7B Q4_K_M", "bartowski/DeepSeek-R1-Distill-Qwen-7B-GGUF",
                    "DeepSeek-R1-Distill-Qwen-7B-Q4_K_M.gguf", 4.7),
            new Entry("DeepSeek-R1-Distill-Qwen 7B Q8_0", "bartowski/DeepSeek-R1-Distill-Qwen-7B-GGUF",
                    "DeepSeek-R1-Distill-Qwen-7B-Q8_0.gguf", 8.1),
            new Entry("Qwen3 0.6B Q8_0", "Qwen/Qwen3-0.6B-GGUF", "Qwen3-0.6B-Q8_0.gguf", 0.6),
            new Entry("Qwen3 1.7B Q8_0", "Qwen/Qwen3-1.7B-GGUF", "Qwen3-1.7B-Q8_0.gguf", 1.8),
            new Entry("Qwen3 4B Q4_K_M", "Qwen/Qwen3-4B-GGUF", "Qwen3-4B-Q4_K_M.gguf", 2.5),
            new Entry("Qwen3 4B Q8_0", "Qwen/Qwen3-4B-GGUF", "Qwen3-4B-Q8_0.gguf", 4.3),
            new Entry("Qwen3 8B Q4_K_M", "Qwen/Qwen3-8B-GGUF", "Qwen3-8B-Q4_K_M.gguf", 5.0),
            new Entry("Qwen3 8B Q8_0", "Qwen/Qwen3-8B-GGUF", "Qwen3-8B-Q8_0.gguf", 8.7),
            new Entry("QwQ-32B Q4_K_M", "Qwen/QwQ-32B-GGUF", "qwq-32b-q4_k_m.gguf", 19.9));

    private CuratedModels() {
    }

    public static List<Entry> all() {
        return ENTRIES;
    }
}
