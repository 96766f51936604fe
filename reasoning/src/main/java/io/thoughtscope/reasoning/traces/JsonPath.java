package io.thoughtscope.reasoning.traces;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Resolves {@link FieldMapping} paths ({@code a.b.0.c}) in a JSON record. */
final class JsonPath {

    private static final int NAMES_SHOWN = 12;

    private JsonPath() {
    }

    /** The value at {@code path} (JSON null included), or null when the path does not exist. */
    static JsonNode find(JsonNode root, String path) {
        return find(root, path.split("\\.", -1), 0);
    }

    private static JsonNode find(JsonNode node, String[] parts, int from) {
        if (from == parts.length) {
            return node;
        }
        if (node.isObject()) {
            // longest name first: flattened exports have fields literally named "a.b"
            for (int to = parts.length; to > from; to--) {
                JsonNode child = node.get(String.join(".", Arrays.copyOfRange(parts, from, to)));
                if (child != null) {
                    JsonNode found = find(child, parts, to);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
        if (node.isArray()) {
            int i = index(parts[from], node.size());
            return i < 0 ? null : find(node.get(i), parts, from + 1);
        }
        return null;
    }

    /** An array index; negative ones count from the end; -1 when it is not a valid index. */
    private static int index(String part, int size) {
        try {
            int i = Integer.parseInt(part);
            int j = i < 0 ? size + i : i;
            return j >= 0 && j < size ? j : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Says why {@code path} is missing: what the deepest existing part of it holds. */
    static String whyMissing(JsonNode root, String path) {
        String[] parts = path.split("\\.", -1);
        JsonNode node = root;
        int i = 0;
        while (i < parts.length) {
            JsonNode child = node.isObject() ? node.get(parts[i])
                    : node.isArray() && index(parts[i], node.size()) >= 0 ? node.get(index(parts[i], node.size()))
                    : null;
            if (child == null) {
                break;
            }
            node = child;
            i++;
        }
        String where = i == 0 ? "the record" : "'" + String.join(".", Arrays.copyOfRange(parts, 0, i)) + "'";
        return where + " " + describe(node);
    }

    /** What a node holds, for messages: its field names, its size, or its type. */
    static String describe(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty()) {
                return "is an empty object";
            }
            String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
            return "has fields: " + shown + (names.size() > NAMES_SHOWN ? ", ..." : "");
        }
        if (node.isArray()) {
            return "is an array of " + node.size();
        }
        return "is " + kind(node);
    }

    /** The JSON type of a node in words ("a string", "null"). */
    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
