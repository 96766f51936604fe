package io.thoughtscope.runtime.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP for one server: JSON requests with retries and backoff for what is safe to repeat, and
 * streaming responses. A request is repeated only when nothing of its answer arrived (no
 * connection, or a status that says "try again": 408, 429, 502, 503, 504); a stream that broke
 * after data came is never repeated here, its caller decides. The API key goes into the
 * {@code Authorization} header and nowhere else.
 */
final class RemoteHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ServerSpec spec;
    private final HttpClient client;
    private final Sleeper sleeper;

    /** Waits between tries; tests replace it to run without waiting. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    RemoteHttp(ServerSpec spec) {
        this(spec, d -> Thread.sleep(d.toMillis()));
    }

    RemoteHttp(ServerSpec spec, Sleeper sleeper) {
        this.spec = spec;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder()
                .connectTimeout(spec.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    ServerSpec spec() {
        return spec;
    }

    /** GET a JSON document; empty when the server has no such path (404, 405, 501). */
    Optional<JsonNode> getOptional(String path) {
        return send(request(path).GET().build(), path, true);
    }

    /** POST a JSON body and read a JSON answer; empty when the server has no such path. */
    Optional<JsonNode> postOptional(String path, Object body) {
        return send(postRequest(path, body), path, true);
    }

    /** POST a JSON body and read a JSON answer; any error status is a {@link RemoteException}. */
    JsonNode postJson(String path, Object body) {
        return send(postRequest(path, body), path, false).orElseThrow();
    }

    /**
     * Opens a streaming POST. Retries while no answer came; an error status is a
     * {@link RemoteException} with the server's own message.
     */
    InputStream openStream(String path, Object body) {
        HttpRequest req = postRequest(path, body);
        RemoteException last = null;
        for (int attempt = 0; attempt <= spec.retries(); attempt++) {
            if (attempt > 0) {
                backoff(attempt, last);
            }
            HttpResponse<InputStream> r;
            try {
                r = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                last = connectionFailure(path, e);
                if (last.kind() == RemoteException.Kind.UNREACHABLE || last.kind() == RemoteException.Kind.TIMEOUT) {
                    continue;
                }
                throw last;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteException(RemoteException.Kind.CUT, "interrupted while calling " + spec.name());
            }
            if (r.statusCode() / 100 == 2) {
                return r.body();
            }
            String text = drain(r.body());
            last = refusal(path, r.statusCode(), text, r.headers().firstValue("Retry-After").orElse(null));
            if (!retryable(r.statusCode())) {
                throw last;
            }
        }
        throw last;
    }

    private Optional<JsonNode> send(HttpRequest req, String path, boolean optional) {
        RemoteException last = null;
        for (int attempt = 0; attempt <= spec.retries(); attempt++) {
            if (attempt > 0) {
                backoff(attempt, last);
            }
            HttpResponse<byte[]> r;
            try {
                r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                last = connectionFailure(path, e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteException(RemoteException.Kind.CUT, "interrupted while calling " + spec.name());
            }
            int status = r.statusCode();
            String text = new String(r.body(), StandardCharsets.UTF_8);
            if (status / 100 == 2) {
                try {
                    return Optional.of(text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text));
                } catch (IOException e) {
                    throw new RemoteException(RemoteException.Kind.PROTOCOL, spec.name() + " answered " + path
                            + " with something that is not JSON: " + abbreviate(text), status, e);
                }
            }
            if (optional && (status == 404 || status == 405 || status == 501)) {
                return Optional.empty();
            }
            last = refusal(path, status, text, r.headers().firstValue("Retry-After").orElse(null));
            if (!retryable(status)) {
                throw last;
            }
        }
        throw last;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(spec.resolve(path))
                .timeout(spec.readTimeout())
                .header("Accept", "application/json, text/event-stream, application/x-ndjson");
        if (spec.apiKey() != null) {
            b.header("Authorization", "Bearer " + spec.apiKey());
        }
        return b;
    }

    private HttpRequest postRequest(String path, Object body) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
    }

    private void backoff(int attempt, RemoteException last) {
        long ms = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << (attempt - 1));
        ms = ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1);
        if (last != null && last.retryAfter > 0) {
            ms = Math.min(Math.max(ms, last.retryAfter * 1000L), 30_000L);
        }
        try {
            sleeper.sleep(Duration.ofMillis(ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw last;
        }
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
    }

    private RemoteException connectionFailure(String path, IOException e) {
        String where = spec.name() + " (" + spec.baseUrl() + ")";
        if (e instanceof HttpConnectTimeoutException) {
            return failure(RemoteException.Kind.UNREACHABLE, "cannot connect to " + where + ": no answer within "
                    + spec.connectTimeout().toSeconds() + " s", 0, e, 0);
        }
        if (e instanceof HttpTimeoutException) {
            return failure(RemoteException.Kind.TIMEOUT, where + " did not answer " + path + " within "
                    + spec.readTimeout().toSeconds() + " s", 0, e, 0);
        }
        if (e instanceof ConnectException || e.getCause() instanceof UnresolvedAddressException
                || e.getCause() instanceof ConnectException) {
            return failure(RemoteException.Kind.UNREACHABLE, "cannot connect to " + where + ": "
                    + (e.getMessage() == null ? "connection refused" : e.getMessage()), 0, e, 0);
        }
        return failure(RemoteException.Kind.UNREACHABLE, "the connection to " + where + " failed on " + path + ": "
                + e, 0, e, 0);
    }

    private RemoteException refusal(String path, int status, String body, String retryAfter) {
        String message = ErrorBodies.message(body);
        String hint = switch (status) {
            case 401, 403 -> " (check the server's API key)";
            case 404 -> path.startsWith("/v1/completions") ? " (the server has no raw completions; add it with --chat-only)"
                    : "";
            default -> "";
        };
        int after = 0;
        if (retryAfter != null) {
            try {
                after = Integer.parseInt(retryAfter.strip());
            } catch (NumberFormatException ignored) {
                // an HTTP date: the backoff applies
            }
        }
        return failure(RemoteException.Kind.REFUSED, spec.name() + " refused " + path + " with HTTP " + status
                + (message.isEmpty() ? "" : ": " + message) + hint, status, null, after);
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static String abbreviate(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() <= 200 ? t : t.substring(0, 199) + "…";
    }

    private static RemoteException failure(RemoteException.Kind kind, String message, int status, Throwable cause,
                                           int retryAfter) {
        RemoteException e = new RemoteException(kind, message, status, cause);
        e.retryAfter = retryAfter;
        return e;
    }
}
