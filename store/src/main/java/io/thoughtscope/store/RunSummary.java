package io.thoughtscope.store;

import io.thoughtscope.reasoning.model.ModelRef;
import io.thoughtscope.reasoning.model.MomentType;
import io.thoughtscope.reasoning.model.RunStatus;
import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.model.Verdict;
import io.thoughtscope.reasoning.spi.Counters;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A stored run without its tree: what the compare view puts side by side.
 *
 * @param id          the run's id
 * @param sessionId   its session
 * @param model       the model
 * @param strategy    the strategy with all its parameters
 * @param seed        the sampling seed
 * @param startedAt   when it began
 * @param finishedAt  when it ended, null while running (or when a crash left no heartbeat)
 * @param status      running, completed, cut short or failed
 * @param counters    the engine's counters (zero for imported runs)
 * @param nodes       nodes of its tree
 * @param tokens      tokens of its tree
 * @param finalAnswer the answer it committed to, or null
 * @param verdict     that answer's grade (UNGRADED without a ground truth)
 * @param words       words of its analysed trace, -1 when it was not analysed
 * @param moments     moments per type in its analysed trace (empty when not analysed)
 */
public record RunSummary(String id, String sessionId, ModelRef model, StrategySpec strategy, long seed,
                         Instant startedAt, Instant finishedAt, RunStatus status, Counters counters, int nodes,
                         long tokens, String finalAnswer, Verdict verdict, int words, Map<MomentType, Integer> moments) {

    public RunSummary {
        verdict = verdict == null ? Verdict.UNGRADED : verdict;
        moments = Map.copyOf(moments);
    }

    public Optional<Duration> wallTime() {
        return finishedAt == null ? Optional.empty() : Optional.of(Duration.between(startedAt, finishedAt));
    }

    /** Tokens per second of wall time, 0 when unknown. */
    public double tokensPerSecond() {
        return wallTime().filter(d -> !d.isZero() && !d.isNegative())
                .map(d -> tokens * 1000.0 / d.toMillis()).orElse(0.0);
    }

    public int moments(MomentType type) {
        return moments.getOrDefault(type, 0);
    }

    public int momentCount() {
        return moments.values().stream().mapToInt(Integer::intValue).sum();
    }
}
