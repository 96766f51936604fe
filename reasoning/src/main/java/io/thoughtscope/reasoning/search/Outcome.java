package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;

import java.util.List;

/** What a strategy decided; the run around it adds the costs. */
record Outcome(Node chosen, VoteTally votes, List<Candidate> candidates, List<MctsIteration> iterations) {

    static final Outcome NONE = new Outcome(null, null, List.of(), List.of());

    static Outcome chose(Node chosen) {
        return new Outcome(chosen, null, List.of(), List.of());
    }
}
