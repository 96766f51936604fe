package io.thoughtscope.runtime.template;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The functions every template sees: Jinja's {@code namespace}, {@code range} and {@code dict},
 * and Hugging Face's {@code raise_exception} and {@code strftime_now}.
 */
final class BuiltinGlobals {

    private record Builtin(String name, BiFunction<Renderer, Arguments, Object> body) implements TemplateFunction {
        @Override
        public Object call(Renderer renderer, Arguments args) {
            return body.apply(renderer, args);
        }

        @Override
        public String describe() {
            return "<built-in function " + name + ">";
        }
    }

    private static final List<Builtin> ALL = List.of(
            new Builtin("namespace", BuiltinGlobals::namespace),
            new Builtin("range", BuiltinGlobals::range),
            new Builtin("dict", BuiltinGlobals::dict),
            new Builtin("raise_exception", (r, a) -> {
                throw new EvalError(TemplateException.Kind.RAISED,
                        PythonText.str(a.get(0, "message", ""), r.budget()));
            }),
            new Builtin("strftime_now", (r, a) -> PythonStrftime.format(
                    a.expect("strftime_now", 1).string(0, "format", "strftime_now"), ZonedDateTime.now(r.clock()))));

    private BuiltinGlobals() {
    }

    /** A scope holding the globals, for the caller's variables to shadow. */
    static Scope scope() {
        Scope scope = new Scope(null);
        ALL.forEach(b -> scope.set(b.name(), b));
        return scope;
    }

    private static Object namespace(Renderer r, Arguments a) {
        Namespace ns = new Namespace();
        for (Object initial : a.positional()) {
            if (!(initial instanceof Map<?, ?> map)) {
                throw new EvalError("namespace() takes a mapping or keyword arguments");
            }
            map.forEach((k, v) -> ns.set(PythonText.str(k), v));
        }
        a.named().forEach(ns::set);
        return ns;
    }

    private static Object dict(Renderer r, Arguments a) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Object initial : a.positional()) {
            if (!(initial instanceof Map<?, ?> m)) {
                throw new EvalError("dict() takes a mapping or keyword arguments");
            }
            map.putAll(m);
        }
        map.putAll(a.named());
        return Collections.unmodifiableMap(map);
    }

    private static Object range(Renderer r, Arguments a) {
        a.expect("range", 3);
        long start = 0;
        long stop;
        long step = 1;
        if (a.positional().size() == 1) {
            stop = a.integer(0, null, 0, "range");
        } else if (a.positional().size() >= 2) {
            start = a.integer(0, null, 0, "range");
            stop = a.integer(1, null, 0, "range");
            step = a.integer(2, null, 1, "range");
        } else {
            throw new EvalError("range() expects at least one argument");
        }
        if (step == 0) {
            throw new EvalError("range() arg 3 must not be zero");
        }
        long count = step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0)
                : (start > stop ? (start - stop - 1) / (-step) + 1 : 0);
        if (count > RenderBudget.MAX_RANGE) {
            throw RenderBudget.limit("range too big: ranges longer than " + RenderBudget.MAX_RANGE + " are refused");
        }
        r.budget().chargeList(count);
        List<Object> items = new ArrayList<>((int) count);
        for (long k = 0, v = start; k < count; k++, v += step) {
            items.add(v);
        }
        return Collections.unmodifiableList(items);
    }
}
