package io.thoughtscope.reasoning.traces;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chat as OpenAI-style {@code messages} ({@code role}, {@code content}) or ShareGPT
 * {@code conversations} ({@code from}, {@code value}) write it, reduced to what a trace needs:
 * the last assistant turn and the user turn before it.
 */
final class Conversation {

    /** One turn; role is user, assistant, system or whatever else the file says. */
    record Turn(String role, String content, String thinking) {
        boolean hasText() {
            return content != null || thinking != null;
        }
    }

    private static final List<String> THINKING = List.of("reasoning_content", "reasoning", "thinking",
            "reasoning_text");

    private final List<Turn> turns;

    private Conversation(List<Turn> turns) {
        this.turns = turns;
    }

    /** Whether a value is a chat: a non-empty array of objects that each name a role. */
    static boolean isConversation(JsonNode n) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            return false;
        }
        for (JsonNode e : n) {
            if (!e.isObject() || !(e.hasNonNull("role") || e.hasNonNull("from"))) {
                return false;
            }
        }
        return true;
    }

    /** Reads a value that {@link #isConversation} accepted. */
    static Conversation of(JsonNode array) {
        List<Turn> turns = new ArrayList<>(array.size());
        for (JsonNode m : array) {
            turns.add(turn(m));
        }
        return new Conversation(turns);
    }

    /** One message object: {@code role}/{@code from}, {@code content}/{@code value}/{@code text}. */
    static Turn turn(JsonNode m) {
        String role = role(m.hasNonNull("role") ? m.get("role").asText() : m.path("from").asText(""));
        JsonNode body = m.hasNonNull("content") ? m.get("content") : m.hasNonNull("value") ? m.get("value") : m.get("text");
        String content = JsonText.text(body);
        String thinking = JsonText.firstText(m, THINKING);
        if (thinking == null && JsonText.isContentParts(body)) {
            thinking = JsonText.partsText(body, true); // Anthropic-style {"type": "thinking"} parts
        }
        return new Turn(role, content, thinking);
    }

    /** ShareGPT speakers and chat roles mapped onto user / assistant / system. */
    private static String role(String raw) {
        String r = raw.strip().toLowerCase(Locale.ROOT);
        return switch (r) {
            case "human", "user" -> "user";
            case "gpt", "assistant", "model", "chatgpt", "bot", "bard", "claude" -> "assistant";
            default -> r;
        };
    }

    /** The last assistant turn that holds text, or null. */
    Turn reply() {
        int i = replyIndex();
        return i < 0 ? null : turns.get(i);
    }

    /** The last user message before the reply (or the last user message when there is no reply). */
    String question() {
        int end = replyIndex();
        for (int i = (end < 0 ? turns.size() : end) - 1; i >= 0; i--) {
            if (turns.get(i).role().equals("user")) {
                return turns.get(i).content();
            }
        }
        return null;
    }

    private int replyIndex() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            Turn t = turns.get(i);
            if (t.role().equals("assistant") && t.hasText()) {
                return i;
            }
        }
        return -1;
    }
}
