package io.thoughtscope.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on the loopback address, written on plain sockets so that a test can do
 * what real servers do when they fail: stop a chunked stream without its last chunk, close the
 * connection in the middle of a body, answer slowly. One request per connection
 * ({@code Connection: close}); every request is recorded. It stops when closed.
 */
public final class LoopbackServer implements AutoCloseable {

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange ex) throws IOException, InterruptedException;
    }

    /** A recorded request. */
    public record Request(String method, String path, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket socket;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;
    private volatile long chunkDelayMs;

    public LoopbackServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().name("loopback-accept").start(this::acceptLoop);
    }

    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** Routes {@code METHOD /path} (the path without its query) to a handler; replaces an earlier one. */
    public LoopbackServer on(String method, String path, Handler h) {
        routes.put(method + " " + path, h);
        return this;
    }

    /** Waits this long before every chunk, like a slow or busy server. */
    public LoopbackServer throttle(long millis) {
        chunkDelayMs = millis;
        return this;
    }

    /** The handler of a route, to wrap it. */
    public Handler handler(String method, String path) {
        return routes.get(method + " " + path);
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Request> requests(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The most requests that were being answered at the same time. */
    public int maxConcurrent() {
        return maxActive.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                Thread.ofPlatform().daemon().name("loopback-conn").start(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void serve(Socket s) {
        int now = active.incrementAndGet();
        maxActive.accumulateAndGet(now, Math::max);
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            String requestLine = line(in);
            if (requestLine == null || requestLine.isBlank()) {
                return;
            }
            String[] parts = requestLine.split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            String h;
            while ((h = line(in)) != null && !h.isEmpty()) {
                int c = h.indexOf(':');
                if (c > 0) {
                    headers.put(h.substring(0, c).strip().toLowerCase(Locale.ROOT), h.substring(c + 1).strip());
                }
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            String path = parts[1];
            int q = path.indexOf('?');
            if (q >= 0) {
                path = path.substring(0, q);
            }
            Request r = new Request(parts[0], path, headers, body);
            synchronized (requests) {
                requests.add(r);
            }
            Exchange ex = new Exchange(r, s, s.getOutputStream(), chunkDelayMs);
            Handler handler = routes.get(r.method() + " " + path);
            if (handler == null) {
                ex.json(404, "{\"detail\":\"Not Found\"}");
            } else {
                handler.handle(ex);
            }
            ex.finish();
        } catch (IOException | InterruptedException e) {
            // the client went away, or the handler cut the connection on purpose
        } finally {
            active.decrementAndGet();
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
    }

    /** One request being answered. */
    public static final class Exchange {
        private final Request request;
        private final Socket socket;
        private final OutputStream out;
        private final long delayMs;
        private boolean chunked;
        private boolean done;

        Exchange(Request request, Socket socket, OutputStream out, long delayMs) {
            this.request = request;
            this.socket = socket;
            this.out = out;
            this.delayMs = delayMs;
        }

        public Request request() {
            return request;
        }

        /** A complete answer with a Content-Length. */
        public void respond(int status, String contentType, byte[] body, Map<String, String> headers) throws IOException {
            head(status, contentType, headers, body.length);
            out.write(body);
            out.flush();
            done = true;
        }

        public void json(int status, String body) throws IOException {
            respond(status, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        /** Headers with a Content-Length; the body follows through {@link #raw()}. */
        public void head(int status, String contentType, Map<String, String> headers, long length) throws IOException {
            StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
            if (contentType != null) {
                sb.append("Content-Type: ").append(contentType).append("\r\n");
            }
            headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
            sb.append("Content-Length: ").append(length).append("\r\nConnection: close\r\n\r\n");
            out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        public OutputStream raw() {
            return out;
        }

        /** Starts a chunked answer (what streaming servers send). */
        public void beginChunked(int status, String contentType) throws IOException {
            String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            chunked = true;
        }

        /** One chunk of a chunked answer, flushed at once. */
        public void chunk(String text) throws IOException {
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(b);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** A server-sent event with one data line. */
        public void event(String data) throws IOException {
            chunk("data: " + data + "\n\n");
        }

        /** Drops the connection where it is: no last chunk, no rest of the body. */
        public void cut() throws IOException {
            out.flush();
            try {
                Thread.sleep(50); // a dying process: what it wrote leaves first, then the connection ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            socket.close();
            done = true;
        }

        void finish() throws IOException {
            if (done || socket.isClosed()) {
                return;
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            done = true;
        }

        private static String reason(int status) {
            return switch (status) {
                case 200 -> "OK";
                case 206 -> "Partial Content";
                case 302 -> "Found";
                case 400 -> "Bad Request";
                case 401 -> "Unauthorized";
                case 404 -> "Not Found";
                case 416 -> "Range Not Satisfiable";
                case 500 -> "Internal Server Error";
                case 503 -> "Service Unavailable";
                default -> "Status";
            };
        }
    }
}
