package io.thoughtscope.reasoning.search;

/**
 * What a run cost in tokens.
 *
 * @param prompt    the prompt's tokens
 * @param generated tokens the model sampled (every branch; dropped and end tokens included):
 *                  the test-time compute of the accuracy-versus-compute curve
 * @param evaluated tokens the model evaluated (prompt and steps, from its counters): what
 *                  prefix sharing saves shows here
 * @param unique    tokens of the tree, the prompt once plus every node's: a perfect prefix cache
 *                  evaluates each once
 */
public record TokenUsage(int prompt, long generated, long evaluated, long unique) {
}
