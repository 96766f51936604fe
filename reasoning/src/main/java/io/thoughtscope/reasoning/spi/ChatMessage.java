package io.thoughtscope.reasoning.spi;

/**
 * One message of a conversation.
 *
 * @param role      {@code system}, {@code user} or {@code assistant}
 * @param content   the visible text
 * @param reasoning the assistant's thinking, when it is kept apart from the content, else null
 */
public record ChatMessage(String role, String content, String reasoning) {
    public ChatMessage {
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("a message needs a role");
        }
        content = content == null ? "" : content;
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content, null);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content, null);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content, null);
    }
}
