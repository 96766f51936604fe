package io.thoughtscope.runtime.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's value semantics over the Java values a template sees: {@code null} (None),
 * {@link Boolean}, {@link Long}, {@link Double}, {@link String}, {@link List} (and
 * {@link TupleList}), {@link Map}, {@link Undefined}, {@link Namespace}, {@link LoopState} and
 * {@link TemplateFunction}.
 */
final class Values {

    /** Marks a key a map does not hold, since a held value may be null (None). */
    static final Object ABSENT = new Object();

    private Values() {
    }

    /** Turns caller values into template values: every integer a Long, every list and map a copy. */
    static Object fromJava(Object o) {
        return fromJava(o, 0);
    }

    private static Object fromJava(Object o, int depth) {
        if (depth > RenderBudget.MAX_VALUE_DEPTH) {
            throw new IllegalArgumentException("template values nest more than " + RenderBudget.MAX_VALUE_DEPTH + " deep");
        }
        return switch (o) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Double d -> d;
            case Float f -> Double.parseDouble(Float.toString(f));
            case BigInteger b -> {
                try {
                    yield b.longValueExact();
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("integer too large for a template: " + b);
                }
            }
            case BigDecimal b -> b.doubleValue();
            case Character c -> c.toString();
            case Enum<?> e -> e.name();
            case Map<?, ?> map -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(fromJava(k, depth + 1), fromJava(v, depth + 1)));
                yield Collections.unmodifiableMap(copy);
            }
            case Collection<?> c -> {
                List<Object> copy = new ArrayList<>(c.size());
                c.forEach(item -> copy.add(fromJava(item, depth + 1)));
                yield Collections.unmodifiableList(copy);
            }
            case Object[] array -> fromJava(java.util.Arrays.asList(array), depth);
            default -> throw new IllegalArgumentException("a template value must be a String, Number, Boolean, "
                    + "List, Map or null, not " + o.getClass().getName());
        };
    }

    static boolean truthy(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case Long l -> l != 0;
            case Double d -> d != 0.0;
            case String s -> !s.isEmpty();
            case Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            case Undefined u -> false;
            default -> true;
        };
    }

    static String typeName(Object v) {
        return switch (v) {
            case null -> "NoneType";
            case Boolean b -> "bool";
            case Long l -> "int";
            case Double d -> "float";
            case String s -> "str";
            case TupleList t -> "tuple";
            case List<?> l -> "list";
            case Map<?, ?> m -> "dict";
            case Undefined u -> "Undefined";
            case Namespace ns -> "Namespace";
            case LoopState loop -> "LoopContext";
            case Macro m -> "Macro";
            case PySlice s -> "slice";
            case TemplateFunction f -> "builtin_function_or_method";
            default -> v.getClass().getSimpleName();
        };
    }

    static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof Boolean;
    }

    /** Python {@code ==}: numbers by value across int, float and bool; lists, tuples and dicts deeply. */
    static boolean equal(Object a, Object b) {
        return equal(a, b, 0);
    }

    private static boolean equal(Object a, Object b, int depth) {
        RenderBudget.checkValueDepth(depth);
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (isNumber(a) && isNumber(b)) {
            return compareNumbers(a, b) == 0;
        }
        if (a instanceof Undefined || b instanceof Undefined) {
            return a instanceof Undefined && b instanceof Undefined;
        }
        if (a instanceof String s) {
            return s.equals(b);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if ((x instanceof TupleList) != (y instanceof TupleList) || x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                Object other = mapGet(y, e.getKey());
                if (other == ABSENT || !equal(e.getValue(), other, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Python ordering ({@code <}): numbers, strings by code point, lists and tuples element-wise. */
    static int compare(Object a, Object b, String op) {
        return compare(a, b, op, 0);
    }

    private static int compare(Object a, Object b, String op, int depth) {
        RenderBudget.checkValueDepth(depth);
        if (isNumber(a) && isNumber(b)) {
            return compareNumbers(a, b);
        }
        if (a instanceof String x && b instanceof String y) {
            return compareCodePoints(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y && (x instanceof TupleList) == (y instanceof TupleList)) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return compare(x.get(i), y.get(i), op, depth + 1);
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        if (a instanceof Undefined u) {
            throw u.misuse();
        }
        if (b instanceof Undefined u) {
            throw u.misuse();
        }
        throw new EvalError("'" + op + "' not supported between instances of '" + typeName(a)
                + "' and '" + typeName(b) + "'");
    }

    static int compareCodePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }

    static int compareNumbers(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            double x = toDouble(a);
            double y = toDouble(b);
            if (a instanceof Double && b instanceof Double) {
                return x == y ? 0 : (x < y ? -1 : 1);
            }
            // an int against a float: compare exactly, as Python does
            Object integer = a instanceof Double ? b : a;
            double real = a instanceof Double ? x : y;
            if (Double.isNaN(real)) {
                return 1;
            }
            if (Double.isInfinite(real)) {
                return a instanceof Double ? (real > 0 ? 1 : -1) : (real > 0 ? -1 : 1);
            }
            int cmp = new BigDecimal(toLong(integer)).compareTo(new BigDecimal(real));
            return a instanceof Double ? -cmp : cmp;
        }
        return Long.compare(toLong(a), toLong(b));
    }

    static long toLong(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : (Long) v;
    }

    static double toDouble(Object v) {
        return switch (v) {
            case Boolean b -> b ? 1 : 0;
            case Long l -> l;
            default -> (Double) v;
        };
    }

    /** A map's value for a key, matching numbers across types as Python's hashing does, or {@link #ABSENT}. */
    static Object mapGet(Map<?, ?> map, Object key) {
        if (map.containsKey(key)) {
            return map.get(key);
        }
        if (isNumber(key)) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (isNumber(e.getKey()) && equal(e.getKey(), key)) {
                    return e.getValue();
                }
            }
        }
        return ABSENT;
    }

    /** What a for loop walks: list items, dict keys, string characters; nothing for undefined. */
    static List<Object> iterate(Object v) {
        return switch (v) {
            case List<?> l -> Collections.unmodifiableList(l);
            case Map<?, ?> m -> Collections.unmodifiableList(new ArrayList<Object>(m.keySet()));
            case String s -> PythonStrings.characters(s);
            case Undefined u -> List.of();
            case null, default -> throw new EvalError("'" + typeName(v) + "' object is not iterable");
        };
    }

    static long length(Object v) {
        return switch (v) {
            case String s -> PythonStrings.length(s);
            case Collection<?> c -> c.size();
            case Map<?, ?> m -> m.size();
            case Undefined u -> 0;
            case null, default -> throw new EvalError("object of type '" + typeName(v) + "' has no len()");
        };
    }

    /** {@code value.name}: a method or attribute first, then an item, else undefined (Jinja's getattr). */
    static Object getAttr(Object obj, String name) {
        return switch (obj) {
            case Undefined u -> throw u.misuse();
            case String s -> StringMethods.has(name) ? new BoundMethod(s, name) : Undefined.attribute(s, name);
            case Map<?, ?> m -> {
                if (CollectionMethods.isMapMethod(name)) {
                    yield new BoundMethod(m, name);
                }
                Object v = mapGet(m, name);
                yield v == ABSENT ? Undefined.attribute(m, name) : v;
            }
            case List<?> l -> CollectionMethods.isListMethod(name) ? new BoundMethod(l, name) : Undefined.attribute(l, name);
            case Namespace ns -> ns.get(name);
            case LoopState loop -> loop.attribute(name);
            case null, default -> Undefined.attribute(obj, name);
        };
    }

    /** {@code value[key]}: an item first, then (for a string key) an attribute, else undefined (Jinja's getitem). */
    static Object getItem(Object obj, Object key, RenderBudget budget) {
        if (obj instanceof Undefined u) {
            throw u.misuse();
        }
        if (key instanceof PySlice slice) {
            // Python's TypeError (bounds that are not integers, a value that is no sequence) is
            // undefined to Jinja; a zero step (ValueError) stays an error
            if (!slice.hasIntegerParts() || !(obj instanceof String || obj instanceof List<?>)) {
                return new Undefined("'" + typeName(obj) + " object' cannot be sliced with " + PythonText.str(slice));
            }
            return Sequences.slice(obj, slice, budget);
        }
        Object found = switch (obj) {
            case List<?> l when key instanceof Long || key instanceof Boolean -> Sequences.index(l, toLong(key));
            case String s when key instanceof Long || key instanceof Boolean -> Sequences.index(s, toLong(key));
            case Map<?, ?> m -> mapGet(m, key);
            case null, default -> ABSENT;
        };
        if (found != ABSENT) {
            return found;
        }
        if (key instanceof String name) {
            return getAttr(obj, name);
        }
        return new Undefined("'" + typeName(obj) + " object' has no element " + PythonText.repr(key));
    }

    /** Python's {@code d[key] = value}: an equal key already there (1, 1.0, True) keeps its place and spelling. */
    static void putKey(Map<Object, Object> map, Object key, Object value) {
        if (!map.containsKey(key) && isNumber(key)) {
            for (Object existing : map.keySet()) {
                if (isNumber(existing) && equal(existing, key)) {
                    map.put(existing, value);
                    return;
                }
            }
        }
        map.put(key, value);
    }

    /** Fails for values Python cannot use as a dict key. */
    static Object hashable(Object key) {
        if (key instanceof Map<?, ?> || (key instanceof List<?> && !(key instanceof TupleList))
                || key instanceof Namespace) {
            throw new EvalError("unhashable type: '" + typeName(key) + "'");
        }
        if (key instanceof Undefined u) {
            throw u.misuse();
        }
        return key;
    }
}
