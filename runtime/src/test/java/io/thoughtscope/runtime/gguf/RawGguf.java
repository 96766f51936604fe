package io.thoughtscope.runtime.gguf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds GGUF bytes field by field with no checks at all, to craft the broken files the reader must refuse. */
final class RawGguf {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Magic, version and counts. */
    static RawGguf header(long version, long tensorCount, long entryCount) {
        return new RawGguf().ascii("GGUF").u32(version).u64(tensorCount).u64(entryCount);
    }

    RawGguf ascii(String text) {
        return bytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawGguf bytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    RawGguf u8(int value) {
        out.write(value);
        return this;
    }

    RawGguf u32(long value) {
        return put(4, value);
    }

    RawGguf u64(long value) {
        return put(8, value);
    }

    RawGguf f32(float value) {
        return u32(Float.floatToRawIntBits(value));
    }

    RawGguf string(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return u64(bytes.length).bytes(bytes);
    }

    RawGguf kvString(String key, String value) {
        return string(key).u32(GgufType.STRING.code()).string(value);
    }

    RawGguf kvU32(String key, long value) {
        return string(key).u32(GgufType.UINT32.code()).u32(value);
    }

    /** A tensor info: name, dimensions, ggml type code, data offset. */
    RawGguf tensor(String name, long[] shape, int type, long offset) {
        string(name).u32(shape.length);
        for (long dim : shape) {
            u64(dim);
        }
        return u32(type).u64(offset);
    }

    RawGguf padTo(int alignment) {
        while (out.size() % alignment != 0) {
            out.write(0);
        }
        return this;
    }

    RawGguf zeros(int count) {
        out.writeBytes(new byte[count]);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    Path write(Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name), toBytes());
    }

    private RawGguf put(int width, long value) {
        ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
        out.write(buffer.array(), 0, width);
        return this;
    }

    /**
     * A minimal model llama.cpp's header checks accept: architecture llama, one F32 tensor of 32 elements at data
     * offset 0. Tests start from it and break one thing.
     */
    static RawGguf minimalModel() {
        return header(3, 1, 1).kvString("general.architecture", "llama")
                .tensor("token_embd.weight", new long[]{32}, GgmlType.F32.code(), 0).padTo(32).zeros(128);
    }
}
