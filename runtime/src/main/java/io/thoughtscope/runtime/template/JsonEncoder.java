package io.thoughtscope.runtime.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code tojson} filter as Hugging Face defines it: Python's {@code json.dumps} with
 * {@code ensure_ascii=False} by default, separators {@code ", "} and {@code ": "} (or {@code ","}
 * between items when indenting), floats as Python prints them, no HTML escaping.
 */
final class JsonEncoder {

    /** Map.entry refuses null values; this stands in for None while sorting. */
    private static final Object NULL = new Object();

    private final TextBuilder out;
    private final String indent;
    private final String itemSeparator;
    private final String keySeparator;
    private final boolean sortKeys;
    private final boolean ensureAscii;
    private final RenderBudget budget;

    private JsonEncoder(RenderBudget budget, String indent, String itemSeparator, String keySeparator,
                        boolean sortKeys, boolean ensureAscii) {
        this.out = new TextBuilder(budget);
        this.budget = budget;
        this.indent = indent;
        this.itemSeparator = itemSeparator;
        this.keySeparator = keySeparator;
        this.sortKeys = sortKeys;
        this.ensureAscii = ensureAscii;
    }

    /** {@code tojson(value, ensure_ascii=False, indent=None, separators=None, sort_keys=False)}. */
    static String encode(Object value, Arguments args, RenderBudget budget) {
        args.expect("tojson", 4, "ensure_ascii", "indent", "separators", "sort_keys");
        boolean ensureAscii = Values.truthy(args.get(0, "ensure_ascii", false));
        Object indentArg = args.get(1, "indent", null);
        String indent = switch (indentArg) {
            case null -> null;
            // capped: an indent wider than a screen is never meant, and would multiply the output
            case Long n -> " ".repeat((int) Math.max(0, Math.min(n, 64)));
            case String s -> s;
            default -> throw new EvalError("tojson() indent must be an integer or a string");
        };
        String itemSeparator = indent == null ? ", " : ",";
        String keySeparator = ": ";
        Object separators = args.get(2, "separators", null);
        if (separators instanceof List<?> pair && pair.size() == 2
                && pair.get(0) instanceof String item && pair.get(1) instanceof String key) {
            itemSeparator = item;
            keySeparator = key;
        } else if (separators != null) {
            throw new EvalError("tojson() separators must be a pair of strings");
        }
        boolean sortKeys = Values.truthy(args.get(3, "sort_keys", false));
        JsonEncoder encoder = new JsonEncoder(budget, indent, itemSeparator, keySeparator, sortKeys, ensureAscii);
        encoder.write(value, 0);
        return encoder.out.build();
    }

    private void write(Object value, int level) {
        budget.step();
        RenderBudget.checkValueDepth(level);
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b ? "true" : "false");
            case Long l -> out.append(Long.toString(l));
            case Double d -> out.append(number(d));
            case String s -> string(s);
            case List<?> list -> {
                if (list.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append("[");
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(itemSeparator);
                    }
                    newline(level + 1);
                    write(list.get(i), level + 1);
                }
                newline(level);
                out.append("]");
            }
            case Map<?, ?> map -> {
                if (map.isEmpty()) {
                    out.append("{}");
                    return;
                }
                List<Map.Entry<String, Object>> entries = new ArrayList<>();
                map.forEach((k, v) -> entries.add(Map.entry(key(k), v == null ? NULL : v)));
                if (sortKeys) {
                    entries.sort((a, b) -> Values.compareCodePoints(a.getKey(), b.getKey()));
                }
                out.append("{");
                boolean first = true;
                for (Map.Entry<String, Object> e : entries) {
                    if (!first) {
                        out.append(itemSeparator);
                    }
                    first = false;
                    newline(level + 1);
                    string(e.getKey());
                    out.append(keySeparator);
                    write(e.getValue() == NULL ? null : e.getValue(), level + 1);
                }
                newline(level);
                out.append("}");
            }
            default -> throw new EvalError("Object of type " + Values.typeName(value) + " is not JSON serializable");
        }
    }

    private void newline(int level) {
        if (indent != null) {
            out.append("\n");
            for (int i = 0; i < level; i++) {
                out.append(indent);
            }
        }
    }

    private static String key(Object k) {
        return switch (k) {
            case String s -> s;
            case null -> "null";
            case Boolean b -> b ? "true" : "false";
            case Long l -> Long.toString(l);
            case Double d -> number(d);
            default -> throw new EvalError("keys must be str, int, float, bool or None, not " + Values.typeName(k));
        };
    }

    private static String number(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return PythonText.floatRepr(d);
    }

    private void string(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                case '\b' -> q.append("\\b");
                case '\f' -> q.append("\\f");
                default -> {
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        out.append(q.append('"').toString());
    }
}
