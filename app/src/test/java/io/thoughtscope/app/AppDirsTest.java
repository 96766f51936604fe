package io.thoughtscope.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppDirsTest {

    @Test
    void theDataFolderFollowsEachPlatformsConvention() {
        Map<String, String> none = Map.of();
        assertThat(AppDirs.dataDir("Linux", "/home/ada", none::get)).isEqualTo(Path.of("/home/ada/.local/share/thoughtscope"));
        assertThat(AppDirs.dataDir("Linux", "/home/ada", Map.of("XDG_DATA_HOME", "/data/ada")::get))
                .isEqualTo(Path.of("/data/ada/thoughtscope"));
        assertThat(AppDirs.dataDir("Mac OS X", "/Users/ada", none::get))
                .isEqualTo(Path.of("/Users/ada/Library/Application Support/Thoughtscope"));
        assertThat(AppDirs.dataDir("Windows 11", "C:/Users/ada", Map.of("LOCALAPPDATA", "C:/Users/ada/AppData/Local")::get))
                .isEqualTo(Path.of("C:/Users/ada/AppData/Local", "Thoughtscope"));
        assertThat(AppDirs.dataDir("Windows 11", "C:/Users/ada", none::get))
                .isEqualTo(Path.of("C:/Users/ada", "AppData", "Local", "Thoughtscope"));
    }

    @Test
    void theDatabaseCanBeMovedByPropertyOrVariable() {
        Path data = Path.of("/home/ada/.local/share/thoughtscope");
        assertThat(AppDirs.database(null, null, data)).isEqualTo(data.resolve("thoughtscope.db"));
        assertThat(AppDirs.database(null, "/tmp/env.db", data)).isEqualTo(Path.of("/tmp/env.db"));
        assertThat(AppDirs.database("/tmp/prop.db", "/tmp/env.db", data)).isEqualTo(Path.of("/tmp/prop.db"));
        assertThat(AppDirs.database(" ", "", data)).isEqualTo(data.resolve("thoughtscope.db"));
    }

    @Test
    void testsNeverTouchTheUsersFolder() {
        assertThat(AppDirs.database().toString()).contains("target").doesNotContain(".local/share");
    }
}
