package io.thoughtscope.runtime.template;

/**
 * Bounds that keep a hostile template from hanging the application or exhausting its memory or
 * stack. Real chat templates stay far below every default.
 *
 * @param maxOutputChars     the longest text rendered, and the longest string built on the way
 * @param maxLoopIterations  loop iterations in one render, all loops together; also the longest list
 * @param maxSteps           evaluation steps in one render (every node, every element a filter touches)
 * @param maxCallDepth       macro calls nested in one another
 */
public record TemplateLimits(int maxOutputChars, int maxLoopIterations, long maxSteps, int maxCallDepth) {

    /** About four million characters of prompt, a million iterations, fifty million steps. */
    public static final TemplateLimits DEFAULT = new TemplateLimits(4_000_000, 1_000_000, 50_000_000L, 64);

    public TemplateLimits {
        if (maxOutputChars < 1 || maxLoopIterations < 1 || maxSteps < 1 || maxCallDepth < 1) {
            throw new IllegalArgumentException("every template limit must be positive");
        }
    }

    /** Every string built during a render, added up; generous, since templates build then print. */
    long maxCharsBuilt() {
        return 16L * maxOutputChars;
    }
}
