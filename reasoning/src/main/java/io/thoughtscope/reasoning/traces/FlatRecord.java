package io.thoughtscope.reasoning.traces;

import com.fasterxml.jackson.databind.JsonNode;
import io.thoughtscope.reasoning.analysis.ThinkingSplitter;
import io.thoughtscope.reasoning.model.ThinkFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.thoughtscope.reasoning.traces.FieldNames.ANSWER;
import static io.thoughtscope.reasoning.traces.FieldNames.CHATS;
import static io.thoughtscope.reasoning.traces.FieldNames.OUTPUT;
import static io.thoughtscope.reasoning.traces.FieldNames.THINKING;

/**
 * The outputs of a flat record: a thinking field and an output field, found by name or mapped by
 * path. An output may be text (think tags allowed), a message object, a chat whose last assistant
 * turn counts, content parts, or an array of samples (one output each).
 *
 * <p>The field {@code answer} is ambiguous: GSM8K and MATH use it for the reference. Detection
 * takes it as the model's output only when no other output field exists and either a thinking
 * field exists or it contains think tags; otherwise it is left to be the ground truth. It is never
 * the output when the ground-truth mapping names it.
 */
final class FlatRecord {

    /** The outputs found, and the output field's path (never to serve as ground truth). */
    record Result(List<RawOutput> outputs, Set<String> usedFields) {}

    /** A field found by name or mapped by path. */
    private record Field(String path, JsonNode value) {}

    private final FieldMapping mapping;

    FlatRecord(FieldMapping mapping) {
        this.mapping = mapping;
    }

    /**
     * The outputs of one record.
     *
     * @throws RecordProblem when a mapped output or thinking field is missing or no output is found
     */
    Result read(JsonNode node) {
        Field thinking = mapping.thinking() != null ? required(node, mapping.thinking()) : named(node, THINKING);
        Field output = mapping.text() != null ? required(node, mapping.text())
                : mapping.answer() != null ? required(node, mapping.answer())
                : autoOutput(node, thinking != null);
        if (output == null && thinking == null) {
            throw new RecordProblem(noTrace(node));
        }
        List<RawOutput> outputs = output == null ? List.of(new RawOutput(null, null, List.of())) : outputs(output);
        outputs = withThinking(outputs, thinking);
        if (outputs.size() == 1 && outputs.getFirst().tokens().isEmpty()) {
            RawOutput o = outputs.getFirst();
            outputs = List.of(o.withTokens(TokenArrays.ofRecord(node)));
        }
        if (outputs.stream().allMatch(RawOutput::isEmpty) && output != null) {
            throw new RecordProblem("field '" + output.path() + "' is " + JsonPath.kind(output.value())
                    + (thinking == null ? " and no thinking was found" : " and so is the thinking"));
        }
        Set<String> used = output == null ? Set.of() : Set.of(output.path());
        return new Result(outputs, used);
    }

    /** The first output field; {@code answer} only as the class comment says. */
    private Field autoOutput(JsonNode node, boolean hasThinking) {
        for (String name : OUTPUT) {
            JsonNode v = node.get(name);
            if (holdsText(v) && !name.equals(mapping.groundTruth())) {
                return new Field(name, v);
            }
        }
        JsonNode answer = node.get(ANSWER);
        if (JsonText.hasValue(answer) && !ANSWER.equals(mapping.groundTruth())
                && (hasThinking || hasThinkTags(JsonText.text(answer)))) {
            return new Field(ANSWER, answer);
        }
        return null;
    }

    /** The traces an output value holds: one text, a chat reply, or an array of samples. */
    private static List<RawOutput> outputs(Field f) {
        JsonNode v = f.value();
        if (v.isNull()) {
            return List.of(new RawOutput(null, null, List.of()));
        }
        if (v.isObject() && ApiChoices.completion(v) != null) {
            return ApiChoices.outputs(ApiChoices.completion(v));
        }
        if (v.isArray()) {
            if (v.isEmpty()) {
                throw new RecordProblem("field '" + f.path() + "' is an empty array");
            }
            if (Conversation.isConversation(v)) {
                Conversation.Turn reply = Conversation.of(v).reply();
                if (reply == null) {
                    throw new RecordProblem("field '" + f.path() + "' is a chat without an assistant reply");
                }
                return List.of(new RawOutput(reply.thinking(), reply.content(), List.of()));
            }
            if (JsonText.isContentParts(v)) {
                return List.of(new RawOutput(JsonText.partsText(v, true), JsonText.partsText(v, false), List.of()));
            }
            List<RawOutput> samples = new ArrayList<>(v.size());
            for (JsonNode e : v) {
                samples.add(single(f, e));
            }
            return samples;
        }
        return List.of(single(f, v));
    }

    /** One sample: a string, a number, or an object wrapping text (a message, {@code {"text": ...}}). */
    private static RawOutput single(Field f, JsonNode v) {
        if (v.isObject()) {
            if (v.hasNonNull("role") || v.hasNonNull("from")) {
                Conversation.Turn t = Conversation.turn(v);
                return new RawOutput(t.thinking(), t.content(), List.of());
            }
            String text = JsonText.text(v);
            String thinking = JsonText.firstText(v, THINKING);
            if (text == null && thinking == null) {
                throw new RecordProblem("field '" + f.path() + "' holds an object without text ("
                        + "it " + JsonPath.describe(v) + ")");
            }
            return new RawOutput(thinking, text, TokenArrays.ofLogprobs(v.get("logprobs")));
        }
        if (v.isArray()) {
            throw new RecordProblem("field '" + f.path() + "' holds an array inside an array");
        }
        return new RawOutput(null, JsonText.text(v), List.of());
    }

    /**
     * Adds the record's thinking to outputs that have none. An array of thinking strings pairs
     * with an array of samples of the same size, else it is joined. An output that marks its own
     * thinking with tags keeps it.
     */
    private static List<RawOutput> withThinking(List<RawOutput> outputs, Field thinking) {
        if (thinking == null) {
            return outputs;
        }
        JsonNode v = thinking.value();
        boolean paired = v.isArray() && v.size() == outputs.size() && outputs.size() > 1;
        String joined = paired ? null : thinkingText(v);
        List<RawOutput> out = new ArrayList<>(outputs.size());
        for (int k = 0; k < outputs.size(); k++) {
            RawOutput o = outputs.get(k);
            String t = paired ? JsonText.text(v.get(k)) : joined;
            boolean keep = o.thinking() != null || t == null || hasThinkTags(o.text());
            out.add(keep ? o : o.withThinking(t));
        }
        return out;
    }

    private static String thinkingText(JsonNode v) {
        if (v.isArray() && !JsonText.isContentParts(v)) {
            List<String> parts = new ArrayList<>();
            for (JsonNode e : v) {
                String t = JsonText.text(e);
                if (t != null) {
                    parts.add(t);
                }
            }
            return parts.isEmpty() ? null : String.join("\n\n", parts);
        }
        return JsonText.text(v);
    }

    private Field required(JsonNode node, String path) {
        JsonNode v = JsonPath.find(node, path);
        if (v == null) {
            throw new RecordProblem("field '" + path + "' not found (" + JsonPath.whyMissing(node, path) + ")");
        }
        return new Field(path, v);
    }

    private Field named(JsonNode node, List<String> names) {
        for (String name : names) {
            JsonNode v = node.get(name);
            if (holdsText(v) && !name.equals(mapping.groundTruth())) {
                return new Field(name, v);
            }
        }
        return null;
    }

    /**
     * Whether a field found by name can be a trace: a flag such as {@code "cot": true} or a
     * class label {@code "prediction": 3} is not.
     */
    private static boolean holdsText(JsonNode v) {
        return v != null && (v.isTextual() || v.isObject() || v.isArray());
    }

    private static boolean hasThinkTags(String text) {
        return text != null && ThinkingSplitter.split(text).format() != ThinkFormat.NONE;
    }

    private static String noTrace(JsonNode node) {
        return "no trace text found (looked for: choices, " + String.join(", ", CHATS) + ", "
                + String.join(", ", THINKING) + ", " + String.join(", ", OUTPUT)
                + ", answer with think tags); the record " + JsonPath.describe(node);
    }
}
