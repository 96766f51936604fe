package io.thoughtscope.reasoning.traces;

import com.fasterxml.jackson.databind.JsonNode;
import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.TopToken;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Per-token data in the shapes servers and scripts write: OpenAI chat logprobs
 * ({@code {content: [{token, logprob, top_logprobs}]}}), legacy completion logprobs
 * ({@code {tokens, token_logprobs, top_logprobs}}), arrays of token objects, and parallel
 * arrays of token strings and log-probabilities. Data that does not fit gives no tokens rather
 * than wrong ones.
 */
final class TokenArrays {

    private static final List<String> TEXT = List.of("token", "text", "piece", "decoded_token");
    private static final List<String> ID = List.of("id", "token_id");
    private static final List<String> LOGPROB = List.of("logprob", "log_prob", "logp");
    private static final List<String> ALTERNATIVES = List.of("top_logprobs", "top_k", "top", "alternatives",
            "top_tokens");

    /** Most likely first, as {@link Token#alternatives()} promises; unknown probabilities last. */
    private static final Comparator<TopToken> MOST_LIKELY_FIRST = Comparator.comparingDouble(
            (TopToken t) -> Double.isNaN(t.logprob()) ? Double.NEGATIVE_INFINITY : t.logprob()).reversed();

    private TokenArrays() {
    }

    /** Tokens of a record's own {@code tokens} / {@code logprobs} fields. */
    static List<Token> ofRecord(JsonNode record) {
        JsonNode tokens = record.get("tokens");
        JsonNode logprobs = record.get("logprobs");
        List<Token> fromObjects = objects(tokens);
        if (!fromObjects.isEmpty()) {
            return fromObjects;
        }
        if (logprobs != null && logprobs.isObject()) {
            return ofLogprobs(logprobs);
        }
        fromObjects = objects(logprobs);
        if (!fromObjects.isEmpty()) {
            return fromObjects;
        }
        return parallel(tokens, logprobs);
    }

    /** Tokens of an API's {@code logprobs} value (a choice's, or a record's). */
    static List<Token> ofLogprobs(JsonNode logprobs) {
        if (logprobs == null || logprobs.isNull()) {
            return List.of();
        }
        if (logprobs.isArray()) {
            return objects(logprobs);
        }
        if (logprobs.has("content")) {
            return objects(logprobs.get("content"));
        }
        if (logprobs.has("tokens")) {
            return legacy(logprobs);
        }
        return List.of();
    }

    /** An array of token objects; empty when it is not one (e.g. an array of token ids). */
    static List<Token> objects(JsonNode array) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return List.of();
        }
        List<Token> out = new ArrayList<>(array.size());
        for (JsonNode t : array) {
            String text = t.isObject() ? string(first(t, TEXT)) : null;
            if (text == null) {
                return List.of();
            }
            List<TopToken> alts = alternatives(first(t, ALTERNATIVES));
            JsonNode given = t.get("entropy");
            double entropy = given != null && given.isNumber() ? given.doubleValue() : Token.entropyFromTopK(alts);
            out.add(new Token(id(first(t, ID)), text, number(first(t, LOGPROB)), alts, entropy, -1));
        }
        return out;
    }

    /** {@code {tokens: [...], token_logprobs: [...], top_logprobs: [{tok: lp}, ...]}}. */
    private static List<Token> legacy(JsonNode logprobs) {
        JsonNode texts = logprobs.get("tokens");
        if (texts == null || !texts.isArray()) {
            return List.of();
        }
        JsonNode lps = logprobs.path("token_logprobs");
        JsonNode tops = logprobs.path("top_logprobs");
        List<Token> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isTextual()) {
                return List.of();
            }
            List<TopToken> alts = alternatives(tops.get(i));
            out.add(new Token(-1, texts.get(i).textValue(), number(lps.get(i)), alts, Token.entropyFromTopK(alts), -1));
        }
        return out;
    }

    /** {@code tokens: ["a", "b"]} with an optional {@code logprobs: [-0.1, -2.3]} of the same length. */
    private static List<Token> parallel(JsonNode texts, JsonNode logprobs) {
        if (texts == null || !texts.isArray() || texts.isEmpty()) {
            return List.of();
        }
        boolean withLogprobs = logprobs != null && logprobs.isArray() && logprobs.size() == texts.size();
        List<Token> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isTextual()) {
                return List.of(); // token ids alone carry no text
            }
            double lp = withLogprobs ? number(logprobs.get(i)) : Double.NaN;
            out.add(new Token(-1, texts.get(i).textValue(), lp, List.of(), Double.NaN, -1));
        }
        return out;
    }

    /** Alternatives as an array of {token, logprob, id?} objects or as a {token: logprob} map. */
    private static List<TopToken> alternatives(JsonNode n) {
        if (n == null || n.isEmpty()) {
            return List.of();
        }
        List<TopToken> out = new ArrayList<>(n.size());
        if (n.isArray()) {
            for (JsonNode a : n) {
                String text = a.isObject() ? string(first(a, TEXT)) : null;
                if (text != null) {
                    out.add(new TopToken(id(first(a, ID)), text, number(first(a, LOGPROB))));
                }
            }
        } else if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                out.add(new TopToken(-1, e.getKey(), number(e.getValue())));
            }
        }
        out.sort(MOST_LIKELY_FIRST);
        return out;
    }

    private static JsonNode first(JsonNode object, List<String> names) {
        for (String name : names) {
            JsonNode v = object.get(name);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return null;
    }

    /** Token text must be a string: a number there is a token id, not text. */
    private static String string(JsonNode n) {
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    private static double number(JsonNode n) {
        return n != null && n.isNumber() ? n.doubleValue() : Double.NaN;
    }

    private static int id(JsonNode n) {
        return n != null && n.canConvertToInt() && n.isIntegralNumber() ? n.intValue() : -1;
    }
}
