package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.model.Token;

import java.util.Map;

/**
 * Steers one lane while it decodes: biases on the next token, and what happens when the model
 * tries to end its thinking. Budget forcing and the thought-switch penalty are steerings; an
 * instance serves one lane and may keep state.
 */
interface Steering {

    Steering NONE = new Steering() {
    };

    /** The logit biases of the lane's next step; called once per step. */
    default Map<Integer, Float> bias(Lane lane) {
        return Map.of();
    }

    /** Called before each step; may force the end of thinking. */
    default void beforeStep(Lane lane) {
    }

    /** The lane produced a token (not the end of generation). */
    default void produced(Lane lane, Token token) {
    }

    /**
     * The model wrote the closing tag of its thinking. Return true after acting on it through
     * {@link Lane#rejectClose}; false lets the thinking close.
     */
    default boolean onThinkingClose(Lane lane) {
        return false;
    }

    /**
     * The model ended generation inside its thinking. Return true after acting on it through
     * {@link Lane#rejectEnd} or {@link Lane#forceAnswer}; false lets it end.
     */
    default boolean onEndInsideThinking(Lane lane) {
        return false;
    }
}
