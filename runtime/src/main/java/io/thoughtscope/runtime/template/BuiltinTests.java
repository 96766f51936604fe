package io.thoughtscope.runtime.template;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Jinja's tests ({@code value is name(args)}): {@code defined}, {@code none}, {@code string}, {@code equalto}, ... */
final class BuiltinTests {

    @FunctionalInterface
    private interface Test {
        boolean apply(Renderer r, Object value, Arguments args);
    }

    private static final Map<String, Test> TESTS = new HashMap<>();

    static {
        TESTS.put("defined", (r, v, a) -> !(v instanceof Undefined));
        TESTS.put("undefined", (r, v, a) -> v instanceof Undefined);
        TESTS.put("none", (r, v, a) -> v == null);
        TESTS.put("boolean", (r, v, a) -> v instanceof Boolean);
        TESTS.put("true", (r, v, a) -> Boolean.TRUE.equals(v));
        TESTS.put("false", (r, v, a) -> Boolean.FALSE.equals(v));
        TESTS.put("integer", (r, v, a) -> v instanceof Long);
        TESTS.put("float", (r, v, a) -> v instanceof Double);
        TESTS.put("number", (r, v, a) -> Values.isNumber(v));
        TESTS.put("string", (r, v, a) -> v instanceof String);
        TESTS.put("mapping", (r, v, a) -> v instanceof Map<?, ?>);
        // as Python's iter() and len() see them; an undefined value iterates as empty
        TESTS.put("iterable", (r, v, a) -> v instanceof String || v instanceof Collection<?> || v instanceof Map<?, ?>
                || v instanceof Undefined);
        TESTS.put("sequence", (r, v, a) -> v instanceof String || v instanceof List<?> || v instanceof Map<?, ?>
                || v instanceof Undefined);
        TESTS.put("callable", (r, v, a) -> v instanceof TemplateFunction || v instanceof Undefined);
        TESTS.put("sameas", (r, v, a) -> sameAs(v, a.get(0, "other", null)));
        TESTS.put("escaped", (r, v, a) -> false);
        TESTS.put("in", (r, v, a) -> Operators.contains(a.get(0, "seq", null), v));
        Test equal = (r, v, a) -> Values.equal(v, a.get(0, "other", null));
        TESTS.put("eq", equal);
        TESTS.put("equalto", equal);
        TESTS.put("==", equal);
        Test notEqual = (r, v, a) -> !Values.equal(v, a.get(0, "other", null));
        TESTS.put("ne", notEqual);
        TESTS.put("!=", notEqual);
        Test less = (r, v, a) -> Values.compare(v, a.get(0, "other", null), "<") < 0;
        TESTS.put("lt", less);
        TESTS.put("lessthan", less);
        TESTS.put("<", less);
        Test lessOrEqual = (r, v, a) -> Values.compare(v, a.get(0, "other", null), "<=") <= 0;
        TESTS.put("le", lessOrEqual);
        TESTS.put("<=", lessOrEqual);
        Test greater = (r, v, a) -> Values.compare(v, a.get(0, "other", null), ">") > 0;
        TESTS.put("gt", greater);
        TESTS.put("greaterthan", greater);
        TESTS.put(">", greater);
        Test greaterOrEqual = (r, v, a) -> Values.compare(v, a.get(0, "other", null), ">=") >= 0;
        TESTS.put("ge", greaterOrEqual);
        TESTS.put(">=", greaterOrEqual);
        TESTS.put("even", (r, v, a) -> Values.equal(Operators.arithmetic("%", v, 2L), 0L));
        TESTS.put("odd", (r, v, a) -> Values.equal(Operators.arithmetic("%", v, 2L), 1L));
        TESTS.put("divisibleby", (r, v, a) -> Values.equal(Operators.arithmetic("%", v, a.get(0, "num", null)), 0L));
        TESTS.put("lower", (r, v, a) -> PythonStrings.isAllCase(PythonText.str(v, r.budget()), false));
        TESTS.put("upper", (r, v, a) -> PythonStrings.isAllCase(PythonText.str(v, r.budget()), true));
        TESTS.put("filter", (r, v, a) -> v instanceof String s && BuiltinFilters.has(s));
        TESTS.put("test", (r, v, a) -> v instanceof String s && has(s));
    }

    private BuiltinTests() {
    }

    static boolean has(String name) {
        return TESTS.containsKey(name);
    }

    static boolean apply(Renderer r, String name, Object value, Arguments args) {
        r.budget().step();
        return TESTS.get(name).apply(r, value, args);
    }

    /** Python's {@code is}: the same object; small integers, booleans and None are shared objects there. */
    private static boolean sameAs(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            return a.equals(b);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.equals(y) && x >= -5 && x <= 256;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equals(y);
        }
        return a == b;
    }
}
