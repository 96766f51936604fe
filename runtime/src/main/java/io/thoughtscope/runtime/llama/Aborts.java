package io.thoughtscope.runtime.llama;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The abort callback llama.cpp polls during a decode: it reads the cancel flag of the context
 * whose id is passed as the callback's data pointer.
 */
final class Aborts {

    private static final ConcurrentHashMap<Long, AtomicBoolean> FLAGS = new ConcurrentHashMap<>();

    private Aborts() {
    }

    static void register(long id, AtomicBoolean flag) {
        FLAGS.put(id, flag);
    }

    static void unregister(long id) {
        FLAGS.remove(id);
    }

    /** Upcall target: bool (*ggml_abort_callback)(void * data). */
    static boolean shouldAbort(MemorySegment data) {
        AtomicBoolean f = FLAGS.get(data.address());
        return f != null && f.get();
    }
}
