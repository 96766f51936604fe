package io.thoughtscope.runtime.template;

import io.thoughtscope.reasoning.spi.ChatMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public face of the renderer: how Java values and chat messages reach a template. */
class ChatTemplateTest {

    @Test
    void messagesCarryReasoningContentOnlyWhenTheyHaveReasoning() {
        ChatTemplate template = ChatTemplate.compile(
                "{% for m in messages %}{{ m.role }}:{{ m.content }}:{{ m.reasoning_content is defined }}"
                        + "{% if m.reasoning_content is defined %}:{{ m.reasoning_content }}{% endif %};{% endfor %}");

        String out = template.render(List.of(ChatMessage.user("q"), new ChatMessage("assistant", "a", "because"),
                ChatMessage.assistant("b")), false, Map.of());

        assertThat(out).isEqualTo("user:q:False;assistant:a:True:because;assistant:b:False;");
    }

    @Test
    void conversationVariablesAreThoseApplyChatTemplatePasses() {
        ChatTemplate template = ChatTemplate.compile(
                "{{ add_generation_prompt }} {{ tools is none }} {{ documents is none }} {{ bos_token }} {{ enable_thinking is defined }}");

        assertThat(template.render(List.of(), true, Map.of("bos_token", "<s>"))).isEqualTo("True True True <s> False");
        assertThat(template.render(List.of(), false, Map.of("bos_token", "<s>", "enable_thinking", false)))
                .isEqualTo("False True True <s> True");
    }

    @Test
    void extraVariablesOverrideTheDefaults() {
        ChatTemplate template = ChatTemplate.compile("{{ tools | length }} {{ add_generation_prompt }}");

        assertThat(template.render(List.of(), false, Map.of("tools", List.of(Map.of("name", "t")), "add_generation_prompt", true)))
                .isEqualTo("1 True");
    }

    @Test
    void javaValuesBecomePythonValues() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("i", 42);
        variables.put("f", 0.1f);
        variables.put("d", new BigDecimal("2.5"));
        variables.put("b", true);
        variables.put("n", null);
        variables.put("a", new String[] {"x", "y"});
        variables.put("m", Map.of("k", List.of(1, 2)));
        variables.put("c", 'z');
        ChatTemplate template = ChatTemplate.compile("{{ i }} {{ i is integer }} {{ f }} {{ d }} {{ b }} {{ n }} {{ a }} {{ m.k[1] }} {{ c }}");

        assertThat(template.render(variables)).isEqualTo("42 True 0.1 2.5 True None ['x', 'y'] 2 z");
    }

    @Test
    void unsupportedJavaValuesAreRefusedWithAClearMessage() {
        ChatTemplate template = ChatTemplate.compile("{{ x }}");

        assertThatThrownBy(() -> template.render(Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a String, Number, Boolean, List, Map or null");
    }

    @Test
    void mentionsMeansReadsTheVariableNotMerelyContainsTheWord() {
        ChatTemplate template = ChatTemplate.compile("enable_thinking is plain text {# enable_thinking #}{{ messages | length }}");

        assertThat(template.mentions("enable_thinking")).isFalse();
        assertThat(template.mentions("messages")).isTrue();
    }

    @Test
    void renderErrorsSayWhereInTheTemplate() {
        ChatTemplate template = ChatTemplate.compile("{% for m in messages %}\n  {{ m.content + 1 }}\n{% endfor %}");

        assertThatThrownBy(() -> template.render(List.of(ChatMessage.user("hi")), false, Map.of()))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TemplateException.Kind.RENDER);
                    assertThat(e.reason()).isEqualTo("can only concatenate str (not \"int\") to str");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(16);
                });
    }

    @Test
    void undefinedValuesFailOnlyWhenUsed() {
        ChatTemplate template = ChatTemplate.compile("[{{ bos_token }}]{{ bos_token + 'x' }}");

        assertThatThrownBy(() -> template.render(Map.of()))
                .isInstanceOfSatisfying(TemplateException.class,
                        e -> assertThat(e.reason()).isEqualTo("'bos_token' is undefined"));
    }

    @Test
    void strftimeNowReadsTheGivenClockInItsZone() {
        Clock clock = Clock.fixed(Instant.parse("2024-12-31T23:30:00Z"), ZoneOffset.ofHours(2));
        ChatTemplate template = ChatTemplate.compile("{{ strftime_now('%Y-%m-%d %H:%M %a %B %-d %j %p %I') }}").withClock(clock);

        assertThat(template.render(Map.of())).isEqualTo("2025-01-01 01:30 Wed January 1 001 AM 01");
    }

    @Test
    void oneCompiledTemplateRendersConcurrently() {
        ChatTemplate template = RealTemplates.load("qwen3");

        List<String> outputs = IntStream.range(0, 64).parallel()
                .mapToObj(i -> template.render(List.of(ChatMessage.user("Question " + (i % 4))), true, Map.of()))
                .toList();

        for (int i = 0; i < outputs.size(); i++) {
            assertThat(outputs.get(i)).isEqualTo("<|im_start|>user\nQuestion " + (i % 4)
                    + "<|im_end|>\n<|im_start|>assistant\n");
        }
    }

    @Test
    void keepsItsSourceAndCopiesWithOtherSettings() {
        ChatTemplate template = ChatTemplate.compile("{{ 1 }}");
        ChatTemplate bounded = template.withLimits(new TemplateLimits(1, 10, 100, 2));

        assertThat(template.source()).isEqualTo("{{ 1 }}");
        assertThat(bounded).isNotSameAs(template);
        assertThat(bounded.render(Map.of())).isEqualTo("1");
        assertThat(template.render(Map.of())).isEqualTo("1");
        assertThatThrownBy(() -> new TemplateLimits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
