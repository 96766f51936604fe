package io.thoughtscope.runtime.sampling;

import io.thoughtscope.reasoning.spi.SamplingParams;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses the next token from logits in Java: repetition penalty, logit bias, then greedy, or
 * temperature with top-k, top-p and min-p. Reproducible: the random draw depends only on the seed
 * and the position in the sequence, so a forked branch samples exactly as an unforked one would,
 * whatever else is in the batch.
 */
public final class Sampler {

    /** Below this many candidates top-p works on a partial sort; a flat distribution falls back to a full one. */
    private static final int TOP_P_WINDOW = 1024;

    private Sampler() {
    }

    /**
     * @param logits   the raw logits; modified in place (pass a scratch copy)
     * @param n        vocabulary size (entries of {@code logits} to use)
     * @param p        sampling parameters
     * @param history  the sequence's tokens so far (for the repetition penalty)
     * @param length   how many entries of {@code history} are valid
     * @return the chosen token
     */
    public static int sample(float[] logits, int n, SamplingParams p, int[] history, int length) {
        applyPenalty(logits, n, p, history, length);
        for (Map.Entry<Integer, Float> e : p.logitBias().entrySet()) {
            int t = e.getKey();
            if (t >= 0 && t < n) {
                logits[t] += e.getValue();
            }
        }
        if (p.isGreedy()) {
            return argmax(logits, n);
        }
        float inv = (float) (1.0 / p.temperature());
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            logits[i] *= inv;
            if (logits[i] > max) {
                max = logits[i];
            }
        }
        if (max == Float.NEGATIVE_INFINITY) {
            throw new IllegalStateException("every token is suppressed: nothing can be sampled");
        }
        double u = random(p.seed(), length);

        int[] candidates;
        if (p.topK() > 0) {
            candidates = TopK.select(logits, n, Math.min(p.topK(), n));
        } else if (p.topP() < 1 || p.minP() > 0) {
            candidates = TopK.select(logits, n, Math.min(n, TOP_P_WINDOW));
        } else {
            return drawFromAll(logits, n, max, u);
        }

        double total = 0;
        for (int i = 0; i < n; i++) {
            total += FastMath.exp(logits[i] - max);
        }
        int kept = keep(logits, candidates, max, total, p);
        if (kept == candidates.length && candidates.length < n && p.topK() == 0 && p.topP() < 1) {
            // top-p not reached inside the window: the distribution is flat, sort it all
            candidates = TopK.select(logits, n, n);
            kept = keep(logits, candidates, max, total, p);
        }
        double mass = 0;
        for (int i = 0; i < kept; i++) {
            mass += FastMath.exp(logits[candidates[i]] - max);
        }
        double target = u * mass;
        double acc = 0;
        for (int i = 0; i < kept; i++) {
            acc += FastMath.exp(logits[candidates[i]] - max);
            if (acc > target) {
                return candidates[i];
            }
        }
        return candidates[kept - 1];
    }

    /** How many of the sorted candidates survive top-p and min-p (at least one). */
    private static int keep(float[] logits, int[] sorted, float max, double total, SamplingParams p) {
        double minRatio = p.minP();
        double cumulative = 0;
        int kept = 0;
        for (int c : sorted) {
            double e = FastMath.exp(logits[c] - max);
            if (kept > 0 && minRatio > 0 && e < minRatio) {
                break; // p / p_max = e since the top candidate has e = 1
            }
            kept++;
            cumulative += e / total;
            if (p.topP() < 1 && cumulative >= p.topP()) {
                break;
            }
        }
        return Math.max(1, kept);
    }

    private static int drawFromAll(float[] logits, int n, float max, double u) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += FastMath.exp(logits[i] - max);
        }
        double target = u * total;
        double acc = 0;
        int last = 0;
        for (int i = 0; i < n; i++) {
            double e = FastMath.exp(logits[i] - max);
            if (e > 0) {
                acc += e;
                last = i;
                if (acc > target) {
                    return i;
                }
            }
        }
        return last;
    }

    static void applyPenalty(float[] logits, int n, SamplingParams p, int[] history, int length) {
        if (p.repetitionPenalty() == 1 || length == 0) {
            return;
        }
        int from = Math.max(0, length - p.repetitionWindow());
        java.util.BitSet seen = new java.util.BitSet();
        float penalty = (float) p.repetitionPenalty();
        for (int i = from; i < length; i++) {
            int t = history[i];
            if (t >= 0 && t < n && !seen.get(t)) {
                seen.set(t);
                logits[t] = logits[t] > 0 ? logits[t] / penalty : logits[t] * penalty;
            }
        }
    }

    static int argmax(float[] logits, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /** A uniform number in [0, 1) that depends only on the seed and the position. */
    static double random(long seed, int position) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + position).nextDouble();
    }
}
