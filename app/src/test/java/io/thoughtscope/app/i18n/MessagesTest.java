package io.thoughtscope.app.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/io/thoughtscope/app/i18n/messages" + suffix + ".properties")) {
            assertThat(in).as("bundle " + suffix).isNotNull();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyEnglishTextHasAChineseOneAndViceVersa() throws IOException {
        Properties en = bundle("");
        Properties zh = bundle("_zh_CN");
        assertThat(zh.keySet()).isEqualTo(en.keySet());
        assertThat(en).isNotEmpty();
        for (Object k : zh.keySet()) {
            assertThat(zh.getProperty((String) k)).as((String) k).isNotBlank();
        }
    }

    @Test
    void switchesLanguageAndFillsArguments() {
        Messages m = new Messages(Locale.ENGLISH);
        String en = m.get("app.title");
        var bound = m.bind("app.title");
        assertThat(bound.get()).isEqualTo(en);
        m.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(m.get("app.title")).isNotEqualTo(en);
        assertThat(bound.get()).isEqualTo(m.get("app.title"));
        assertThat(m.get("no.such.key")).isEqualTo("no.such.key");
        m.setLocale(Locale.ENGLISH);
        assertThat(m.get("status.traces", 3)).contains("3");
    }

    @Test
    void chineseSystemsGetChineseAndOthersEnglish() {
        assertThat(Messages.forSetting("zh-CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Messages.forSetting("zh-TW")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Messages.forSetting("fr")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.forSetting("en")).isEqualTo(Locale.ENGLISH);
    }
}
