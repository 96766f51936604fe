package io.thoughtscope.reasoning.traces;

import com.fasterxml.jackson.databind.JsonNode;
import io.thoughtscope.reasoning.analysis.ThinkingSplitter;
import io.thoughtscope.reasoning.model.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.thoughtscope.reasoning.traces.FieldNames.ANSWER;
import static io.thoughtscope.reasoning.traces.FieldNames.CHATS;
import static io.thoughtscope.reasoning.traces.FieldNames.GROUND_TRUTH;
import static io.thoughtscope.reasoning.traces.FieldNames.ID;
import static io.thoughtscope.reasoning.traces.FieldNames.MODEL;
import static io.thoughtscope.reasoning.traces.FieldNames.QUESTION;

/**
 * Reads the traces out of one JSON record. With the output not mapped, the shapes are tried in
 * this order: OpenAI {@code choices} (in the record, its {@code response} or
 * {@code response.body}), a chat in {@code messages} / {@code conversations} /
 * {@code conversation} with an assistant turn, then a {@link FlatRecord}. Mapping thinking,
 * answer or text reads every record as flat. Question, ground truth, id and model are found
 * around whichever shape matched.
 */
final class RecordExtractor {

    /** What a shape found; {@code usedFields} never serve as ground truth. */
    private record Found(List<RawOutput> outputs, String question, String model, Set<String> usedFields) {}

    private final FieldMapping mapping;
    private final FlatRecord flat;

    RecordExtractor(FieldMapping mapping) {
        this.mapping = mapping;
        this.flat = new FlatRecord(mapping);
    }

    /**
     * The traces in one record: one, or several for n choices or an array of samples.
     *
     * @param fallbackModel the model named around the record (a container's), or null
     * @param warnings      receives problems that do not stop the record (a missing mapped
     *                      question, ground truth or id)
     * @throws RecordProblem when the record yields no trace
     */
    List<TraceRecord> extract(JsonNode node, String source, Where where, String fallbackModel,
                              Consumer<String> warnings) {
        if (node.isTextual()) {
            // an array or JSONL of bare strings: each is a whole output
            return List.of(new TraceRecord(source, where.line(), where.defaultId(), null,
                    ThinkingSplitter.split(node.textValue()), null, fallbackModel));
        }
        if (!node.isObject()) {
            throw new RecordProblem("expected a JSON object, found " + JsonPath.kind(node));
        }
        Found found = shape(node);
        if (found.outputs().stream().allMatch(RawOutput::isEmpty)) {
            throw new RecordProblem("the output is null: no text and no thinking");
        }
        String question = question(node, found, warnings);
        String groundTruth = groundTruth(node, found.usedFields(), warnings);
        String id = id(node, where, warnings);
        String model = Stream.of(found.model(), firstText(node, MODEL), fallbackModel)
                .filter(m -> m != null && !m.isBlank()).findFirst().orElse(null);
        List<RawOutput> outputs = found.outputs();
        List<TraceRecord> out = new ArrayList<>(outputs.size());
        for (int k = 0; k < outputs.size(); k++) {
            RawOutput o = outputs.get(k);
            Trace trace = ThinkingSplitter.fromParts(o.thinking(), o.text(), o.tokens());
            String recordId = outputs.size() > 1 ? id + "#" + (k + 1) : id;
            out.add(new TraceRecord(source, where.line(), recordId, question, trace, groundTruth, model));
        }
        return out;
    }

    private Found shape(JsonNode node) {
        if (mapping.mapsOutput()) {
            return flat(node);
        }
        JsonNode completion = ApiChoices.completion(node);
        if (completion != null) {
            return new Found(ApiChoices.outputs(completion), null, JsonText.text(completion.get("model")),
                    Set.of("choices", "response"));
        }
        for (String name : CHATS) {
            JsonNode chat = node.get(name);
            if (Conversation.isConversation(chat)) {
                Conversation c = Conversation.of(chat);
                Conversation.Turn reply = c.reply();
                if (reply != null) {
                    RawOutput o = new RawOutput(reply.thinking(), reply.content(), TokenArrays.ofRecord(node));
                    return new Found(List.of(o), c.question(), null, Set.of(name));
                }
            }
        }
        return flat(node); // a chat without a reply may still hold the question
    }

    private Found flat(JsonNode node) {
        FlatRecord.Result r = flat.read(node);
        return new Found(r.outputs(), null, null, r.usedFields());
    }

    // ---- question, ground truth, id, model

    private String question(JsonNode node, Found found, Consumer<String> warnings) {
        if (mapping.question() != null) {
            JsonNode v = JsonPath.find(node, mapping.question());
            if (v == null) {
                warnings.accept("question field '" + mapping.question() + "' not found ("
                        + JsonPath.whyMissing(node, mapping.question()) + "); read without a question");
                return null;
            }
            return questionText(v);
        }
        if (found.question() != null) {
            return found.question();
        }
        for (String name : QUESTION) {
            String q = questionText(node.get(name));
            if (q != null) {
                return q;
            }
        }
        for (String name : CHATS) {
            JsonNode chat = node.get(name);
            if (Conversation.isConversation(chat)) {
                String q = Conversation.of(chat).question();
                if (q != null) {
                    return q;
                }
            }
        }
        return null;
    }

    /** A question may be a chat prompt (TRL's conversational {@code prompt}): its last user turn. */
    private static String questionText(JsonNode v) {
        return Conversation.isConversation(v) ? Conversation.of(v).question() : JsonText.text(v);
    }

    private String groundTruth(JsonNode node, Set<String> used, Consumer<String> warnings) {
        if (mapping.groundTruth() != null) {
            JsonNode v = JsonPath.find(node, mapping.groundTruth());
            if (v == null) {
                warnings.accept("ground-truth field '" + mapping.groundTruth() + "' not found ("
                        + JsonPath.whyMissing(node, mapping.groundTruth()) + "); read without a ground truth");
                return null;
            }
            return JsonText.raw(v);
        }
        for (String name : GROUND_TRUTH) {
            if (!used.contains(name) && JsonText.hasValue(node.get(name))) {
                return JsonText.raw(node.get(name));
            }
        }
        return used.contains(ANSWER) ? null : JsonText.raw(node.get(ANSWER));
    }

    private String id(JsonNode node, Where where, Consumer<String> warnings) {
        if (mapping.id() != null) {
            JsonNode v = JsonPath.find(node, mapping.id());
            String id = v == null ? null : JsonText.raw(v);
            if (v == null) {
                warnings.accept("id field '" + mapping.id() + "' not found ("
                        + JsonPath.whyMissing(node, mapping.id()) + "); id " + where.defaultId() + " used");
            }
            return id != null ? id : where.defaultId();
        }
        for (String name : ID) {
            JsonNode v = node.get(name);
            if (v != null && (v.isTextual() || v.isNumber()) && !v.asText().isBlank()) {
                return JsonText.raw(v);
            }
        }
        return where.defaultId();
    }

    private static String firstText(JsonNode node, List<String> names) {
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && v.isTextual()) {
                return v.textValue();
            }
        }
        return null;
    }
}
