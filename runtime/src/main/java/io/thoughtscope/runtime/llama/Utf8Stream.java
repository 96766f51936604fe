package io.thoughtscope.runtime.llama;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the bytes of successive tokens into text without splitting a character: a token that
 * ends inside a multi-byte UTF-8 character keeps its tail until the next token completes it.
 * Invalid bytes become U+FFFD once it is clear they cannot be completed.
 */
final class Utf8Stream {

    private byte[] pending = new byte[0];

    Utf8Stream copy() {
        Utf8Stream c = new Utf8Stream();
        c.pending = pending.clone();
        return c;
    }

    /** The complete characters after adding {@code bytes}. */
    String feed(byte[] bytes) {
        byte[] all = pending.length == 0 ? bytes : concat(pending, bytes);
        int complete = completePrefix(all);
        pending = Arrays.copyOfRange(all, complete, all.length);
        return new String(all, 0, complete, StandardCharsets.UTF_8);
    }

    /** Whatever is left at the end of a stream (an incomplete character becomes U+FFFD). */
    String flush() {
        String s = new String(pending, StandardCharsets.UTF_8);
        pending = new byte[0];
        return s;
    }

    /** Length of the longest prefix that does not end inside a character that may still complete. */
    static int completePrefix(byte[] b) {
        int n = b.length;
        // look at most 3 bytes back for the lead byte of a possibly unfinished character
        for (int back = 1; back <= Math.min(3, n); back++) {
            int i = n - back;
            int c = b[i] & 0xFF;
            if ((c & 0xC0) == 0x80) {
                continue; // continuation byte: keep looking for its lead
            }
            int need = c >= 0xF5 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
            return need > back ? i : n;
        }
        return n;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
