package io.thoughtscope.runtime.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Little-endian writes to a file channel through one reusable 4 MiB direct buffer, so that writing a file of any
 * size needs the same small amount of memory.
 */
final class ChannelOutput {
    static final int BUFFER_BYTES = 4 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long flushed;

    ChannelOutput(FileChannel channel) {
        this.channel = channel;
    }

    /** The buffer, with at least {@code bytes} (at most the buffer size) free for relative puts. */
    ByteBuffer room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
        return buffer;
    }

    long position() {
        return flushed + buffer.position();
    }

    void u8(int value) throws IOException {
        room(1).put((byte) value);
    }

    void u32(long value) throws IOException {
        room(4).putInt((int) value);
    }

    void u64(long value) throws IOException {
        room(8).putLong(value);
    }

    void bytes(byte[] bytes) throws IOException {
        bytes(bytes, 0, bytes.length);
    }

    void bytes(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int chunk = Math.min(length, room(1).remaining());
            buffer.put(bytes, offset, chunk);
            offset += chunk;
            length -= chunk;
        }
    }

    /** Writes zeros up to the next multiple of {@code alignment}. */
    void padTo(int alignment) throws IOException {
        long rest = position() % alignment;
        for (long i = rest == 0 ? alignment : rest; i < alignment; i++) {
            u8(0);
        }
    }

    void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            flushed += channel.write(buffer);
        }
        buffer.clear();
    }
}
