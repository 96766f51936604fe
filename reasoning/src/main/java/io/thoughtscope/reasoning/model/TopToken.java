package io.thoughtscope.reasoning.model;

/** One of the most likely alternatives at a token position. {@code id} is -1 when unknown. */
public record TopToken(int id, String text, double logprob) {
    public TopToken {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
    }

    public double probability() {
        return Math.exp(logprob);
    }
}
