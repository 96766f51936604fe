package io.thoughtscope.reasoning.model;

/** How an answer candidate was written. */
public enum AnswerForm {
    /** {@code \boxed{...}}, {@code \fbox{...}} or {@code \boxed X}. */
    BOXED,
    /** "the answer is X", "Final answer: X", 答案是 X. */
    PHRASE,
    /** GSM8K style {@code #### 42}. */
    HASHES
}
