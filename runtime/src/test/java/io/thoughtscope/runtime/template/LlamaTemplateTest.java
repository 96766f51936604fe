package io.thoughtscope.runtime.template;

import io.thoughtscope.reasoning.spi.ChatMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Llama 3.1-family templates (3.3 70B, 3.2 3B); sources in {@link RealTemplates}. */
class LlamaTemplateTest {

    private static final String BOS = "<|begin_of_text|>";
    private static final Map<String, Object> TOKENS = Map.of("bos_token", BOS, "eos_token", "<|eot_id|>");

    private final ChatTemplate llama = RealTemplates.load("llama-3.3-70b-instruct");

    @Test
    void systemMessageFollowsTheDateHeader() {
        String prompt = llama.render(List.of(ChatMessage.system("You are a helpful assistant."), ChatMessage.user("Hello!")),
                true, TOKENS);

        assertThat(prompt).isEqualTo(BOS + "<|start_header_id|>system<|end_header_id|>\n\n"
                + "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n"
                + "You are a helpful assistant.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nHello!<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n");
    }

    @Test
    void dateStringIsAVariableAndTurnsAreTrimmed() {
        Map<String, Object> extra = new java.util.HashMap<>(TOKENS);
        extra.put("date_string", "07 Mar 2025");
        List<ChatMessage> conversation = List.of(ChatMessage.user("Hello!"), ChatMessage.assistant("Hi! How can I help?"),
                ChatMessage.user("  Tell me a joke.  "));

        assertThat(llama.render(conversation, true, extra)).isEqualTo(BOS
                + "<|start_header_id|>system<|end_header_id|>\n\n"
                + "Cutting Knowledge Date: December 2023\nToday Date: 07 Mar 2025\n\n<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nHello!<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\nHi! How can I help?<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nTell me a joke.<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n");
    }

    @Test
    void toolsGoIntoTheFirstUserMessageAsIndentedJson() {
        Map<String, Object> variables = RealTemplates.variables("""
                {"messages": [{"role": "system", "content": "You are a helpful assistant."},
                              {"role": "user", "content": "Weather in Paris?"}],
                 "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Current weather",
                   "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}],
                 "add_generation_prompt": true, "bos_token": "<|begin_of_text|>"}""");

        assertThat(llama.render(variables)).isEqualTo(BOS + "<|start_header_id|>system<|end_header_id|>\n\n"
                + "Environment: ipython\nCutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n"
                + "You are a helpful assistant.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\n"
                + "Given the following functions, please respond with a JSON for a function call with its proper "
                + "arguments that best answers the given prompt.\n\n"
                + "Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}."
                + "Do not use variables.\n\n"
                + """
                {
                    "type": "function",
                    "function": {
                        "name": "get_weather",
                        "description": "Current weather",
                        "parameters": {
                            "type": "object",
                            "properties": {
                                "city": {
                                    "type": "string"
                                }
                            },
                            "required": [
                                "city"
                            ]
                        }
                    }
                }"""
                + "\n\nWeather in Paris?<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n");
    }

    @Test
    void aToolResultStringIsQuotedAsJsonBecauseStringsAreIterable() {
        Map<String, Object> variables = RealTemplates.variables("""
                {"messages": [
                  {"role": "user", "content": "Weather in Paris?"},
                  {"role": "assistant", "tool_calls": [{"type": "function", "function": {"name": "get_weather", "arguments": {"city": "Paris"}}}]},
                  {"role": "tool", "content": "{\\"temp_c\\": 18}"}],
                 "tools": null, "add_generation_prompt": true, "bos_token": "<|begin_of_text|>"}""");

        assertThat(llama.render(variables)).isEqualTo(BOS + "<|start_header_id|>system<|end_header_id|>\n\n"
                + "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nWeather in Paris?<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\"}}<|eot_id|>"
                + "<|start_header_id|>ipython<|end_header_id|>\n\n\"{\\\"temp_c\\\": 18}\"<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n");
    }

    @Test
    void llama32DatesThePromptWithStrftimeNow() {
        Clock march7 = Clock.fixed(Instant.parse("2025-03-07T09:30:00Z"), ZoneOffset.UTC);
        ChatTemplate llama32 = RealTemplates.load("llama-3.2-3b-instruct").withClock(march7);

        assertThat(llama32.render(List.of(ChatMessage.user("Hello!")), true, TOKENS)).isEqualTo(BOS
                + "<|start_header_id|>system<|end_header_id|>\n\n"
                + "Cutting Knowledge Date: December 2023\nToday Date: 07 Mar 2025\n\n<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nHello!<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n");
    }
}
