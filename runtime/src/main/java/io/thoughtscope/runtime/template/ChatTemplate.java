package io.thoughtscope.runtime.template;

import io.thoughtscope.reasoning.spi.ChatMessage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A model's chat template (the Jinja text a GGUF file keeps under {@code tokenizer.chat_template},
 * the same as Hugging Face's {@code tokenizer_config.json}), compiled once and rendered for each
 * conversation exactly as Hugging Face's {@code apply_chat_template} renders it.
 *
 * <p>Immutable and thread-safe: every render has its own state. A template comes from a file the
 * user chose, so rendering is bounded by {@link TemplateLimits}; every failure is a
 * {@link TemplateException} with a line and column.
 */
public final class ChatTemplate {

    private final String source;
    private final List<Node> body;
    private final Set<String> names;
    private final TemplateLimits limits;
    private final Clock clock;

    private ChatTemplate(String source, List<Node> body, Set<String> names, TemplateLimits limits, Clock clock) {
        this.source = source;
        this.body = body;
        this.names = names;
        this.limits = limits;
        this.clock = clock;
    }

    /** @throws TemplateException of kind {@link TemplateException.Kind#SYNTAX}, with line and column */
    public static ChatTemplate compile(String source) {
        Objects.requireNonNull(source, "source");
        try {
            TemplateParser.Parsed parsed = TemplateParser.parse(TemplateLexer.tokenize(source));
            return new ChatTemplate(source, parsed.body(), parsed.names(), TemplateLimits.DEFAULT, Clock.systemDefaultZone());
        } catch (StackOverflowError e) {
            throw new TemplateException(TemplateException.Kind.SYNTAX, "the template nests too deeply to parse", 0, 0);
        }
    }

    /** The same template rendered under other limits. */
    public ChatTemplate withLimits(TemplateLimits limits) {
        return new ChatTemplate(source, body, names, Objects.requireNonNull(limits, "limits"), clock);
    }

    /** The same template with another clock for {@code strftime_now} (templates that print today's date). */
    public ChatTemplate withClock(Clock clock) {
        return new ChatTemplate(source, body, names, limits, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Renders with the given variables.
     *
     * @param variables plain Java values: String, Number, Boolean, List, Map, null (None)
     */
    public String render(Map<String, Object> variables) {
        Scope root = BuiltinGlobals.scope().child();
        variables.forEach((name, value) -> root.set(name, Values.fromJava(value)));
        try {
            return new Renderer(limits, clock).render(body, root.child());
        } catch (StackOverflowError e) {
            throw new TemplateException(TemplateException.Kind.LIMIT,
                    "the template recursed deeper than this thread's stack allows", 0, 0);
        }
    }

    /**
     * Renders a conversation the way {@code apply_chat_template} does: {@code messages} as maps
     * ({@code role}, {@code content}, and {@code reasoning_content} when the message keeps its
     * reasoning apart), {@code add_generation_prompt}, {@code tools} and {@code documents} as None,
     * then {@code extra} ({@code bos_token}, {@code eos_token}, {@code enable_thinking}, ...), which
     * may override any of them.
     */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt, Map<String, Object> extra) {
        List<Object> conversation = new ArrayList<>(messages.size());
        for (ChatMessage m : messages) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("role", m.role());
            message.put("content", m.content());
            if (m.reasoning() != null) {
                message.put("reasoning_content", m.reasoning());
            }
            conversation.add(message);
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("messages", conversation);
        variables.put("tools", null);
        variables.put("documents", null);
        variables.put("add_generation_prompt", addGenerationPrompt);
        variables.putAll(extra);
        return render(variables);
    }

    /**
     * Whether the template reads this variable, e.g. {@code mentions("enable_thinking")} tells that
     * the template has a switch for thinking.
     */
    public boolean mentions(String variable) {
        return names.contains(variable);
    }

    /** The template text as given. */
    public String source() {
        return source;
    }
}
