package io.thoughtscope.runtime.template;

import io.thoughtscope.runtime.template.TemplateException.Kind;

/** Counts what one render spends and stops it at the {@link TemplateLimits}. */
final class RenderBudget {

    /** Lists and dicts nested deeper than this are refused when printed, compared or converted. */
    static final int MAX_VALUE_DEPTH = 200;

    /** Jinja's sandbox refuses ranges longer than this; so do we. */
    static final int MAX_RANGE = 100_000;

    /** Nested evaluation frames (blocks, expressions, macro bodies) before we stop, far below a thread's stack. */
    private static final int MAX_NESTING = 1_000;

    private final TemplateLimits limits;
    private long steps;
    private long iterations;
    private long charsBuilt;
    private int callDepth;
    private int nesting;

    RenderBudget(TemplateLimits limits) {
        this.limits = limits;
    }

    TemplateLimits limits() {
        return limits;
    }

    void step() {
        work(1);
    }

    /** Charges {@code units} of work: one per node evaluated or element a filter touches. */
    void work(long units) {
        steps += units;
        if (steps > limits.maxSteps()) {
            throw limit("the template needed more than " + limits.maxSteps() + " evaluation steps");
        }
    }

    void iteration() {
        if (++iterations > limits.maxLoopIterations()) {
            throw limit("the template's loops ran more than " + limits.maxLoopIterations() + " iterations");
        }
    }

    /** Checks a string about to be built and charges its length. */
    void charString(long length) {
        if (length > limits.maxOutputChars()) {
            throw limit("the template built a string longer than " + limits.maxOutputChars() + " characters");
        }
        charsBuilt += length;
        if (charsBuilt > limits.maxCharsBuilt()) {
            throw limit("the template built more than " + limits.maxCharsBuilt() + " characters of text");
        }
    }

    /** Checks a list about to be built and charges its size as work. */
    void chargeList(long size) {
        if (size > limits.maxLoopIterations()) {
            throw limit("the template built a list longer than " + limits.maxLoopIterations() + " items");
        }
        work(size);
    }

    /** Always pair with {@link #exitCall()} in a finally block, also when this throws. */
    void enterCall() {
        if (++callDepth > limits.maxCallDepth()) {
            throw limit("macro calls nested more than " + limits.maxCallDepth() + " deep");
        }
    }

    void exitCall() {
        callDepth--;
    }

    /** Always pair with {@link #exit()} in a finally block, also when this throws. */
    void enter() {
        if (++nesting > MAX_NESTING) {
            throw limit("the template nests more than " + MAX_NESTING + " levels deep while rendering");
        }
    }

    void exit() {
        nesting--;
    }

    static void checkValueDepth(int depth) {
        if (depth > MAX_VALUE_DEPTH) {
            throw limit("a value nests lists or dicts more than " + MAX_VALUE_DEPTH + " deep");
        }
    }

    static EvalError limit(String message) {
        return new EvalError(Kind.LIMIT, message);
    }
}
