package io.thoughtscope.reasoning.model;

import java.time.Instant;

/**
 * One execution of a strategy with a model on a session's problem; its tree holds what grew.
 *
 * @param id        stable identifier
 * @param sessionId the session it belongs to
 * @param model     the model that produced it
 * @param strategy  the strategy and all its parameters
 * @param seed      the sampling seed (runs are reproducible from it)
 * @param startedAt when it began
 * @param tree      the reasoning tree it grows
 */
public record Run(String id, String sessionId, ModelRef model, StrategySpec strategy, long seed, Instant startedAt,
                  ReasoningTree tree) {
    public Run {
        if (id == null || sessionId == null || model == null || strategy == null || startedAt == null || tree == null) {
            throw new IllegalArgumentException("a run needs all of id, session, model, strategy, time and tree");
        }
    }

    public static Run start(Session session, ModelRef model, StrategySpec strategy, long seed) {
        return new Run(Ids.newId(), session.id(), model, strategy, seed, Instant.now(),
                new ReasoningTree(session.problem().question()));
    }
}
