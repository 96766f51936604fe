package io.thoughtscope.reasoning.spi;

/**
 * What an engine can do, so that strategies needing more say so instead of silently doing less.
 *
 * @param logitBias      per-token logit bias and suppression per sequence
 * @param maxTopK        the most alternatives a step can report
 * @param entropy        whether the entropy is computed from the full distribution (else estimated from top-k)
 * @param sharedPrefixes forks share their prefix without recomputing it
 * @param maxSequences   how many sequences can live at once
 */
public record Capabilities(boolean logitBias, int maxTopK, boolean entropy, boolean sharedPrefixes, int maxSequences) {
}
