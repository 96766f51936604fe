package io.thoughtscope.reasoning.model;

import java.util.Optional;

/**
 * A question put to a model, with its ground truth when one is known.
 *
 * @param question    the user's text
 * @param groundTruth the reference answer, or null
 */
public record Problem(String question, String groundTruth) {
    public Problem {
        if (question == null) {
            throw new IllegalArgumentException("question must not be null");
        }
        if (groundTruth != null && groundTruth.isBlank()) {
            groundTruth = null;
        }
    }

    public Optional<String> truth() {
        return Optional.ofNullable(groundTruth);
    }
}
