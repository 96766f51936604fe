package io.thoughtscope.runtime.llama;

/**
 * How to open a model.
 *
 * @param context      context length in tokens (0: the model's own, capped at {@link #DEFAULT_CONTEXT_CAP})
 * @param threads      CPU threads (0: the number of processors, at most 8)
 * @param backend      the backend to use, or null to pick the best available
 * @param gpuLayers    layers to offload to a GPU (-1: all); ignored on the CPU backend
 * @param maxSequences sequences that can live at once (branches of a tree plus their forks)
 * @param batch        tokens per decode call
 */
public record LlamaOptions(int context, int threads, Backend backend, int gpuLayers, int maxSequences, int batch) {

    public static final int DEFAULT_CONTEXT_CAP = 16384;

    public LlamaOptions {
        if (context < 0 || threads < 0 || maxSequences < 1 || batch < 1) {
            throw new IllegalArgumentException("context and threads must be 0 or more, sequences and batch at least 1");
        }
    }

    public static LlamaOptions defaults() {
        return new LlamaOptions(0, 0, null, -1, 32, 512);
    }

    public LlamaOptions withContext(int c) {
        return new LlamaOptions(c, threads, backend, gpuLayers, maxSequences, batch);
    }

    public LlamaOptions withThreads(int t) {
        return new LlamaOptions(context, t, backend, gpuLayers, maxSequences, batch);
    }

    public LlamaOptions withBackend(Backend b) {
        return new LlamaOptions(context, threads, b, gpuLayers, maxSequences, batch);
    }

    public LlamaOptions withMaxSequences(int s) {
        return new LlamaOptions(context, threads, backend, gpuLayers, s, batch);
    }

    public LlamaOptions withGpuLayers(int g) {
        return new LlamaOptions(context, threads, backend, g, maxSequences, batch);
    }

    int effectiveThreads() {
        return threads > 0 ? threads : Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }
}
