package io.thoughtscope.runtime.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Indexing and slicing of strings and lists, with Python's negative indices; out of range is undefined. */
final class Sequences {

    private Sequences() {
    }

    static Object index(List<?> list, long i) {
        long at = i < 0 ? i + list.size() : i;
        return at >= 0 && at < list.size() ? list.get((int) at) : new Undefined("list index out of range");
    }

    static Object index(String s, long i) {
        if (PythonStrings.isBmpOnly(s)) {
            long at = i < 0 ? i + s.length() : i;
            return at >= 0 && at < s.length() ? String.valueOf(s.charAt((int) at)) : new Undefined("string index out of range");
        }
        return index(PythonStrings.characters(s), i);
    }

    static Object slice(Object obj, PySlice slice, RenderBudget budget) {
        return switch (obj) {
            case String s -> sliceString(s, slice, budget);
            case List<?> l -> {
                List<Object> picked = pick(l, slice, budget);
                yield l instanceof TupleList ? new TupleList(picked) : Collections.unmodifiableList(picked);
            }
            case null, default -> throw new EvalError("'" + Values.typeName(obj) + "' object is not subscriptable");
        };
    }

    private static String sliceString(String s, PySlice slice, RenderBudget budget) {
        if (!PythonStrings.isBmpOnly(s)) {
            List<Object> picked = pick(PythonStrings.characters(s), slice, budget);
            return String.join("", picked.stream().map(String.class::cast).toList());
        }
        long[] r = slice.indices(s.length());
        budget.charString(r[3]);
        if (r[2] == 1) {
            return s.substring((int) r[0], (int) (r[0] + r[3]));
        }
        StringBuilder out = new StringBuilder((int) r[3]);
        for (long k = 0, i = r[0]; k < r[3]; k++, i += r[2]) {
            out.append(s.charAt((int) i));
        }
        return out.toString();
    }

    private static List<Object> pick(List<?> items, PySlice slice, RenderBudget budget) {
        long[] r = slice.indices(items.size());
        budget.chargeList(r[3]);
        List<Object> out = new ArrayList<>((int) r[3]);
        for (long k = 0, i = r[0]; k < r[3]; k++, i += r[2]) {
            out.add(items.get((int) i));
        }
        return out;
    }
}
