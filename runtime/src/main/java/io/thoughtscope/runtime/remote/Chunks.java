package io.thoughtscope.runtime.remote;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns one streamed JSON event into token pieces, whatever the server's dialect:
 * <ul>
 *   <li>completions ({@code choices[].text}) and chat ({@code choices[].delta.content}, thinking in
 *       {@code delta.reasoning_content} or {@code delta.reasoning});</li>
 *   <li>log-probabilities in the legacy completions form ({@code logprobs.tokens},
 *       {@code token_logprobs}, {@code top_logprobs} as maps: vLLM, SGLang) or the chat form
 *       ({@code logprobs.content[]} with {@code token}, {@code logprob}, {@code top_logprobs[]}:
 *       llama-server for both endpoints, vLLM chat, Ollama);</li>
 *   <li>Ollama's native lines ({@code response}, {@code thinking}, {@code done}, {@code done_reason},
 *       {@code logprobs[]}).</li>
 * </ul>
 * The text the server sends is what counts: token pieces are used when they spell it exactly,
 * otherwise (a character split over tokens, byte tokens) the chunk becomes one piece whose
 * log-probability is the sum of its tokens'.
 */
final class Chunks {

    /** A token (or a run of tokens) of one choice. Alternatives are sorted, most likely first. */
    record Piece(int choice, String text, double logprob, List<Alt> alternatives, boolean reasoning) {}

    /** One alternative of a token position. */
    record Alt(String text, double logprob) {}

    /**
     * What one event said.
     *
     * @param pieces        token pieces in order
     * @param finish        choice index to finish reason, for the choices that ended
     * @param error         the server's error message, or null
     * @param promptTokens  the prompt's token count when the event reports usage, else -1
     */
    record Parsed(List<Piece> pieces, Map<Integer, String> finish, String error, int promptTokens) {}

    private Chunks() {
    }

    static Parsed parse(JsonNode event, Endpoint endpoint) {
        String error = ErrorBodies.message(event);
        if (error != null) {
            return new Parsed(List.of(), Map.of(), error, -1);
        }
        List<Piece> pieces = new ArrayList<>();
        Map<Integer, String> finish = new java.util.LinkedHashMap<>();
        int prompt = event.path("usage").path("prompt_tokens").asInt(-1);
        if (endpoint == Endpoint.OLLAMA_GENERATE) {
            String thinking = event.path("thinking").asText("");
            if (!thinking.isEmpty()) {
                pieces.add(new Piece(0, thinking, Double.NaN, List.of(), true));
            }
            addPieces(pieces, 0, event.path("response").asText(""), event.get("logprobs"), false);
            if (event.path("done").asBoolean(false)) {
                finish.put(0, event.path("done_reason").asText("stop"));
                prompt = event.path("prompt_eval_count").asInt(-1);
            }
            return new Parsed(pieces, finish, null, prompt);
        }
        for (JsonNode c : event.path("choices")) {
            int index = c.path("index").asInt(0);
            JsonNode logprobs = c.get("logprobs");
            if (endpoint == Endpoint.CHAT) {
                JsonNode delta = c.path("delta");
                String reasoning = text(delta.get("reasoning_content"));
                if (reasoning.isEmpty()) {
                    reasoning = text(delta.get("reasoning"));
                }
                String content = text(delta.get("content"));
                if (!reasoning.isEmpty()) {
                    addPieces(pieces, index, reasoning, content.isEmpty() ? logprobs : null, true);
                }
                if (!content.isEmpty()) {
                    addPieces(pieces, index, content, logprobs, false);
                }
            } else {
                addPieces(pieces, index, text(c.get("text")), logprobs, false);
            }
            JsonNode fr = c.get("finish_reason");
            if (fr != null && !fr.isNull() && !fr.asText().isEmpty()) {
                finish.put(index, fr.asText());
            }
        }
        return new Parsed(pieces, finish, null, prompt);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asText("");
    }

    private static void addPieces(List<Piece> out, int choice, String text, JsonNode logprobs, boolean reasoning) {
        if (text.isEmpty()) {
            return;
        }
        List<Piece> tokens = tokens(choice, logprobs, reasoning);
        StringBuilder spelled = new StringBuilder();
        for (Piece p : tokens) {
            spelled.append(p.text());
        }
        if (!tokens.isEmpty() && spelled.toString().equals(text)) {
            out.addAll(tokens);
            return;
        }
        double sum = tokens.isEmpty() ? Double.NaN : 0;
        for (Piece p : tokens) {
            sum += p.logprob();
        }
        List<Alt> alts = tokens.size() == 1 ? tokens.getFirst().alternatives() : List.of();
        out.add(new Piece(choice, text, sum, alts, reasoning));
    }

    /** The tokens the log-probabilities describe, in either form; empty without any. */
    private static List<Piece> tokens(int choice, JsonNode logprobs, boolean reasoning) {
        List<Piece> out = new ArrayList<>();
        if (logprobs == null || logprobs.isNull()) {
            return out;
        }
        JsonNode content = logprobs.isArray() ? logprobs : logprobs.get("content");
        if (content != null && content.isArray()) {
            for (JsonNode t : content) {
                List<Alt> alts = new ArrayList<>();
                for (JsonNode a : t.path("top_logprobs")) {
                    alts.add(new Alt(a.path("token").asText(""), number(a.get("logprob"))));
                }
                alts.sort(Comparator.comparingDouble(Alt::logprob).reversed());
                out.add(new Piece(choice, t.path("token").asText(""), number(t.get("logprob")), List.copyOf(alts), reasoning));
            }
            return out;
        }
        JsonNode tokens = logprobs.get("tokens");
        if (tokens != null && tokens.isArray()) {
            JsonNode lps = logprobs.path("token_logprobs");
            JsonNode tops = logprobs.path("top_logprobs");
            for (int i = 0; i < tokens.size(); i++) {
                List<Alt> alts = new ArrayList<>();
                JsonNode top = tops.path(i);
                if (top.isObject()) {
                    top.properties().forEach(e -> alts.add(new Alt(e.getKey(), number(e.getValue()))));
                }
                alts.sort(Comparator.comparingDouble(Alt::logprob).reversed());
                out.add(new Piece(choice, tokens.get(i).asText(""), number(lps.get(i)), List.copyOf(alts), reasoning));
            }
        }
        return out;
    }

    /** A log-probability; null (what JSON makes of -inf) and missing values are NaN. */
    private static double number(JsonNode n) {
        if (n == null || n.isNull() || !n.isNumber()) {
            return Double.NaN;
        }
        double d = n.asDouble();
        // llama-server writes log(0) as the lowest float rather than -inf
        return d <= -3.0e38 ? Double.NEGATIVE_INFINITY : d;
    }
}
