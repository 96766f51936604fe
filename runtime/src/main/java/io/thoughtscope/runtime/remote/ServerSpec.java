package io.thoughtscope.runtime.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a server is and how to talk to it.
 *
 * @param name           the name the user gave it
 * @param baseUrl        e.g. {@code http://gpu-node:8000} (a trailing {@code /v1} is accepted and dropped)
 * @param model          the model to ask for; null or blank to take the server's only model
 * @param apiKey         sent as a bearer token; null for none. Never printed: {@link #toString()} hides it
 * @param kind           the server software, or {@link ServerKind#AUTO} to ask the server
 * @param template       a Jinja chat template to render prompts with, or null to use the server's
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    the longest silence tolerated within a response (also the wait for its headers)
 * @param retries        how often a request that is safe to repeat is tried again (with backoff)
 * @param concurrency    the most requests in flight at once
 * @param maxChunk       the most tokens one generation request asks for; longer replies continue in
 *                       further requests on the same prefix (which the server's prefix cache serves)
 * @param chatOnly       use only {@code /v1/chat/completions} (for servers without raw completions)
 */
public record ServerSpec(String name, URI baseUrl, String model, String apiKey, ServerKind kind, String template,
                         Duration connectTimeout, Duration readTimeout, int retries, int concurrency, int maxChunk,
                         boolean chatOnly) {

    public ServerSpec {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("a server address must be an http:// or https:// URL, got '" + baseUrl + "'");
        }
        baseUrl = normalize(baseUrl);
        name = name == null || name.isBlank() ? baseUrl.getHost() : name.strip();
        model = model == null || model.isBlank() ? null : model.strip();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        kind = kind == null ? ServerKind.AUTO : kind;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(300) : readTimeout;
        if (retries < 0 || concurrency < 1 || maxChunk < 1) {
            throw new IllegalArgumentException("retries must be 0 or more, concurrency and maxChunk at least 1");
        }
    }

    /** A server with the usual settings: 10 s to connect, 5 minutes of silence, 3 retries, 8 requests at once. */
    public static ServerSpec of(String name, String url, String model, String apiKey) {
        return new ServerSpec(name, URI.create(url.strip()), model, apiKey, ServerKind.AUTO, null, null, null, 3, 8, 1024,
                false);
    }

    public ServerSpec withKind(ServerKind k) {
        return new ServerSpec(name, baseUrl, model, apiKey, k, template, connectTimeout, readTimeout, retries, concurrency,
                maxChunk, chatOnly);
    }

    public ServerSpec withModel(String m) {
        return new ServerSpec(name, baseUrl, m, apiKey, kind, template, connectTimeout, readTimeout, retries, concurrency,
                maxChunk, chatOnly);
    }

    public ServerSpec withTimeouts(Duration connect, Duration read) {
        return new ServerSpec(name, baseUrl, model, apiKey, kind, template, connect, read, retries, concurrency, maxChunk,
                chatOnly);
    }

    public ServerSpec withRetries(int r) {
        return new ServerSpec(name, baseUrl, model, apiKey, kind, template, connectTimeout, readTimeout, r, concurrency,
                maxChunk, chatOnly);
    }

    public ServerSpec withConcurrency(int c) {
        return new ServerSpec(name, baseUrl, model, apiKey, kind, template, connectTimeout, readTimeout, retries, c,
                maxChunk, chatOnly);
    }

    public ServerSpec withMaxChunk(int tokens) {
        return new ServerSpec(name, baseUrl, model, apiKey, kind, template, connectTimeout, readTimeout, retries, concurrency,
                tokens, chatOnly);
    }

    public ServerSpec withTemplate(String t) {
        return new ServerSpec(name, baseUrl, model, apiKey, kind, t, connectTimeout, readTimeout, retries, concurrency,
                maxChunk, chatOnly);
    }

    public ServerSpec withChatOnly(boolean c) {
        return new ServerSpec(name, baseUrl, model, apiKey, kind, template, connectTimeout, readTimeout, retries, concurrency,
                maxChunk, c);
    }

    /** {@code base + path}; {@code path} starts with a slash. */
    URI resolve(String path) {
        return URI.create(baseUrl + path);
    }

    private static URI normalize(URI u) {
        String s = u.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("/v1")) {
            s = s.substring(0, s.length() - 3);
        }
        return URI.create(s);
    }

    @Override
    public String toString() {
        return "ServerSpec[" + name + " " + baseUrl + (model == null ? "" : " model=" + model) + " kind=" + kind.key()
                + (apiKey == null ? "" : " key=(hidden)") + "]";
    }
}
