package io.thoughtscope.app;

import java.nio.file.Path;
import java.util.Locale;

/** Where Thoughtscope keeps the user's files, by platform convention. */
public final class AppDirs {

    private AppDirs() {
    }

    /**
     * The configuration folder: the system property {@code thoughtscope.config} or the variable
     * {@code THOUGHTSCOPE_CONFIG} if set; else {@code %APPDATA%\Thoughtscope}
     * on Windows, {@code ~/Library/Application Support/Thoughtscope} on macOS, and
     * {@code $XDG_CONFIG_HOME/thoughtscope} (default {@code ~/.config/thoughtscope}) elsewhere.
     */
    public static Path configDir() {
        String override = System.getProperty("thoughtscope.config", System.getenv("THOUGHTSCOPE_CONFIG"));
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Thoughtscope");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Thoughtscope");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : Path.of(home, ".config").toString(), "thoughtscope");
    }

    /**
     * The data folder, where the session database lives: {@code %LOCALAPPDATA%\Thoughtscope} on
     * Windows, {@code ~/Library/Application Support/Thoughtscope} on macOS, and
     * {@code $XDG_DATA_HOME/thoughtscope} (default {@code ~/.local/share/thoughtscope}) elsewhere.
     */
    public static Path dataDir() {
        return dataDir(System.getProperty("os.name", ""), System.getProperty("user.home"), System::getenv);
    }

    /** {@link #dataDir()} for a given platform, home folder and environment (tests pass their own). */
    static Path dataDir(String osName, String home, java.util.function.Function<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.apply("LOCALAPPDATA");
            return local != null && !local.isBlank() ? Path.of(local, "Thoughtscope")
                    : Path.of(home, "AppData", "Local", "Thoughtscope");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Thoughtscope");
        }
        String xdg = env.apply("XDG_DATA_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : Path.of(home, ".local", "share").toString(), "thoughtscope");
    }

    /**
     * The session database: the system property {@code thoughtscope.db} or the variable
     * {@code THOUGHTSCOPE_DB} if set (a command's {@code --db} comes before both), else
     * {@code thoughtscope.db} in the {@linkplain #dataDir() data folder}.
     */
    public static Path database() {
        return database(System.getProperty("thoughtscope.db"), System.getenv("THOUGHTSCOPE_DB"), dataDir());
    }

    static Path database(String property, String variable, Path dataDir) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        return dataDir.resolve("thoughtscope.db");
    }

    /**
     * Where downloaded models go: the system property {@code thoughtscope.models} or the variable
     * {@code THOUGHTSCOPE_MODELS} if set, else {@code models} in the {@linkplain #dataDir() data folder}
     * (one folder per hub repository: {@code models/<owner>/<repo>/<file>.gguf}).
     */
    public static Path modelsDir() {
        String override = System.getProperty("thoughtscope.models", System.getenv("THOUGHTSCOPE_MODELS"));
        return override != null && !override.isBlank() ? Path.of(override) : dataDir().resolve("models");
    }

    /** The user's own cue phrases, added to the built-in lexicon when the file exists. */
    public static Path userLexicon() {
        return configDir().resolve("lexicon.txt");
    }
}
