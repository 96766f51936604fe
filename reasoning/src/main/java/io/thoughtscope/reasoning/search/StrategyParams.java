package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.spi.SamplingParams;

import java.util.Map;

/**
 * The parameters every strategy shares: how the prompt is written and how tokens are sampled.
 *
 * @param prompt      the prompt preset
 * @param thinking    ask the chat template for thinking (where it has a switch for it)
 * @param maxTokens   the most tokens one path from the prompt to an answer may hold
 * @param temperature sampling temperature (0 = greedy)
 * @param topP        nucleus sampling (1 = off)
 * @param topK        keep the k most likely tokens (0 = off)
 * @param minP        min-p filter (0 = off)
 * @param repetitionPenalty penalty on tokens of the last 64 (1 = off)
 */
public record StrategyParams(PromptPreset prompt, boolean thinking, int maxTokens, double temperature, double topP,
                             int topK, double minP, double repetitionPenalty) {

    private static final int REPETITION_WINDOW = 64;

    public StrategyParams {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max-tokens must be at least 1");
        }
        // the sampling record checks the rest
        new SamplingParams(temperature, topK, topP, minP, repetitionPenalty, REPETITION_WINDOW, 0, Map.of());
    }

    public static StrategyParams defaults() {
        return new StrategyParams(PromptPreset.STEP_BY_STEP, true, 4096, 0.6, 0.95, 0, 0, 1);
    }

    /** Sampling with this run's seed; lanes derive their own seeds from it. */
    public SamplingParams sampling(long seed) {
        return new SamplingParams(temperature, topK, topP, minP, repetitionPenalty, REPETITION_WINDOW, seed, Map.of());
    }
}
