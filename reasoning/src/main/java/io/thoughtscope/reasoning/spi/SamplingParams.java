package io.thoughtscope.reasoning.spi;

import java.util.Map;

/**
 * How to choose a token from the model's distribution. Filters apply in the order repetition
 * penalty, logit bias, temperature, top-k, top-p, min-p; a temperature of 0 means greedy.
 *
 * @param temperature       0 for greedy, else the softmax temperature
 * @param topK              keep the k most likely tokens (0 = off)
 * @param topP              keep the smallest set with this much probability (1 = off)
 * @param minP              drop tokens below minP times the top probability (0 = off)
 * @param repetitionPenalty divides positive logits (multiplies negative ones) of tokens seen in
 *                          the last {@code repetitionWindow} tokens (1 = off)
 * @param repetitionWindow  how many recent tokens the penalty looks at
 * @param seed              the sampler's seed; equal seeds give equal samples
 * @param logitBias         per-token additions to the logits; negative infinity suppresses a token
 */
public record SamplingParams(double temperature, int topK, double topP, double minP, double repetitionPenalty,
                             int repetitionWindow, long seed, Map<Integer, Float> logitBias) {

    public SamplingParams {
        if (temperature < 0 || Double.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be 0 or more");
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be 0 or more");
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1]");
        }
        if (minP < 0 || minP >= 1) {
            throw new IllegalArgumentException("minP must be in [0, 1)");
        }
        if (!(repetitionPenalty > 0)) {
            throw new IllegalArgumentException("repetitionPenalty must be positive");
        }
        logitBias = logitBias == null ? Map.of() : Map.copyOf(logitBias);
    }

    public static SamplingParams greedy() {
        return new SamplingParams(0, 0, 1, 0, 1, 64, 0, Map.of());
    }

    /** The usual settings for reasoning models (temperature 0.6, top-p 0.95). */
    public static SamplingParams defaults(long seed) {
        return new SamplingParams(0.6, 0, 0.95, 0, 1, 64, seed, Map.of());
    }

    public boolean isGreedy() {
        return temperature == 0;
    }

    public SamplingParams withSeed(long s) {
        return new SamplingParams(temperature, topK, topP, minP, repetitionPenalty, repetitionWindow, s, logitBias);
    }

    public SamplingParams withTemperature(double t) {
        return new SamplingParams(t, topK, topP, minP, repetitionPenalty, repetitionWindow, seed, logitBias);
    }

    public SamplingParams withLogitBias(Map<Integer, Float> bias) {
        return new SamplingParams(temperature, topK, topP, minP, repetitionPenalty, repetitionWindow, seed, bias);
    }
}
