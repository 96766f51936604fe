package io.thoughtscope.reasoning.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * A search strategy with all its parameters, enough to run it again.
 *
 * @param name       {@code chain}, {@code self-consistency}, {@code beam}, {@code mcts}, ...
 * @param parameters parameter name to value, kept sorted so equal specs print equally
 */
public record StrategySpec(String name, Map<String, String> parameters) {
    public StrategySpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a strategy needs a name");
        }
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    public static StrategySpec of(String name) {
        return new StrategySpec(name, Map.of());
    }
}
