package io.thoughtscope.runtime.remote;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's own token ids for text pieces, for logit biases: llama-server's
 * {@code POST /tokenize {"content", "add_special", "parse_special"}} and vLLM's (and SGLang's)
 * {@code POST /tokenize {"model", "prompt", "add_special_tokens"}}, both answering
 * {@code {"tokens": [ids]}}. Answers are cached.
 */
final class TokenIds {

    private final RemoteHttp http;
    private final ServerKind kind;
    private final String model;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    TokenIds(RemoteHttp http, ServerKind kind, String model) {
        this.http = http;
        this.kind = kind;
        this.model = model;
    }

    /** The server's ids of {@code text} (special strings read as special tokens). */
    int[] of(String text) {
        return cache.computeIfAbsent(text, t -> request(http, kind, model, t).orElseThrow(() ->
                new RemoteException(RemoteException.Kind.UNSUPPORTED, http.spec().name() + " has no /tokenize")));
    }

    static Optional<int[]> request(RemoteHttp http, ServerKind kind, String model, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (kind == ServerKind.LLAMA_SERVER) {
            body.put("content", text);
            body.put("add_special", false);
            body.put("parse_special", true);
        } else {
            body.put("model", model);
            body.put("prompt", text);
            body.put("add_special_tokens", false);
        }
        return http.postOptional("/tokenize", body).map(n -> {
            JsonNode tokens = n.path("tokens");
            int[] ids = new int[tokens.size()];
            for (int i = 0; i < ids.length; i++) {
                JsonNode t = tokens.get(i);
                ids[i] = t.isObject() ? t.path("id").asInt() : t.asInt();
            }
            return ids;
        });
    }
}
