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

    /** The user's own cue phrases, added to the built-in lexicon when the file exists. */
    public static Path userLexicon() {
        return configDir().resolve("lexicon.txt");
    }
}
