package io.thoughtscope.runtime.llama;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model-loading progress callback: forwards progress to the listener registered under the
 * callback's data pointer, and stops the load when the listener says so.
 */
final class LoadProgress {

    private static final ConcurrentHashMap<Long, java.util.function.DoublePredicate> LISTENERS = new ConcurrentHashMap<>();

    private LoadProgress() {
    }

    static void register(long id, java.util.function.DoublePredicate l) {
        LISTENERS.put(id, l);
    }

    static void unregister(long id) {
        LISTENERS.remove(id);
    }

    /** Upcall target: bool (*llama_progress_callback)(float progress, void * user_data). */
    static boolean report(float progress, MemorySegment data) {
        java.util.function.DoublePredicate l = LISTENERS.get(data.address());
        if (l == null) {
            return true;
        }
        try {
            return l.test(progress);
        } catch (RuntimeException e) {
            return true; // a listener's bug must not abort the load or unwind into native code
        }
    }
}
