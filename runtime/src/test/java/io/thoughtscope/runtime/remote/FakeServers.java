package io.thoughtscope.runtime.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thoughtscope.runtime.testing.LoopbackServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Protocol-faithful stand-ins for vLLM, llama-server and Ollama on a {@link LoopbackServer}: the
 * probe endpoints and the streaming formats each really sends, replayed from scripted replies.
 *
 * <p>Shapes, as the servers' own code writes them:
 * <ul>
 *   <li>vLLM ({@code vllm/entrypoints/openai/serving_completion.py}, {@code protocol.py}): SSE
 *       {@code data: {"id":"cmpl-…","object":"text_completion","created","model","choices":[{"index",
 *       "text","logprobs":{"text_offset","token_logprobs","tokens","top_logprobs":[{token: logprob}]},
 *       "finish_reason","stop_reason"}],"usage":null}}; the last token's chunk carries the finish
 *       reason; with {@code stream_options.include_usage} a last chunk with {@code "choices":[]} and
 *       the usage; then {@code data: [DONE]}. Errors: {@code {"error":{"message","type","param","code"}}}
 *       (in a stream: one such {@code data:} event). {@code GET /version}, {@code GET /v1/models}
 *       with {@code max_model_len}, {@code POST /tokenize} → {@code {"count","max_model_len","tokens"}}.</li>
 *   <li>llama-server ({@code tools/server/server-task.cpp}: {@code to_json_oaicompat},
 *       {@code probs_vector_to_json}; {@code server-common.cpp}: {@code format_oai_sse},
 *       {@code format_error_response}): {@code data: {"choices":[{"text","index","logprobs":{"content":
 *       [{"id","token","bytes","logprob","top_logprobs":[{"id","token","bytes","logprob"}]}]},
 *       "finish_reason":null}],"created","model","system_fingerprint","object":"text_completion","id"}};
 *       the final chunk has empty text, {@code "finish_reason":"stop"|"length"}, the usage and
 *       timings; then {@code [DONE]}. Errors {@code {"error":{"code","message","type"}}}.
 *       {@code GET /props} with {@code chat_template}, {@code bos_token}, {@code eos_token},
 *       {@code default_generation_settings.n_ctx}, {@code build_info}.</li>
 *   <li>Ollama ({@code api/types.go} GenerateResponse, {@code server/routes.go}): newline-delimited
 *       JSON {@code {"model","created_at","response","done":false,"logprobs":[{"token","logprob",
 *       "bytes","top_logprobs"}]}}, ending with {@code {"done":true,"done_reason","context",
 *       "total_duration","prompt_eval_count","eval_count",…}}; errors {@code {"error":"…"}};
 *       {@code GET /api/version}, {@code GET /api/tags}, {@code POST /api/show} with
 *       {@code details}, {@code model_info} and its Go {@code template}.</li>
 * </ul>
 */
public final class FakeServers {

    static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** One token of a scripted reply. */
    public record Tok(String text, double logprob, Map<String, Double> top) {
        public static Tok of(String text) {
            return new Tok(text, -0.25, Map.of(text, -0.25, "~alt", -1.75));
        }
    }

    /** How a scripted reply ends. */
    public enum Ending { FINISH, CUT, ERROR }

    /** A scripted reply: its tokens and how it ends ({@code finish} is the finish reason). */
    public record Reply(List<Tok> tokens, String finish, Ending ending) {
        public static Reply of(String... pieces) {
            List<Tok> t = new ArrayList<>();
            for (String p : pieces) {
                t.add(Tok.of(p));
            }
            return new Reply(t, "stop", Ending.FINISH);
        }

        public Reply length() {
            return new Reply(tokens, "length", ending);
        }

        public Reply cut() {
            return new Reply(tokens, "stop", Ending.CUT);
        }

        public Reply error() {
            return new Reply(tokens, "stop", Ending.ERROR);
        }
    }

    /** A fake server: routes on a loopback server and a script of replies. */
    public abstract static class Fake implements AutoCloseable {
        public final LoopbackServer http;
        final String model;
        final Deque<Reply> script = new ArrayDeque<>();
        Function<JsonNode, Reply> responder;
        boolean logprobs = true;

        Fake(String model) throws IOException {
            this.http = new LoopbackServer();
            this.model = model;
        }

        public String url() {
            return http.url();
        }

        public Fake reply(Reply... replies) {
            script.addAll(List.of(replies));
            return this;
        }

        /** Replies computed from the request body (used when the script is empty). */
        public Fake respond(Function<JsonNode, Reply> f) {
            responder = f;
            return this;
        }

        synchronized Reply next(JsonNode body) {
            if (!script.isEmpty()) {
                return script.poll();
            }
            if (responder != null) {
                return responder.apply(body);
            }
            return Reply.of("The", " answer", " is", " \\boxed{42}", ".");
        }

        /** The generation requests' bodies, in order. */
        public List<JsonNode> generations(String path) {
            return http.requests(path).stream().map(LoopbackServer.Request::json)
                    .filter(j -> j.path("stream").asBoolean(false)).toList();
        }

        @Override
        public void close() throws IOException {
            http.close();
        }
    }

    // ---- vLLM ------------------------------------------------------------------------------

    public static final class Vllm extends Fake {
        public Vllm(String model) throws IOException {
            super(model);
            http.on("GET", "/version", ex -> ex.json(200, "{\"version\":\"0.10.1\"}"));
            http.on("GET", "/v1/models", ex -> ex.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"" + model
                    + "\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"vllm\",\"root\":\"" + model
                    + "\",\"parent\":null,\"max_model_len\":32768,\"permission\":[]}]}"));
            http.on("POST", "/tokenize", ex -> {
                String prompt = ex.request().json().path("prompt").asText();
                ex.json(200, "{\"count\":1,\"max_model_len\":32768,\"tokens\":[" + (151000 + Math.abs(prompt.hashCode() % 900))
                        + "]}");
            });
            http.on("POST", "/v1/completions", ex -> {
                JsonNode body = ex.request().json();
                if (!body.path("stream").asBoolean(false)) {
                    ex.json(200, probeReply());
                    return;
                }
                int n = body.path("n").asInt(1);
                List<Reply> replies = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    replies.add(next(body));
                }
                ex.beginChunked(200, "text/event-stream; charset=utf-8");
                int longest = replies.stream().mapToInt(r -> r.tokens().size()).max().orElse(0);
                int[] offsets = new int[n];
                for (int i = 0; i < longest; i++) {
                    for (int c = 0; c < n; c++) {
                        Reply r = replies.get(c);
                        if (i >= r.tokens().size()) {
                            continue;
                        }
                        if (r.ending() == Ending.CUT && i == r.tokens().size() - 1) {
                            ex.cut();
                            return;
                        }
                        if (r.ending() == Ending.ERROR && i == r.tokens().size() - 1) {
                            ex.event("{\"error\":{\"object\":\"error\",\"message\":\"CUDA out of memory\",\"type\":\"InternalServerError\",\"param\":null,\"code\":500}}");
                            return;
                        }
                        Tok t = r.tokens().get(i);
                        boolean last = i == r.tokens().size() - 1;
                        ex.event(chunk(c, t, offsets[c], body.has("logprobs") && !body.path("logprobs").isNull(),
                                last ? r.finish() : null));
                        offsets[c] += t.text().length();
                    }
                }
                if (body.path("stream_options").path("include_usage").asBoolean(false)) {
                    ex.event("{\"id\":\"cmpl-7\",\"object\":\"text_completion\",\"created\":1700000000,\"model\":\"" + model
                            + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":21,\"total_tokens\":30,\"completion_tokens\":9}}");
                }
                ex.event("[DONE]");
            });
        }

        private String chunk(int index, Tok t, int offset, boolean withLogprobs, String finish) {
            ObjectNode c = F.objectNode();
            c.put("index", index);
            c.put("text", t.text());
            if (withLogprobs) {
                ObjectNode lp = c.putObject("logprobs");
                lp.putArray("text_offset").add(offset);
                lp.putArray("token_logprobs").add(t.logprob());
                lp.putArray("tokens").add(t.text());
                ObjectNode top = lp.putArray("top_logprobs").addObject();
                t.top().forEach(top::put);
            } else {
                c.putNull("logprobs");
            }
            if (finish == null) {
                c.putNull("finish_reason");
            } else {
                c.put("finish_reason", finish);
            }
            c.putNull("stop_reason");
            ObjectNode o = F.objectNode();
            o.put("id", "cmpl-7");
            o.put("object", "text_completion");
            o.put("created", 1700000000);
            o.put("model", model);
            o.putArray("choices").add(c);
            o.putNull("usage");
            return o.toString();
        }

        private String probeReply() {
            return "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1700000000,\"model\":\"" + model
                    + "\",\"choices\":[{\"index\":0,\"text\":\",\",\"logprobs\":" + (logprobs
                    ? "{\"text_offset\":[0],\"token_logprobs\":[-0.5],\"tokens\":[\",\"],\"top_logprobs\":[{\",\":-0.5,\"!\":-1.2}]}"
                    : "null") + ",\"finish_reason\":\"length\",\"stop_reason\":null}],"
                    + "\"usage\":{\"prompt_tokens\":1,\"total_tokens\":2,\"completion_tokens\":1}}";
        }
    }

    // ---- llama-server ----------------------------------------------------------------------

    public static final class LlamaServer extends Fake {
        final String template;

        public LlamaServer(String template) throws IOException {
            super("gpt-3.5-turbo");
            this.template = template;
            http.on("GET", "/props", ex -> {
                ObjectNode p = F.objectNode();
                p.putObject("default_generation_settings").put("n_ctx", 8192).put("id", 0);
                p.put("total_slots", 4);
                p.put("model_path", "/models/Qwen3-1.7B-Q8_0.gguf");
                p.put("chat_template", template);
                p.put("bos_token", "<|endoftext|>");
                p.put("eos_token", "<|im_end|>");
                p.put("build_info", "b6000-0123abc");
                ex.json(200, p.toString());
            });
            http.on("GET", "/v1/models", ex -> ex.json(200,
                    "{\"models\":[{\"name\":\"Qwen3-1.7B-Q8_0.gguf\",\"model\":\"Qwen3-1.7B-Q8_0.gguf\"}],"
                            + "\"object\":\"list\",\"data\":[{\"id\":\"Qwen3-1.7B-Q8_0.gguf\",\"object\":\"model\","
                            + "\"created\":1700000000,\"owned_by\":\"llamacpp\",\"meta\":{\"n_ctx_train\":40960}}]}"));
            http.on("POST", "/tokenize", ex -> {
                JsonNode b = ex.request().json();
                String content = b.path("content").asText();
                // a special tag is one token; other text one token per character, like a tiny vocabulary
                ArrayNode tokens = F.arrayNode();
                if (content.equals("</think>")) {
                    tokens.add(151668);
                } else {
                    content.codePoints().forEach(cp -> tokens.add(1000 + cp));
                }
                ex.json(200, F.objectNode().set("tokens", tokens).toString());
            });
            http.on("POST", "/v1/completions", ex -> {
                JsonNode body = ex.request().json();
                if (!body.path("stream").asBoolean(false)) {
                    ex.json(200, "{\"choices\":[{\"text\":\",\",\"index\":0,\"logprobs\":{\"content\":[{\"id\":11,\"token\":\",\","
                            + "\"bytes\":[44],\"logprob\":-0.5,\"top_logprobs\":[{\"id\":11,\"token\":\",\",\"bytes\":[44],\"logprob\":-0.5}]}]},"
                            + "\"finish_reason\":\"length\"}],\"created\":1700000000,\"model\":\"gpt-3.5-turbo\","
                            + "\"system_fingerprint\":\"b6000-0123abc\",\"object\":\"text_completion\","
                            + "\"usage\":{\"completion_tokens\":1,\"prompt_tokens\":1,\"total_tokens\":2},\"id\":\"chatcmpl-abc\"}");
                    return;
                }
                Reply r = next(body);
                ex.beginChunked(200, "text/event-stream");
                boolean lp = body.path("logprobs").asInt(0) > 0 || body.path("n_probs").asInt(0) > 0;
                for (int i = 0; i < r.tokens().size(); i++) {
                    if (r.ending() == Ending.CUT && i == r.tokens().size() - 1) {
                        ex.cut();
                        return;
                    }
                    if (r.ending() == Ending.ERROR && i == r.tokens().size() - 1) {
                        ex.event("{\"error\":{\"code\":500,\"message\":\"slot unavailable\",\"type\":\"server_error\"}}");
                        return;
                    }
                    ex.event(chunk(r.tokens().get(i), lp));
                }
                ex.event("{\"choices\":[{\"text\":\"\",\"index\":0,\"logprobs\":null,\"finish_reason\":\"" + r.finish()
                        + "\"}],\"created\":1700000000,\"model\":\"gpt-3.5-turbo\",\"system_fingerprint\":\"b6000-0123abc\","
                        + "\"object\":\"text_completion\",\"usage\":{\"completion_tokens\":" + r.tokens().size()
                        + ",\"prompt_tokens\":17,\"total_tokens\":" + (17 + r.tokens().size()) + "},\"id\":\"chatcmpl-abc\","
                        + "\"timings\":{\"prompt_n\":3,\"prompt_ms\":12.5,\"predicted_n\":" + r.tokens().size() + "}}");
                ex.event("[DONE]");
            });
        }

        private String chunk(Tok t, boolean withLogprobs) {
            ObjectNode c = F.objectNode();
            c.put("text", t.text());
            c.put("index", 0);
            if (withLogprobs) {
                ObjectNode entry = c.putObject("logprobs").putArray("content").addObject();
                entry.put("id", 1000 + Math.abs(t.text().hashCode() % 5000));
                entry.put("token", t.text());
                bytes(entry.putArray("bytes"), t.text());
                entry.put("logprob", t.logprob());
                ArrayNode tops = entry.putArray("top_logprobs");
                t.top().forEach((text, lp) -> {
                    ObjectNode a = tops.addObject();
                    a.put("id", 2000 + Math.abs(text.hashCode() % 5000));
                    a.put("token", text);
                    bytes(a.putArray("bytes"), text);
                    a.put("logprob", lp);
                });
            } else {
                c.putNull("logprobs");
            }
            c.putNull("finish_reason");
            ObjectNode o = F.objectNode();
            o.putArray("choices").add(c);
            o.put("created", 1700000000);
            o.put("model", "gpt-3.5-turbo");
            o.put("system_fingerprint", "b6000-0123abc");
            o.put("object", "text_completion");
            o.put("id", "chatcmpl-abc");
            o.putObject("timings").put("prompt_n", 3).put("predicted_n", 1);
            return o.toString();
        }
    }

    // ---- Ollama ----------------------------------------------------------------------------

    public static final class Ollama extends Fake {
        public Ollama(String model, String goTemplate) throws IOException {
            super(model);
            http.on("GET", "/api/version", ex -> ex.json(200, "{\"version\":\"0.12.11\"}"));
            http.on("GET", "/api/tags", ex -> ex.json(200, "{\"models\":[{\"name\":\"" + model + "\",\"model\":\"" + model
                    + "\",\"modified_at\":\"2025-11-12T10:00:00Z\",\"size\":1117322599,\"digest\":\"a42b25d8c10a\","
                    + "\"details\":{\"parent_model\":\"\",\"format\":\"gguf\",\"family\":\"qwen2\",\"families\":[\"qwen2\"],"
                    + "\"parameter_size\":\"1.8B\",\"quantization_level\":\"Q4_K_M\"}}]}"));
            http.on("POST", "/api/show", ex -> {
                ObjectNode s = F.objectNode();
                s.put("modelfile", "FROM /root/.ollama/models/blobs/sha256-aabbcc");
                s.put("parameters", "stop \"<｜begin▁of▁sentence｜>\"");
                s.put("template", goTemplate);
                s.putObject("details").put("format", "gguf").put("family", "qwen2").put("parameter_size", "1.8B")
                        .put("quantization_level", "Q4_K_M");
                s.putObject("model_info").put("general.architecture", "qwen2").put("qwen2.context_length", 131072)
                        .put("general.parameter_count", 1777088000L);
                s.putArray("capabilities").add("completion").add("thinking");
                ex.json(200, s.toString());
            });
            http.on("POST", "/api/generate", ex -> {
                JsonNode body = ex.request().json();
                if (!body.path("stream").asBoolean(true)) {
                    ex.json(200, "{\"model\":\"" + model + "\",\"created_at\":\"2025-11-12T10:00:00.000Z\",\"response\":\",\","
                            + "\"done\":true,\"done_reason\":\"length\",\"context\":[1,2],\"total_duration\":1000,"
                            + "\"prompt_eval_count\":1,\"eval_count\":1" + (logprobs
                            ? ",\"logprobs\":[{\"token\":\",\",\"logprob\":-0.5,\"bytes\":[44],\"top_logprobs\":[]}]" : "") + "}");
                    return;
                }
                Reply r = next(body);
                ex.beginChunked(200, "application/x-ndjson");
                boolean lp = body.path("logprobs").asBoolean(false);
                for (int i = 0; i < r.tokens().size(); i++) {
                    if (r.ending() == Ending.CUT && i == r.tokens().size() - 1) {
                        ex.cut();
                        return;
                    }
                    if (r.ending() == Ending.ERROR && i == r.tokens().size() - 1) {
                        ex.chunk("{\"error\":\"an error was encountered while running the model: unexpected EOF\"}\n");
                        return;
                    }
                    Tok t = r.tokens().get(i);
                    ObjectNode line = F.objectNode();
                    line.put("model", model);
                    line.put("created_at", "2025-11-12T10:00:0" + (i % 10) + ".000Z");
                    line.put("response", t.text());
                    line.put("done", false);
                    if (lp) {
                        ObjectNode e = line.putArray("logprobs").addObject();
                        e.put("token", t.text());
                        e.put("logprob", t.logprob());
                        bytes(e.putArray("bytes"), t.text());
                        ArrayNode tops = e.putArray("top_logprobs");
                        t.top().forEach((text, v) -> {
                            ObjectNode a = tops.addObject();
                            a.put("token", text);
                            a.put("logprob", v);
                            bytes(a.putArray("bytes"), text);
                        });
                    }
                    ex.chunk(line + "\n");
                }
                ex.chunk("{\"model\":\"" + model + "\",\"created_at\":\"2025-11-12T10:00:09.000Z\",\"response\":\"\",\"done\":true,"
                        + "\"done_reason\":\"" + r.finish() + "\",\"context\":[151644,872,198],\"total_duration\":5043500667,"
                        + "\"load_duration\":5025959,\"prompt_eval_count\":26,\"prompt_eval_duration\":325953000,"
                        + "\"eval_count\":" + r.tokens().size() + ",\"eval_duration\":4709213000}\n");
            });
        }
    }

    // ---- chat completions only (a server without raw completions) ----------------------------

    /** vLLM with a reasoning parser, reached through chat completions only ({@code /v1/completions} answers 404). */
    public static final class ChatOnly extends Fake {
        public ChatOnly(String model) throws IOException {
            super(model);
            http.on("GET", "/v1/models", ex -> ex.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"" + model + "\",\"object\":\"model\"}]}"));
            http.on("POST", "/v1/chat/completions", ex -> {
                JsonNode body = ex.request().json();
                if (!body.path("stream").asBoolean(false)) {
                    ex.json(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"" + model
                            + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},"
                            + "\"logprobs\":{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.1,\"bytes\":[72,105],\"top_logprobs\":[]}]},"
                            + "\"finish_reason\":\"length\"}]}");
                    return;
                }
                Reply r = next(body);
                ex.beginChunked(200, "text/event-stream");
                ex.event(delta("{\"role\":\"assistant\",\"content\":\"\"}", null, null));
                for (Tok t : r.tokens()) {
                    boolean reasoning = t.text().startsWith("~");
                    String text = reasoning ? t.text().substring(1) : t.text();
                    String d = reasoning ? "{\"reasoning_content\":" + F.textNode(text) + "}" : "{\"content\":" + F.textNode(text) + "}";
                    String lp = "{\"content\":[{\"token\":" + F.textNode(text) + ",\"logprob\":" + t.logprob()
                            + ",\"bytes\":[],\"top_logprobs\":[{\"token\":" + F.textNode(text) + ",\"logprob\":" + t.logprob() + "}]}]}";
                    ex.event(delta(d, lp, null));
                }
                ex.event(delta("{}", null, r.finish()));
                ex.event("[DONE]");
            });
        }

        private String delta(String delta, String logprobs, String finish) {
            return "{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"" + model
                    + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":" + (logprobs == null ? "null" : logprobs)
                    + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
        }
    }

    static void bytes(ArrayNode into, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            into.add(b & 0xff);
        }
    }

    public static Map<String, Double> top(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return m;
    }

    private FakeServers() {
    }
}
