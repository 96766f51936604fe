package io.thoughtscope.reasoning.traces;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 checks: where bytes stop being UTF-8, instead of silent replacement characters. */
final class Utf8 {

    /**
     * The outcome of a scan.
     *
     * @param errors     how many malformed sequences
     * @param firstError the offset of the first one, -1 when none
     * @param text       the decoded text, malformed sequences replaced by U+FFFD
     */
    record Scan(int errors, int firstError, String text) {}

    private Utf8() {
    }

    /** 3 when the bytes start with a UTF-8 byte order mark, else 0. */
    static int bomLength(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    /**
     * Decodes {@code b[from..b.length)}; with {@code complete} false a character cut at the end
     * (a file head) is not an error.
     */
    static Scan scan(byte[] b, int from, boolean complete) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, from, b.length - from);
        CharBuffer out = CharBuffer.allocate(b.length - from + 1);
        int errors = 0;
        int first = -1;
        while (true) {
            CoderResult r = decoder.decode(in, out, complete);
            if (!r.isError()) {
                break;
            }
            if (first < 0) {
                first = in.position();
            }
            errors++;
            in.position(in.position() + r.length());
            out.put('\uFFFD');
        }
        if (complete) {
            decoder.flush(out);
        }
        return new Scan(errors, first, out.flip().toString());
    }
}
