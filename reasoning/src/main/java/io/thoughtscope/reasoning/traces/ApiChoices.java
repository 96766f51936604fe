package io.thoughtscope.reasoning.traces;

import com.fasterxml.jackson.databind.JsonNode;
import io.thoughtscope.reasoning.model.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI-style responses: chat completions ({@code choices[i].message} with {@code content} and
 * {@code reasoning_content} or {@code reasoning}) and completions ({@code choices[i].text}), with
 * their logprobs; one output per choice.
 */
final class ApiChoices {

    private ApiChoices() {
    }

    /** The object holding {@code choices}: the record, its {@code response}, or a batch file's {@code response.body}. */
    static JsonNode completion(JsonNode node) {
        if (isChoices(node.get("choices"))) {
            return node;
        }
        JsonNode response = node.get("response");
        if (response != null && response.isObject()) {
            if (isChoices(response.get("choices"))) {
                return response;
            }
            JsonNode body = response.get("body");
            if (body != null && isChoices(body.get("choices"))) {
                return body;
            }
        }
        return null;
    }

    /** API choices, not a multiple-choice question's options (MMLU has {@code choices: ["A", ...]}). */
    private static boolean isChoices(JsonNode n) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            return false;
        }
        for (JsonNode c : n) {
            if (!c.isObject() || !(c.has("message") || c.has("text"))) {
                return false;
            }
        }
        return true;
    }

    static List<RawOutput> outputs(JsonNode completion) {
        List<RawOutput> outs = new ArrayList<>();
        for (JsonNode c : completion.get("choices")) {
            List<Token> tokens = TokenArrays.ofLogprobs(c.get("logprobs"));
            JsonNode message = c.get("message");
            if (message != null && message.isObject()) {
                Conversation.Turn t = Conversation.turn(message);
                outs.add(new RawOutput(t.thinking(), t.content(), tokens));
            } else {
                outs.add(new RawOutput(null, JsonText.text(c.get("text")), tokens));
            }
        }
        return outs;
    }
}
