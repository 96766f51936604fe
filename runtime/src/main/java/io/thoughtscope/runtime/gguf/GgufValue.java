package io.thoughtscope.runtime.gguf;

import java.util.Objects;

/**
 * A GGUF metadata value. Integers of every width share {@link IntValue} (unsigned 64-bit values keep their bits in
 * a {@code long}), both float widths share {@link FloatValue}; arrays are {@link GgufArray}.
 */
public sealed interface GgufValue permits GgufValue.IntValue, GgufValue.FloatValue, GgufValue.BoolValue,
        GgufValue.StringValue, GgufArray {

    GgufType type();

    /** An integer of any GGUF width; {@code UINT64} values above {@code Long.MAX_VALUE} are negative here. */
    record IntValue(GgufType type, long value) implements GgufValue {
        public IntValue {
            Objects.requireNonNull(type, "type");
            if (!type.isInteger()) {
                throw new IllegalArgumentException(type + " is not an integer type");
            }
            if (!fits(type, value)) {
                throw new IllegalArgumentException(value + " does not fit in " + type);
            }
        }

        static boolean fits(GgufType type, long value) {
            return switch (type) {
                case UINT8 -> value >= 0 && value <= 0xFF;
                case INT8 -> value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
                case UINT16 -> value >= 0 && value <= 0xFFFF;
                case INT16 -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
                case UINT32 -> value >= 0 && value <= 0xFFFF_FFFFL;
                case INT32 -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
                default -> true;
            };
        }

        @Override
        public String toString() {
            return type == GgufType.UINT64 ? Long.toUnsignedString(value) : Long.toString(value);
        }
    }

    record FloatValue(GgufType type, double value) implements GgufValue {
        public FloatValue {
            Objects.requireNonNull(type, "type");
            if (!type.isFloat()) {
                throw new IllegalArgumentException(type + " is not a float type");
            }
        }

        @Override
        public String toString() {
            return type == GgufType.FLOAT32 ? Float.toString((float) value) : Double.toString(value);
        }
    }

    record BoolValue(boolean value) implements GgufValue {
        @Override
        public GgufType type() {
            return GgufType.BOOL;
        }

        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    record StringValue(String value) implements GgufValue {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public GgufType type() {
            return GgufType.STRING;
        }

        @Override
        public String toString() {
            return value;
        }
    }

    static GgufValue u8(int value) {
        return new IntValue(GgufType.UINT8, value);
    }

    static GgufValue i8(int value) {
        return new IntValue(GgufType.INT8, value);
    }

    static GgufValue u16(int value) {
        return new IntValue(GgufType.UINT16, value);
    }

    static GgufValue i16(int value) {
        return new IntValue(GgufType.INT16, value);
    }

    static GgufValue u32(long value) {
        return new IntValue(GgufType.UINT32, value);
    }

    static GgufValue i32(int value) {
        return new IntValue(GgufType.INT32, value);
    }

    static GgufValue u64(long value) {
        return new IntValue(GgufType.UINT64, value);
    }

    static GgufValue i64(long value) {
        return new IntValue(GgufType.INT64, value);
    }

    static GgufValue f32(float value) {
        return new FloatValue(GgufType.FLOAT32, value);
    }

    static GgufValue f64(double value) {
        return new FloatValue(GgufType.FLOAT64, value);
    }

    static GgufValue bool(boolean value) {
        return new BoolValue(value);
    }

    static GgufValue string(String value) {
        return new StringValue(value);
    }
}
