package io.thoughtscope.reasoning.model;

/** What a node of a reasoning tree stands for. */
public enum NodeKind {
    /** The root: the user's problem or message, and the system prompt. */
    PROMPT,
    /** A step of thinking (beam search and MCTS grow trees of steps). */
    THOUGHT_STEP,
    /** A whole continuation from its parent: a sample of self-consistency, a chat reply, a fork. */
    BRANCH,
    /** The final answer after the thinking. */
    ANSWER,
    /** Text the user put in: an edited step, an injected "Wait", a hint, a forced end of thinking. */
    INTERVENTION,
    /** A follow-up user message in a chat. */
    USER_MESSAGE
}
