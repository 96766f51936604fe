package io.thoughtscope.reasoning.search;

import io.thoughtscope.reasoning.spi.ChatMessage;

import java.util.List;

/**
 * How a problem is put to the model. Instructions go into the user turn, not a system prompt,
 * as DeepSeek advises for R1 and its distills.
 */
public enum PromptPreset {
    /** The question as it is. */
    PLAIN("plain", ""),
    /** DeepSeek's recommended math prompt: reason step by step, box the answer. */
    STEP_BY_STEP("step", "\nPlease reason step by step, and put your final answer within \\boxed{}."),
    /**
     * Chain of Draft (Xu et al. 2025): minimal drafts per step; its paper's wording, with the
     * answer after {@code ####}, which the answer extractor reads.
     */
    CHAIN_OF_DRAFT("draft", "\nThink step by step, but only keep a minimum draft for each thinking step, "
            + "with 5 words at most. Return the answer at the end of the response after a separator ####.");

    private final String key;
    private final String instruction;

    PromptPreset(String key, String instruction) {
        this.key = key;
        this.instruction = instruction;
    }

    /** The name used in strategy parameters ({@code prompt=step}). */
    public String key() {
        return key;
    }

    public List<ChatMessage> messages(String question) {
        return List.of(ChatMessage.user(question + instruction));
    }

    public static PromptPreset byKey(String key) {
        for (PromptPreset p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown prompt preset '" + key + "' (plain, step, draft)");
    }
}
