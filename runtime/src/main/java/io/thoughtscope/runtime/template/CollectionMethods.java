package io.thoughtscope.runtime.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The read-only Python methods of dicts ({@code get}, {@code items}, ...) and lists ({@code index}, {@code count}). */
final class CollectionMethods {

    private static final Set<String> MAP_METHODS = Set.of("get", "items", "keys", "values", "copy");
    private static final Set<String> LIST_METHODS = Set.of("index", "count", "copy");

    private CollectionMethods() {
    }

    static boolean isMapMethod(String name) {
        return MAP_METHODS.contains(name);
    }

    static boolean isListMethod(String name) {
        return LIST_METHODS.contains(name);
    }

    static Object call(Renderer renderer, Object receiver, String name, Arguments args) {
        return switch (receiver) {
            case Map<?, ?> map -> callMap(renderer, map, name, args);
            case List<?> list -> callList(renderer, list, name, args);
            default -> throw new EvalError("'" + Values.typeName(receiver) + "' object has no attribute '" + name + "'");
        };
    }

    private static Object callMap(Renderer renderer, Map<?, ?> map, String name, Arguments args) {
        renderer.budget().work(map.size());
        return switch (name) {
            case "get" -> {
                args.expect("get", 2);
                Object value = Values.mapGet(map, args.get(0, null, null));
                yield value == Values.ABSENT ? args.get(1, null, null) : value;
            }
            case "items" -> {
                List<Object> items = new ArrayList<>(map.size());
                map.forEach((k, v) -> items.add(TupleList.of(k, v)));
                yield Collections.unmodifiableList(items);
            }
            case "keys" -> Collections.unmodifiableList(new ArrayList<Object>(map.keySet()));
            case "values" -> Collections.unmodifiableList(new ArrayList<Object>(map.values()));
            case "copy" -> map;
            default -> throw new EvalError("'dict' object has no attribute '" + name + "'");
        };
    }

    private static Object callList(Renderer renderer, List<?> list, String name, Arguments args) {
        renderer.budget().work(list.size());
        return switch (name) {
            case "index", "count" -> {
                args.expect(name, 1);
                Object item = args.get(0, null, null);
                long count = 0;
                for (int i = 0; i < list.size(); i++) {
                    if (Values.equal(list.get(i), item)) {
                        if (name.equals("index")) {
                            yield (long) i;
                        }
                        count++;
                    }
                }
                if (name.equals("index")) {
                    throw new EvalError(PythonText.repr(item) + " is not in list");
                }
                yield count;
            }
            case "copy" -> list;
            default -> throw new EvalError("'list' object has no attribute '" + name + "'");
        };
    }
}
