package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.Token;
import io.thoughtscope.reasoning.model.TopToken;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Consecutive tokens of one node packed into one BLOB: a row per chunk rather than per token
 * keeps a live run's writes and a big tree's loads to a few thousand rows (per-token rows
 * measured four times slower on both). Layout, little-endian:
 * <pre>
 * u8 version (1), varint count, then per token:
 *   varint pos (where its text starts in the node's text), zigzag varint id, string text,
 *   f64 logprob, f64 entropy (raw bits: NaN stays NaN), zigzag varint time in nanoseconds,
 *   varint k, then k times: zigzag varint id, f64 logprob, string text
 * string: varint (byte length &lt;&lt; 1 | utf16) then the bytes, UTF-8, or the UTF-16LE code units
 *   when the text holds a lone surrogate (a token that split a character), so every string comes
 *   back as it was
 * </pre>
 */
final class TokenChunks {

    static final int VERSION = 1;
    /** Tokens per chunk at most; a live run's batch gives smaller ones. */
    static final int MAX = 4096;

    private TokenChunks() {
    }

    /** Packs tokens {@code [from, to)} of a list whose offsets are {@code pos[i]}. */
    static byte[] encode(List<Token> tokens, int[] pos, int from, int to) {
        Sink s = new Sink(64 + (to - from) * 48);
        s.u8(VERSION);
        s.varint(to - from);
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            s.varint(pos[i]);
            s.zigzag(t.id());
            s.string(t.text());
            s.f64(t.logprob());
            s.f64(t.entropy());
            s.zigzag(t.timeNanos());
            List<TopToken> alts = t.alternatives();
            s.varint(alts.size());
            for (TopToken a : alts) {
                s.zigzag(a.id());
                s.f64(a.logprob());
                s.string(a.text());
            }
        }
        return s.bytes();
    }

    /** Unpacks a chunk, appending its tokens to {@code tokens} and their offsets to {@code pos} (grown as needed). */
    static int[] decode(byte[] data, List<Token> tokens, int[] pos) {
        Source s = new Source(data);
        int version = s.u8();
        if (version != VERSION) {
            throw new StoreException(StoreException.Reason.NEWER_SCHEMA, "Tokens were stored in a newer format (" + version
                    + "); update Thoughtscope to read them.");
        }
        int n = (int) s.varint();
        int at = tokens.size();
        if (pos.length < at + n) {
            pos = Arrays.copyOf(pos, Math.max(at + n, pos.length * 2));
        }
        for (int i = 0; i < n; i++) {
            pos[at + i] = (int) s.varint();
            int id = (int) s.zigzag();
            String text = s.string();
            double logprob = s.f64();
            double entropy = s.f64();
            long time = s.zigzag();
            int k = (int) s.varint();
            List<TopToken> alts = k == 0 ? List.of() : new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                int aid = (int) s.zigzag();
                double alp = s.f64();
                alts.add(new TopToken(aid, s.string(), alp));
            }
            tokens.add(new Token(id, text, logprob, alts, entropy, time));
        }
        return pos;
    }

    private static final class Sink {
        private byte[] b;
        private int n;

        Sink(int capacity) {
            b = new byte[capacity];
        }

        private void room(int more) {
            if (n + more > b.length) {
                b = Arrays.copyOf(b, Math.max(n + more, b.length * 2));
            }
        }

        void u8(int v) {
            room(1);
            b[n++] = (byte) v;
        }

        void varint(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                b[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            b[n++] = (byte) v;
        }

        void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void f64(double d) {
            room(8);
            long v = Double.doubleToRawLongBits(d);
            for (int i = 0; i < 8; i++) {
                b[n++] = (byte) (v >>> (8 * i));
            }
        }

        void string(String s) {
            if (hasLoneSurrogate(s)) {
                // char by char: a charset encoder would replace the lone surrogate
                varint(((long) s.length() * 2 << 1) | 1);
                room(s.length() * 2);
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    b[n++] = (byte) c;
                    b[n++] = (byte) (c >>> 8);
                }
                return;
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            varint((long) bytes.length << 1);
            room(bytes.length);
            System.arraycopy(bytes, 0, b, n, bytes.length);
            n += bytes.length;
        }

        byte[] bytes() {
            return Arrays.copyOf(b, n);
        }
    }

    private static final class Source {
        private final byte[] b;
        private int p;

        Source(byte[] b) {
            this.b = b;
        }

        int u8() {
            return b[p++] & 0xFF;
        }

        long varint() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte x = b[p++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    return v;
                }
                shift += 7;
            }
        }

        long zigzag() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        double f64() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (b[p++] & 0xFFL) << (8 * i);
            }
            return Double.longBitsToDouble(v);
        }

        String string() {
            long h = varint();
            int len = (int) (h >>> 1);
            String s;
            if ((h & 1) != 0) {
                char[] cs = new char[len / 2];
                for (int i = 0; i < cs.length; i++) {
                    cs[i] = (char) ((b[p + 2 * i] & 0xFF) | (b[p + 2 * i + 1] & 0xFF) << 8);
                }
                s = new String(cs);
            } else {
                s = new String(b, p, len, StandardCharsets.UTF_8);
            }
            p += len;
            return s;
        }
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
