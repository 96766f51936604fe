package io.thoughtscope.runtime.discovery;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one search, so that a folder with millions of files or a slow network drive cannot hang the app.
 *
 * @param maxDepth       folder levels below each root
 * @param timeBudget     for walking folders and reading headers together
 * @param maxEntries     files and folders visited, all roots together
 */
public record DiscoveryLimits(int maxDepth, Duration timeBudget, long maxEntries) {
    public static final DiscoveryLimits DEFAULT = new DiscoveryLimits(8, Duration.ofSeconds(10), 200_000);

    public DiscoveryLimits {
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (maxDepth < 1 || timeBudget.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
