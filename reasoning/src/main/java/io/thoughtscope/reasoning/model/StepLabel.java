package io.thoughtscope.reasoning.model;

import java.util.Locale;

/** The sentence taxonomy used for reasoning-step analysis (see docs/ARCHITECTURE.md). */
public enum StepLabel {
    PROBLEM_SETUP("problem setup"),
    PLAN_GENERATION("plan generation"),
    FACT_RETRIEVAL("fact retrieval"),
    ACTIVE_COMPUTATION("active computation"),
    RESULT_CONSOLIDATION("result consolidation"),
    UNCERTAINTY_MANAGEMENT("uncertainty management"),
    SELF_CHECKING("self-checking"),
    FINAL_ANSWER_EMISSION("final answer emission");

    private final String displayName;

    StepLabel(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The snake_case key used in files and exports, e.g. {@code self_checking}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepLabel fromKey(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
