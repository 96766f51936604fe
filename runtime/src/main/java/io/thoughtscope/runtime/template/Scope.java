package io.thoughtscope.runtime.template;

import java.util.HashMap;
import java.util.Map;

/**
 * Variables visible at one point of a render. As in Jinja, each loop iteration, macro call and
 * {@code with} block gets a child scope: a {@code set} inside it is gone when it ends (a
 * {@link Namespace} is how a template carries a value out), while {@code if} blocks share their
 * enclosing scope.
 */
final class Scope {

    private final Scope parent;
    private final Map<String, Object> variables = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Scope child() {
        return new Scope(this);
    }

    Object lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.variables.containsKey(name)) {
                return s.variables.get(name);
            }
        }
        return Undefined.name(name);
    }

    void set(String name, Object value) {
        variables.put(name, value);
    }
}
