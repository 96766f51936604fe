package io.thoughtscope.runtime.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thoughtscope.runtime.gguf.GgufException;
import io.thoughtscope.runtime.gguf.GgufReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Downloads a GGUF file from a Hugging Face hub repository into the models folder, as
 * {@code <models>/<owner>/<repo>/<file>}:
 * <ol>
 *   <li>the file's size and SHA-256 come from the hub first: the {@code X-Linked-Size} and
 *       {@code X-Linked-Etag} headers of a {@code HEAD} on its resolve address (the Git LFS
 *       metadata, as {@code huggingface_hub} reads it), else the {@code lfs} entry of the tree API;
 *       a file without a SHA-256 is not downloaded;</li>
 *   <li>the free space of the models folder's file store is checked before a byte is fetched;</li>
 *   <li>bytes go into {@code <file>.part} beside the target; a transfer that breaks, or a pause,
 *       keeps it, and the next try asks only for the rest (an HTTP {@code Range}); a server that
 *       ignores the range starts the file again;</li>
 *   <li>the SHA-256 of the whole file must equal the hub's, and the file must read as GGUF
 *       ({@link GgufReader}); only then is it moved into place, atomically.</li>
 * </ol>
 * A token (for gated repositories) is sent to the hub only: redirects to another host (the hub's
 * file storage) go without it.
 */
public final class HubDownloader {

    /** The public hub; {@code HF_ENDPOINT} or a test's loopback server replace it. */
    public static final URI DEFAULT_HUB = URI.create("https://huggingface.co");

    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final long SPACE_MARGIN = 64L << 20;
    private static final int BUFFER = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param hub         the hub's address
     * @param token       a token for gated repositories, or null
     * @param modelsDir   where models go
     * @param revision    branch, tag or commit ({@code main})
     * @param retries     how often a broken transfer is resumed before giving up
     * @param readTimeout the longest silence tolerated in a transfer
     */
    public record Options(URI hub, String token, Path modelsDir, String revision, int retries, Duration readTimeout) {
        public Options {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(modelsDir, "modelsDir");
            String h = hub.toString();
            hub = URI.create(h.endsWith("/") ? h.substring(0, h.length() - 1) : h);
            token = token == null || token.isBlank() ? null : token.strip();
            revision = revision == null || revision.isBlank() ? "main" : revision;
            readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
        }

        public static Options defaults(Path modelsDir, String token) {
            return new Options(DEFAULT_HUB, token, modelsDir, "main", 5, null);
        }

        public Options withHub(URI h) {
            return new Options(h, token, modelsDir, revision, retries, readTimeout);
        }

        public Options withRetries(int r) {
            return new Options(hub, token, modelsDir, revision, r, readTimeout);
        }
    }

    /** Hears how a download goes; every method has a default that does nothing. */
    public interface Listener {
        /** The hub described the file; {@code resumedAt} bytes were there already. */
        default void started(HubFile file, long resumedAt) {
        }

        default void progress(long done, long total) {
        }

        /** A transfer broke and is resumed ({@code attempt} counts from 1). */
        default void retrying(int attempt, String why) {
        }

        /** All bytes are there; the checksum and the GGUF structure are being checked. */
        default void verifying() {
        }
    }

    /** How a download ended. */
    public enum Outcome {
        DOWNLOADED,
        /** The file was in place already, with the hub's checksum. */
        ALREADY_PRESENT,
        /** Paused: the part file is kept and the next download resumes it. */
        PAUSED
    }

    public record Result(Outcome outcome, Path file, HubFile info) {}

    /** Waits between tries; tests replace it. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Options options;
    private final HttpClient client;
    private final Sleeper sleeper;

    public HubDownloader(Options options) {
        this(options, d -> Thread.sleep(d.toMillis()));
    }

    HubDownloader(Options options, Sleeper sleeper) {
        this.options = options;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Where a repository's file goes. */
    public Path target(String repo, String file) {
        checkNames(repo, file);
        return options.modelsDir().resolve(repo).resolve(file).normalize();
    }

    /** The hub's description of a file: its size and SHA-256. */
    public HubFile describe(String repo, String file) {
        checkNames(repo, file);
        URI resolve = resolveUri(repo, file);
        HttpResponse<Void> head = headFollowingSameHost(resolve, repo, file);
        String etag = head.headers().firstValue("X-Linked-Etag").or(() -> head.headers().firstValue("ETag")).orElse("");
        String sha = etag.replace("W/", "").replace("\"", "").strip().toLowerCase(Locale.ROOT);
        long size = head.headers().firstValue("X-Linked-Size").or(() -> head.headers().firstValue("Content-Length"))
                .map(Long::parseLong).orElse(-1L);
        String commit = head.headers().firstValue("X-Repo-Commit").orElse("");
        if (!SHA256.matcher(sha).matches() || size < 0) {
            Optional<HubFile> fromTree = fromTree(repo, file, commit);
            if (fromTree.isPresent()) {
                return fromTree.get();
            }
            throw new HubException(HubException.Kind.NO_CHECKSUM, "the hub gives no SHA-256 for " + file + " in " + repo
                    + "; Thoughtscope downloads only files it can verify");
        }
        return new HubFile(repo, file, size, sha, commit);
    }

    /**
     * Downloads (or resumes) a file; returns when it is in place, or paused.
     *
     * @param pause polled between buffers: when it says true, the transfer stops and the part file stays
     */
    public Result download(String repo, String file, Listener listener, BooleanSupplier pause) {
        Listener l = listener == null ? new Listener() { } : listener;
        if (!file.toLowerCase(Locale.ROOT).endsWith(".gguf")) {
            throw new HubException(HubException.Kind.NOT_GGUF, file + " is not a .gguf file");
        }
        HubFile info = describe(repo, file);
        Path target = target(repo, file);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            if (Files.isRegularFile(target) && Files.size(target) == info.size()
                    && sha256(target).equals(info.sha256())) {
                l.started(info, info.size());
                return new Result(Outcome.ALREADY_PRESENT, target, info);
            }
            long have = Files.isRegularFile(part) ? Files.size(part) : 0;
            if (have > info.size()) {
                Files.delete(part);
                have = 0;
            }
            long free = Files.getFileStore(target.getParent()).getUsableSpace();
            long need = info.size() - have;
            if (free < need + SPACE_MARGIN) {
                throw new HubException(HubException.Kind.NO_SPACE, String.format(Locale.ROOT,
                        "not enough space for %s: it needs %s more, %s are free in %s", file, bytes(need), bytes(free),
                        target.getParent()));
            }
            MessageDigest digest = sha256Digest();
            if (have > 0) {
                digestFile(part, have, digest);
            }
            l.started(info, have);
            int attempt = 0;
            while (have < info.size()) {
                if (pause.getAsBoolean()) {
                    return new Result(Outcome.PAUSED, part, info);
                }
                try {
                    long before = have;
                    have = transfer(info, part, have, digest, l, pause);
                    if (have < info.size() && pause.getAsBoolean()) {
                        return new Result(Outcome.PAUSED, part, info);
                    }
                    if (have > before) {
                        attempt = 0; // progress was made: the budget of tries starts again
                    }
                    if (have < info.size()) {
                        throw new IOException("the transfer ended early at " + have + " of " + info.size() + " bytes");
                    }
                } catch (Restart r) {
                    digest = sha256Digest();
                    have = 0;
                } catch (IOException e) {
                    have = Files.isRegularFile(part) ? Files.size(part) : 0;
                    if (++attempt > options.retries()) {
                        throw new HubException(HubException.Kind.NETWORK, "the download of " + file + " broke " + attempt
                                + " times, last: " + e.getMessage() + "; run the same command again to resume at "
                                + bytes(have), e);
                    }
                    digest = sha256Digest();
                    digestFile(part, have, digest);
                    l.retrying(attempt, e.getMessage());
                    sleep(Duration.ofMillis(Math.min(10_000, 500L << Math.min(attempt - 1, 5))));
                }
            }
            l.verifying();
            String got = HexFormat.of().formatHex(digest.digest());
            if (!got.equals(info.sha256())) {
                Files.deleteIfExists(part);
                throw new HubException(HubException.Kind.CHECKSUM_MISMATCH, "the SHA-256 of " + file + " is " + got
                        + " but the hub says " + info.sha256() + "; the download was removed, try again");
            }
            try {
                GgufReader.readStructure(part);
            } catch (GgufException e) {
                Files.deleteIfExists(part);
                throw new HubException(HubException.Kind.NOT_GGUF, file + " is not a readable GGUF file: " + e.getMessage()
                        + "; it was removed", e);
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Result(Outcome.DOWNLOADED, target, info);
        } catch (IOException e) {
            throw new HubException(HubException.Kind.NETWORK, "cannot download " + file + ": " + e.getMessage(), e);
        }
    }

    /** The server ignored the range: the part starts over. */
    private static final class Restart extends RuntimeException {
        Restart() {
            super(null, null, false, false);
        }
    }

    /** One GET from {@code have} on; returns the bytes now in the part file. */
    private long transfer(HubFile info, Path part, long have, MessageDigest digest, Listener l, BooleanSupplier pause)
            throws IOException {
        HttpResponse<InputStream> r = getFollowing(resolveUri(info.repo(), info.path()), have);
        int status = r.statusCode();
        try (InputStream in = r.body()) {
            if (status == 416 && have == info.size()) {
                return have;
            }
            if (status == 200 && have > 0) {
                Files.deleteIfExists(part);
                throw new Restart();
            }
            if (status == 206) {
                String range = r.headers().firstValue("Content-Range").orElse("");
                if (!range.startsWith("bytes " + have + "-")) {
                    Files.deleteIfExists(part);
                    throw new Restart();
                }
            } else if (status != 200) {
                throw refusal(status, info.repo(), info.path(), new String(in.readNBytes(4096), StandardCharsets.UTF_8));
            }
            try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); Watchdog dog = new Watchdog(in, options.readTimeout())) {
                byte[] buf = new byte[BUFFER];
                int n;
                while ((n = in.read(buf)) > 0) {
                    dog.fed();
                    long room = info.size() - have;
                    int take = (int) Math.min(n, room);
                    out.write(ByteBuffer.wrap(buf, 0, take));
                    digest.update(buf, 0, take);
                    have += take;
                    l.progress(have, info.size());
                    if (have >= info.size() || pause.getAsBoolean()) {
                        break;
                    }
                }
                out.force(false);
                if (dog.fired()) {
                    throw new IOException("no data for " + options.readTimeout().toSeconds() + " s");
                }
            }
        }
        return have;
    }

    /** Closes a stream that stays silent too long, so a stalled transfer fails and resumes. */
    private static final class Watchdog implements AutoCloseable {
        private final Thread thread;
        private volatile long last = System.nanoTime();
        private volatile boolean done;
        private volatile boolean fired;

        Watchdog(InputStream in, Duration timeout) {
            thread = Thread.ofPlatform().daemon().name("download-watchdog").start(() -> {
                while (!done) {
                    try {
                        Thread.sleep(Math.min(1000, timeout.toMillis()));
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (!done && System.nanoTime() - last > timeout.toNanos()) {
                        fired = true;
                        try {
                            in.close();
                        } catch (IOException ignored) {
                            // the read fails now, which is the point
                        }
                        return;
                    }
                }
            });
        }

        void fed() {
            last = System.nanoTime();
        }

        boolean fired() {
            return fired;
        }

        @Override
        public void close() {
            done = true;
            thread.interrupt();
        }
    }

    private HttpResponse<Void> headFollowingSameHost(URI uri, String repo, String file) {
        URI at = uri;
        for (int hop = 0; hop < 5; hop++) {
            HttpResponse<Void> r = send(request(at).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("Accept-Encoding", "identity").build(), HttpResponse.BodyHandlers.discarding());
            int s = r.statusCode();
            if (s / 100 == 3 && r.headers().firstValue("X-Linked-Etag").isEmpty()) {
                URI next = at.resolve(r.headers().firstValue("Location").orElseThrow());
                if (Objects.equals(next.getHost(), uri.getHost())) {
                    at = next; // a renamed repository
                    continue;
                }
            }
            if (s / 100 == 2 || s / 100 == 3) {
                return r;
            }
            throw refusal(s, repo, file, "");
        }
        throw new HubException(HubException.Kind.REFUSED, "too many redirects for " + file + " in " + repo);
    }

    private HttpResponse<InputStream> getFollowing(URI uri, long from) throws IOException {
        URI at = uri;
        boolean sameHost = true;
        for (int hop = 0; hop < 8; hop++) {
            HttpRequest.Builder b = sameHost ? request(at) : HttpRequest.newBuilder(at);
            b.timeout(options.readTimeout());
            if (from > 0) {
                b.header("Range", "bytes=" + from + "-");
            }
            HttpResponse<InputStream> r;
            try {
                r = client.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (r.statusCode() / 100 != 3) {
                return r;
            }
            r.body().close();
            URI next = at.resolve(r.headers().firstValue("Location").orElseThrow(() -> new IOException("a redirect without Location")));
            sameHost &= Objects.equals(next.getHost(), options.hub().getHost()) && Objects.equals(next.getPort(), options.hub().getPort());
            at = next;
        }
        throw new IOException("too many redirects");
    }

    private Optional<HubFile> fromTree(String repo, String file, String commit) {
        int slash = file.lastIndexOf('/');
        String dir = slash < 0 ? "" : "/" + file.substring(0, slash);
        URI uri = URI.create(options.hub() + "/api/models/" + repo + "/tree/" + enc(options.revision()) + dir);
        HttpResponse<String> r = send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return Optional.empty();
        }
        try {
            for (JsonNode e : JSON.readTree(r.body())) {
                if (file.equals(e.path("path").asText()) && e.has("lfs")) {
                    String sha = e.path("lfs").path("oid").asText(e.path("lfs").path("sha256").asText("")).toLowerCase(Locale.ROOT);
                    long size = e.path("lfs").path("size").asLong(e.path("size").asLong(-1));
                    if (SHA256.matcher(sha).matches() && size >= 0) {
                        return Optional.of(new HubFile(repo, file, size, sha, commit));
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> handler) {
        int tries = 0;
        while (true) {
            try {
                return client.send(req, handler);
            } catch (IOException e) {
                if (++tries > options.retries()) {
                    throw new HubException(HubException.Kind.NETWORK, "cannot reach the hub at " + options.hub() + ": " + e, e);
                }
                sleep(Duration.ofMillis(500L << Math.min(tries - 1, 4)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HubException(HubException.Kind.NETWORK, "interrupted");
            }
        }
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(options.readTimeout())
                .header("User-Agent", "thoughtscope");
        if (options.token() != null) {
            b.header("Authorization", "Bearer " + options.token());
        }
        return b;
    }

    private HubException refusal(int status, String repo, String file, String body) {
        return switch (status) {
            case 401, 403 -> new HubException(HubException.Kind.GATED, repo + " is gated or private (HTTP " + status
                    + "): accept its terms on the hub, then give a token (HF_TOKEN, or a token file)");
            case 404 -> new HubException(HubException.Kind.NOT_FOUND, "no file " + file + " in " + repo + " (revision "
                    + options.revision() + ")");
            default -> new HubException(HubException.Kind.REFUSED, "the hub answered HTTP " + status + " for " + file
                    + (body.isBlank() ? "" : ": " + body.strip()));
        };
    }

    private URI resolveUri(String repo, String file) {
        StringBuilder path = new StringBuilder();
        for (String seg : file.split("/")) {
            path.append('/').append(enc(seg));
        }
        return URI.create(options.hub() + "/" + repo + "/resolve/" + enc(options.revision()) + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void checkNames(String repo, String file) {
        if (repo == null || !REPO.matcher(repo).matches()) {
            throw new IllegalArgumentException("a repository is owner/name, got '" + repo + "'");
        }
        if (file == null || file.isBlank() || file.startsWith("/") || file.contains("\\")
                || java.util.Arrays.asList(file.split("/")).contains("..")) {
            throw new IllegalArgumentException("not a file path inside a repository: '" + file + "'");
        }
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(HubException.Kind.NETWORK, "interrupted");
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digestFile(Path file, long length, MessageDigest digest) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[BUFFER];
            long left = length;
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                digest.update(buf, 0, n);
                left -= n;
            }
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest d = sha256Digest();
        digestFile(file, Files.size(file), d);
        return HexFormat.of().formatHex(d.digest());
    }

    /** A byte count for people: 1.2 GB. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
