package io.thoughtscope.runtime.llama;

import io.thoughtscope.reasoning.spi.ChatFormat;
import io.thoughtscope.reasoning.spi.ChatMessage;
import io.thoughtscope.runtime.template.ChatTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's chat format from its own Jinja chat template (the GGUF's {@code tokenizer.chat_template}),
 * with its start/end tokens, and the think tags its vocabulary uses. When the template has no
 * switch for thinking, turning thinking off closes an empty think block after the prompt, the
 * common way to make R1-style models answer directly.
 */
public final class TemplateChatFormat implements ChatFormat {

    /** Used when a model carries no template: ChatML, which most reasoning models speak. */
    static final String CHATML = """
            {%- for message in messages -%}
            {{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' -}}
            {%- endfor -%}
            {%- if add_generation_prompt -%}
            {{- '<|im_start|>assistant\\n' -}}
            {%- if enable_thinking is not defined or enable_thinking -%}{{- '<think>\\n' -}}{%- endif -%}
            {%- endif -%}""";

    private final ChatTemplate template;
    private final String bos;
    private final String eos;
    private final String open;
    private final String close;
    private final boolean switchable;
    private final boolean templateThinks;

    public TemplateChatFormat(String source, String bos, String eos, String thinkOpen, String thinkClose) {
        this.template = ChatTemplate.compile(source == null || source.isBlank() ? CHATML : source);
        this.bos = bos;
        this.eos = eos;
        this.open = thinkOpen;
        this.close = thinkClose;
        this.switchable = template.mentions("enable_thinking");
        this.templateThinks = source == null || source.isBlank() || source.contains(thinkOpen);
    }

    /** The chat format of an open engine. */
    public static TemplateChatFormat of(LlamaEngine engine) {
        String open = "<think>";
        String close = "</think>";
        if (!engine.isSingleToken(open) && engine.isSingleToken("<|begin_of_thought|>")) {
            open = "<|begin_of_thought|>";
            close = "<|end_of_thought|>";
        }
        return new TemplateChatFormat(engine.chatTemplateSource(), engine.bosText(), engine.eosText(), open, close);
    }

    @Override
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt, boolean thinking) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("bos_token", bos);
        extra.put("eos_token", eos);
        extra.put("enable_thinking", thinking);
        String prompt = template.render(messages, addGenerationPrompt, extra);
        if (addGenerationPrompt && !thinking && !switchable && templateThinks) {
            String trimmed = prompt.stripTrailing();
            if (trimmed.endsWith(open)) {
                prompt = trimmed + "\n\n" + close + "\n\n";
            } else {
                prompt = prompt + open + "\n\n" + close + "\n\n";
            }
        }
        return prompt;
    }

    @Override
    public String thinkOpen() {
        return open;
    }

    @Override
    public String thinkClose() {
        return close;
    }

    @Override
    public boolean canDisableThinking() {
        return switchable;
    }
}
