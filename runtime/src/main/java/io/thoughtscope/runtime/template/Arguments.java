package io.thoughtscope.runtime.template;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one call, bound Python-style: a parameter is found by position or by name.
 *
 * @param positional values in order
 * @param named      keyword arguments in order of appearance
 */
record Arguments(List<Object> positional, Map<String, Object> named) {

    static final Arguments NONE = new Arguments(List.of(), Map.of());

    static Arguments of(List<Object> positional) {
        return new Arguments(positional, Map.of());
    }

    int size() {
        return positional.size() + named.size();
    }

    boolean has(int index, String name) {
        return index < positional.size() || named.containsKey(name);
    }

    /** The parameter at {@code index} or named {@code name}, else {@code fallback}. */
    Object get(int index, String name, Object fallback) {
        if (index >= 0 && index < positional.size()) {
            if (name != null && named.containsKey(name)) {
                throw new EvalError("got multiple values for argument '" + name + "'");
            }
            return positional.get(index);
        }
        return name != null && named.containsKey(name) ? named.get(name) : fallback;
    }

    /** Fails when the call passes more positional arguments than {@code max} or unknown names. */
    Arguments expect(String function, int max, String... names) {
        if (positional.size() > max) {
            throw new EvalError(function + "() takes at most " + max + " positional argument"
                    + (max == 1 ? "" : "s") + " (" + positional.size() + " given)");
        }
        Set<String> allowed = Set.of(names);
        for (String name : named.keySet()) {
            if (!allowed.contains(name)) {
                throw new EvalError(function + "() got an unexpected keyword argument '" + name + "'");
            }
        }
        return this;
    }

    /** A required string parameter. */
    String string(int index, String name, String function) {
        Object value = get(index, name, null);
        if (!(value instanceof String s)) {
            throw new EvalError(function + "() needs a string for '" + name + "', not "
                    + Values.typeName(value));
        }
        return s;
    }

    /** An optional integer parameter. */
    long integer(int index, String name, long fallback, String function) {
        Object value = get(index, name, null);
        return switch (value) {
            case null -> fallback;
            case Long l -> l;
            case Boolean b -> b ? 1 : 0;
            default -> throw new EvalError(function + "() needs an integer for '" + name + "', not "
                    + Values.typeName(value));
        };
    }
}
