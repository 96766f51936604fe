package io.thoughtscope.runtime.gguf;

/** Chat templates (Jinja, as stored in {@code tokenizer.chat_template}) that random models carry. */
public final class ChatTemplates {

    /**
     * ChatML with Qwen3's thinking switch: earlier assistant turns lose their thinking, and
     * {@code enable_thinking=false} closes an empty think block in the generation prompt.
     */
    public static final String CHATML_THINKING = """
            {%- for message in messages %}
                {%- if message.role == 'assistant' %}
                    {%- set content = message.content %}
                    {%- if '</think>' in content %}
                        {%- set content = content.split('</think>')[-1].lstrip('\\n') %}
                    {%- endif %}
                    {{- '<|im_start|>assistant\\n' + content + '<|im_end|>\\n' }}
                {%- else %}
                    {{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>\\n' }}
                {%- endif %}
            {%- endfor %}
            {%- if add_generation_prompt %}
                {{- '<|im_start|>assistant\\n' }}
                {%- if enable_thinking is defined and enable_thinking is false %}
                    {{- '<think>\\n\\n</think>\\n\\n' }}
                {%- endif %}
            {%- endif %}
            """;

    private ChatTemplates() {
    }
}
