package io.thoughtscope.reasoning.model;

import java.util.List;

/**
 * A produced token. Unknown numbers are NaN (log-probability, entropy) or -1 (id, time), so a
 * trace imported without token data and one generated live share one type.
 *
 * @param id           vocabulary id, -1 when unknown (remote servers report text only)
 * @param text         the token's text piece; pieces concatenate to the generated text
 * @param logprob      natural-log probability of the chosen token, NaN when unknown
 * @param alternatives the top-k alternatives with their log-probabilities, most likely first
 * @param entropy      entropy of the next-token distribution in nats, NaN when unknown
 * @param timeNanos    time since the start of the run when the token was produced, -1 when unknown
 */
public record Token(int id, String text, double logprob, List<TopToken> alternatives, double entropy,
                    long timeNanos) {

    public Token {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** A token known by its text only. */
    public static Token ofText(String text) {
        return new Token(-1, text, Double.NaN, List.of(), Double.NaN, -1);
    }

    public boolean hasLogprob() {
        return !Double.isNaN(logprob);
    }

    public boolean hasEntropy() {
        return !Double.isNaN(entropy);
    }

    public double probability() {
        return Math.exp(logprob);
    }

    /**
     * Entropy estimated from the top-k alternatives when the full distribution is unknown: the
     * listed probabilities plus one bucket for the remaining mass. It is a lower bound of the
     * true entropy and the usual estimate for API logprobs.
     */
    public static double entropyFromTopK(List<TopToken> alternatives) {
        if (alternatives == null || alternatives.isEmpty()) {
            return Double.NaN;
        }
        double h = 0;
        double mass = 0;
        for (TopToken t : alternatives) {
            double p = Math.exp(t.logprob());
            if (p > 0) {
                h -= p * Math.log(p);
                mass += p;
            }
        }
        double rest = 1.0 - mass;
        if (rest > 1e-9) {
            h -= rest * Math.log(rest);
        }
        return h;
    }
}
