package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;

import java.util.ArrayList;
import java.util.List;

/** Scoring of finished paths, shared by the strategies that rank them. */
final class Candidates {

    private Candidates() {
    }

    /**
     * The verifier's scores of finished paths; a path without an answer scores 0 without asking
     * it, since it cannot be right. Each leaf gets the score as its reward and score.
     */
    static List<Double> score(LiveTree live, Verifier verifier, List<Node> leaves) {
        List<Node> answered = new ArrayList<>();
        for (Node leaf : leaves) {
            if (leaf.answer().isPresent()) {
                answered.add(leaf);
            }
        }
        List<Double> answeredScores = answered.isEmpty() ? List.of() : verifier.score(live, answered);
        List<Double> out = new ArrayList<>(leaves.size());
        int j = 0;
        for (Node leaf : leaves) {
            double v = leaf.answer().isPresent() ? answeredScores.get(j++) : 0.0;
            leaf.updateScores(s -> s.withReward(v).withScore(v));
            out.add(v);
        }
        return out;
    }
}
