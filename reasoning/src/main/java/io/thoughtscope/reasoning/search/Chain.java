package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Node;
import io.thoughtscope.reasoning.model.NodeKind;
import io.thoughtscope.reasoning.model.StrategySpec;

import java.util.List;
import java.util.function.Supplier;

/** The baseline: one sample from the prompt to its end, one branch (and its answer node). */
public final class Chain extends Strategy {

    Chain(StrategySpec spec, StrategyParams params) {
        super(spec, params);
    }

    @Override
    Outcome grow(LiveTree live) {
        return single(live, params(), () -> Steering.NONE);
    }

    /** One steered lane from the root; its answer is the run's. */
    static Outcome single(LiveTree live, StrategyParams params, Supplier<Steering> steering) {
        Lane lane = new Lane(live, live.tree().root(), NodeKind.BRANCH, 0,
                Lane.Rules.toTheEnd(params.maxTokens()).withSteering(steering));
        Decoder.run(live, List.of(lane));
        Node leaf = lane.leaf();
        live.settleAnswer(leaf);
        live.choose(leaf);
        return Outcome.chose(leaf);
    }
}
