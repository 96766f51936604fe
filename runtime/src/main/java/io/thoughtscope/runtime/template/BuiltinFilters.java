package io.thoughtscope.runtime.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja's filters ({@code value | name(args)}) that chat templates use, with Jinja's behaviour on
 * undefined values: most treat them as an empty string, {@code default} replaces them,
 * {@code length} counts zero.
 */
final class BuiltinFilters {

    @FunctionalInterface
    private interface Filter {
        Object apply(Renderer r, Object value, Arguments args);
    }

    private static final Pattern WORD_BEGINNING = Pattern.compile("([-\\s({\\[<]+)");
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Map<String, Filter> FILTERS = new HashMap<>();

    static {
        FILTERS.put("abs", (r, v, a) -> abs(v));
        FILTERS.put("attr", (r, v, a) -> attr(v, a.string(0, "name", "attr")));
        FILTERS.put("capitalize", (r, v, a) -> PythonStrings.capitalize(soft(r, v)));
        FILTERS.put("center", (r, v, a) -> StringMethods.call(r, soft(r, v), "center",
                Arguments.of(List.of(a.get(0, "width", 80L)))));
        FILTERS.put("count", (r, v, a) -> Values.length(v));
        FILTERS.put("length", (r, v, a) -> Values.length(v));
        FILTERS.put("default", BuiltinFilters::fallback);
        FILTERS.put("d", BuiltinFilters::fallback);
        FILTERS.put("dictsort", BuiltinFilters::dictsort);
        FILTERS.put("escape", (r, v, a) -> escape(soft(r, v)));
        FILTERS.put("e", (r, v, a) -> escape(soft(r, v)));
        FILTERS.put("first", (r, v, a) -> {
            List<Object> items = Values.iterate(v);
            return items.isEmpty() ? new Undefined("no first item, the sequence was empty") : items.getFirst();
        });
        FILTERS.put("last", (r, v, a) -> {
            List<Object> items = Values.iterate(v);
            return items.isEmpty() ? new Undefined("no last item, the sequence was empty") : items.getLast();
        });
        FILTERS.put("float", (r, v, a) -> toFloat(v, a.get(0, "default", 0.0)));
        FILTERS.put("int", BuiltinFilters::toInt);
        FILTERS.put("indent", BuiltinFilters::indent);
        FILTERS.put("items", (r, v, a) -> switch (v) {
            case Undefined u -> List.of();
            case Map<?, ?> m -> CollectionMethods.call(r, m, "items", Arguments.NONE);
            case null, default -> throw new EvalError("can only get item pairs from a mapping");
        });
        FILTERS.put("join", BuiltinFilters::join);
        FILTERS.put("list", (r, v, a) -> {
            List<Object> items = Values.iterate(v);
            r.budget().chargeList(items.size());
            return Collections.unmodifiableList(new ArrayList<>(items));
        });
        FILTERS.put("lower", (r, v, a) -> PythonStrings.lower(soft(r, v)));
        FILTERS.put("upper", (r, v, a) -> PythonStrings.upper(soft(r, v)));
        FILTERS.put("title", (r, v, a) -> title(soft(r, v)));
        FILTERS.put("trim", (r, v, a) -> {
            Object chars = a.expect("trim", 1, "chars").get(0, "chars", null);
            return PythonStrings.strip(soft(r, v), chars == null ? null : soft(r, chars), true, true);
        });
        FILTERS.put("replace", (r, v, a) -> {
            a.expect("replace", 3, "old", "new", "count");
            return PythonStrings.replace(soft(r, v), soft(r, a.get(0, "old", "")), soft(r, a.get(1, "new", "")),
                    a.get(2, "count", null) == null ? -1 : a.integer(2, "count", -1, "replace"), r.budget());
        });
        FILTERS.put("reverse", (r, v, a) -> {
            if (v instanceof String s) {
                return new StringBuilder(s).reverse().toString();
            }
            List<Object> items = new ArrayList<>(Values.iterate(v));
            Collections.reverse(items);
            return Collections.unmodifiableList(items);
        });
        FILTERS.put("round", BuiltinFilters::round);
        FILTERS.put("safe", (r, v, a) -> soft(r, v));
        FILTERS.put("string", (r, v, a) -> soft(r, v));
        FILTERS.put("sum", BuiltinFilters::sum);
        FILTERS.put("min", (r, v, a) -> extreme(r, v, a, "min"));
        FILTERS.put("max", (r, v, a) -> extreme(r, v, a, "max"));
        FILTERS.put("unique", BuiltinFilters::unique);
        FILTERS.put("sort", BuiltinFilters::sort);
        FILTERS.put("map", BuiltinFilters::map);
        FILTERS.put("select", (r, v, a) -> select(r, v, a, false, true));
        FILTERS.put("reject", (r, v, a) -> select(r, v, a, false, false));
        FILTERS.put("selectattr", (r, v, a) -> select(r, v, a, true, true));
        FILTERS.put("rejectattr", (r, v, a) -> select(r, v, a, true, false));
        FILTERS.put("tojson", (r, v, a) -> JsonEncoder.encode(v, a, r.budget()));
        FILTERS.put("wordcount", (r, v, a) -> {
            Matcher m = WORD.matcher(soft(r, v));
            long words = 0;
            while (m.find()) {
                words++;
            }
            return words;
        });
    }

    private BuiltinFilters() {
    }

    static boolean has(String name) {
        return FILTERS.containsKey(name);
    }

    static Object apply(Renderer r, String name, Object value, Arguments args) {
        r.budget().step();
        return FILTERS.get(name).apply(r, value, args);
    }

    /** Jinja's soft_str: the value as text, an undefined value as nothing. */
    private static String soft(Renderer r, Object v) {
        return PythonText.str(v, r.budget());
    }

    private static Object abs(Object v) {
        return switch (v) {
            case Long l when l == Long.MIN_VALUE -> throw new EvalError("integer overflow in abs");
            case Long l -> Math.abs(l);
            case Double d -> Math.abs(d);
            case Boolean b -> b ? 1L : 0L;
            case null, default -> throw new EvalError("bad operand type for abs(): '" + Values.typeName(v) + "'");
        };
    }

    /** Only an attribute, never an item: a dict key is not an attribute of the dict. */
    private static Object attr(Object v, String name) {
        if (v instanceof Map<?, ?> m) {
            return CollectionMethods.isMapMethod(name) ? new BoundMethod(m, name) : Undefined.attribute(m, name);
        }
        return Values.getAttr(v, name);
    }

    private static Object fallback(Renderer r, Object v, Arguments a) {
        a.expect("default", 2, "default_value", "boolean");
        Object replacement = a.get(0, "default_value", "");
        boolean replaceFalsy = Values.truthy(a.get(1, "boolean", false));
        return v instanceof Undefined || (replaceFalsy && !Values.truthy(v)) ? replacement : v;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Jinja's title filter: upper-cases the first letter after a space, dash or opening bracket. */
    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        Matcher m = WORD_BEGINNING.matcher(s);
        int from = 0;
        while (m.find()) {
            appendTitled(out, s.substring(from, m.start()));
            appendTitled(out, m.group());
            from = m.end();
        }
        appendTitled(out, s.substring(from));
        return out.toString();
    }

    private static void appendTitled(StringBuilder out, String item) {
        if (!item.isEmpty()) {
            int first = item.codePointAt(0);
            out.append(PythonStrings.upper(new String(Character.toChars(first))))
                    .append(PythonStrings.lower(item.substring(Character.charCount(first))));
        }
    }

    private static Object toInt(Renderer r, Object v, Arguments a) {
        a.expect("int", 2, "default", "base");
        Object fallback = a.get(0, "default", 0L);
        long base = a.integer(1, "base", 10, "int");
        return switch (v) {
            case Long l -> l;
            case Boolean b -> b ? 1L : 0L;
            case Double d when !d.isNaN() && !d.isInfinite() && Math.abs(d) < 9.2e18 -> (long) (double) d;
            case String s -> {
                String t = s.strip().replace("_", "");
                try {
                    if (base == 16 && (t.startsWith("0x") || t.startsWith("0X"))) {
                        t = t.substring(2);
                    }
                    yield Long.parseLong(t.startsWith("+") ? t.substring(1) : t, (int) base);
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    Object f = toFloat(s, null);
                    yield f instanceof Double d && !d.isNaN() && !d.isInfinite() && Math.abs(d) < 9.2e18
                            ? (Object) (long) (double) d : fallback;
                }
            }
            case null, default -> fallback;
        };
    }

    private static Object toFloat(Object v, Object fallback) {
        return switch (v) {
            case Double d -> d;
            case Long l -> (double) l;
            case Boolean b -> b ? 1.0 : 0.0;
            case String s -> {
                String t = s.strip().replace("_", "");
                String lower = t.toLowerCase(java.util.Locale.ROOT);
                if (lower.matches("[+-]?(inf|infinity|nan)")) {
                    yield lower.contains("nan") ? Double.NaN
                            : lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
                if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    yield fallback;
                }
                yield Double.parseDouble(t);
            }
            case null, default -> fallback;
        };
    }

    private static Object indent(Renderer r, Object v, Arguments a) {
        a.expect("indent", 3, "width", "first", "blank");
        Object width = a.get(0, "width", 4L);
        String indention = width instanceof String s ? s : " ".repeat((int) Math.max(0, Math.min(Values.toLong(width), 1024)));
        boolean first = Values.truthy(a.get(1, "first", false));
        boolean blank = Values.truthy(a.get(2, "blank", false));
        List<Object> lines = PythonStrings.splitLines(soft(r, v) + "\n");
        TextBuilder out = new TextBuilder(r.budget());
        for (int i = 0; i < lines.size(); i++) {
            String line = (String) lines.get(i);
            if (i > 0) {
                out.append("\n");
                if (blank || !line.isEmpty()) {
                    out.append(indention);
                }
            }
            out.append(line);
        }
        String text = out.build();
        return first ? indention + text : text;
    }

    private static Object join(Renderer r, Object v, Arguments a) {
        a.expect("join", 2, "d", "attribute");
        String separator = soft(r, a.get(0, "d", ""));
        Object attribute = a.get(1, "attribute", null);
        List<Object> items = Values.iterate(v);
        r.budget().work(items.size());
        TextBuilder out = new TextBuilder(r.budget());
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            Object item = attribute == null ? items.get(i) : attributeOf(r, items.get(i), attribute);
            out.append(soft(r, item));
        }
        return out.build();
    }

    private static Object round(Renderer r, Object v, Arguments a) {
        a.expect("round", 2, "precision", "method");
        long precision = a.integer(0, "precision", 0, "round");
        String method = soft(r, a.get(1, "method", "common"));
        if (!Values.isNumber(v)) {
            throw new EvalError("round() needs a number, not " + Values.typeName(v));
        }
        if (method.equals("common")) {
            if (!(v instanceof Double d)) {
                return Values.toLong(v);
            }
            if (d.isNaN() || d.isInfinite()) {
                return d;
            }
            return new BigDecimal(d).setScale((int) Math.max(-308, Math.min(precision, 340)), RoundingMode.HALF_EVEN).doubleValue();
        }
        if (!method.equals("ceil") && !method.equals("floor")) {
            throw new EvalError("round() method must be 'common', 'ceil' or 'floor'");
        }
        double scale = Math.pow(10, precision);
        double scaled = Values.toDouble(v) * scale;
        return (method.equals("ceil") ? Math.ceil(scaled) : Math.floor(scaled)) / scale;
    }

    private static Object sum(Renderer r, Object v, Arguments a) {
        a.expect("sum", 2, "attribute", "start");
        Object attribute = a.get(0, "attribute", null);
        Object total = a.get(1, "start", 0L);
        List<Object> items = Values.iterate(v);
        r.budget().work(items.size());
        for (Object item : items) {
            total = Operators.apply("+", total, attribute == null ? item : attributeOf(r, item, attribute), r.budget());
        }
        return total;
    }

    /** The sort key: the attribute when asked for, strings lower-cased unless case-sensitive. */
    private static Object key(Renderer r, Object item, Object attribute, boolean caseSensitive) {
        Object key = attribute == null ? item : attributeOf(r, item, attribute);
        return !caseSensitive && key instanceof String s ? PythonStrings.lower(s) : key;
    }

    private static Object extreme(Renderer r, Object v, Arguments a, String which) {
        a.expect(which, 2, "case_sensitive", "attribute");
        boolean caseSensitive = Values.truthy(a.get(0, "case_sensitive", false));
        Object attribute = a.get(1, "attribute", null);
        List<Object> items = Values.iterate(v);
        r.budget().work(items.size());
        Object best = null;
        Object bestKey = null;
        for (Object item : items) {
            Object k = key(r, item, attribute, caseSensitive);
            int cmp = best == null ? 0 : Values.compare(k, bestKey, which.equals("min") ? "<" : ">");
            if (best == null || (which.equals("min") ? cmp < 0 : cmp > 0)) {
                best = item;
                bestKey = k;
            }
        }
        return items.isEmpty() ? new Undefined("no " + which + " item, the sequence was empty") : best;
    }

    private static Object unique(Renderer r, Object v, Arguments a) {
        a.expect("unique", 2, "case_sensitive", "attribute");
        boolean caseSensitive = Values.truthy(a.get(0, "case_sensitive", false));
        Object attribute = a.get(1, "attribute", null);
        List<Object> items = Values.iterate(v);
        r.budget().work((long) items.size() * Math.max(1, items.size()));
        List<Object> seen = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Object k = key(r, item, attribute, caseSensitive);
            if (seen.stream().noneMatch(s -> Values.equal(s, k))) {
                seen.add(k);
                out.add(item);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static Object sort(Renderer r, Object v, Arguments a) {
        a.expect("sort", 3, "reverse", "case_sensitive", "attribute");
        boolean reverse = Values.truthy(a.get(0, "reverse", false));
        boolean caseSensitive = Values.truthy(a.get(1, "case_sensitive", false));
        Object attribute = a.get(2, "attribute", null);
        List<Object> items = new ArrayList<>(Values.iterate(v));
        r.budget().work((long) items.size() * (64 - Long.numberOfLeadingZeros(items.size() + 1L)));
        List<Object[]> keyed = new ArrayList<>();
        for (Object item : items) {
            keyed.add(new Object[] {item, key(r, item, attribute, caseSensitive)});
        }
        Comparator<Object[]> order = (x, y) -> Values.compare(x[1], y[1], "<");
        keyed.sort(reverse ? order.reversed() : order);
        List<Object> out = new ArrayList<>(keyed.size());
        keyed.forEach(pair -> out.add(pair[0]));
        return Collections.unmodifiableList(out);
    }

    private static Object dictsort(Renderer r, Object v, Arguments a) {
        a.expect("dictsort", 3, "case_sensitive", "by", "reverse");
        if (!(v instanceof Map<?, ?> map)) {
            throw new EvalError("dictsort needs a mapping, not " + Values.typeName(v));
        }
        boolean caseSensitive = Values.truthy(a.get(0, "case_sensitive", false));
        String by = soft(r, a.get(1, "by", "key"));
        boolean reverse = Values.truthy(a.get(2, "reverse", false));
        int position = switch (by) {
            case "key" -> 0;
            case "value" -> 1;
            default -> throw new EvalError("dictsort can only sort by 'key' or 'value'");
        };
        List<Object> pairs = new ArrayList<>();
        map.forEach((k, val) -> pairs.add(TupleList.of(k, val)));
        Comparator<Object> order = (x, y) -> Values.compare(key(r, ((List<?>) x).get(position), null, caseSensitive),
                key(r, ((List<?>) y).get(position), null, caseSensitive), "<");
        pairs.sort(reverse ? order.reversed() : order);
        return Collections.unmodifiableList(pairs);
    }

    private static Object map(Renderer r, Object v, Arguments a) {
        List<Object> items = Values.iterate(v);
        r.budget().work(items.size());
        List<Object> out = new ArrayList<>(items.size());
        if (a.positional().isEmpty() && a.named().containsKey("attribute")) {
            a.expect("map", 0, "attribute", "default");
            Object attribute = a.named().get("attribute");
            boolean hasDefault = a.named().containsKey("default");
            for (Object item : items) {
                Object value = attributeOf(r, item, attribute);
                out.add(value instanceof Undefined && hasDefault ? a.named().get("default") : value);
            }
            return Collections.unmodifiableList(out);
        }
        if (a.positional().isEmpty()) {
            throw new EvalError("map() needs a filter name or attribute=");
        }
        String filter = soft(r, a.positional().getFirst());
        if (!has(filter)) {
            throw new EvalError("no filter named '" + filter + "'");
        }
        Arguments rest = new Arguments(a.positional().subList(1, a.positional().size()), a.named());
        for (Object item : items) {
            out.add(apply(r, filter, item, rest));
        }
        return Collections.unmodifiableList(out);
    }

    /** select / reject / selectattr / rejectattr: keep the items whose test (or truth) is {@code keep}. */
    private static Object select(Renderer r, Object v, Arguments a, boolean byAttribute, boolean keep) {
        List<Object> args = a.positional();
        int at = 0;
        Object attribute = null;
        if (byAttribute) {
            if (args.isEmpty()) {
                throw new EvalError("selectattr/rejectattr need an attribute name");
            }
            attribute = args.get(at++);
        }
        String test = at < args.size() ? soft(r, args.get(at++)) : null;
        if (test != null && !BuiltinTests.has(test)) {
            throw new EvalError("no test named '" + test + "'");
        }
        Arguments testArgs = new Arguments(args.subList(at, args.size()), a.named());
        List<Object> items = Values.iterate(v);
        r.budget().work(items.size());
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Object subject = byAttribute ? attributeOf(r, item, attribute) : item;
            boolean passes = test == null ? Values.truthy(subject) : BuiltinTests.apply(r, test, subject, testArgs);
            if (passes == keep) {
                out.add(item);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Jinja's attribute getter: {@code "a.b.0"} walks items and attributes, integers as indices. */
    private static Object attributeOf(Renderer r, Object item, Object attribute) {
        if (attribute instanceof Long || attribute instanceof Boolean) {
            return Values.getItem(item, attribute, r.budget());
        }
        Object value = item;
        for (String part : soft(r, attribute).split("\\.", -1)) {
            Object key = part.matches("\\d+") ? (Object) Long.parseLong(part) : part;
            value = Values.getItem(value, key, r.budget());
        }
        return value;
    }
}
