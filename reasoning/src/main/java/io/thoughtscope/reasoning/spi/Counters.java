package io.thoughtscope.reasoning.spi;

/**
 * Work done by a model.
 *
 * @param promptTokens  tokens evaluated by {@link LanguageModel#prefill}
 * @param decodedTokens tokens evaluated by {@link LanguageModel#step}
 * @param steps         step calls
 * @param prefillNanos  time in prefill
 * @param decodeNanos   time evaluating in steps
 * @param sampleNanos   time sampling and computing token data
 */
public record Counters(long promptTokens, long decodedTokens, long steps, long prefillNanos, long decodeNanos,
                       long sampleNanos) {

    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0);

    /** Prompt tokens per second during prefill. */
    public double promptTokensPerSecond() {
        return prefillNanos == 0 ? 0 : promptTokens * 1e9 / prefillNanos;
    }

    /** Tokens per second during steps, decoding and sampling included. */
    public double decodeTokensPerSecond() {
        long t = decodeNanos + sampleNanos;
        return t == 0 ? 0 : decodedTokens * 1e9 / t;
    }

    public Counters minus(Counters o) {
        return new Counters(promptTokens - o.promptTokens, decodedTokens - o.decodedTokens, steps - o.steps,
                prefillNanos - o.prefillNanos, decodeNanos - o.decodeNanos, sampleNanos - o.sampleNanos);
    }
}
