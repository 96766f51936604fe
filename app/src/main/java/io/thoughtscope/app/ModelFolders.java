package io.thoughtscope.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders the user added for model discovery, one path per line in
 * {@code model-folders.txt} in the config folder (lines starting with # are comments).
 */
public final class ModelFolders {

    private ModelFolders() {
    }

    public static Path file() {
        return AppDirs.configDir().resolve("model-folders.txt");
    }

    public static List<Path> load() {
        Path f = file();
        List<Path> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(Path.of(t));
                }
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            // an unreadable list must not stop discovery; the other places are still searched
        }
        return out;
    }

    /** Adds a folder to the list (kept across runs); returns false if it was already there. */
    public static boolean add(Path folder) throws IOException {
        Path abs = folder.toAbsolutePath().normalize();
        List<Path> current = load();
        if (current.contains(abs)) {
            return false;
        }
        Path f = file();
        Files.createDirectories(f.getParent());
        List<String> lines = new ArrayList<>();
        if (Files.exists(f)) {
            lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
        } else {
            lines.add("# Folders Thoughtscope searches for GGUF models, one per line");
        }
        lines.add(abs.toString());
        Files.write(f, lines, StandardCharsets.UTF_8);
        return true;
    }
}
