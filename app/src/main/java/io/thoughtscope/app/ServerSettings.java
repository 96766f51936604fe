package io.thoughtscope.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.thoughtscope.runtime.remote.ServerKind;
import io.thoughtscope.runtime.remote.ServerSpec;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The servers the user added: {@code servers.json} in the config folder holds where each is and
 * how to talk to it; its API key lives apart, in {@code keys/<name>.key}, readable by the user
 * only (mode 600 in a folder of mode 700 on POSIX systems; on Windows the config folder under
 * {@code %APPDATA%} is the user's own by its ACL). Keys never go into the database, the settings
 * file or any message.
 */
public final class ServerSettings {

    /** One server as stored. {@code template} is the path of a Jinja template file, or null. */
    public record Entry(String name, String url, String model, String kind, String template, int concurrency,
                        int retries, int timeoutSeconds, boolean chatOnly) {}

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dir;

    public ServerSettings(Path configDir) {
        this.dir = configDir;
    }

    public static ServerSettings inConfigFolder() {
        return new ServerSettings(AppDirs.configDir());
    }

    public Path file() {
        return dir.resolve("servers.json");
    }

    public Path keyFile(String name) {
        return dir.resolve("keys").resolve(checkName(name) + ".key");
    }

    public List<Entry> load() throws IOException {
        if (!Files.isRegularFile(file())) {
            return List.of();
        }
        return JSON.readValue(file().toFile(), new TypeReference<List<Entry>>() { });
    }

    public Optional<Entry> find(String name) throws IOException {
        return load().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Adds or replaces a server; a non-null key replaces the stored one, a null key leaves it. */
    public void put(Entry entry, String apiKey) throws IOException {
        checkName(entry.name());
        ServerSpec.of(entry.name(), entry.url(), entry.model(), null); // checks the address
        ServerKind.parse(entry.kind());
        List<Entry> all = new ArrayList<>(load());
        all.removeIf(e -> e.name().equals(entry.name()));
        all.add(entry);
        write(all);
        if (apiKey != null && !apiKey.isBlank()) {
            writeKey(entry.name(), apiKey.strip());
        }
    }

    /** Removes a server and its key; returns false when there was none of that name. */
    public boolean remove(String name) throws IOException {
        List<Entry> all = new ArrayList<>(load());
        boolean removed = all.removeIf(e -> e.name().equals(name));
        if (removed) {
            write(all);
        }
        Files.deleteIfExists(keyFile(name));
        return removed;
    }

    public boolean hasKey(String name) {
        return Files.isRegularFile(keyFile(name));
    }

    /** The server's full spec, its key read from its key file. */
    public ServerSpec spec(String name) throws IOException {
        Entry e = find(name).orElseThrow(() -> new IllegalArgumentException("no server named '" + name
                + "' (add one with: thoughtscope server add " + name + " URL)"));
        String key = hasKey(name) ? Files.readString(keyFile(name), StandardCharsets.UTF_8).strip() : null;
        String template = e.template() == null ? null : Files.readString(Path.of(e.template()), StandardCharsets.UTF_8);
        return new ServerSpec(e.name(), URI.create(e.url()), e.model(), key, ServerKind.parse(e.kind()), template,
                Duration.ofSeconds(10), Duration.ofSeconds(e.timeoutSeconds() > 0 ? e.timeoutSeconds() : 300),
                Math.max(0, e.retries()), Math.max(1, e.concurrency()), 1024, e.chatOnly());
    }

    private void write(List<Entry> all) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "servers", ".json.tmp");
        JSON.writeValue(tmp.toFile(), all);
        Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeKey(String name, String key) throws IOException {
        Path keys = dir.resolve("keys");
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(keys)) {
            if (posix) {
                Files.createDirectories(keys, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else {
                Files.createDirectories(keys);
            }
        }
        Path f = keyFile(name);
        Files.deleteIfExists(f);
        if (posix) {
            // created with mode 600, so the key is never readable by others, not even for a moment
            Files.createFile(f, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            Files.setPosixFilePermissions(keys, OWNER_DIR);
        } else {
            Files.createFile(f);
        }
        Files.writeString(f, key + "\n", StandardCharsets.UTF_8);
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a server name is letters, digits, '.', '_' or '-' (up to 64), got '" + name + "'");
        }
        return name;
    }
}
