package io.thoughtscope.runtime.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Replays jinja-cases.json: small templates covering whitespace control, literals, operators,
 * filters, tests, Python string methods, scoping and errors, each with what real Jinja2 (set up as
 * Hugging Face sets it up) renders. The file is made by runtime/src/test/python/jinja_reference.py.
 */
class JinjaConformanceTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Arguments> cases() throws IOException {
        try (InputStream in = JinjaConformanceTemplateTest.class.getResourceAsStream("jinja-cases.json")) {
            JsonNode root = JSON.readTree(in);
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                cases.add(Arguments.of(c.get("name").asText(), c));
            }
            return cases;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void rendersAsJinjaDoes(String name, JsonNode c) {
        String template = c.get("template").asText();
        Map<String, Object> variables = JSON.convertValue(c.get("variables"), Map.class);
        if (c.has("expected")) {
            assertThat(ChatTemplate.compile(template).render(variables)).isEqualTo(c.get("expected").asText());
            return;
        }
        String error = c.get("error").asText();
        if (error.equals("syntax")) {
            TemplateException e = catchThrowableOfType(TemplateException.class, () -> ChatTemplate.compile(template));
            assertThat(e).as("a syntax error").isNotNull();
            assertThat(e.kind()).isEqualTo(TemplateException.Kind.SYNTAX);
            assertThat(e.line()).isPositive();
            return;
        }
        ChatTemplate compiled = ChatTemplate.compile(template);
        assertThatThrownBy(() -> compiled.render(variables))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    if (error.equals("raised")) {
                        assertThat(e.kind()).isEqualTo(TemplateException.Kind.RAISED);
                        assertThat(e.reason()).isEqualTo(c.get("message").asText().replaceFirst("^TemplateError: ", ""));
                    } else {
                        assertThat(e.kind()).isEqualTo(TemplateException.Kind.RENDER);
                    }
                    assertThat(e.line()).isPositive();
                });
    }
}
