package io.thoughtscope.runtime.discovery;

import java.nio.file.Path;
import java.util.List;

/** A model file (or a split model's parts) found by one of the stores, before its header is read. */
record Candidate(ModelSource source, String displayName, List<Path> parts, String problem) {
    Candidate {
        parts = List.copyOf(parts);
    }

    static Candidate of(ModelSource source, String displayName, List<Path> parts) {
        return new Candidate(source, displayName, parts, null);
    }

    static Candidate broken(ModelSource source, String displayName, Path path, String problem) {
        return new Candidate(source, displayName, List.of(path), problem);
    }

    Path firstPart() {
        return parts.getFirst();
    }
}
