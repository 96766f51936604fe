package io.thoughtscope.reasoning.spi;

import io.thoughtscope.reasoning.model.Token;

/**
 * The token one sequence produced in a step.
 *
 * @param sequence the sequence it belongs to
 * @param token    id, text (complete UTF-8 characters only; a partial character waits for the
 *                 next token), log-probability under the model (before temperature and biases),
 *                 top-k alternatives, entropy of the model's distribution, time
 * @param endOfGeneration whether the token ends generation (an end-of-generation token)
 */
public record TokenStep(Sequence sequence, Token token, boolean endOfGeneration) {
}
