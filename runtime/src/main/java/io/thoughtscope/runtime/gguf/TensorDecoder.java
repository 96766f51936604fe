package io.thoughtscope.runtime.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Reads a tensor's values back as floats (F32, F16, BF16, Q8_0, Q4_0, Q6_K), following ggml's dequantize_row_*
 * functions. Meant for small tensors and checks: the whole tensor is read into memory.
 */
public final class TensorDecoder {
    public static final Set<GgmlType> SUPPORTED = Set.of(GgmlType.F32, GgmlType.F16, GgmlType.BF16, GgmlType.Q8_0,
            GgmlType.Q4_0, GgmlType.Q6_K);

    private TensorDecoder() {
    }

    public static float[] readFloats(GgufFile file, GgufTensor tensor) throws IOException {
        if (!SUPPORTED.contains(tensor.type())) {
            throw new IllegalArgumentException("cannot decode " + tensor.type() + "; supported: " + SUPPORTED);
        }
        if (tensor.byteSize() > Integer.MAX_VALUE - 16 || tensor.elementCount() > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("tensor '" + tensor.name() + "' is too large to decode at once");
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) tensor.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            long at = tensor.fileOffset();
            while (bytes.hasRemaining()) {
                int read = channel.read(bytes, at);
                if (read < 0) {
                    throw new GgufException(GgufException.Problem.TRUNCATED, "file is truncated inside tensor '"
                            + tensor.name() + "'", file.path(), at);
                }
                at += read;
            }
        }
        bytes.flip();
        return decode(tensor.type(), bytes, (int) tensor.elementCount());
    }

    /** Decodes {@code count} values of {@code type} from little-endian {@code bytes}. */
    public static float[] decode(GgmlType type, ByteBuffer bytes, int count) {
        float[] values = new float[count];
        switch (type) {
            case F32 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = bytes.getFloat();
                }
            }
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = Float.float16ToFloat(bytes.getShort());
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    values[i] = Float.intBitsToFloat((bytes.getShort() & 0xFFFF) << 16);
                }
            }
            case Q8_0 -> {
                for (int block = 0; block < count; block += 32) {
                    float d = Float.float16ToFloat(bytes.getShort());
                    for (int j = 0; j < 32; j++) {
                        values[block + j] = bytes.get() * d;
                    }
                }
            }
            case Q4_0 -> {
                for (int block = 0; block < count; block += 32) {
                    float d = Float.float16ToFloat(bytes.getShort());
                    for (int j = 0; j < 16; j++) {
                        int packed = bytes.get() & 0xFF;
                        values[block + j] = ((packed & 0x0F) - 8) * d;
                        values[block + 16 + j] = ((packed >>> 4) - 8) * d;
                    }
                }
            }
            case Q6_K -> {
                for (int block = 0; block < count; block += 256) {
                    decodeQ6K(bytes, values, block);
                }
            }
            default -> throw new IllegalArgumentException("cannot decode " + type);
        }
        return values;
    }

    /** ggml's dequantize_row_q6_K for one block. */
    private static void decodeQ6K(ByteBuffer bytes, float[] values, int out) {
        int base = bytes.position();
        float d = Float.float16ToFloat(bytes.getShort(base + 208));
        for (int half = 0; half < 2; half++) {
            int ql = base + half * 64;
            int qh = base + 128 + half * 32;
            int sc = base + 192 + half * 8;
            int y = out + half * 128;
            for (int l = 0; l < 32; l++) {
                int is = l / 16;
                int low0 = bytes.get(ql + l) & 0xFF;
                int low32 = bytes.get(ql + l + 32) & 0xFF;
                int high = bytes.get(qh + l) & 0xFF;
                int q1 = ((low0 & 0xF) | ((high & 3) << 4)) - 32;
                int q2 = ((low32 & 0xF) | (((high >> 2) & 3) << 4)) - 32;
                int q3 = ((low0 >> 4) | (((high >> 4) & 3) << 4)) - 32;
                int q4 = ((low32 >> 4) | (((high >> 6) & 3) << 4)) - 32;
                values[y + l] = d * bytes.get(sc + is) * q1;
                values[y + l + 32] = d * bytes.get(sc + is + 2) * q2;
                values[y + l + 64] = d * bytes.get(sc + is + 4) * q3;
                values[y + l + 96] = d * bytes.get(sc + is + 6) * q4;
            }
        }
        bytes.position(base + 210);
    }
}
