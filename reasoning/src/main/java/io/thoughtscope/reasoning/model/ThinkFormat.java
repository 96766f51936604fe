package io.thoughtscope.reasoning.model;

/** The convention a trace uses to mark its thinking. */
public enum ThinkFormat {
    /** {@code <think>...</think>} (DeepSeek-R1 and its distills, QwQ, Qwen3). */
    THINK_TAGS,
    /** s1: {@code <|im_start|>think ... <|im_start|>answer}. */
    S1,
    /** {@code <|begin_of_thought|>...<|end_of_thought|>} (OpenThoughts, Sky-T1). */
    BEGIN_OF_THOUGHT,
    /** {@code ◁think▷...◁/think▷} (Kimi). */
    KIMI,
    /** Thinking given in its own field, e.g. {@code reasoning_content}. */
    SEPARATE,
    /** No thinking found: the whole text is the answer. */
    NONE
}
