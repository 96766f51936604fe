package io.thoughtscope.runtime.sampling;

import io.thoughtscope.reasoning.model.TopToken;

import java.util.ArrayList;
import java.util.List;

/**
 * The model's next-token distribution from raw logits (temperature 1, before any bias), computed
 * in one pass: the log-partition, the entropy, and the top-k tokens.
 */
public final class Distribution {

    private final float[] logits;
    private final int n;
    private final float max;
    private final int argmax;
    private final double logZ;     // log of the sum of exp(logit - max)
    private final double entropy;

    /** @param logits the logits; only the first {@code n} entries are read, and the array is not kept beyond use */
    public Distribution(float[] logits, int n) {
        this.logits = logits;
        this.n = n;
        float m = Float.NEGATIVE_INFINITY;
        int best = 0;
        for (int i = 0; i < n; i++) {
            if (logits[i] > m) {
                m = logits[i];
                best = i;
            }
        }
        max = m;
        argmax = best;
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            double d = logits[i] - m;
            double e = FastMath.exp(d);
            sum += e;
            weighted += e * d;
        }
        logZ = Math.log(sum);
        // H = -sum p log p with p = e/S and log p = d - log S
        entropy = logZ - weighted / sum;
    }

    /** Natural-log probability of a token. */
    public double logprob(int token) {
        return logits[token] - max - logZ;
    }

    /** Entropy in nats. */
    public double entropy() {
        return entropy;
    }

    /** The index of the largest logit (the greedy choice), lowest index on ties. */
    public int argmax() {
        return argmax;
    }

    /** The k most likely tokens, most likely first, with log-probabilities; texts filled by {@code text}. */
    public List<TopToken> top(int k, java.util.function.IntFunction<String> text) {
        if (k <= 0) {
            return List.of();
        }
        int[] idx = TopK.select(logits, n, Math.min(k, n));
        List<TopToken> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(new TopToken(i, text.apply(i), logprob(i)));
        }
        return out;
    }
}
