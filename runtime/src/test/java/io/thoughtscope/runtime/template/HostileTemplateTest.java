package io.thoughtscope.runtime.template;

import io.thoughtscope.reasoning.spi.ChatMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A template comes from a model file the user picked; whatever it does, rendering ends with a
 * clear {@link TemplateException}: no hang, no exhausted memory, no stack overflow.
 */
class HostileTemplateTest {

    private static void assertStopsAtLimit(String source, TemplateLimits limits, String reasonFragment) {
        ChatTemplate template = ChatTemplate.compile(source).withLimits(limits);
        assertThatThrownBy(() -> template.render(Map.of()))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TemplateException.Kind.LIMIT);
                    assertThat(e.reason()).contains(reasonFragment);
                });
    }

    private static void assertStopsAtLimit(String source, String reasonFragment) {
        assertStopsAtLimit(source, TemplateLimits.DEFAULT, reasonFragment);
    }

    @Test
    void nestedLoopsStopAtTheIterationLimit() {
        assertStopsAtLimit("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
                "iterations");
    }

    @Test
    void endlessRecursionStopsAtTheCallDepth() {
        assertStopsAtLimit("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "macro calls nested more than 64");
    }

    @Test
    void exponentialRecursionStopsAtTheStepLimit() {
        assertStopsAtLimit("{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
                new TemplateLimits(4_000_000, 1_000_000, 200_000, 64), "evaluation steps");
    }

    @Test
    void stringDoublingStopsAtTheStringLimit() {
        assertStopsAtLimit("{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
                "string longer than");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ 'x' * 1000000000 }}", "{{ ('ab' * 3000000) | length }}", "{{ 'a' | center(999999999) }}",
            "{{ ('x' * 1000) | replace('x', 'yyyyyyyyyy' * 1000) }}"})
    void hugeStringsAreRefusedBeforeTheyAreBuilt(String source) {
        assertStopsAtLimit(source, "string longer than");
    }

    @Test
    void hugeListsAreRefusedBeforeTheyAreBuilt() {
        assertStopsAtLimit("{{ ([0] * 1000000000) | length }}", "list longer than");
        assertStopsAtLimit("{% set ns = namespace(l=[0]) %}{% for i in range(64) %}{% set ns.l = ns.l + ns.l %}{% endfor %}",
                "list longer than");
    }

    @Test
    void hugeRangesAreRefusedAsJinjasSandboxDoes() {
        assertStopsAtLimit("{% for i in range(1000000000) %}{% endfor %}", "range too big");
    }

    @Test
    void outputStopsAtTheOutputLimit() {
        assertStopsAtLimit("{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}", "string longer than");
    }

    @Test
    void deeplyNestedValuesAreRefusedWhenPrinted() {
        assertStopsAtLimit("{% set ns = namespace(l=[]) %}{% for i in range(5000) %}{% set ns.l = [ns.l] %}{% endfor %}{{ ns.l }}",
                "nests lists or dicts");
        assertStopsAtLimit("{% set ns = namespace(l=[]) %}{% for i in range(5000) %}{% set ns.l = [ns.l] %}{% endfor %}{{ ns.l | tojson }}",
                "nests lists or dicts");
    }

    @Test
    void aVeryLongExpressionChainStopsInsteadOfOverflowingTheStack() {
        String chain = "{{ 1" + " + 1".repeat(20_000) + " }}";
        assertStopsAtLimit(chain, "levels deep");
    }

    @Test
    void deepNestingIsASyntaxErrorNotAStackOverflow() {
        String parentheses = "{{ " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " }}";
        String blocks = "{% if true %}".repeat(5_000) + "{% endif %}".repeat(5_000);
        String negations = "{{ " + "not ".repeat(10_000) + "true }}";
        for (String source : List.of(parentheses, blocks, negations)) {
            assertThatThrownBy(() -> ChatTemplate.compile(source))
                    .isInstanceOfSatisfying(TemplateException.class,
                            e -> assertThat(e.kind()).isEqualTo(TemplateException.Kind.SYNTAX));
        }
    }

    @Test
    void recursionOnASmallThreadStackStillEndsInATemplateException() throws InterruptedException {
        ChatTemplate template = ChatTemplate.compile(
                "{% macro f(n) %}{% if n > 0 %}{% for i in [1] %}{% if true %}{{ f(n - 1) }}{% endif %}{% endfor %}{% endif %}{% endmacro %}{{ f(1000) }}")
                .withLimits(new TemplateLimits(4_000_000, 1_000_000, 50_000_000, 10_000));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                template.render(Map.of());
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "small-stack", 128 * 1024);
        small.start();
        small.join();

        assertThat(thrown.get()).isInstanceOfSatisfying(TemplateException.class,
                e -> assertThat(e.kind()).isEqualTo(TemplateException.Kind.LIMIT));
    }

    @Test
    void aLongConversationStaysWellInsideTheDefaultLimits() {
        ChatTemplate qwen3 = RealTemplates.load("qwen3");
        List<ChatMessage> conversation = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            conversation.add(ChatMessage.user("Question " + i));
            conversation.add(new ChatMessage("assistant", "Answer " + i, "Thinking about " + i));
        }
        conversation.add(ChatMessage.user("Last question"));

        String prompt = qwen3.render(conversation, true, Map.of("enable_thinking", false));

        assertThat(prompt).startsWith("<|im_start|>user\nQuestion 0<|im_end|>\n<|im_start|>assistant\nAnswer 0<|im_end|>\n")
                .endsWith("<|im_start|>user\nLast question<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n")
                .doesNotContain("Thinking about");
    }
}
