package io.thoughtscope.runtime.discovery;

/** Whether a found model can be run, and what its header says. */
public sealed interface ModelStatus {

    /** Well formed, and the bundled llama.cpp can load it. */
    record Ready(GgufSummary summary) implements ModelStatus {
    }

    /** Well formed GGUF that the bundled llama.cpp would refuse (an unknown architecture, a projector, ...). */
    record NotLoadable(GgufSummary summary, String reason) implements ModelStatus {
    }

    /** Not a readable GGUF model: broken, truncated, missing parts, a manifest pointing nowhere. */
    record Unreadable(String reason) implements ModelStatus {
    }

    /** Found but not opened, because the search ran out of time. */
    record Unchecked(String reason) implements ModelStatus {
    }
}
