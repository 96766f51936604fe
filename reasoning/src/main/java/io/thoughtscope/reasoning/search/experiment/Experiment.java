package io.thoughtscope.reasoning.search.experiment;

import io.thoughtscope.reasoning.model.StrategySpec;
import io.thoughtscope.reasoning.search.Strategies;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A grid of strategies over a problem set.
 *
 * @param problems    the problems, ids unique
 * @param strategies  the strategies, complete specs ({@link Strategies#spec}), no two equal
 * @param concurrency how many problems run at once, each worker with its own model
 * @param seed        every run's seed, so a run is the same whenever it is done
 * @param resumeFile  where finished runs are kept (JSON Lines), or null to keep them in memory
 */
public record Experiment(List<ExperimentProblem> problems, List<StrategySpec> strategies, int concurrency, long seed,
                         Path resumeFile) {

    public Experiment {
        problems = List.copyOf(problems);
        strategies = List.copyOf(strategies);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs problems");
        }
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs strategies");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        Set<String> ids = new HashSet<>();
        for (ExperimentProblem p : problems) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("the problem id '" + p.id() + "' appears twice");
            }
        }
        Set<String> specs = new HashSet<>();
        for (StrategySpec s : strategies) {
            if (!specs.add(Strategies.format(s))) {
                throw new IllegalArgumentException("the strategy '" + Strategies.label(s) + "' appears twice");
            }
        }
    }

    public int runs() {
        return problems.size() * strategies.size();
    }
}
