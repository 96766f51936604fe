package io.thoughtscope.runtime.template;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/** A Python tuple: a list everywhere, except that it prints with parentheses and never equals a list. */
final class TupleList extends AbstractList<Object> implements RandomAccess {

    private final List<Object> items;

    TupleList(List<Object> items) {
        this.items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    static TupleList of(Object... items) {
        List<Object> list = new ArrayList<>(items.length);
        Collections.addAll(list, items);
        return new TupleList(list);
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
