package io.thoughtscope.reasoning.traces;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines of a UTF-8 stream, decoded one at a time so memory stays bounded by the longest line.
 * A line with invalid UTF-8 comes back with an error instead of replacement characters, and the
 * lines after it still read. Ends at {@code \n}; a {@code \r} before it and a leading BOM are dropped.
 */
final class Utf8Lines implements Closeable {

    /** A line's text, or (text null) why its bytes are not UTF-8. */
    record Line(int number, String text, String error) {
        boolean isBlank() {
            return text != null && text.isBlank();
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[4096];
    private int pos;
    private int limit;
    private int number;

    Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end. */
    Line next() throws IOException {
        int len = 0;
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            len = append(len, start, pos - start);
            if (pos < limit) {
                pos++; // the '\n'
                break;
            }
        }
        number++;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        int from = number == 1 && len >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
                && (line[2] & 0xFF) == 0xBF ? 3 : 0;
        return decode(from, len);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private int append(int len, int start, int n) {
        if (len + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
        }
        System.arraycopy(buffer, start, line, len, n);
        return len + n;
    }

    private Line decode(int from, int to) {
        ByteBuffer bytes = ByteBuffer.wrap(line, from, to - from);
        CharBuffer chars = CharBuffer.allocate(to - from); // UTF-8 never gives more chars than bytes
        decoder.reset();
        CoderResult r = decoder.decode(bytes, chars, true);
        if (!r.isError()) {
            r = decoder.flush(chars);
        }
        if (r.isError()) {
            int at = bytes.position();
            return new Line(number, null, "invalid UTF-8 (byte 0x%02X at byte %d of the line)"
                    .formatted(line[at] & 0xFF, at - from + 1));
        }
        return new Line(number, chars.flip().toString(), null);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
