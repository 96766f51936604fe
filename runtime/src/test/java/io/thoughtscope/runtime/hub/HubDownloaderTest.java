package io.thoughtscope.runtime.hub;

import io.thoughtscope.runtime.gguf.RandomModels;
import io.thoughtscope.runtime.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The downloader against a loopback hub and a loopback file store on another host name: the hub
 * answers {@code HEAD …/resolve/main/FILE} with a redirect carrying {@code X-Linked-Etag} (the
 * SHA-256), {@code X-Linked-Size} and {@code X-Repo-Commit}, as huggingface.co does for LFS files,
 * and redirects the GET to the store, which serves ranges, and can cut, throttle or ignore ranges.
 */
class HubDownloaderTest {

    static final String REPO = "acme/Tiny-R1-GGUF";
    static final String FILE = "tiny-Q8_0.gguf";

    @TempDir
    Path tmp;
    LoopbackServer hub;
    LoopbackServer store;
    byte[] payload;
    String sha;
    String advertisedSha;
    long advertisedSize;
    int headStatus = 302;
    /** The store cuts its first answer after this many bytes (-1: never). */
    final AtomicInteger cutFirstAt = new AtomicInteger(-1);
    volatile boolean ignoreRange;

    @BeforeEach
    void start() throws Exception {
        Path model = tmp.resolve("source.gguf");
        RandomModels.write(RandomModels.tiny("qwen2", 7), model);
        payload = Files.readAllBytes(model);
        sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        advertisedSha = sha;
        advertisedSize = payload.length;
        hub = new LoopbackServer();
        store = new LoopbackServer();
        String storeUrl = store.url().replace("127.0.0.1", "localhost");
        String resolve = "/" + REPO + "/resolve/main/" + FILE;
        hub.on("HEAD", resolve, ex -> {
            if (headStatus != 302) {
                ex.respond(headStatus, "application/json", new byte[0], Map.of());
                return;
            }
            ex.respond(302, null, new byte[0], Map.of("Location", storeUrl + "/xet/blob?sig=1",
                    "X-Linked-Etag", "\"" + advertisedSha + "\"", "X-Linked-Size", String.valueOf(advertisedSize),
                    "X-Repo-Commit", "0123456789abcdef0123456789abcdef01234567", "ETag", "\"abc-git-sha1\""));
        });
        hub.on("GET", resolve, ex -> ex.respond(302, null, new byte[0], Map.of("Location", storeUrl + "/xet/blob?sig=1")));
        AtomicInteger gets = new AtomicInteger();
        store.on("GET", "/xet/blob", ex -> {
            String range = ex.request().header("range");
            long from = 0;
            if (range != null && !ignoreRange) {
                from = Long.parseLong(range.substring("bytes=".length(), range.indexOf('-')));
            }
            long length = payload.length - from;
            if (from > 0) {
                ex.head(206, "application/octet-stream", Map.of("Content-Range",
                        "bytes " + from + "-" + (payload.length - 1) + "/" + payload.length), length);
            } else {
                ex.head(200, "application/octet-stream", Map.of(), length);
            }
            OutputStream out = ex.raw();
            int cut = gets.getAndIncrement() == 0 ? cutFirstAt.get() : -1;
            int pos = (int) from;
            while (pos < payload.length) {
                int n = Math.min(64 * 1024, payload.length - pos);
                if (cut >= 0 && pos + n > cut) {
                    out.write(payload, pos, cut - pos);
                    ex.cut();
                    return;
                }
                out.write(payload, pos, n);
                out.flush();
                pos += n;
                Thread.sleep(2); // throttled: the transfer takes many reads
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        hub.close();
        store.close();
    }

    HubDownloader downloader(String token) {
        return new HubDownloader(new HubDownloader.Options(URI.create(hub.url()), token, tmp.resolve("models"), "main", 3,
                Duration.ofSeconds(20)), d -> { });
    }

    /** Records what the listener hears. */
    static final class Heard implements HubDownloader.Listener {
        final List<Long> progress = new ArrayList<>();
        final List<String> retries = new ArrayList<>();
        long resumedAt = -1;
        boolean verified;

        @Override
        public void started(HubFile file, long resumed) {
            resumedAt = resumed;
        }

        @Override
        public void progress(long done, long total) {
            progress.add(done);
        }

        @Override
        public void retrying(int attempt, String why) {
            retries.add(why);
        }

        @Override
        public void verifying() {
            verified = true;
        }
    }

    @Test
    void aFileIsDownloadedVerifiedAndMovedIntoTheModelsFolder() throws IOException {
        Heard heard = new Heard();
        HubDownloader.Result r = downloader("hf_secret").download(REPO, FILE, heard, () -> false);
        assertThat(r.outcome()).isEqualTo(HubDownloader.Outcome.DOWNLOADED);
        assertThat(r.file()).isEqualTo(tmp.resolve("models/acme/Tiny-R1-GGUF/tiny-Q8_0.gguf"));
        assertThat(Files.readAllBytes(r.file())).isEqualTo(payload);
        assertThat(r.file().resolveSibling(FILE + ".part")).doesNotExist();
        assertThat(r.info().sha256()).isEqualTo(sha);
        assertThat(r.info().commit()).startsWith("0123456789");
        assertThat(heard.progress).isSorted().last().isEqualTo((long) payload.length);
        assertThat(heard.verified).isTrue();
        assertThat(hub.requests()).allSatisfy(q -> assertThat(q.header("authorization")).isEqualTo("Bearer hf_secret"));
        assertThat(store.requests()).as("the token stays with the hub").allSatisfy(q -> assertThat(q.header("authorization")).isNull());
    }

    @Test
    void anInterruptedTransferResumesWithARangeRequest() throws IOException {
        int half = payload.length / 2;
        cutFirstAt.set(half);
        Heard heard = new Heard();
        HubDownloader.Result r = downloader(null).download(REPO, FILE, heard, () -> false);
        assertThat(r.outcome()).isEqualTo(HubDownloader.Outcome.DOWNLOADED);
        assertThat(Files.readAllBytes(r.file())).isEqualTo(payload);
        assertThat(heard.retries).hasSize(1);
        List<LoopbackServer.Request> gets = store.requests("/xet/blob");
        assertThat(gets).hasSize(2);
        assertThat(gets.get(0).header("range")).isNull();
        assertThat(gets.get(1).header("range")).matches("bytes=\\d+-");
        long from = Long.parseLong(gets.get(1).header("range").replaceAll("\\D", ""));
        assertThat(from).isPositive().isLessThanOrEqualTo(half);
    }

    @Test
    void aPausedDownloadKeepsItsPartAndTheNextOneResumesIt() throws IOException {
        HubDownloader d = downloader(null);
        Heard first = new Heard();
        HubDownloader.Result paused = d.download(REPO, FILE, first, () -> !first.progress.isEmpty());
        assertThat(paused.outcome()).isEqualTo(HubDownloader.Outcome.PAUSED);
        long kept = Files.size(paused.file());
        assertThat(paused.file().getFileName().toString()).endsWith(".part");
        assertThat(kept).isPositive().isLessThan(payload.length);

        Heard second = new Heard();
        HubDownloader.Result done = d.download(REPO, FILE, second, () -> false);
        assertThat(done.outcome()).isEqualTo(HubDownloader.Outcome.DOWNLOADED);
        assertThat(second.resumedAt).isEqualTo(kept);
        assertThat(Files.readAllBytes(done.file())).isEqualTo(payload);
        assertThat(store.requests("/xet/blob").getLast().header("range")).isEqualTo("bytes=" + kept + "-");

        assertThat(d.download(REPO, FILE, null, () -> false).outcome()).isEqualTo(HubDownloader.Outcome.ALREADY_PRESENT);
    }

    @Test
    void aWrongChecksumIsRefusedAndNothingIsLeft() {
        advertisedSha = "0".repeat(64);
        assertThatThrownBy(() -> downloader(null).download(REPO, FILE, null, () -> false))
                .isInstanceOfSatisfying(HubException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HubException.Kind.CHECKSUM_MISMATCH);
                    assertThat(e.getMessage()).contains(sha).contains("0".repeat(64));
                });
        assertThat(tmp.resolve("models/acme/Tiny-R1-GGUF/" + FILE)).doesNotExist();
        assertThat(tmp.resolve("models/acme/Tiny-R1-GGUF/" + FILE + ".part")).doesNotExist();
    }

    @Test
    void theDiskSpaceIsCheckedBeforeAnyByteIsFetched() {
        advertisedSize = 1L << 60;
        assertThatThrownBy(() -> downloader(null).download(REPO, FILE, null, () -> false))
                .isInstanceOfSatisfying(HubException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HubException.Kind.NO_SPACE);
                    assertThat(e.getMessage()).contains("not enough space");
                });
        assertThat(store.requests()).isEmpty();
    }

    @Test
    void aGatedRepositoryAsksForAToken() {
        headStatus = 401;
        assertThatThrownBy(() -> downloader(null).download(REPO, FILE, null, () -> false))
                .isInstanceOfSatisfying(HubException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HubException.Kind.GATED);
                    assertThat(e.getMessage()).contains("HF_TOKEN");
                });
    }

    @Test
    void aServerThatIgnoresTheRangeMakesTheFileStartOver() throws IOException {
        Path part = tmp.resolve("models/acme/Tiny-R1-GGUF/" + FILE + ".part");
        Files.createDirectories(part.getParent());
        Files.write(part, new byte[1000]); // not the file's first bytes: a resume would corrupt it
        ignoreRange = true;
        HubDownloader.Result r = downloader(null).download(REPO, FILE, null, () -> false);
        assertThat(Files.readAllBytes(r.file())).isEqualTo(payload);
    }

    @Test
    void aFileThatIsNotGgufIsRefusedEvenWithTheRightChecksum() throws Exception {
        payload = "not a model at all".repeat(100).getBytes();
        advertisedSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        advertisedSize = payload.length;
        assertThatThrownBy(() -> downloader(null).download(REPO, FILE, null, () -> false))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.kind()).isEqualTo(HubException.Kind.NOT_GGUF));
        assertThat(tmp.resolve("models/acme/Tiny-R1-GGUF/" + FILE)).doesNotExist();
    }

    @Test
    void repositoryAndFileNamesCannotLeaveTheModelsFolder() {
        HubDownloader d = downloader(null);
        assertThatThrownBy(() -> d.target("acme/x", "../../etc/passwd.gguf")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.target("../x", "a.gguf")).isInstanceOf(IllegalArgumentException.class);
    }
}
