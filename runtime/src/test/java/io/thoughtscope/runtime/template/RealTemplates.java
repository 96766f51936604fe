package io.thoughtscope.runtime.template;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The real chat templates kept as test resources, and a way to write variables as JSON (so that
 * key order, which {@code tojson} prints, is the order written).
 *
 * <p>Where each template comes from:
 * <ul>
 *   <li>{@code r1-distill-qwen-32b.jinja}: ggml-org/llama.cpp, models/templates/deepseek-ai-DeepSeek-R1-Distill-Qwen-32B.jinja
 *       (commit 20bdc4f), llama.cpp's copy of the R1 distill template, as in GGUF files.</li>
 *   <li>{@code r1-distill-llama-8b.jinja}: llama.cpp's models/templates/deepseek-ai-DeepSeek-R1-Distill-Llama-8B.jinja,
 *       read from the fork acproject/seq2seq_llama.cpp (commit 6626e78).</li>
 *   <li>{@code r1-distill-hf-original.jinja}: the {@code chat_template} of an early tokenizer_config.json of
 *       deepseek-ai/DeepSeek-R1-Distill-Qwen-32B (mirrored in Evilcarbon/DeepSeek-R1-Distill-Qwen-32B), before
 *       DeepSeek added {@code <think>\n} to the generation prompt.</li>
 *   <li>{@code qwen3.jinja}: llama.cpp's models/templates/Qwen-Qwen3-0.6B.jinja (fork ye-NX/llama.cpp, commit b354d7c);
 *       the template the Qwen3 family (Qwen3-0.6B, Qwen3-1.7B, ...) shipped with.</li>
 *   <li>{@code qwq-32b.jinja}: llama.cpp's models/templates/Qwen-QwQ-32B.jinja (same fork and commit).</li>
 *   <li>{@code llama-3.3-70b-instruct.jinja}: llama.cpp's models/templates/meta-llama-Llama-3.3-70B-Instruct.jinja,
 *       the Llama 3.1 Instruct template (builtin tools, tools in the first user message, date string).</li>
 *   <li>{@code llama-3.2-3b-instruct.jinja}: llama.cpp's models/templates/meta-llama-Llama-3.2-3B-Instruct.jinja
 *       ({@code strftime_now}).</li>
 *   <li>{@code gemma-2-2b-it.jinja}, {@code mistral-nemo-instruct-2407.jinja}, {@code smollm3-3b.jinja}: llama.cpp's
 *       models/templates copies of google/gemma-2-2b-it, mistralai/Mistral-Nemo-Instruct-2407 and
 *       HuggingFaceTB/SmolLM3-3B.</li>
 *   <li>{@code mistral-small-3.1-24b-instruct-2503.jinja}: ggml-org/llama.cpp,
 *       models/templates/mistralai-Mistral-Small-3.1-24B-Instruct-2503.jinja (commit 9190da2).</li>
 *   <li>{@code deepseek-v3.1.jinja}: ggml-org/llama.cpp, models/templates/deepseek-ai-DeepSeek-V3.1.jinja
 *       (commit 0374c5b).</li>
 *   <li>{@code nemotron-nano-v2.jinja}: ggml-org/llama.cpp, models/templates/NVIDIA-Nemotron-Nano-v2.jinja
 *       (commit 5801ed3).</li>
 * </ul>
 * Every expected prompt in the tests was derived from the template by hand and checked against
 * real Jinja2 3.1.6 set up as Hugging Face's apply_chat_template sets it up.
 */
final class RealTemplates {

    static final String DEEPSEEK_BOS = "<｜begin▁of▁sentence｜>";
    static final String DEEPSEEK_EOS = "<｜end▁of▁sentence｜>";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealTemplates() {
    }

    static ChatTemplate load(String name) {
        return ChatTemplate.compile(source(name));
    }

    static String source(String name) {
        try (InputStream in = RealTemplates.class.getResourceAsStream(name + ".jinja")) {
            if (in == null) {
                throw new IllegalArgumentException("no template resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Variables written as JSON; a mutable map, in the order written. */
    static Map<String, Object> variables(String json) {
        try {
            return JSON.readValue(json, new TypeReference<java.util.LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
