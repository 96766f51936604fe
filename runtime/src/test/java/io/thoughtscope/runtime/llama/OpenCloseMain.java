package io.thoughtscope.runtime.llama;

import io.thoughtscope.reasoning.spi.SamplingParams;
import io.thoughtscope.reasoning.spi.StepRequest;

import java.nio.file.Path;
import java.util.List;

/**
 * Opens a model, generates, closes it and returns from main without System.exit: the JVM must
 * then end by itself (no native thread may keep it alive).
 */
public final class OpenCloseMain {
    public static void main(String[] args) {
        try (LlamaEngine e = LlamaEngine.open(Path.of(args[0]), LlamaOptions.defaults().withContext(128).withThreads(2)
                .withMaxSequences(2), null, TemplateChatFormat::of)) {
            var s = e.prefill(e.tokenizer().tokenize("hello", false, true));
            e.step(List.of(new StepRequest(s, SamplingParams.greedy(), 0)));
        }
        System.out.println("closed");
    }
}
