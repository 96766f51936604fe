import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Build step: fetches the pinned llama.cpp natives (node-llama-cpp's prebuilt npm packages) with
 * npm, checks each tarball against its pinned SHA-512, and unpacks its libraries into
 * {@code target/natives/<package>/}. Tarballs are cached in ~/.cache/thoughtscope/npm so a clean
 * build does not download again; a cached file is checked like a fresh one.
 *
 * <p>Run by Maven (natives/pom.xml) as a single-file Java program:
 * {@code java FetchNatives.java PINS OUTPUT [gpu-list]} where gpu-list is "" or e.g. "cuda,vulkan".
 */
public final class FetchNatives {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FetchNatives PINS OUTPUT [cuda,vulkan]");
            System.exit(2);
        }
        Properties pins = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            pins.load(in);
        }
        Path out = Path.of(args[1]);
        String gpu = args.length > 2 ? args[2].trim() : "";
        String version = pins.getProperty("version");
        String base = platform();
        List<String> packages = new ArrayList<>();
        packages.add(base);
        for (String g : gpu.split(",")) {
            g = g.trim().toLowerCase(Locale.ROOT);
            if (g.isEmpty() || g.equals("none") || g.equals("cpu")) {
                continue;
            }
            if (base.startsWith("mac")) {
                System.out.println("[natives] macOS uses Metal, which the default package already has; ignoring '" + g + "'");
                continue;
            }
            packages.add(base + "-" + g);
        }
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "thoughtscope", "npm");
        Files.createDirectories(cache);
        for (String pkg : packages) {
            String integrity = pins.getProperty(pkg);
            if (integrity == null) {
                fail("no pinned integrity for @node-llama-cpp/" + pkg + "@" + version + " in " + args[0]
                        + ". Pin it with: npm view @node-llama-cpp/" + pkg + "@" + version + " dist.integrity");
            }
            Path tgz = cache.resolve("node-llama-cpp-" + pkg + "-" + version + ".tgz");
            if (!Files.exists(tgz) || !matches(tgz, integrity)) {
                download(pkg, version, cache, tgz);
                if (!matches(tgz, integrity)) {
                    Files.deleteIfExists(tgz);
                    fail("@node-llama-cpp/" + pkg + "@" + version + " does not match its pinned SHA-512: refusing to use it");
                }
            }
            Path dest = out.resolve(pkg);
            Path marker = dest.resolve(".integrity");
            if (Files.exists(marker) && Files.readString(marker).strip().equals(integrity)) {
                System.out.println("[natives] " + pkg + " " + version + " up to date in " + dest);
                continue;
            }
            deleteTree(dest);
            Files.createDirectories(dest);
            int files = unpack(tgz, "package/bins/", dest);
            if (files == 0) {
                fail("@node-llama-cpp/" + pkg + " holds no libraries under bins/");
            }
            Files.writeString(marker, integrity + "\n");
            System.out.println("[natives] " + pkg + " " + version + ": " + files + " files in " + dest);
        }
    }

    /** The npm package of the platform this build runs on. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : arch;
        if (os.contains("linux")) {
            return "linux-" + a;
        }
        if (os.contains("mac")) {
            return a.equals("arm64") ? "mac-arm64-metal" : "mac-x64";
        }
        if (os.contains("win")) {
            return "win-" + a;
        }
        fail("no llama.cpp natives are published for " + os + " " + arch);
        return null;
    }

    private static void download(String pkg, String version, Path cache, Path tgz) throws IOException, InterruptedException {
        String npm = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "npm.cmd" : "npm";
        String spec = "@node-llama-cpp/" + pkg + "@" + version;
        System.out.println("[natives] fetching " + spec + " with npm ...");
        ProcessBuilder pb = new ProcessBuilder(npm, "pack", spec, "--pack-destination", cache.toString(), "--silent")
                .redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            fail("fetching the llama.cpp natives needs npm (Node.js) on the PATH: " + e.getMessage()
                    + ". Install Node.js, or put " + tgz.getFileName() + " into " + cache + " yourself.");
            return;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            fail("npm pack " + spec + " failed:\n" + output.strip());
        }
        if (!Files.exists(tgz)) {
            fail("npm pack " + spec + " did not produce " + tgz + ":\n" + output.strip());
        }
    }

    static boolean matches(Path file, String integrity) throws IOException {
        if (!integrity.startsWith("sha512-")) {
            fail("only sha512 integrity is supported, found " + integrity);
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return MessageDigest.isEqual(Base64.getDecoder().decode(integrity.substring(7)), md.digest());
    }

    /** Unpacks the regular files under {@code prefix} of a .tgz flat into {@code dest}. */
    static int unpack(Path tgz, String prefix, Path dest) throws IOException {
        int count = 0;
        try (InputStream raw = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tgz), 1 << 16))) {
            byte[] header = new byte[512];
            String longName = null;
            while (readFully(raw, header)) {
                if (isZero(header)) {
                    break;
                }
                String name = longName != null ? longName : field(header, 0, 100);
                longName = null;
                String ustarPrefix = field(header, 345, 155);
                if (!ustarPrefix.isEmpty() && header[257] == 'u') {
                    name = ustarPrefix + "/" + name;
                }
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                long padded = (size + 511) / 512 * 512;
                if (type == 'L') {
                    byte[] b = raw.readNBytes((int) padded);
                    longName = new String(b, 0, (int) size, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                boolean file = type == '0' || type == '\0';
                // the Node addon is node-llama-cpp's own glue; Java binds the C API directly
                if (file && name.startsWith(prefix) && !name.endsWith("/") && !name.endsWith(".node")) {
                    String rel = name.substring(name.lastIndexOf('/') + 1);
                    if (rel.contains("..") || rel.isEmpty()) {
                        fail("unsafe path in tarball: " + name);
                    }
                    Path target = dest.resolve(rel);
                    try (OutputStream o = Files.newOutputStream(target)) {
                        copy(raw, o, size);
                    }
                    skip(raw, padded - size);
                    count++;
                } else {
                    skip(raw, padded);
                }
            }
        }
        return count;
    }

    private static void copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[1 << 16];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                throw new IOException("truncated tarball");
            }
            out.write(buf, 0, r);
            n -= r;
        }
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new IOException("truncated tarball");
                }
                s = 1;
            }
            n -= s;
        }
    }

    private static boolean readFully(InputStream in, byte[] b) throws IOException {
        int off = 0;
        while (off < b.length) {
            int r = in.read(b, off, b.length - off);
            if (r < 0) {
                return false;
            }
            off += r;
        }
        return true;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    private static void fail(String message) {
        System.err.println("[natives] " + message);
        System.exit(1);
    }

}
