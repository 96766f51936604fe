package io.thoughtscope.app;

import io.thoughtscope.runtime.llama.LlamaEngine;
import io.thoughtscope.runtime.llama.LlamaOptions;
import io.thoughtscope.runtime.llama.TemplateChatFormat;

import java.nio.file.Path;
import java.util.function.DoublePredicate;

/** Opens local GGUF models with their own chat template (the engine validates the file first). */
public final class LocalModels {

    private LocalModels() {
    }

    /**
     * @param progress receives the loading fraction; returning false cancels
     */
    public static LlamaEngine open(Path path, LlamaOptions options, DoublePredicate progress) {
        return LlamaEngine.open(path, options, progress, TemplateChatFormat::of);
    }
}
