package io.thoughtscope.runtime.gguf;

import java.util.Optional;

/**
 * The tensor types of ggml that the pinned llama.cpp (node-llama-cpp 3.22.1 natives, llama.cpp "v0.5.0") knows,
 * with their block sizes: a tensor's rows hold whole blocks of {@code blockSize} elements in {@code typeSize} bytes.
 * The codes with gaps (4, 5, 31-33, 36-38) were removed from GGUF files upstream.
 */
public enum GgmlType {
    F32(0, 1, 4), F16(1, 1, 2), Q4_0(2, 32, 18), Q4_1(3, 32, 20), Q5_0(6, 32, 22), Q5_1(7, 32, 24),
    Q8_0(8, 32, 34), Q8_1(9, 32, 36), Q2_K(10, 256, 84), Q3_K(11, 256, 110), Q4_K(12, 256, 144),
    Q5_K(13, 256, 176), Q6_K(14, 256, 210), Q8_K(15, 256, 292), IQ2_XXS(16, 256, 66), IQ2_XS(17, 256, 74),
    IQ3_XXS(18, 256, 98), IQ1_S(19, 256, 50), IQ4_NL(20, 32, 18), IQ3_S(21, 256, 110), IQ2_S(22, 256, 82),
    IQ4_XS(23, 256, 136), I8(24, 1, 1), I16(25, 1, 2), I32(26, 1, 4), I64(27, 1, 8), F64(28, 1, 8),
    IQ1_M(29, 256, 56), BF16(30, 1, 2), TQ1_0(34, 256, 54), TQ2_0(35, 256, 66), MXFP4(39, 32, 17),
    NVFP4(40, 64, 36);

    private static final GgmlType[] BY_CODE = new GgmlType[41];

    static {
        for (GgmlType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final int blockSize;
    private final int typeSize;

    GgmlType(int code, int blockSize, int typeSize) {
        this.code = code;
        this.blockSize = blockSize;
        this.typeSize = typeSize;
    }

    public int code() {
        return code;
    }

    /** Elements per block. */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes per block. */
    public int typeSize() {
        return typeSize;
    }

    public boolean isQuantized() {
        return blockSize > 1;
    }

    /** Bytes that {@code elements} elements take; {@code elements} must be a multiple of the block size. */
    public long byteSize(long elements) {
        return Math.multiplyExact(elements / blockSize, (long) typeSize);
    }

    public static Optional<GgmlType> ofCode(long code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[(int) code]) : Optional.empty();
    }

    /** The name of a code that ggml once used and later removed, for a helpful message. */
    static Optional<String> removedName(long code) {
        return Optional.ofNullable(switch ((int) Math.max(-1, Math.min(code, 100))) {
            case 4 -> "Q4_2";
            case 5 -> "Q4_3";
            case 31 -> "Q4_0_4_4";
            case 32 -> "Q4_0_4_8";
            case 33 -> "Q4_0_8_8";
            case 36 -> "IQ4_NL_4_4";
            case 37 -> "IQ4_NL_4_8";
            case 38 -> "IQ4_NL_8_8";
            default -> null;
        });
    }
}
