package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Answer;

import java.util.Optional;

/**
 * A finished path that a verifier scored (best-of-N, the beams' final answers).
 *
 * @param node   the id of the path's last node
 * @param answer its answer, or null when it gave none
 * @param score  the verifier's score in [0, 1]
 */
public record Candidate(int node, Answer answer, double score) {
    public Optional<Answer> answerIfAny() {
        return Optional.ofNullable(answer);
    }
}
