package io.thoughtscope.runtime.remote;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The message inside a server's error body, whichever shape it has: OpenAI and newer vLLM
 * {@code {"error": {"message": ...}}}, older vLLM {@code {"object": "error", "message": ...}},
 * llama-server {@code {"error": {"code", "message", "type"}}}, Ollama {@code {"error": "..."}},
 * FastAPI {@code {"detail": ...}}; plain text as it is.
 */
final class ErrorBodies {

    private ErrorBodies() {
    }

    static String message(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode n = RemoteHttp.JSON.readTree(body);
            String m = message(n);
            return m != null ? m : RemoteHttp.abbreviate(body);
        } catch (Exception e) {
            return RemoteHttp.abbreviate(body);
        }
    }

    /** The error message of a JSON document, or null when it is no error. */
    static String message(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        JsonNode e = n.get("error");
        if (e != null && e.isTextual()) {
            return e.asText();
        }
        if (e != null && e.isObject()) {
            JsonNode m = e.get("message");
            return m != null ? m.asText() : e.toString();
        }
        if ("error".equals(n.path("object").asText()) && n.has("message")) {
            return n.get("message").asText();
        }
        if (n.has("detail") && !n.has("choices")) {
            JsonNode d = n.get("detail");
            return d.isTextual() ? d.asText() : d.toString();
        }
        return null;
    }
}
