package io.thoughtscope.runtime.llama;

import java.util.Locale;

/** Where llama.cpp computes. */
public enum Backend {
    CPU,
    CUDA,
    VULKAN,
    METAL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code auto} (null), {@code cpu}, {@code cuda}, {@code vulkan}, {@code metal}. */
    public static Backend parse(String s) {
        if (s == null || s.isBlank() || s.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown backend '" + s + "' (use auto, cpu, cuda, vulkan or metal)");
        }
    }
}
