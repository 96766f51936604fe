package io.thoughtscope.runtime.template;

/** A slice {@code [start:stop:step]}; each part null when omitted, as in Python. */
record PySlice(Object start, Object stop, Object step) {

    /** Python's {@code slice.indices}: start, stop, step and length for a sequence of {@code length}. */
    long[] indices(int length) {
        long st = step == null ? 1 : integer(step);
        if (st == 0) {
            throw new EvalError("slice step cannot be zero");
        }
        long lower = st < 0 ? -1 : 0;
        long upper = st < 0 ? length - 1 : length;
        long a = start == null ? (st < 0 ? upper : lower) : clamp(integer(start), length, lower, upper);
        long b = stop == null ? (st < 0 ? lower : upper) : clamp(integer(stop), length, lower, upper);
        long count;
        if (st > 0) {
            count = a < b ? (b - a - 1) / st + 1 : 0;
        } else {
            count = b < a ? (a - b - 1) / (-st) + 1 : 0;
        }
        return new long[] {a, b, st, count};
    }

    boolean hasIntegerParts() {
        return isInteger(start) && isInteger(stop) && isInteger(step);
    }

    private static boolean isInteger(Object part) {
        return part == null || part instanceof Long || part instanceof Boolean;
    }

    private static long clamp(long i, int length, long lower, long upper) {
        if (i < 0) {
            i += length;
            return Math.max(i, lower);
        }
        return Math.min(i, upper);
    }

    private static long integer(Object o) {
        return switch (o) {
            case Long l -> l;
            case Boolean b -> b ? 1 : 0;
            case null, default -> throw new EvalError("slice indices must be integers or None");
        };
    }
}
