package io.thoughtscope.reasoning.model;

import java.util.Locale;

/** Events worth pointing at in a reasoning trace. */
public enum MomentType {
    /** A sudden realisation: "Wait,", "Oh, I see", 等等. */
    AHA("aha"),
    /** Checking work already done: "let me double-check", "verify", 验证. */
    SELF_VERIFICATION("self-verification"),
    /** Abandoning a line of reasoning: "that's wrong", "let me try another approach", 不对. */
    BACKTRACK("backtrack"),
    /** Switching to a different idea: "Alternatively", 或者. */
    THOUGHT_SWITCH("thought switch"),
    /** The same span repeated several times, usually a degenerate loop. */
    LOOP("loop");

    private final String displayName;

    MomentType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MomentType fromKey(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
