package io.thoughtscope.reasoning.traces;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mapping values and the paths they name. */
class TraceFieldMappingTest {

    @Test
    void autoMapsNothingAndBlankValuesMeanAuto() {
        assertThat(FieldMapping.auto().isAuto()).isTrue();
        assertThat(new FieldMapping(" ", "", null, null, null, null).isAuto()).isTrue();
        assertThat(FieldMapping.auto().withGroundTruth(" answer ").groundTruth()).isEqualTo("answer");
        assertThat(FieldMapping.auto().withGroundTruth("answer").mapsOutput()).isFalse();
        assertThat(FieldMapping.auto().withThinking("reasoning").mapsOutput()).isTrue();
    }

    @Test
    void malformedPathsAndConflictingOutputsAreRejected() {
        assertThatThrownBy(() -> FieldMapping.auto().withText("a..b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a..b'");
        assertThatThrownBy(() -> FieldMapping.auto().withId(".id"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldMapping.auto().withText("output").withAnswer("answer"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    }

    @Test
    void pathsWalkObjectsAndArrays() throws Exception {
        JsonNode n = Json.MAPPER.readTree("""
                {"choices": [{"message": {"content": "first"}}, {"message": {"content": "last"}}],
                 "a.b": {"c": 1}, "a": {"x": 2}, "nil": null}""");

        assertThat(JsonPath.find(n, "choices.0.message.content").textValue()).isEqualTo("first");
        assertThat(JsonPath.find(n, "choices.-1.message.content").textValue()).isEqualTo("last");
        assertThat(JsonPath.find(n, "a.b.c").intValue()).isEqualTo(1);
        assertThat(JsonPath.find(n, "a.x").intValue()).isEqualTo(2);
        assertThat(JsonPath.find(n, "nil").isNull()).isTrue();
        assertThat(JsonPath.find(n, "choices.2.message")).isNull();
        assertThat(JsonPath.find(n, "choices.first")).isNull();
        assertThat(JsonPath.find(n, "a.x.y")).isNull();
    }

    @Test
    void missingPathsAreExplained() throws Exception {
        JsonNode n = Json.MAPPER.readTree("{\"choices\": [{\"text\": \"t\"}], \"id\": 3}");

        assertThat(JsonPath.whyMissing(n, "choices.0.message")).isEqualTo("'choices.0' has fields: text");
        assertThat(JsonPath.whyMissing(n, "choices.4")).isEqualTo("'choices' is an array of 1");
        assertThat(JsonPath.whyMissing(n, "id.value")).isEqualTo("'id' is a number");
        assertThat(JsonPath.whyMissing(n, "output")).isEqualTo("the record has fields: choices, id");
    }
}
