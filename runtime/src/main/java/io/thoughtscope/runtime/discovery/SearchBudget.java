package io.thoughtscope.runtime.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Time and entry counts left to one search, and the notes it collects on the way. */
final class SearchBudget {
    private final DiscoveryLimits limits;
    private final LongSupplier nanoClock;
    private final long deadline;
    private final List<String> notes = new ArrayList<>();
    private long entries;
    private boolean exhausted;

    SearchBudget(DiscoveryLimits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.deadline = nanoClock.getAsLong() + limits.timeBudget().toNanos();
    }

    int maxDepth() {
        return limits.maxDepth();
    }

    /** Counts one visited file or folder; false once the search must stop. */
    boolean visit() {
        entries++;
        return !exhausted();
    }

    boolean exhausted() {
        if (!exhausted) {
            if (entries > limits.maxEntries()) {
                exhausted = true;
                note("stopped after visiting " + limits.maxEntries() + " files and folders; some were not searched");
            } else if (nanoClock.getAsLong() - deadline > 0) {
                exhausted = true;
                note(String.format(Locale.ROOT, "stopped after %.1f s; some folders or models were not checked",
                        limits.timeBudget().toMillis() / 1000.0));
            }
        }
        return exhausted;
    }

    boolean wasExhausted() {
        return exhausted;
    }

    void note(String note) {
        notes.add(note);
    }

    List<String> notes() {
        return notes;
    }
}
