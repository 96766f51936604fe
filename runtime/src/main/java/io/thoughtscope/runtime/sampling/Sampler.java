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

        if (p.topK() > 0) {
            // few candidates: sort them and apply min-p and top-p in order
            int[] candidates = TopK.select(logits, n, Math.min(p.topK(), n));
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += FastMath.exp(logits[i] - max);
            }
            int kept = keep(logits, candidates, max, total, p);
            return drawFrom(logits, candidates, kept, max, u);
        }
        if (p.topP() < 1 || p.minP() > 0) {
            return drawNucleus(logits, n, max, p, u);
        }
        return drawFromAll(logits, n, max, u);
    }

    private static int drawFrom(float[] logits, int[] candidates, int kept, float max, double u) {
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

    private static final int BUCKETS = 4096;

    /**
     * Top-p (and min-p) over the whole vocabulary in linear time, whatever the distribution's
     * shape: tokens are bucketed by logit, buckets are taken from the top until their mass reaches
     * top-p, and only the last bucket is sorted. A flat distribution (a random-weight model) costs
     * the same as a peaked one.
     */
    private static int drawNucleus(float[] logits, int n, float max, SamplingParams p, double u) {
        // min-p is a logit threshold: p / p_max >= minP  <=>  logit >= max + ln(minP)
        float floor = p.minP() > 0 ? (float) (max + Math.log(p.minP())) : Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        double total = 0;
        for (int i = 0; i < n; i++) {
            float l = logits[i];
            if (l >= floor && l > Float.NEGATIVE_INFINITY) {
                if (l < min) {
                    min = l;
                }
                total += FastMath.exp(l - max);
            }
        }
        double width = (max - min) / BUCKETS;
        double[] mass = new double[BUCKETS];
        int[] count = new int[BUCKETS];
        for (int i = 0; i < n; i++) {
            float l = logits[i];
            if (l >= floor && l > Float.NEGATIVE_INFINITY) {
                int b = bucket(l, max, width);
                mass[b] += FastMath.exp(l - max);
                count[b]++;
            }
        }
        double target = p.topP() < 1 ? p.topP() * total : total;
        int boundary = BUCKETS - 1;
        double above = 0; // mass of the buckets above the boundary
        for (int b = 0; b < BUCKETS; b++) {
            if (above + mass[b] >= target) {
                boundary = b;
                break;
            }
            above += mass[b];
        }
        // the boundary bucket, sorted, contributes its best tokens until the target is reached
        int[] edge = new int[count[boundary]];
        int e = 0;
        for (int i = 0; i < n; i++) {
            float l = logits[i];
            if (l >= floor && l > Float.NEGATIVE_INFINITY && bucket(l, max, width) == boundary) {
                edge[e++] = i;
            }
        }
        int[] edgeSorted = TopK.select(logits, edge, e);
        int edgeKept = 0;
        double acc = above;
        while (edgeKept < edgeSorted.length && (edgeKept == 0 || acc < target)) {
            acc += FastMath.exp(logits[edgeSorted[edgeKept]] - max);
            edgeKept++;
        }
        // draw: first over the buckets above the boundary, then over the kept edge tokens
        double draw = u * acc;
        double run = 0;
        int last = edgeSorted.length > 0 ? edgeSorted[0] : argmax(logits, n);
        for (int i = 0; i < n; i++) {
            float l = logits[i];
            if (l >= floor && l > Float.NEGATIVE_INFINITY && bucket(l, max, width) < boundary) {
                run += FastMath.exp(l - max);
                last = i;
                if (run > draw) {
                    return i;
                }
            }
        }
        for (int k = 0; k < edgeKept; k++) {
            run += FastMath.exp(logits[edgeSorted[k]] - max);
            last = edgeSorted[k];
            if (run > draw) {
                return edgeSorted[k];
            }
        }
        return last;
    }

    private static int bucket(float logit, float max, double width) {
        if (width <= 0) {
            return 0;
        }
        int b = (int) ((max - logit) / width);
        return Math.min(BUCKETS - 1, Math.max(0, b));
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
