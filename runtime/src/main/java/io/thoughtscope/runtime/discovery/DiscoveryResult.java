package io.thoughtscope.runtime.discovery;

import java.util.List;

/**
 * The models found, with notes on what could not be searched.
 *
 * @param models   sorted by source, then name
 * @param notes    folders that could not be read, manifests that were skipped, limits reached
 * @param complete false when a limit stopped the search early
 */
public record DiscoveryResult(List<DiscoveredModel> models, List<String> notes, boolean complete) {
    public DiscoveryResult {
        models = List.copyOf(models);
        notes = List.copyOf(notes);
    }
}
