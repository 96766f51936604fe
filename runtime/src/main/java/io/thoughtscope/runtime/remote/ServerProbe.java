package io.thoughtscope.runtime.remote;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds out what a server is and what it can do: its software (llama-server answers
 * {@code /props}, Ollama {@code /api/version}, vLLM {@code /version}, SGLang
 * {@code /get_server_info}, LM Studio {@code /api/v0/models}), its models, the chat template (from
 * llama-server's {@code /props} or Ollama's {@code /api/show}, else configured or guessed), and,
 * with one one-token request, whether raw completions and log-probabilities work.
 */
public final class ServerProbe {

    private ServerProbe() {
    }

    /** Probes the server; throws {@link RemoteException} when it cannot be reached or used. */
    public static ServerInfo probe(ServerSpec spec) {
        return probe(new RemoteHttp(spec));
    }

    static ServerInfo probe(RemoteHttp http) {
        ServerSpec spec = http.spec();
        List<String> notes = new ArrayList<>();
        ServerKind kind = spec.kind();
        String version = "";
        JsonNode props = null;
        if (kind == ServerKind.AUTO || kind == ServerKind.LLAMA_SERVER) {
            props = quietly(() -> http.getOptional("/props")).filter(p -> p.has("default_generation_settings")
                    || p.has("chat_template") || p.has("build_info")).orElse(null);
            if (props != null) {
                kind = ServerKind.LLAMA_SERVER;
                version = props.path("build_info").asText("");
            }
        }
        if (kind == ServerKind.AUTO) {
            Optional<JsonNode> v = quietly(() -> http.getOptional("/api/version")).filter(n -> n.has("version"));
            if (v.isPresent()) {
                kind = ServerKind.OLLAMA;
                version = v.get().path("version").asText("");
            }
        }
        if (kind == ServerKind.AUTO && quietly(() -> http.getOptional("/get_server_info")).isPresent()) {
            kind = ServerKind.SGLANG;
        }
        if (kind == ServerKind.AUTO) {
            Optional<JsonNode> v = quietly(() -> http.getOptional("/version")).filter(n -> n.has("version"));
            if (v.isPresent()) {
                kind = ServerKind.VLLM;
                version = v.get().path("version").asText("");
            }
        }
        if (kind == ServerKind.AUTO && quietly(() -> http.getOptional("/api/v0/models")).isPresent()) {
            kind = ServerKind.LM_STUDIO;
        }
        if (kind == ServerKind.AUTO) {
            kind = ServerKind.OPENAI;
        }

        Map<String, Integer> models = models(http, kind);
        String model = spec.model();
        if (model == null) {
            if (models.size() != 1) {
                throw new RemoteException(RemoteException.Kind.REFUSED, spec.name() + " serves "
                        + (models.isEmpty() ? "no models" : models.size() + " models (" + String.join(", ", models.keySet()) + ")")
                        + ": say which with --model");
            }
            model = models.keySet().iterator().next();
        } else if (!models.isEmpty() && !models.containsKey(model)) {
            throw new RemoteException(RemoteException.Kind.REFUSED, spec.name() + " has no model '" + model + "' (it has: "
                    + String.join(", ", models.keySet()) + ")");
        }
        int context = models.getOrDefault(model, 0);

        String template = null;
        String templateSource;
        String bos = "";
        String eos = "";
        String arch = "";
        String quant = "";
        String hint = "";
        if (props != null) {
            JsonNode settings = props.path("default_generation_settings");
            context = Math.max(context, settings.path("n_ctx").asInt(props.path("n_ctx").asInt(0)));
            eos = props.path("eos_token").asText("");
        }
        if (kind == ServerKind.OLLAMA) {
            String chosen = model;
            JsonNode show = quietly(() -> http.postOptional("/api/show", Map.of("model", chosen))).orElse(null);
            if (show != null) {
                JsonNode info = show.path("model_info");
                arch = info.path("general.architecture").asText(show.path("details").path("family").asText(""));
                context = Math.max(context, info.path(arch + ".context_length").asInt(0));
                quant = show.path("details").path("quantization_level").asText("");
                hint = show.path("template").asText("") + " " + show.path("details").path("family").asText("");
                String jinja = info.path("tokenizer.chat_template").asText("");
                if (!jinja.isBlank() && spec.template() == null) {
                    template = jinja;
                }
            }
        }
        if (spec.template() != null) {
            template = spec.template();
            templateSource = "configured";
        } else if (props != null && !props.path("chat_template").asText("").isBlank()) {
            template = props.path("chat_template").asText();
            templateSource = "the server's (/props)";
        } else if (template != null) {
            templateSource = "the server's (/api/show)";
        } else {
            KnownTemplates.Pick pick = KnownTemplates.forModel(model, hint);
            template = pick.source();
            templateSource = pick.description();
        }

        Endpoint endpoint = spec.chatOnly() ? Endpoint.CHAT
                : kind == ServerKind.OLLAMA ? Endpoint.OLLAMA_GENERATE : Endpoint.COMPLETIONS;
        boolean logprobs;
        try {
            logprobs = tryGeneration(http, endpoint, model);
        } catch (RemoteException e) {
            if (endpoint == Endpoint.COMPLETIONS && (e.status() == 404 || e.status() == 405 || e.status() == 501)) {
                endpoint = Endpoint.CHAT;
                notes.add("no raw completions (" + e.status() + "): only chat completions, so no forks, interventions or continuations");
                logprobs = tryGeneration(http, endpoint, model);
            } else {
                throw e;
            }
        }
        if (endpoint == Endpoint.CHAT && spec.chatOnly()) {
            notes.add("chat completions only (as configured): no forks, interventions or continuations");
        }
        if (!logprobs) {
            notes.add("no log-probabilities in replies: no token probabilities, alternatives or entropy");
        }
        boolean tokenize = false;
        if (endpoint != Endpoint.CHAT && kind.logitBias()) {
            tokenize = tokenizeWorks(http, kind, model);
        }
        if (!(endpoint != Endpoint.CHAT && kind.logitBias() && tokenize)) {
            notes.add("no per-token logit bias: the thought-switch penalty and budget forcing's suppression cannot run here");
        }
        return new ServerInfo(kind, version, endpoint, model, List.copyOf(models.keySet()), template, templateSource, bos,
                eos, context, arch, quant, logprobs, tokenize, notes);
    }

    /** Model names with their context length where the list gives one (vLLM's max_model_len). */
    private static Map<String, Integer> models(RemoteHttp http, ServerKind kind) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (kind == ServerKind.OLLAMA) {
            http.getOptional("/api/tags").ifPresent(n -> {
                for (JsonNode m : n.path("models")) {
                    out.put(m.path("name").asText(m.path("model").asText()), 0);
                }
            });
            if (!out.isEmpty()) {
                return out;
            }
        }
        http.getOptional("/v1/models").ifPresent(n -> {
            for (JsonNode m : n.path("data")) {
                out.put(m.path("id").asText(), m.path("max_model_len").asInt(0));
            }
        });
        return out;
    }

    /** Asks for one token; returns whether log-probabilities came with it. */
    private static boolean tryGeneration(RemoteHttp http, Endpoint endpoint, String model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        JsonNode r;
        switch (endpoint) {
            case COMPLETIONS -> {
                body.put("prompt", "Hello");
                body.put("max_tokens", 1);
                body.put("temperature", 0);
                body.put("logprobs", 2);
                body.put("stream", false);
                r = http.postJson(endpoint.path(), body);
                JsonNode lp = r.path("choices").path(0).path("logprobs");
                return lp.isObject() && (lp.has("tokens") || lp.has("content"));
            }
            case OLLAMA_GENERATE -> {
                body.put("prompt", "Hello");
                body.put("raw", true);
                body.put("stream", false);
                body.put("options", Map.of("num_predict", 1, "temperature", 0));
                body.put("logprobs", true);
                body.put("top_logprobs", 2);
                r = http.postJson(endpoint.path(), body);
                return r.path("logprobs").isArray() && !r.path("logprobs").isEmpty();
            }
            default -> {
                body.put("messages", List.of(Map.of("role", "user", "content", "Hello")));
                body.put("max_tokens", 1);
                body.put("temperature", 0);
                body.put("logprobs", true);
                body.put("top_logprobs", 2);
                body.put("stream", false);
                r = http.postJson(endpoint.path(), body);
                return r.path("choices").path(0).path("logprobs").path("content").isArray();
            }
        }
    }

    private static boolean tokenizeWorks(RemoteHttp http, ServerKind kind, String model) {
        try {
            return TokenIds.request(http, kind, model, "Hello").map(ids -> ids.length > 0).orElse(false);
        } catch (RemoteException e) {
            return false;
        }
    }

    /** A probe of a path the server may not have: protocol trouble counts as "not there". */
    private static Optional<JsonNode> quietly(java.util.function.Supplier<Optional<JsonNode>> probe) {
        try {
            return probe.get();
        } catch (RemoteException e) {
            if (e.kind() == RemoteException.Kind.PROTOCOL || e.kind() == RemoteException.Kind.REFUSED && e.status() < 500) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
