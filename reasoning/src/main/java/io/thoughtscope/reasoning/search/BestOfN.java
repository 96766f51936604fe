package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.StrategySpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Best-of-N: N samples decoded as one batch, each scored by a verifier (the ground truth rule,
 * the model's own yes/no judgement, or the mean token log-probability); the best score wins,
 * the first on ties; a sample without an answer scores 0. Every candidate keeps its score (reward
 * and score on the node holding its answer).
 */
public final class BestOfN extends Strategy {

    private final int samples;
    private final Verifier verifier;

    BestOfN(StrategySpec spec, StrategyParams params, int samples, Verifier verifier) {
        super(spec, params);
        if (samples < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        this.samples = samples;
        this.verifier = verifier;
    }

    public Verifier verifier() {
        return verifier;
    }

    @Override
    public int sequencesWanted() {
        return samples + 1;
    }

    @Override
    Outcome grow(LiveTree live) {
        List<Lane> lanes = SelfConsistency.sample(live, samples, params().maxTokens());
        List<Node> leaves = new ArrayList<>();
        for (Lane lane : lanes) {
            live.settleAnswer(lane.leaf());
            leaves.add(lane.leaf());
        }
        List<Double> scores = Candidates.score(live, verifier, leaves);
        List<Candidate> candidates = new ArrayList<>();
        Node best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < leaves.size(); i++) {
            Node leaf = leaves.get(i);
            double v = scores.get(i);
            candidates.add(new Candidate(leaf.id(), leaf.answer().orElse(null), v));
            if (v > bestScore) {
                best = leaf;
                bestScore = v;
            }
        }
        if (best != null) {
            live.choose(best);
        }
        return new Outcome(best, null, candidates, List.of());
    }
}
