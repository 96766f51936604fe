package io.thoughtscope.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replays real-template-cases.json: every real chat template in the test resources (see
 * {@link RealTemplates}) rendering the same standard conversations (system or not, thinking on
 * and off, reasoning_content, tools, tool calls, roles out of order, odd text), each with the
 * prompt, or the failure, that real Jinja2 set up as Hugging Face sets it up gives. The file is
 * made by runtime/src/test/python/jinja_reference.py, which renders strftime_now at
 * 2025-03-07 09:30.
 */
class RealTemplateConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock REFERENCE_TIME = Clock.fixed(Instant.parse("2025-03-07T09:30:00Z"), ZoneOffset.UTC);

    static List<Arguments> cases() throws IOException {
        try (InputStream in = RealTemplateConformanceTest.class.getResourceAsStream("real-template-cases.json")) {
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode c : JSON.readTree(in).get("cases")) {
                cases.add(Arguments.of(c.get("template").asText(), c.get("conversation").asText(), c));
            }
            return cases;
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void rendersAsHuggingFaceDoes(String templateName, String conversation, JsonNode c) {
        ChatTemplate template = RealTemplates.load(templateName).withClock(REFERENCE_TIME);
        Map<String, Object> variables = JSON.convertValue(c.get("variables"), Map.class);

        if (c.has("expected")) {
            assertThat(template.render(variables)).isEqualTo(c.get("expected").asText());
            return;
        }
        boolean raised = c.get("error").asText().equals("raised");
        assertThatThrownBy(() -> template.render(variables)).isInstanceOfSatisfying(TemplateException.class, e -> {
            assertThat(e.kind()).isEqualTo(raised ? TemplateException.Kind.RAISED : TemplateException.Kind.RENDER);
            if (raised) {
                assertThat(e.reason()).isEqualTo(c.get("message").asText().replaceFirst("^TemplateError: ", ""));
            }
        });
    }
}
