package io.thoughtscope.runtime.sampling;

import io.thoughtscope.reasoning.spi.SamplingParams;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SamplerTest {

    private static float[] logits(double... v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static SamplingParams temp(double t, int topK, double topP, double minP, long seed) {
        return new SamplingParams(t, topK, topP, minP, 1, 64, seed, Map.of());
    }

    @Test
    void greedyTakesTheLargestLogitAndTheLowestIndexOnTies() {
        assertThat(Sampler.sample(logits(0.1, 2.0, 1.9, 2.0), 4, SamplingParams.greedy(), new int[0], 0)).isEqualTo(1);
    }

    @Test
    void samplingIsReproducibleForASeedAndPositionAndFollowsTheDistribution() {
        float[] base = logits(Math.log(0.5), Math.log(0.3), Math.log(0.2));
        int[] counts = new int[3];
        int n = 30000;
        for (int i = 0; i < n; i++) {
            int a = Sampler.sample(base.clone(), 3, temp(1, 0, 1, 0, 7), new int[i], i);
            int b = Sampler.sample(base.clone(), 3, temp(1, 0, 1, 0, 7), new int[i], i);
            assertThat(a).isEqualTo(b);
            counts[a]++;
        }
        assertThat(counts[0] / (double) n).isCloseTo(0.5, within(0.02));
        assertThat(counts[1] / (double) n).isCloseTo(0.3, within(0.02));
        assertThat(counts[2] / (double) n).isCloseTo(0.2, within(0.02));
    }

    @Test
    void differentSeedsGiveDifferentStreams() {
        float[] base = logits(0, 0, 0, 0, 0, 0, 0, 0);
        int same = 0;
        for (int i = 0; i < 200; i++) {
            if (Sampler.sample(base.clone(), 8, temp(1, 0, 1, 0, 1), new int[i], i)
                    == Sampler.sample(base.clone(), 8, temp(1, 0, 1, 0, 2), new int[i], i)) {
                same++;
            }
        }
        assertThat(same).isLessThan(60); // about 1 in 8 by chance
    }

    @Test
    void topKTopPAndMinPRestrictTheCandidates() {
        float[] base = logits(Math.log(0.4), Math.log(0.3), Math.log(0.2), Math.log(0.1));
        for (int i = 0; i < 2000; i++) {
            assertThat(Sampler.sample(base.clone(), 4, temp(1, 2, 1, 0, 3), new int[i], i)).isIn(0, 1);
            // top-p 0.65: 0.4 + 0.3 reaches it, so tokens 0 and 1 only
            assertThat(Sampler.sample(base.clone(), 4, temp(1, 0, 0.65, 0, 3), new int[i], i)).isIn(0, 1);
            // min-p 0.6: keep p >= 0.24, so tokens 0 and 1
            assertThat(Sampler.sample(base.clone(), 4, temp(1, 0, 1, 0.6, 3), new int[i], i)).isIn(0, 1);
        }
    }

    @Test
    void topPOnAFlatDistributionLooksBeyondThePartialSort() {
        int n = 5000;
        float[] flat = new float[n];
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 1500; i++) {
            seen.add(Sampler.sample(flat.clone(), n, temp(1, 0, 0.9, 0, 11), new int[0], i));
        }
        // 90% of a flat 5,000-token distribution is about 4,500 tokens (ties go to lower ids):
        // far more than the 1,024-token partial sort
        assertThat(seen.size()).isGreaterThan(1000);
        assertThat(seen.stream().mapToInt(Integer::intValue).max().orElse(0)).isBetween(1024, 4510);
    }

    @Test
    void lowTemperatureSharpensAndLogitBiasSuppresses() {
        float[] base = logits(1.0, 0.5);
        int first = 0;
        for (int i = 0; i < 1000; i++) {
            if (Sampler.sample(base.clone(), 2, temp(0.05, 0, 1, 0, 5), new int[i], i) == 0) {
                first++;
            }
        }
        assertThat(first).isGreaterThan(990);
        Map<Integer, Float> bias = new HashMap<>();
        bias.put(0, Float.NEGATIVE_INFINITY);
        SamplingParams suppressed = temp(1, 0, 1, 0, 5).withLogitBias(bias);
        for (int i = 0; i < 200; i++) {
            assertThat(Sampler.sample(base.clone(), 2, suppressed, new int[i], i)).isEqualTo(1);
        }
        assertThat(Sampler.sample(base.clone(), 2, SamplingParams.greedy().withLogitBias(bias), new int[0], 0)).isEqualTo(1);
        Map<Integer, Float> all = Map.of(0, Float.NEGATIVE_INFINITY, 1, Float.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Sampler.sample(base.clone(), 2, temp(1, 0, 1, 0, 1).withLogitBias(all), new int[0], 0))
                .hasMessageContaining("suppressed");
    }

    @Test
    void repetitionPenaltyLowersRecentTokens() {
        SamplingParams p = new SamplingParams(0, 0, 1, 0, 2.0, 64, 0, Map.of());
        // token 0 leads but was just used; with penalty 2 its logit 1.0 becomes 0.5 < 0.8
        assertThat(Sampler.sample(logits(1.0, 0.8), 2, p, new int[] {0}, 1)).isEqualTo(1);
        assertThat(Sampler.sample(logits(1.0, 0.8), 2, SamplingParams.greedy(), new int[] {0}, 1)).isEqualTo(0);
        // negative logits are multiplied, so they also go down
        assertThat(Sampler.sample(logits(-0.1, -0.15), 2, p, new int[] {0}, 1)).isEqualTo(1);
    }

    @Test
    void distributionGivesLogprobsEntropyAndTopK() {
        float[] l = logits(Math.log(0.5), Math.log(0.25), Math.log(0.25));
        Distribution d = new Distribution(l, 3);
        assertThat(d.logprob(0)).isCloseTo(Math.log(0.5), within(1e-6));
        assertThat(d.entropy()).isCloseTo(-(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25)), within(1e-6));
        assertThat(d.argmax()).isZero();
        var top = d.top(2, i -> "t" + i);
        assertThat(top).extracting(t -> t.id()).containsExactly(0, 1);
        assertThat(top.getFirst().text()).isEqualTo("t0");
        assertThat(d.top(0, i -> "")).isEmpty();
        // a uniform distribution over 1,000 has entropy log(1000)
        assertThat(new Distribution(new float[1000], 1000).entropy()).isCloseTo(Math.log(1000), within(1e-6));
    }

    @Test
    void fastExpIsAccurate() {
        for (double x = -50; x <= 0; x += 0.0137) {
            assertThat(FastMath.exp(x)).isCloseTo(Math.exp(x), within(Math.exp(x) * 1e-7 + 1e-300));
        }
        assertThat(FastMath.exp(-1000)).isZero();
    }

    @Test
    void topKSelectionMatchesAFullSort() {
        java.util.Random r = new java.util.Random(3);
        float[] v = new float[777];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        int[] top = TopK.select(v, v.length, 10);
        List<Integer> sorted = java.util.stream.IntStream.range(0, v.length).boxed()
                .sorted((a, b) -> Float.compare(v[b], v[a])).limit(10).toList();
        assertThat(java.util.Arrays.stream(top).boxed().toList()).containsExactlyElementsOf(sorted);
    }
}
