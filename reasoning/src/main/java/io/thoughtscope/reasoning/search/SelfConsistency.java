package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.StrategySpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Self-consistency (Wang et al. 2023): N samples from one evaluated prompt, decoded as one
 * batch; their answers grouped by equivalence; the majority answer wins. Each answer node
 * carries its group's votes.
 */
public final class SelfConsistency extends Strategy {

    private final int samples;

    SelfConsistency(StrategySpec spec, StrategyParams params, int samples) {
        super(spec, params);
        if (samples < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        this.samples = samples;
    }

    public int samples() {
        return samples;
    }

    @Override
    public int sequencesWanted() {
        return samples + 1;
    }

    @Override
    Outcome grow(LiveTree live) {
        List<Lane> lanes = sample(live, samples, params().maxTokens());
        List<VoteTally.Ballot> ballots = new ArrayList<>();
        for (Lane lane : lanes) {
            Node leaf = lane.leaf();
            ballots.add(new VoteTally.Ballot(leaf.id(), live.settleAnswer(leaf).orElse(null)));
        }
        VoteTally tally = VoteTally.count(ballots);
        for (VoteTally.VoteGroup g : tally.groups()) {
            for (int id : g.members()) {
                live.tree().node(id).updateScores(s -> s.withVotes(g.votes()));
            }
        }
        Node chosen = tally.majority().map(g -> live.tree().node(g.members().getFirst())).orElse(null);
        if (chosen != null) {
            live.choose(chosen);
        }
        return new Outcome(chosen, tally, List.of(), List.of());
    }

    /** N whole samples from the prompt, decoded together. */
    static List<Lane> sample(LiveTree live, int n, int maxTokens) {
        List<Lane> lanes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lanes.add(new Lane(live, live.tree().root(), NodeKind.BRANCH, 0, Lane.Rules.toTheEnd(maxTokens)));
        }
        Decoder.run(live, lanes);
        return lanes;
    }
}
