package io.thoughtscope.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's version, filled in by the build. */
public final class Version {

    private static final String VERSION = load();

    private Version() {
    }

    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}
