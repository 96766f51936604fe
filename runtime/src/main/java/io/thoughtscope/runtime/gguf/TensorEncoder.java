package io.thoughtscope.runtime.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * Turns {@link TensorData} into a tensor type's bytes, block by block, straight into the output buffer. Quantizers
 * follow ggml's reference code (quantize_row_q8_0_ref, quantize_row_q4_0_ref) so that llama.cpp reads back what
 * it would have written itself.
 */
final class TensorEncoder {
    static final Set<GgmlType> FROM_FLOATS = Set.of(GgmlType.F32, GgmlType.F16, GgmlType.BF16, GgmlType.Q8_0,
            GgmlType.Q4_0);
    static final Set<GgmlType> RANDOM = Set.of(GgmlType.F32, GgmlType.F16, GgmlType.BF16, GgmlType.Q8_0,
            GgmlType.Q4_0, GgmlType.Q6_K);

    // standard deviation of the integer part of a uniformly random block, to turn a wanted deviation into a scale
    private static final float Q8_0_SPREAD = 73.9f;   // uniform int8
    private static final float Q4_0_SPREAD = 4.61f;   // uniform nibble - 8
    private static final float Q6_K_SPREAD = 18.5f * 18.8f; // uniform 6-bit - 32, times a scale in 1..32

    private TensorEncoder() {
    }

    static void encode(GgmlType type, TensorData data, long elements, ChannelOutput out) throws IOException {
        switch (data) {
            case TensorData.Floats(float[] values) -> encodeFloats(type, values, out);
            case TensorData.Constant(float value) -> encodeConstant(type, value, elements, out);
            case TensorData.Random random -> encodeRandom(type, random, elements, out);
            case TensorData.Encoded(byte[] bytes) -> out.bytes(bytes);
        }
    }

    private static void encodeFloats(GgmlType type, float[] values, ChannelOutput out) throws IOException {
        switch (type) {
            case F32 -> {
                for (float value : values) {
                    out.room(4).putFloat(value);
                }
            }
            case F16 -> {
                for (float value : values) {
                    out.room(2).putShort(Float.floatToFloat16(value));
                }
            }
            case BF16 -> {
                for (float value : values) {
                    out.room(2).putShort(toBf16(value));
                }
            }
            case Q8_0 -> {
                for (int block = 0; block < values.length; block += 32) {
                    quantizeQ8_0(values, block, out.room(GgmlType.Q8_0.typeSize()));
                }
            }
            case Q4_0 -> {
                for (int block = 0; block < values.length; block += 32) {
                    quantizeQ4_0(values, block, out.room(GgmlType.Q4_0.typeSize()));
                }
            }
            default -> throw new IllegalArgumentException("cannot quantize to " + type);
        }
    }

    private static void encodeConstant(GgmlType type, float value, long elements, ChannelOutput out)
            throws IOException {
        int blockSize = type.blockSize();
        float[] block = new float[blockSize];
        java.util.Arrays.fill(block, value);
        ByteBuffer encoded = ByteBuffer.allocate(type.typeSize()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        // encode one block, then repeat its bytes
        switch (type) {
            case F32 -> encoded.putFloat(value);
            case F16 -> encoded.putShort(Float.floatToFloat16(value));
            case BF16 -> encoded.putShort(toBf16(value));
            case Q8_0 -> quantizeQ8_0(block, 0, encoded);
            case Q4_0 -> quantizeQ4_0(block, 0, encoded);
            default -> throw new IllegalArgumentException("cannot fill a constant " + type + " tensor");
        }
        byte[] bytes = encoded.array();
        for (long i = 0; i < elements / blockSize; i++) {
            out.room(bytes.length).put(bytes);
        }
    }

    private static void encodeRandom(GgmlType type, TensorData.Random random, long elements, ChannelOutput out)
            throws IOException {
        SplitMix rng = new SplitMix(random.seed());
        float deviation = random.deviation();
        long blocks = elements / type.blockSize();
        switch (type) {
            case F32, F16, BF16 -> {
                float width = deviation * (float) Math.sqrt(3) * 2;
                for (long i = 0; i < elements; i++) {
                    float value = (rng.nextFloat() - 0.5f) * width;
                    ByteBuffer room = out.room(4);
                    switch (type) {
                        case F32 -> room.putFloat(value);
                        case F16 -> room.putShort(Float.floatToFloat16(value));
                        default -> room.putShort(toBf16(value));
                    }
                }
            }
            case Q8_0 -> {
                short scale = Float.floatToFloat16(deviation / Q8_0_SPREAD);
                for (long i = 0; i < blocks; i++) {
                    ByteBuffer room = out.room(34);
                    room.putShort(scale);
                    for (int j = 0; j < 4; j++) {
                        room.putLong(rng.nextLong());
                    }
                }
            }
            case Q4_0 -> {
                short scale = Float.floatToFloat16(deviation / Q4_0_SPREAD);
                for (long i = 0; i < blocks; i++) {
                    ByteBuffer room = out.room(18);
                    room.putShort(scale);
                    room.putLong(rng.nextLong());
                    room.putLong(rng.nextLong());
                }
            }
            case Q6_K -> {
                // block_q6_K: ql[128], qh[64], int8 scales[16], f16 d
                short scale = Float.floatToFloat16(deviation / Q6_K_SPREAD);
                for (long i = 0; i < blocks; i++) {
                    ByteBuffer room = out.room(210);
                    for (int j = 0; j < 24; j++) {
                        room.putLong(rng.nextLong());
                    }
                    long bits = rng.nextLong();
                    long bits2 = rng.nextLong();
                    for (int j = 0; j < 8; j++) {
                        room.put((byte) (1 + ((bits >>> (j * 8)) & 31)));
                    }
                    for (int j = 0; j < 8; j++) {
                        room.put((byte) (1 + ((bits2 >>> (j * 8)) & 31)));
                    }
                    room.putShort(scale);
                }
            }
            default -> throw new IllegalArgumentException("cannot write random " + type + " blocks");
        }
    }

    /** ggml's quantize_row_q8_0_ref for one block of 32 values starting at {@code from}. */
    static void quantizeQ8_0(float[] values, int from, ByteBuffer out) {
        float amax = 0;
        for (int j = 0; j < 32; j++) {
            amax = Math.max(amax, Math.abs(values[from + j]));
        }
        float d = amax / 127;
        float id = d != 0 ? 1 / d : 0;
        out.putShort(Float.floatToFloat16(d));
        for (int j = 0; j < 32; j++) {
            out.put((byte) roundHalfAwayFromZero(values[from + j] * id));
        }
    }

    /** C's roundf: halves go away from zero (Math.round sends -2.5 to -2, roundf to -3). */
    static int roundHalfAwayFromZero(float value) {
        float magnitude = Math.abs(value);
        int rounded = (int) magnitude;
        if (magnitude - rounded >= 0.5f) {
            rounded++;
        }
        return value < 0 ? -rounded : rounded;
    }

    /** ggml's quantize_row_q4_0_ref for one block of 32 values starting at {@code from}. */
    static void quantizeQ4_0(float[] values, int from, ByteBuffer out) {
        float amax = 0;
        float max = 0;
        for (int j = 0; j < 32; j++) {
            float v = values[from + j];
            if (amax < Math.abs(v)) {
                amax = Math.abs(v);
                max = v;
            }
        }
        float d = max / -8;
        float id = d != 0 ? 1 / d : 0;
        out.putShort(Float.floatToFloat16(d));
        for (int j = 0; j < 16; j++) {
            int low = Math.min(15, (byte) (values[from + j] * id + 8.5f));
            int high = Math.min(15, (byte) (values[from + 16 + j] * id + 8.5f));
            out.put((byte) (low | high << 4));
        }
    }

    /** Round to nearest even, as ggml's ggml_compute_fp32_to_bf16; NaN stays a quiet NaN. */
    static short toBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if ((bits & 0x7fffffff) > 0x7f800000) {
            return (short) ((bits >>> 16) | 64);
        }
        return (short) ((bits + (0x7fff + ((bits >>> 16) & 1))) >>> 16);
    }
}
