package io.thoughtscope.runtime.gguf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A GGUF array, kept in its compact file form: fixed-size elements as their little-endian bytes, strings as one
 * UTF-8 byte block with start indexes. A vocabulary of 150k tokens stays two arrays instead of 150k objects, and
 * elements are decoded only when asked for. Arrays of arrays hold their children. Immutable.
 */
public final class GgufArray implements GgufValue {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final GgufType elementType;
    private final int size;
    /** Fixed-size elements: size * fixedSize bytes. Strings: the concatenated UTF-8 bytes. */
    private final byte[] data;
    /** Strings only: element i is data[starts[i], starts[i + 1]). */
    private final int[] starts;
    /** Arrays of arrays only. */
    private final List<GgufArray> children;

    private GgufArray(GgufType elementType, int size, byte[] data, int[] starts, List<GgufArray> children) {
        this.elementType = elementType;
        this.size = size;
        this.data = data;
        this.starts = starts;
        this.children = children;
    }

    static GgufArray ofFixedBytes(GgufType elementType, int size, byte[] littleEndian) {
        if (elementType.fixedSize() == 0 || (long) size * elementType.fixedSize() != littleEndian.length) {
            throw new IllegalArgumentException("bad fixed array of " + size + " " + elementType);
        }
        return new GgufArray(elementType, size, littleEndian, null, null);
    }

    static GgufArray ofStringBytes(byte[] utf8, int[] starts) {
        return new GgufArray(GgufType.STRING, starts.length - 1, utf8, starts, null);
    }

    public static GgufArray ofArrays(List<GgufArray> arrays) {
        return new GgufArray(GgufType.ARRAY, arrays.size(), null, null, List.copyOf(arrays));
    }

    public static GgufArray ofStrings(List<String> values) {
        int[] starts = new int[values.size() + 1];
        byte[][] encoded = new byte[values.size()][];
        long total = 0;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
            total += encoded[i].length;
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("string array of " + total + " bytes is too large");
        }
        byte[] data = new byte[(int) total];
        int at = 0;
        for (int i = 0; i < encoded.length; i++) {
            starts[i] = at;
            System.arraycopy(encoded[i], 0, data, at, encoded[i].length);
            at += encoded[i].length;
        }
        starts[encoded.length] = at;
        return ofStringBytes(data, starts);
    }

    /** An array of any integer type; each value must fit the type. */
    public static GgufArray ofIntegers(GgufType elementType, long... values) {
        if (!elementType.isInteger()) {
            throw new IllegalArgumentException(elementType + " is not an integer type");
        }
        int width = elementType.fixedSize();
        byte[] data = new byte[values.length * width];
        for (int i = 0; i < values.length; i++) {
            if (!IntValue.fits(elementType, values[i])) {
                throw new IllegalArgumentException(values[i] + " does not fit in " + elementType);
            }
            put(data, i * width, width, values[i]);
        }
        return ofFixedBytes(elementType, values.length, data);
    }

    public static GgufArray ofInt32(int... values) {
        byte[] data = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            INT.set(data, i * 4, values[i]);
        }
        return ofFixedBytes(GgufType.INT32, values.length, data);
    }

    public static GgufArray ofFloat32(float... values) {
        byte[] data = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            INT.set(data, i * 4, Float.floatToRawIntBits(values[i]));
        }
        return ofFixedBytes(GgufType.FLOAT32, values.length, data);
    }

    public static GgufArray ofFloat64(double... values) {
        byte[] data = new byte[values.length * 8];
        for (int i = 0; i < values.length; i++) {
            LONG.set(data, i * 8, Double.doubleToRawLongBits(values[i]));
        }
        return ofFixedBytes(GgufType.FLOAT64, values.length, data);
    }

    public static GgufArray ofBools(boolean... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) (values[i] ? 1 : 0);
        }
        return ofFixedBytes(GgufType.BOOL, values.length, data);
    }

    private static void put(byte[] data, int at, int width, long value) {
        switch (width) {
            case 1 -> data[at] = (byte) value;
            case 2 -> SHORT.set(data, at, (short) value);
            case 4 -> INT.set(data, at, (int) value);
            default -> LONG.set(data, at, value);
        }
    }

    @Override
    public GgufType type() {
        return GgufType.ARRAY;
    }

    public GgufType elementType() {
        return elementType;
    }

    public int size() {
        return size;
    }

    /** Element {@code i} of an integer array; unsigned types are zero-extended, UINT64 keeps its bits. */
    public long longAt(int i) {
        Objects.checkIndex(i, size);
        int at = i * elementType.fixedSize();
        return switch (elementType) {
            case UINT8 -> data[at] & 0xFFL;
            case INT8 -> data[at];
            case UINT16 -> (short) SHORT.get(data, at) & 0xFFFFL;
            case INT16 -> (short) SHORT.get(data, at);
            case UINT32 -> (int) INT.get(data, at) & 0xFFFF_FFFFL;
            case INT32 -> (int) INT.get(data, at);
            case UINT64, INT64 -> (long) LONG.get(data, at);
            default -> throw new IllegalStateException("an array of " + elementType + " holds no integers");
        };
    }

    /** Element {@code i} of a float or integer array as a double. */
    public double doubleAt(int i) {
        Objects.checkIndex(i, size);
        return switch (elementType) {
            case FLOAT32 -> Float.intBitsToFloat((int) INT.get(data, i * 4));
            case FLOAT64 -> Double.longBitsToDouble((long) LONG.get(data, i * 8));
            default -> longAt(i);
        };
    }

    public boolean booleanAt(int i) {
        Objects.checkIndex(i, size);
        if (elementType != GgufType.BOOL) {
            throw new IllegalStateException("an array of " + elementType + " holds no booleans");
        }
        return data[i] != 0;
    }

    public String stringAt(int i) {
        Objects.checkIndex(i, size);
        if (elementType != GgufType.STRING) {
            throw new IllegalStateException("an array of " + elementType + " holds no strings");
        }
        return new String(data, starts[i], starts[i + 1] - starts[i], StandardCharsets.UTF_8);
    }

    public GgufArray arrayAt(int i) {
        Objects.checkIndex(i, size);
        if (elementType != GgufType.ARRAY) {
            throw new IllegalStateException("an array of " + elementType + " holds no arrays");
        }
        return children.get(i);
    }

    /** Element {@code i} as a value of its own. */
    public GgufValue get(int i) {
        return switch (elementType) {
            case STRING -> new StringValue(stringAt(i));
            case ARRAY -> arrayAt(i);
            case BOOL -> new BoolValue(booleanAt(i));
            case FLOAT32, FLOAT64 -> new FloatValue(elementType, doubleAt(i));
            default -> new IntValue(elementType, longAt(i));
        };
    }

    /** The strings of a string array, decoded one by one as they are read. */
    public List<String> strings() {
        if (elementType != GgufType.STRING) {
            throw new IllegalStateException("an array of " + elementType + " holds no strings");
        }
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return stringAt(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** True when any element, at any depth, is itself an array. */
    public boolean isNested() {
        return elementType == GgufType.ARRAY;
    }

    /** Nesting depth: 1 for a flat array. */
    public int depth() {
        return children == null ? 1 : 1 + children.stream().mapToInt(GgufArray::depth).max().orElse(0);
    }

    byte[] rawData() {
        return data;
    }

    int[] rawStarts() {
        return starts;
    }

    List<GgufArray> rawChildren() {
        return children;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GgufArray that && elementType == that.elementType && size == that.size
                && Arrays.equals(data, that.data) && Arrays.equals(starts, that.starts)
                && Objects.equals(children, that.children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(elementType, size, Arrays.hashCode(data), Arrays.hashCode(starts), children);
    }

    @Override
    public String toString() {
        return "[" + size + " x " + elementType + "]";
    }
}
