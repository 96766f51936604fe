package io.thoughtscope.runtime.gguf;

import java.util.Objects;

/** Where a tensor's values come from when a {@link GgufWriter} writes it. */
public sealed interface TensorData {

    /** Given values, converted or quantized to the tensor's type (F32, F16, BF16, Q8_0, Q4_0). */
    record Floats(float[] values) implements TensorData {
        public Floats {
            Objects.requireNonNull(values, "values");
        }
    }

    /** Every element the same value, e.g. 1 for the weights of a norm (F32, F16, BF16, Q8_0, Q4_0). */
    record Constant(float value) implements TensorData {
    }

    /**
     * Random values with about the given standard deviation, reproducible from the seed. Quantized types get
     * random valid blocks written directly, without any float array (F32, F16, BF16, Q8_0, Q4_0, Q6_K).
     */
    record Random(long seed, float deviation) implements TensorData {
        public Random {
            if (!(deviation >= 0) || Float.isInfinite(deviation)) {
                throw new IllegalArgumentException("deviation must be finite and non-negative: " + deviation);
            }
        }
    }

    /** Bytes already in the tensor type's encoding; their count must be the tensor's byte size. */
    record Encoded(byte[] bytes) implements TensorData {
        public Encoded {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    static TensorData floats(float... values) {
        return new Floats(values);
    }

    static TensorData constant(float value) {
        return new Constant(value);
    }

    static TensorData random(long seed, float deviation) {
        return new Random(seed, deviation);
    }

    static TensorData encoded(byte[] bytes) {
        return new Encoded(bytes);
    }
}
