package io.thoughtscope.runtime.remote;

import java.util.Locale;

/**
 * The software behind an OpenAI-compatible address. It decides which endpoint continues a raw
 * text prefix and what may be asked of it; {@link #AUTO} asks the server ({@link ServerProbe}).
 */
public enum ServerKind {
    AUTO("auto"),
    /** vLLM: {@code /v1/completions}, {@code n}, {@code logit_bias} on its token ids, {@code /tokenize}. */
    VLLM("vllm"),
    /** SGLang: the same OpenAI surface as vLLM. */
    SGLANG("sglang"),
    /** llama.cpp's llama-server: {@code /v1/completions}, {@code /props} (chat template), {@code /tokenize}. */
    LLAMA_SERVER("llama-server"),
    /** Ollama: raw prompts through its own {@code /api/generate} (its {@code /v1/completions} applies its template). */
    OLLAMA("ollama"),
    /** LM Studio: {@code /v1/completions} without token-level extras. */
    LM_STUDIO("lm-studio"),
    /** Any other OpenAI-compatible server: {@code /v1/completions}, nothing assumed beyond the standard. */
    OPENAI("openai");

    private final String key;

    ServerKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ServerKind parse(String s) {
        String k = s == null ? "auto" : s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ServerKind kind : values()) {
            if (kind.key.equals(k) || kind.name().equalsIgnoreCase(k.replace('-', '_'))) {
                return kind;
            }
        }
        if (k.equals("llamacpp") || k.equals("llama.cpp")) {
            return LLAMA_SERVER;
        }
        if (k.equals("lmstudio")) {
            return LM_STUDIO;
        }
        throw new IllegalArgumentException("unknown server kind '" + s + "' (auto, vllm, sglang, llama-server, ollama, lm-studio, openai)");
    }

    /** Whether one request may ask for several samples of the same prefix ({@code n}). */
    boolean multipleSamples() {
        return this == VLLM || this == SGLANG || this == OPENAI;
    }

    /** Whether the server applies per-token logit biases on the ids its {@code /tokenize} gives. */
    boolean logitBias() {
        return this == VLLM || this == SGLANG || this == LLAMA_SERVER;
    }
}
