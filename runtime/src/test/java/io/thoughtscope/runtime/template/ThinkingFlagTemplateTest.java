package io.thoughtscope.runtime.template;

import io.thoughtscope.reasoning.spi.ChatMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates whose thinking switch lives in the template or the messages: SmolLM3 ({@code enable_thinking},
 * on unless turned off) and Nemotron Nano v2 ({@code /think} and {@code /no_think} in a message); sources
 * in {@link RealTemplates}.
 */
class ThinkingFlagTemplateTest {

    private final ChatTemplate smol = RealTemplates.load("smollm3-3b");

    @Test
    void thinkingIsOnUnlessTurnedOff() {
        String prompt = smol.render(List.of(ChatMessage.user("What is 2+2?")), true, Map.of());

        assertThat(prompt)
                .startsWith("<|im_start|>system\n## Metadata\n\nKnowledge Cutoff Date: June 2025\n"
                        + "Reasoning Mode: /think\n\n## Custom Instructions\n\n"
                        + "You are a helpful AI assistant named SmolLM, trained by Hugging Face. Your role as an assistant")
                .endsWith("to reach the conclusion.\n\n<|im_end|>\n"
                        + "<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n");
        assertThat(smol.mentions("enable_thinking")).isTrue();
    }

    @Test
    void thinkingOffUsesTheSystemMessageAndEmptyThinkBlocks() {
        List<ChatMessage> conversation = List.of(ChatMessage.system("Answer tersely."), ChatMessage.user("What is 2+2?"),
                ChatMessage.assistant("4"), ChatMessage.user("And 3+3?"));

        assertThat(smol.render(conversation, true, Map.of("enable_thinking", false))).isEqualTo(
                "<|im_start|>system\n## Metadata\n\nKnowledge Cutoff Date: June 2025\nReasoning Mode: /no_think\n\n"
                        + "## Custom Instructions\n\nAnswer tersely.\n\n<|im_end|>\n"
                        + "<|im_start|>user\nWhat is 2+2?<|im_end|>\n"
                        + "<|im_start|>assistant\n<think>\n\n</think>\n4<|im_end|>\n"
                        + "<|im_start|>user\nAnd 3+3?<|im_end|>\n"
                        + "<|im_start|>assistant\n<think>\n\n</think>\n");
    }

    @Test
    void nemotronReadsNoThinkFromTheSystemMessage() {
        ChatTemplate nemotron = RealTemplates.load("nemotron-nano-v2");
        List<ChatMessage> conversation = List.of(ChatMessage.system("You are careful. /no_think"),
                ChatMessage.user("What is 17 * 23?"));

        assertThat(nemotron.render(conversation, true, Map.of())).isEqualTo("<SPECIAL_10>System\nYou are careful.\n\n"
                + "<SPECIAL_11>User\nWhat is 17 * 23?\n<SPECIAL_11>Assistant\n<think></think>");
        assertThat(nemotron.mentions("enable_thinking")).isFalse();
    }
}
