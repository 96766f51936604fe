package io.thoughtscope.reasoning.spi;

import java.util.List;

/** How a model wants a conversation written, and how it marks its thinking. */
public interface ChatFormat {

    /**
     * The prompt text for a conversation, rendered with the model's own chat template.
     *
     * @param addGenerationPrompt end with the start of an assistant turn
     * @param thinking            ask for thinking (where the template has a switch for it)
     */
    String render(List<ChatMessage> messages, boolean addGenerationPrompt, boolean thinking);

    /** The tag that opens thinking, e.g. {@code <think>}. */
    String thinkOpen();

    /** The tag that closes thinking, e.g. {@code </think>}. */
    String thinkClose();

    /** Whether the template can turn thinking off. */
    boolean canDisableThinking();

    /** Whether a rendered prompt leaves the model inside its thinking (R1 templates end with the open tag). */
    default boolean endsInsideThinking(String prompt) {
        int o = prompt.lastIndexOf(thinkOpen());
        return o >= 0 && prompt.indexOf(thinkClose(), o) < 0;
    }
}
