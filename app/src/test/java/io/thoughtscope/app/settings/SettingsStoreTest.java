package io.thoughtscope.app.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedSettingsComeBackEqual() throws IOException {
        SettingsStore store = new SettingsStore(dir.resolve("cfg").resolve("settings.json"));
        AppSettings s = AppSettings.defaults().withTheme("dark").withLanguage("zh-CN").withLastModel("/m/a.gguf")
                .withWindow(new double[] {10, 20, 1200, 800}, true).withDividers(new double[] {0.2, 0.75})
                .withClassroom(true).withFontSize(22).withStrategy("self-consistency n=8").withWelcomed(true)
                .withRecent("/t/one.jsonl").withRecent("/t/two.jsonl").withRecent("/t/one.jsonl");
        store.save(s);
        AppSettings back = store.load();
        assertThat(back).isEqualTo(s);
        assertThat(back.recentFiles()).containsExactly("/t/one.jsonl", "/t/two.jsonl");
        try (var files = Files.list(store.file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("settings.json");
        }
    }

    @Test
    void aMissingOrDamagedFileGivesTheDefaults() throws IOException {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        assertThat(store.load()).isEqualTo(AppSettings.defaults());
        Files.writeString(store.file(), "{ this is not json");
        assertThat(store.load()).isEqualTo(AppSettings.defaults());
        Files.writeString(store.file(), "{\"theme\": \"purple\", \"fontSize\": 999, \"unknown\": 1}");
        AppSettings odd = store.load();
        assertThat(odd.theme()).isEqualTo("light");
        assertThat(odd.fontSize()).isEqualTo(14);
    }

    @Test
    void theRecentListKeepsTheNewestTen() {
        AppSettings s = AppSettings.defaults();
        for (int i = 0; i < 15; i++) {
            s = s.withRecent("/f/" + i);
        }
        assertThat(s.recentFiles()).hasSize(AppSettings.RECENT).startsWith("/f/14").endsWith("/f/5");
    }
}
