package io.thoughtscope.runtime.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mutable object {@code namespace()} returns: the one way a template can carry a value out
 * of a loop ({@code {% set ns.found = true %}}).
 */
final class Namespace {

    private final Map<String, Object> attributes = new LinkedHashMap<>();

    Object get(String name) {
        return attributes.containsKey(name) ? attributes.get(name) : Undefined.attribute(this, name);
    }

    void set(String name, Object value) {
        attributes.put(name, value);
    }

    Map<String, Object> attributes() {
        return attributes;
    }
}
