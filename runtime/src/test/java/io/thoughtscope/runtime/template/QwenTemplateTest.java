package io.thoughtscope.runtime.template;

import io.thoughtscope.reasoning.spi.ChatMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Qwen3 (thinking switch, reasoning_content, tools) and QwQ; sources in {@link RealTemplates}. */
class QwenTemplateTest {

    private static final String TOOLS = """
            [{"type": "function", "function": {"name": "get_weather", "description": "Current weather",
              "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]""";

    private final ChatTemplate qwen3 = RealTemplates.load("qwen3");
    private final List<ChatMessage> question = List.of(
            ChatMessage.system("You are Qwen, a helpful assistant."), ChatMessage.user("What is 2+2?"));

    @Test
    void thinksByDefault() {
        String expected = "<|im_start|>system\nYou are Qwen, a helpful assistant.<|im_end|>\n"
                + "<|im_start|>user\nWhat is 2+2?<|im_end|>\n"
                + "<|im_start|>assistant\n";

        assertThat(qwen3.render(question, true, Map.of())).isEqualTo(expected);
        assertThat(qwen3.render(question, true, Map.of("enable_thinking", true))).isEqualTo(expected);
    }

    @Test
    void thinkingOffPrefillsAnEmptyThinkBlock() {
        assertThat(qwen3.render(question, true, Map.of("enable_thinking", false))).isEqualTo(
                "<|im_start|>system\nYou are Qwen, a helpful assistant.<|im_end|>\n"
                        + "<|im_start|>user\nWhat is 2+2?<|im_end|>\n"
                        + "<|im_start|>assistant\n<think>\n\n</think>\n\n");
    }

    @Test
    void hasAThinkingSwitch() {
        assertThat(qwen3.mentions("enable_thinking")).isTrue();
        assertThat(qwen3.mentions("tools")).isTrue();
    }

    @Test
    void reasoningOfEarlierTurnsIsDropped() {
        List<ChatMessage> conversation = List.of(
                ChatMessage.user("What is 2+2?"),
                new ChatMessage("assistant", "2 + 2 = 4.", "Adding two and two gives four."),
                ChatMessage.user("And 3+3?"));

        assertThat(qwen3.render(conversation, true, Map.of("enable_thinking", true))).isEqualTo(
                "<|im_start|>user\nWhat is 2+2?<|im_end|>\n"
                        + "<|im_start|>assistant\n2 + 2 = 4.<|im_end|>\n"
                        + "<|im_start|>user\nAnd 3+3?<|im_end|>\n"
                        + "<|im_start|>assistant\n");
    }

    @Test
    void reasoningOfTheTurnAfterTheLastQuestionIsWrittenInThinkTags() {
        List<ChatMessage> conversation = List.of(
                ChatMessage.user("What is 2+2?"),
                new ChatMessage("assistant", "2 + 2 = 4.", "\nAdding two and two gives four.\n"));

        assertThat(qwen3.render(conversation, false, Map.of())).isEqualTo(
                "<|im_start|>user\nWhat is 2+2?<|im_end|>\n"
                        + "<|im_start|>assistant\n<think>\nAdding two and two gives four.\n</think>\n\n2 + 2 = 4.<|im_end|>\n");
    }

    @Test
    void thinkingInsideTheContentIsSplitOut() {
        List<ChatMessage> conversation = List.of(
                ChatMessage.user("What is 2+2?"),
                ChatMessage.assistant("<think>\nLet me add.\n</think>\n\n4"));

        assertThat(qwen3.render(conversation, false, Map.of())).isEqualTo(
                "<|im_start|>user\nWhat is 2+2?<|im_end|>\n"
                        + "<|im_start|>assistant\n<think>\nLet me add.\n</think>\n\n4<|im_end|>\n");
    }

    @Test
    void toolsAreListedAsJsonInTheSystemTurn() {
        Map<String, Object> variables = RealTemplates.variables("""
                {"messages": [{"role": "system", "content": "You are Qwen."}, {"role": "user", "content": "Weather in Paris?"}],
                 "add_generation_prompt": true, "tools": %s}""".formatted(TOOLS));

        assertThat(qwen3.render(variables)).isEqualTo("<|im_start|>system\nYou are Qwen.\n\n# Tools\n\n"
                + "You may call one or more functions to assist with the user query.\n\n"
                + "You are provided with function signatures within <tools></tools> XML tags:\n<tools>\n"
                + "{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"description\": \"Current weather\", "
                + "\"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}, \"required\": [\"city\"]}}}\n"
                + "</tools>\n\nFor each function call, return a json object with function name and arguments within "
                + "<tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n"
                + "</tool_call><|im_end|>\n"
                + "<|im_start|>user\nWeather in Paris?<|im_end|>\n"
                + "<|im_start|>assistant\n");
    }

    @Test
    void toolCallsAndResponsesRoundTrip() {
        Map<String, Object> variables = RealTemplates.variables("""
                {"messages": [
                  {"role": "user", "content": "Weather in Paris?"},
                  {"role": "assistant", "content": "", "tool_calls": [
                    {"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Paris"}}}]},
                  {"role": "tool", "content": "{\\"temp_c\\": 18}"}],
                 "add_generation_prompt": true}""");

        assertThat(qwen3.render(variables)).isEqualTo("<|im_start|>user\nWeather in Paris?<|im_end|>\n"
                + "<|im_start|>assistant\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n"
                + "</tool_call><|im_end|>\n"
                + "<|im_start|>user\n<tool_response>\n{\"temp_c\": 18}\n</tool_response><|im_end|>\n"
                + "<|im_start|>assistant\n");
    }

    @Test
    void qwqAlwaysOpensTheThinkBlock() {
        ChatTemplate qwq = RealTemplates.load("qwq-32b");

        assertThat(qwq.render(List.of(ChatMessage.user("How many r's in strawberry?")), true, Map.of())).isEqualTo(
                "<|im_start|>user\nHow many r's in strawberry?<|im_end|>\n<|im_start|>assistant\n<think>\n");
        assertThat(qwq.mentions("enable_thinking")).isFalse();
    }

    @Test
    void qwqDropsTheThinkingOfEarlierAnswers() {
        ChatTemplate qwq = RealTemplates.load("qwq-32b");
        List<ChatMessage> conversation = List.of(
                ChatMessage.user("How many r's in strawberry?"),
                ChatMessage.assistant("<think>\nCount: s-t-r-a-w-b-e-r-r-y has three.\n</think>\n\nThere are three."),
                ChatMessage.user("Are you sure?"));

        assertThat(qwq.render(conversation, true, Map.of())).isEqualTo(
                "<|im_start|>user\nHow many r's in strawberry?<|im_end|>\n"
                        + "<|im_start|>assistant\nThere are three.<|im_end|>\n"
                        + "<|im_start|>user\nAre you sure?<|im_end|>\n"
                        + "<|im_start|>assistant\n<think>\n");
    }
}
