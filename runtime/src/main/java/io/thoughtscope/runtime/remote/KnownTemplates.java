package io.thoughtscope.runtime.remote;

import io.thoughtscope.runtime.gguf.ChatTemplates;

import java.util.Locale;

/**
 * Chat templates for servers that do not hand theirs out (vLLM, SGLang, LM Studio), picked by the
 * model's name; a configured template always comes first.
 */
final class KnownTemplates {

    /** DeepSeek-R1 and its distills: the generation prompt opens the thinking. */
    static final String R1 = """
            {%- set ns = namespace(system='') -%}
            {%- for m in messages -%}{%- if m.role == 'system' -%}{%- set ns.system = ns.system + m.content -%}{%- endif -%}{%- endfor -%}
            {{- bos_token + ns.system -}}
            {%- for m in messages -%}
            {%- if m.role == 'user' -%}{{- '<｜User｜>' + m.content -}}
            {%- elif m.role == 'assistant' -%}
            {%- set c = m.content -%}{%- if '</think>' in c -%}{%- set c = c.split('</think>')[-1] -%}{%- endif -%}
            {{- '<｜Assistant｜>' + c + '<｜end▁of▁sentence｜>' -}}
            {%- endif -%}
            {%- endfor -%}
            {%- if add_generation_prompt -%}{{- '<｜Assistant｜><think>\\n' -}}{%- endif -%}""";

    /** A template and a line saying which. */
    record Pick(String source, String description) {}

    private KnownTemplates() {
    }

    /**
     * @param model the model's name or id
     * @param hint  other text known about it (Ollama's Go template, its family), may be empty
     */
    static Pick forModel(String model, String hint) {
        String m = (model == null ? "" : model).toLowerCase(Locale.ROOT);
        String h = hint == null ? "" : hint;
        if (h.contains("<｜Assistant｜>") || m.contains("deepseek-r1") || m.contains("deepseek_r1") || m.contains("r1-distill")) {
            return new Pick(R1, "DeepSeek-R1 template (guessed from the model's name)");
        }
        if (m.contains("qwen3")) {
            return new Pick(ChatTemplates.CHATML_THINKING, "Qwen3 ChatML with its thinking switch (guessed from the model's name)");
        }
        return new Pick(null, "ChatML, opening the thinking (no template known for this model; configure one with --template)");
    }
}
