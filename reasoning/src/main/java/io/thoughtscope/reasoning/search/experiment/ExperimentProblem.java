package io.thoughtscope.reasoning.search.experiment;

import io.thoughtscope.reasoning.model.Problem;

import java.util.Objects;

/**
 * A problem of an experiment with the id that names it in the resume file.
 *
 * @param id      unique within the experiment
 * @param problem the question and its ground truth
 */
public record ExperimentProblem(String id, Problem problem) {
    public ExperimentProblem {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a problem needs an id");
        }
        Objects.requireNonNull(problem, "problem");
    }
}
