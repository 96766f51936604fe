package io.thoughtscope.reasoning.traces;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Turns JSON values into text the way trace files mean them. */
final class JsonText {

    /** Fields that wrap a text in an object: {@code {"text": ...}}, {@code {"content": ...}}. */
    private static final List<String> WRAPPERS = List.of("text", "content", "value");

    private JsonText() {
    }

    /** Whether a field exists with a non-null value. */
    static boolean hasValue(JsonNode n) {
        return n != null && !n.isMissingNode() && !n.isNull();
    }

    /** The first of {@code names} that the object has with a non-null value, or null. */
    static String firstPresent(JsonNode object, List<String> names) {
        for (String name : names) {
            if (hasValue(object.get(name))) {
                return name;
            }
        }
        return null;
    }

    /**
     * The text of a value: a string as it is, a number or boolean as its JSON text, an object's
     * {@code text}/{@code content}/{@code value}, the text parts of a content-part array joined.
     * Null when the value holds no text.
     */
    static String text(JsonNode n) {
        if (!hasValue(n)) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isNumber()) {
            return number(n);
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        if (n.isObject()) {
            for (String w : WRAPPERS) {
                String t = text(n.get(w));
                if (t != null) {
                    return t;
                }
            }
            return null;
        }
        if (isContentParts(n)) {
            return partsText(n, false);
        }
        return null;
    }

    /**
     * A value as a raw string for ground truths and ids: scalars as their JSON text, wrapped text
     * unwrapped, anything else (several accepted answers) as compact JSON.
     */
    static String raw(JsonNode n) {
        if (!hasValue(n)) {
            return null;
        }
        String t = text(n);
        return t != null ? t : n.toString();
    }

    /** A number exactly as written: floats are read as BigDecimal with their trailing zeros. */
    static String number(JsonNode n) {
        return n.isBigDecimal() ? n.decimalValue().toPlainString() : n.asText();
    }

    /**
     * Whether an array holds content parts ({@code [{"type": "text", "text": ...}]}) rather
     * than separate samples.
     */
    static boolean isContentParts(JsonNode n) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            return false;
        }
        for (JsonNode e : n) {
            if (!e.isObject() || !e.hasNonNull("type")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The joined text of content parts: the thinking parts ({@code type} thinking or reasoning)
     * when {@code thinking}, else the others. Null when there are none.
     */
    static String partsText(JsonNode parts, boolean thinking) {
        StringBuilder sb = new StringBuilder();
        boolean any = false;
        for (JsonNode p : parts) {
            String type = p.path("type").asText("");
            boolean isThinking = type.equals("thinking") || type.equals("reasoning") || type.equals("redacted_thinking");
            if (isThinking != thinking || type.equals("redacted_thinking")) {
                continue;
            }
            String t = isThinking ? firstText(p, List.of("thinking", "reasoning", "text", "content")) : text(p);
            if (t != null) {
                sb.append(t);
                any = true;
            }
        }
        return any ? sb.toString() : null;
    }

    /** The text of the first of {@code names} that holds text, or null. */
    static String firstText(JsonNode object, List<String> names) {
        for (String name : names) {
            String t = text(object.get(name));
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}
