package io.thoughtscope.reasoning.spi;

/**
 * Asks for the next token of one sequence.
 *
 * @param sequence the sequence to continue
 * @param sampling how to choose the token (temperature, filters, biases, seed)
 * @param topK     how many most likely alternatives to report with the token (0 for none)
 */
public record StepRequest(Sequence sequence, SamplingParams sampling, int topK) {
    public StepRequest {
        if (sequence == null || sampling == null) {
            throw new IllegalArgumentException("a step needs a sequence and sampling parameters");
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must not be negative");
        }
    }
}
