package io.thoughtscope.runtime.llama;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8StreamTest {

    @Test
    void charactersSplitAcrossTokensComeOutWhole() {
        Utf8Stream s = new Utf8Stream();
        byte[] ni = "你".getBytes(StandardCharsets.UTF_8); // 3 bytes
        assertThat(s.feed(new byte[] {ni[0]})).isEmpty();
        assertThat(s.feed(new byte[] {ni[1]})).isEmpty();
        assertThat(s.feed(new byte[] {ni[2], 'a'})).isEqualTo("你a");
        byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8); // 4 bytes
        assertThat(s.feed(new byte[] {'x', emoji[0], emoji[1]})).isEqualTo("x");
        Utf8Stream fork = s.copy();
        assertThat(s.feed(new byte[] {emoji[2], emoji[3]})).isEqualTo("😀");
        assertThat(fork.feed(new byte[] {emoji[2], emoji[3]})).isEqualTo("😀");
    }

    @Test
    void anyByteSplitOfAnyTextReassemblesExactly() {
        Random r = new Random(5);
        String text = "Wait — let me re-check: 12 × 15 = 180。等等，验证一下 😀 ok";
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 500; round++) {
            Utf8Stream s = new Utf8Stream();
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < all.length) {
                int n = 1 + r.nextInt(4);
                int end = Math.min(all.length, i + n);
                byte[] chunk = java.util.Arrays.copyOfRange(all, i, end);
                out.append(s.feed(chunk));
                i = end;
            }
            out.append(s.flush());
            assertThat(out.toString()).isEqualTo(text);
        }
    }

    @Test
    void invalidBytesBecomeReplacementCharacters() {
        Utf8Stream s = new Utf8Stream();
        assertThat(s.feed(new byte[] {(byte) 0xA8})).isEqualTo("\uFFFD");
        assertThat(s.feed(new byte[] {(byte) 0xF8, 'a'})).isEqualTo("\uFFFDa");
        assertThat(s.feed(new byte[] {(byte) 0xE4})).isEmpty();
        assertThat(s.flush()).isEqualTo("\uFFFD");
    }
}
