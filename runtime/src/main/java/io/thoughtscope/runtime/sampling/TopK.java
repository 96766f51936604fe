package io.thoughtscope.runtime.sampling;

import java.util.Arrays;

/** The indexes of the k largest values of an array, largest first, in O(n log k). */
final class TopK {

    private TopK() {
    }

    static int[] select(float[] values, int n, int k) {
        if (k <= 0) {
            return new int[0];
        }
        // min-heap of the best k seen so far, keyed by value then by lower index
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (size < k) {
                heap[size] = i;
                siftUp(heap, size, values);
                size++;
            } else if (better(i, heap[0], values)) {
                heap[0] = i;
                siftDown(heap, 0, size, values);
            }
        }
        int[] out = Arrays.copyOf(heap, size);
        // sort best first
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = out[i];
        }
        Arrays.sort(boxed, (a, b) -> better(a, b, values) ? -1 : better(b, a, values) ? 1 : 0);
        for (int i = 0; i < size; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    /** The first {@code count} of {@code indices}, sorted best first (larger value, then lower index). */
    static int[] select(float[] values, int[] indices, int count) {
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            // order by value descending, then index ascending, in one primitive sort
            int bits = Float.floatToRawIntBits(values[indices[i]]);
            int sortable = bits >= 0 ? bits : bits ^ 0x7FFFFFFF; // monotone in the float's value
            keys[i] = ((long) ~sortable << 32) | (indices[i] & 0xFFFFFFFFL);
        }
        Arrays.sort(keys);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = (int) keys[i];
        }
        return out;
    }

    /** a ranks above b: larger value, or equal value and lower index. */
    private static boolean better(int a, int b, float[] v) {
        return v[a] > v[b] || (v[a] == v[b] && a < b);
    }

    private static void siftUp(int[] h, int i, float[] v) {
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (better(h[p], h[i], v)) {
                int t = h[p];
                h[p] = h[i];
                h[i] = t;
                i = p;
            } else {
                return;
            }
        }
    }

    private static void siftDown(int[] h, int i, int size, float[] v) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int r = l + 1;
            int worst = r < size && better(h[l], h[r], v) ? r : l;
            if (better(h[i], h[worst], v)) {
                int t = h[i];
                h[i] = h[worst];
                h[worst] = t;
                i = worst;
            } else {
                return;
            }
        }
    }
}
