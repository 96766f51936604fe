package io.thoughtscope.runtime.gguf;

import java.nio.charset.StandardCharsets;

/**
 * SplitMix64: a tiny, fast generator whose output is fixed by its definition, so random models are the same
 * bytes on every JDK (java.util.Random's algorithms are not promised to stay the same).
 */
final class SplitMix {
    private long state;

    SplitMix(long seed) {
        this.state = seed;
    }

    /** A seed for one named part (a tensor) of something seeded with {@code seed}: independent of write order. */
    static long derive(long seed, String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return mix(seed ^ mix(hash));
    }

    long nextLong() {
        return mix(state += 0x9e3779b97f4a7c15L);
    }

    /** Uniform in [0, 1). */
    float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
