package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.NodeStatus;
import io.thoughtscope.reasoning.model.StrategySpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Step-level beam search: a step ends at a delimiter (a blank line by default); every beam is
 * expanded with K sampled steps, all decoded as one batch; the steps are scored and the best
 * survive. Paths that reach an answer leave the beam as finished candidates, scored by the
 * verifier; the search ends when {@code width} have finished, no beam is left, or the depth is
 * reached (the last level runs each path to its end). Pruned steps stay in the tree, marked
 * {@link NodeStatus#PRUNED}; each step's {@code iteration} is its depth.
 */
public final class StepBeamSearch extends Strategy {

    /**
     * @param width      beams kept (and finished candidates wanted)
     * @param expand     steps sampled from each beam
     * @param depth      the most steps; the last one runs to the end
     * @param delimiter  the text that ends a step
     * @param stepTokens a step longer than this ends anyway
     * @param stepScore  scores unfinished paths ({@code rule} cannot)
     * @param verifier   scores finished paths
     */
    public record Settings(int width, int expand, int depth, String delimiter, int stepTokens, Verifier stepScore,
                           Verifier verifier) {
        public Settings {
            if (width < 1 || expand < 1 || depth < 1 || stepTokens < 1) {
                throw new IllegalArgumentException("width, expand, depth and step-tokens must be at least 1");
            }
            if (delimiter == null || delimiter.isEmpty()) {
                throw new IllegalArgumentException("the step delimiter must not be empty");
            }
            if (stepScore instanceof Verifier.Rule) {
                throw new IllegalArgumentException("the rule verifier cannot score unfinished steps: use score=logprob or score=self");
            }
        }
    }

    private final Settings settings;

    StepBeamSearch(StrategySpec spec, StrategyParams params, Settings settings) {
        super(spec, params);
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Every beam's expansions, the beams they fork from, and the prompt. */
    @Override
    public int sequencesWanted() {
        return settings.width() * settings.expand() + settings.width() + 1;
    }

    @Override
    Outcome grow(LiveTree live) {
        List<Node> beams = List.of(live.tree().root());
        List<Candidate> finished = new ArrayList<>();
        int maxTokens = params().maxTokens();
        for (int depth = 1; depth <= settings.depth() && !beams.isEmpty() && finished.size() < settings.width(); depth++) {
            Lane.Rules rules = depth == settings.depth() ? Lane.Rules.toTheEnd(maxTokens)
                    : Lane.Rules.oneStep(maxTokens, settings.delimiter(), settings.stepTokens());
            List<Lane> lanes = new ArrayList<>();
            for (Node beam : beams) {
                for (int k = 0; k < settings.expand(); k++) {
                    lanes.add(new Lane(live, beam, NodeKind.THOUGHT_STEP, depth, rules));
                }
            }
            Decoder.run(live, lanes);

            List<Node> ended = new ArrayList<>();
            List<Node> open = new ArrayList<>();
            for (Lane lane : lanes) {
                if (lane.stop() == Lane.Stop.STEP_END) {
                    open.add(lane.leaf());
                } else {
                    live.settleAnswer(lane.leaf());
                    ended.add(lane.leaf());
                }
            }
            List<Double> endScores = Candidates.score(live, settings.verifier(), ended);
            for (int i = 0; i < ended.size(); i++) {
                finished.add(new Candidate(ended.get(i).id(), ended.get(i).answer().orElse(null), endScores.get(i)));
            }

            List<Double> stepScores = open.isEmpty() ? List.of() : settings.stepScore().score(live, open);
            for (int i = 0; i < open.size(); i++) {
                double v = stepScores.get(i);
                open.get(i).updateScores(s -> s.withScore(v));
            }
            int keep = Math.max(0, settings.width() - finished.size());
            List<Integer> order = IntStream.range(0, open.size()).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -stepScores.get(i)).thenComparingInt(i -> i))
                    .toList();
            List<Node> next = new ArrayList<>();
            for (int rank = 0; rank < order.size(); rank++) {
                Node step = open.get(order.get(rank));
                if (rank < keep) {
                    next.add(step);
                } else {
                    step.setStatus(NodeStatus.PRUNED);
                    live.cache().releaseBelow(step);
                }
            }
            // survivors in the order they were made, so the tree reads left to right
            next.sort(Comparator.comparingInt(Node::id));
            beams = next;
        }
        for (Node beam : beams) {
            if (beam != live.tree().root()) {
                beam.setStatus(NodeStatus.PRUNED); // unfinished when the search stopped
            }
        }
        Candidate best = null;
        for (Candidate c : finished) {
            if (best == null || c.score() > best.score()) {
                best = c;
            }
        }
        Node chosen = best == null ? null : live.tree().node(best.node());
        if (chosen != null) {
            live.choose(chosen);
        }
        return new Outcome(chosen, null, finished, List.of());
    }
}
