package io.thoughtscope.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thoughtscope.reasoning.model.Answer;
import io.thoughtscope.reasoning.model.AnswerForm;
import io.thoughtscope.reasoning.model.Evidence;
import io.thoughtscope.reasoning.model.Region;
import io.thoughtscope.reasoning.model.Span;
import io.thoughtscope.reasoning.model.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON kept in columns: strategy parameters, a node's answer, evidence lists. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of plain nodes always serialises
        }
    }

    static JsonNode read(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (JsonProcessingException e) {
            throw new StoreException(StoreException.Reason.DAMAGED, "A stored JSON value is damaged: " + e.getOriginalMessage(), e);
        }
    }

    static String parameters(Map<String, String> parameters) {
        ObjectNode o = MAPPER.createObjectNode();
        new TreeMap<>(parameters).forEach(o::put);
        return write(o);
    }

    static Map<String, String> parameters(String json) {
        Map<String, String> out = new TreeMap<>();
        read(json).properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static String answer(Answer a) {
        if (a == null) {
            return null;
        }
        ObjectNode o = MAPPER.createObjectNode();
        o.put("raw", a.raw());
        o.put("normalized", a.normalized());
        o.put("start", a.span().start());
        o.put("end", a.span().end());
        o.put("region", a.region().name());
        o.put("form", a.form().name());
        o.put("verdict", a.verdict().name());
        return write(o);
    }

    static Answer answer(String json) {
        if (json == null) {
            return null;
        }
        JsonNode o = read(json);
        return new Answer(o.path("raw").asText(), o.path("normalized").asText(),
                new Span(o.path("start").asInt(), o.path("end").asInt()), Region.valueOf(o.path("region").asText()),
                AnswerForm.valueOf(o.path("form").asText()), Verdict.valueOf(o.path("verdict").asText()));
    }

    /** {@code [[rule, matched, start, end], ...]}: compact, and still readable with json_each. */
    static String evidence(List<Evidence> evidence) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Evidence e : evidence) {
            a.addArray().add(e.rule()).add(e.matched()).add(e.span().start()).add(e.span().end());
        }
        return write(a);
    }

    static List<Evidence> evidence(String json) {
        JsonNode a = read(json);
        List<Evidence> out = new ArrayList<>(a.size());
        for (JsonNode e : a) {
            out.add(new Evidence(e.get(0).asText(), e.get(1).asText(), new Span(e.get(2).asInt(), e.get(3).asInt())));
        }
        return out;
    }
}
