package io.thoughtscope.runtime.remote;

/** How generation requests are sent. */
public enum Endpoint {
    /** {@code POST /v1/completions}, server-sent events: a raw text prefix continued. */
    COMPLETIONS("/v1/completions"),
    /** {@code POST /api/generate} with {@code raw: true}, newline-delimited JSON (Ollama). */
    OLLAMA_GENERATE("/api/generate"),
    /** {@code POST /v1/chat/completions}: only conversations, no partial replies (reduced capabilities). */
    CHAT("/v1/chat/completions");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** Whether a request can continue any text prefix (forks, interventions, continuations). */
    public boolean continuesPrefixes() {
        return this != CHAT;
    }
}
