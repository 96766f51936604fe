package io.thoughtscope.app.cli;

import io.thoughtscope.runtime.llama.Backend;
import io.thoughtscope.runtime.llama.LlamaOptions;
import picocli.CommandLine.Option;

/** The engine options shared by the commands that run a model (a picocli mixin). */
public final class EngineOptions {

    @Option(names = "--threads", paramLabel = "N", description = "CPU threads (default: the processors, at most 8).")
    int threads;

    @Option(names = "--gpu", paramLabel = "BACKEND", defaultValue = "auto",
            description = "auto, cpu, cuda, vulkan or metal (default: ${DEFAULT-VALUE}: the best that works here).")
    String gpu;

    @Option(names = "--gpu-layers", paramLabel = "N", defaultValue = "-1",
            description = "Layers to offload to the GPU (default: all).")
    int gpuLayers;

    @Option(names = "--ctx", paramLabel = "TOKENS", description = "Context length (default: the model's, at most 16384).")
    int context;

    LlamaOptions toLlamaOptions(int sequences) {
        Backend backend = Backend.parse(gpu);
        return LlamaOptions.defaults().withThreads(threads).withBackend(backend).withGpuLayers(gpuLayers)
                .withContext(context).withMaxSequences(sequences);
    }
}
