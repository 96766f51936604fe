package io.thoughtscope.runtime.template;

import io.thoughtscope.reasoning.spi.ChatMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.thoughtscope.runtime.template.RealTemplates.DEEPSEEK_BOS;
import static io.thoughtscope.runtime.template.RealTemplates.DEEPSEEK_EOS;
import static org.assertj.core.api.Assertions.assertThat;

/** DeepSeek-R1 distill templates (Qwen and Llama bases) and DeepSeek-V3.1; sources in {@link RealTemplates}. */
class DeepSeekTemplateTest {

    private static final Map<String, Object> TOKENS = Map.of("bos_token", DEEPSEEK_BOS, "eos_token", DEEPSEEK_EOS);
    private static final ChatMessage SYSTEM = ChatMessage.system("You are a careful mathematician.");
    private static final ChatMessage QUESTION = ChatMessage.user("What is 17 * 23?");
    private static final ChatMessage ANSWER_WITH_THINKING = ChatMessage.assistant(
            "<think>\n17 * 23 = 17 * 20 + 17 * 3 = 340 + 51 = 391.\n</think>\n\n**391**");
    private static final ChatMessage FOLLOW_UP = ChatMessage.user("And 18 * 23?");

    private final ChatTemplate qwen = RealTemplates.load("r1-distill-qwen-32b");

    @Test
    void generationPromptOpensTheThinkBlock() {
        String prompt = qwen.render(List.of(SYSTEM, QUESTION), true, TOKENS);

        assertThat(prompt).isEqualTo(DEEPSEEK_BOS + "You are a careful mathematician."
                + "<｜User｜>What is 17 * 23?<｜Assistant｜><think>\n");
    }

    @Test
    void earlierAnswersKeepOnlyWhatFollowsTheirThinking() {
        String prompt = qwen.render(List.of(SYSTEM, QUESTION, ANSWER_WITH_THINKING, FOLLOW_UP), true, TOKENS);

        assertThat(prompt).isEqualTo(DEEPSEEK_BOS + "You are a careful mathematician."
                + "<｜User｜>What is 17 * 23?"
                + "<｜Assistant｜>\n\n**391**" + DEEPSEEK_EOS
                + "<｜User｜>And 18 * 23?<｜Assistant｜><think>\n");
    }

    @Test
    void reasoningKeptApartIsNotPartOfThePromptAndNoGenerationPromptEndsWithTheAnswer() {
        ChatMessage answer = new ChatMessage("assistant", "**391**", "17 * 23 = 391.");

        String prompt = qwen.render(List.of(QUESTION, answer), false, TOKENS);

        assertThat(prompt).isEqualTo(DEEPSEEK_BOS + "<｜User｜>What is 17 * 23?<｜Assistant｜>**391**" + DEEPSEEK_EOS);
    }

    @Test
    void theOriginalHuggingFaceTemplateLeftTheThinkTagToTheModel() {
        ChatTemplate original = RealTemplates.load("r1-distill-hf-original");

        String prompt = original.render(List.of(SYSTEM, QUESTION, ANSWER_WITH_THINKING, FOLLOW_UP), true, TOKENS);

        assertThat(prompt).isEqualTo(DEEPSEEK_BOS + "You are a careful mathematician."
                + "<｜User｜>What is 17 * 23?"
                + "<｜Assistant｜>\n\n**391**" + DEEPSEEK_EOS
                + "<｜User｜>And 18 * 23?<｜Assistant｜>");
    }

    @Test
    void llamaDistillRendersTheSameConversationTheSameWay() {
        ChatTemplate llama = RealTemplates.load("r1-distill-llama-8b");

        assertThat(llama.render(List.of(SYSTEM, QUESTION, ANSWER_WITH_THINKING, FOLLOW_UP), true, TOKENS))
                .isEqualTo(qwen.render(List.of(SYSTEM, QUESTION, ANSWER_WITH_THINKING, FOLLOW_UP), true, TOKENS));
    }

    @Test
    void toolCallsAndToolOutputsUseDeepSeeksMarkers() {
        ChatTemplate llama = RealTemplates.load("r1-distill-llama-8b");
        Map<String, Object> variables = RealTemplates.variables("""
                {"messages": [
                  {"role": "user", "content": "Weather in Paris?"},
                  {"role": "assistant", "content": null, "tool_calls": [
                    {"type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\": \\"Paris\\"}"}}]},
                  {"role": "tool", "content": "{\\"temp_c\\": 18}"},
                  {"role": "assistant", "content": "It is 18 °C in Paris."}],
                 "add_generation_prompt": false}""");
        variables.putAll(TOKENS);

        // one call: this template closes the calls block only between calls, so no tool_calls_end here
        assertThat(llama.render(variables)).isEqualTo(DEEPSEEK_BOS
                + "<｜User｜>Weather in Paris?"
                + "<｜Assistant｜><｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>get_weather\n"
                + "```json\n{\"city\": \"Paris\"}\n```<｜tool▁call▁end｜>"
                + "<｜tool▁outputs▁begin｜><｜tool▁output▁begin｜>{\"temp_c\": 18}<｜tool▁output▁end｜>"
                + "<｜tool▁outputs▁end｜>It is 18 °C in Paris." + DEEPSEEK_EOS);
    }

    @Test
    void deepSeekV31ThinksOnlyWhenAsked() {
        ChatTemplate v31 = RealTemplates.load("deepseek-v3.1");
        List<ChatMessage> question = List.of(SYSTEM, QUESTION);
        String start = DEEPSEEK_BOS + "You are a careful mathematician.<｜User｜>What is 17 * 23?<｜Assistant｜>";

        assertThat(v31.render(question, true, TOKENS)).isEqualTo(start + "</think>");
        assertThat(v31.render(question, true, withThinking(false))).isEqualTo(start + "</think>");
        assertThat(v31.render(question, true, withThinking(true))).isEqualTo(start + "<think>");
        assertThat(v31.mentions("enable_thinking")).isTrue();
    }

    @Test
    void deepSeekV31ClosesTheThinkingOfEarlierAnswers() {
        ChatTemplate v31 = RealTemplates.load("deepseek-v3.1");

        assertThat(v31.render(List.of(SYSTEM, QUESTION, ANSWER_WITH_THINKING, FOLLOW_UP), true, withThinking(true)))
                .isEqualTo(DEEPSEEK_BOS + "You are a careful mathematician.<｜User｜>What is 17 * 23?"
                        + "<｜Assistant｜></think>\n\n**391**" + DEEPSEEK_EOS
                        + "<｜User｜>And 18 * 23?<｜Assistant｜><think>");
    }

    private static Map<String, Object> withThinking(boolean thinking) {
        Map<String, Object> extra = new java.util.HashMap<>(TOKENS);
        extra.put("enable_thinking", thinking);
        return extra;
    }

    @Test
    void hasNoThinkingSwitch() {
        assertThat(qwen.mentions("enable_thinking")).isFalse();
        assertThat(qwen.mentions("bos_token")).isTrue();
        assertThat(qwen.mentions("add_generation_prompt")).isTrue();
    }
}
