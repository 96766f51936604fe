package io.thoughtscope.runtime.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;

/**
 * Little-endian reads from a file (or any seekable channel) through a 64 KiB window, checked against the file size before every
 * read: running past the end is reported as a truncated file, never as an exception from the buffer. Only the
 * bytes that are asked for are read, so a header at the start of a 10 GB file costs a few reads.
 */
final class GgufInput {
    private static final int WINDOW_BYTES = 1 << 16;

    private final SeekableByteChannel channel;
    private final Path path;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long windowStart;
    private long position;

    GgufInput(SeekableByteChannel channel, Path path) throws IOException {
        this.channel = channel;
        this.path = path;
        this.size = channel.size();
        window.limit(0);
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    long position() {
        return position;
    }

    long remaining() {
        return size - position;
    }

    /** Fails as a truncated file unless {@code count} more bytes exist; {@code what} names the field. */
    void require(long count, String what) throws GgufException {
        if (count > remaining()) {
            throw truncated(count, what);
        }
    }

    GgufException truncated(long count, String what) {
        return new GgufException(GgufException.Problem.TRUNCATED,
                "file is truncated: " + what + " needs " + count + " byte" + (count == 1 ? "" : "s")
                        + " but the file ends after " + remaining(), path, position);
    }

    int u8(String what) throws IOException {
        fill(1, what);
        position++;
        return window.get() & 0xFF;
    }

    int i32(String what) throws IOException {
        fill(4, what);
        position += 4;
        return window.getInt();
    }

    /** An unsigned 32-bit value, zero-extended. */
    long u32(String what) throws IOException {
        return i32(what) & 0xFFFF_FFFFL;
    }

    long i64(String what) throws IOException {
        fill(8, what);
        position += 8;
        return window.getLong();
    }

    /** Reads {@code length} bytes into {@code target} at {@code offset}; the caller has checked the length. */
    void bytes(byte[] target, int offset, int length, String what) throws IOException {
        require(length, what);
        int done = 0;
        while (done < length) {
            if (!window.hasRemaining()) {
                refill(what);
            }
            int chunk = Math.min(length - done, window.remaining());
            window.get(target, offset + done, chunk);
            done += chunk;
            position += chunk;
        }
    }

    void seek(long target) {
        position = target;
        long inWindow = target - windowStart;
        if (inWindow >= 0 && inWindow <= window.limit()) {
            window.position((int) inWindow);
        } else {
            window.limit(0);
            windowStart = target;
        }
    }

    private void fill(int count, String what) throws IOException {
        if (window.remaining() >= count) {
            return;
        }
        require(count, what);
        refill(what);
        if (window.remaining() < count) {
            throw truncated(count, what);
        }
    }

    private void refill(String what) throws IOException {
        window.clear();
        windowStart = position;
        long at = position;
        while (window.hasRemaining() && at < size) {
            int read = channel.position(at).read(window);
            if (read < 0) {
                break;
            }
            at += read;
        }
        window.flip();
        if (!window.hasRemaining()) {
            // the file shrank while we read it
            throw truncated(1, what);
        }
    }
}
