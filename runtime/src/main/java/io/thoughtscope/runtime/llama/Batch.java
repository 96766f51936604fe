package io.thoughtscope.runtime.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A reusable native {@code llama_batch}: token, position, one sequence id and the output flag per
 * entry, in arrays allocated once for the engine's batch size.
 */
final class Batch {

    private final int capacity;
    private final MemorySegment struct;
    private final MemorySegment token;
    private final MemorySegment pos;
    private final MemorySegment nSeqId;
    private final MemorySegment seqIdPtrs;
    private final MemorySegment seqIds;
    private final MemorySegment logits;
    private int size;

    Batch(Arena arena, int capacity) {
        this.capacity = capacity;
        struct = arena.allocate(Structs.BATCH);
        token = arena.allocate(JAVA_INT, capacity);
        pos = arena.allocate(JAVA_INT, capacity);
        nSeqId = arena.allocate(JAVA_INT, capacity);
        seqIdPtrs = arena.allocate(ADDRESS, capacity);
        seqIds = arena.allocate(JAVA_INT, capacity);
        logits = arena.allocate(JAVA_BYTE, capacity);
        for (int i = 0; i < capacity; i++) {
            nSeqId.setAtIndex(JAVA_INT, i, 1);
            seqIdPtrs.setAtIndex(ADDRESS, i, seqIds.asSlice((long) i * Integer.BYTES, Integer.BYTES));
        }
        struct.set(ADDRESS, Structs.B_TOKEN, token);
        struct.set(ADDRESS, Structs.B_EMBD, MemorySegment.NULL);
        struct.set(ADDRESS, Structs.B_POS, pos);
        struct.set(ADDRESS, Structs.B_N_SEQ_ID, nSeqId);
        struct.set(ADDRESS, Structs.B_SEQ_ID, seqIdPtrs);
        struct.set(ADDRESS, Structs.B_LOGITS, logits);
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    void add(int tok, int position, int sequence, boolean output) {
        if (size == capacity) {
            throw new IllegalStateException("batch full");
        }
        token.setAtIndex(JAVA_INT, size, tok);
        pos.setAtIndex(JAVA_INT, size, position);
        seqIds.setAtIndex(JAVA_INT, size, sequence);
        logits.setAtIndex(JAVA_BYTE, size, (byte) (output ? 1 : 0));
        size++;
    }

    /** The struct to pass by value, with the current token count. */
    MemorySegment struct() {
        struct.set(JAVA_INT, Structs.B_N_TOKENS, size);
        return struct;
    }
}
